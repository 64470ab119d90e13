"""The records that pass from the ingest stage to the store: what was read of an article, and what the store keeps
of a gazetteer place. Both sides import them from here, so neither has to import the other's code for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    text: str  # the original text as read (HTML already reduced to its main text)
    title: str | None  # None: ingest takes the first line of the cleaned text
    outlet: str
    source: str
    url: str | None = None
    published: date | None = None
    published_inferred: bool = False


@dataclass(frozen=True, slots=True)
class PlaceRecord:
    """What the store keeps of a gazetteer place; `geometry` is a GeoJSON geometry dict (lon/lat)."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    geometry: dict[str, Any]
    approximate: bool = False
    source: str | None = None
    licence: str | None = None
