"""Geoparsing: article text -> place mentions resolved against the gazetteer."""
