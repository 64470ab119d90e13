"""Offline world gazetteer: place names to real geometries, built at set-up from packaged open data."""

from gazetteer.index import Gazetteer
from gazetteer.model import Candidate, Place

__all__ = ["Candidate", "Gazetteer", "Place"]
