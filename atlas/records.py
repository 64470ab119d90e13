"""The records that pass from the ingest stage to the store: what was read of an article, and what the store keeps
of a gazetteer place. Both sides import them from here, so neither has to import the other's code for them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

# The longest outlet name and URL an article may carry (the store's columns are sized for them), enforced here so
# every path in (files, the form, the API of later stages) meets the same limit on SQLite and PostgreSQL alike.
MAX_OUTLET = 200
MAX_URL = 2000
MAX_AUTHOR = 300


@dataclass(frozen=True, slots=True)
class ArticleRecord:
    text: str  # the original text as read (HTML already reduced to its main text)
    title: str | None  # None: ingest takes the first line of the cleaned text
    outlet: str
    source: str
    url: str | None = None
    published: date | None = None
    published_inferred: bool = False
    author: str | None = None
    language: str | None = None  # a BCP 47 tag, as the page declared it
    fetched_url: str | None = None  # the address the page was fetched from (None for files and pasted text)

    def __post_init__(self) -> None:
        if len(self.outlet) > MAX_OUTLET:
            raise ValueError(f"outlet is longer than {MAX_OUTLET} characters")
        if self.url is not None and len(self.url) > MAX_URL:
            raise ValueError(f"url is longer than {MAX_URL} characters")
        if self.author is not None and len(self.author) > MAX_AUTHOR:
            raise ValueError(f"author is longer than {MAX_AUTHOR} characters")


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
