"""Readers for the packaged datasets the gazetteer is built from.

Each reader turns one dataset into `Record`s (or into names attached to records) and knows nothing of the index format.
"""
