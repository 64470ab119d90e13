"""The analysis stage of ingest: original text -> cleaned text, resolved mentions and the places they name.

It is the costly part (spaCy and the gazetteer), so it is kept apart from the loop that reads files and writes the
store: atlas.parallel runs it in this process, in worker processes or on a Dask cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

from atlas.store_write import PlaceRecord
from geo.model import Mention


@dataclass(frozen=True, slots=True)
class Analysis:
    cleaned_text: str
    mentions: list[Mention]
    places: dict[str, PlaceRecord]


class Analyser:
    """Cleans, geoparses and resolves one text. The parser and gazetteer load once, on first use."""

    def __init__(self) -> None:
        self._parser = None
        self._gazetteer = None

    def __call__(self, text: str) -> Analysis:
        from gazetteer import Gazetteer
        from geo.cleaning import strip_boilerplate
        from geo.parser import Geoparser

        if self._parser is None:
            self._parser = Geoparser()
            self._gazetteer = Gazetteer()
        cleaned = strip_boilerplate(text)
        found = self._parser.parse(text)  # the parser blanks boilerplate itself and keeps offsets into `text`
        return Analysis(cleaned, found, {m.place_id: self._place(m) for m in found})

    def _place(self, mention: Mention) -> PlaceRecord:
        place = self._gazetteer.get(mention.place_id)
        if place is None:
            raise LookupError(f"the geoparser returned {mention.place_id!r}, which the gazetteer does not know")
        feature = self._gazetteer.feature(mention.place_id)
        return PlaceRecord(
            id=place.id,
            name=place.name,
            kind=place.kind,
            lat=place.lat,
            lon=place.lon,
            geometry=feature["geometry"],
            approximate=place.approximate,
            source=place.source,
            licence=place.licence,
        )


def shared_analyser(app) -> Analyser:
    """One analyser per application, so the web form loads the parser once, not on every post."""
    return app.extensions.setdefault("atlas_analyser", Analyser())
