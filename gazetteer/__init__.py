"""Offline world gazetteer: place names to real geometries, built at set-up from packaged open data."""

from gazetteer.index import Gazetteer
from gazetteer.model import Candidate, Kind, Place

__all__ = ["Candidate", "Gazetteer", "Kind", "Place"]
