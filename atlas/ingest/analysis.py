"""The analysis stage of ingest: original text -> cleaned text, resolved mentions, events and claims.

It is the costly part (spaCy and the gazetteer), so it is kept apart from the loop that reads files and writes the
store: atlas.parallel runs it in this process, in worker processes or on a Dask cluster. Its result is small (no
geometries), so it travels cheaply between processes; the store takes place geometries from a PlaceCatalog.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from atlas.records import PlaceRecord
from extract.model import Extraction
from geo.model import Mention


@dataclass(frozen=True, slots=True)
class Analysis:
    cleaned_text: str
    mentions: list[Mention]
    extraction: Extraction


class Analyser:
    """Cleans the text, parses it once with spaCy, and hands that one parse to the geoparser and to the event and
    claim extractor. The pipelines load once per process, on first use."""

    def __init__(self) -> None:
        self._parser = None

    def __call__(self, text: str, published: date | None = None) -> Analysis:
        return self.analyse_parsed(text, published, next(self.parses([text])))

    def parses(self, texts: Sequence[str]) -> Iterator[Doc | None]:
        """The extractor's parse of each text, in order; None for book-length input, which the geoparser reads in
        chunks by itself. Texts come as a batch so that they can be parsed together (spaCy's nlp.pipe costs about a
        tenth less per text)."""
        from text.parse import parse_many
        from text.prepare import CHUNK_CHARS

        docs = parse_many(text for text in texts if len(text) <= CHUNK_CHARS)
        return (next(docs) if len(text) <= CHUNK_CHARS else None for text in texts)

    def analyse_parsed(self, text: str, published: date | None, doc: Doc | None) -> Analysis:
        """The analysis of `text` from its parse (as `parses` gives it)."""
        from extract import pipeline as extraction
        from geo.parser import Geoparser
        from text.cleaning import strip_boilerplate

        if self._parser is None:
            self._parser = Geoparser()
        cleaned = strip_boilerplate(text)  # the parsers blank boilerplate themselves and keep offsets into `text`
        if doc is None:  # book-length input: places in chunks; events and claims are not looked for
            return Analysis(cleaned, self._parser.parse(text), extraction.metadata_only(text, published))
        found = self._parser.parse_doc(text, doc)
        return Analysis(cleaned, found, extraction.extract_article(text, found, published, doc))


class PlaceCatalog(Mapping[str, PlaceRecord]):
    """Gazetteer id -> what the store keeps of the place, built on demand and remembered: the store asks only for
    places it does not hold yet, and a country's geometry is converted once per process, not once per article."""

    def __init__(self) -> None:
        self._gazetteer = None
        self._records: dict[str, PlaceRecord] = {}

    def __getitem__(self, place_id: str) -> PlaceRecord:
        if place_id not in self._records:
            self._records[place_id] = self._build(place_id)
        return self._records[place_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._records)

    def __len__(self) -> int:
        return len(self._records)

    def _build(self, place_id: str) -> PlaceRecord:
        from gazetteer import Gazetteer

        if self._gazetteer is None:
            self._gazetteer = Gazetteer()
        place = self._gazetteer.get(place_id)
        if place is None:
            raise KeyError(f"the geoparser returned {place_id!r}, which the gazetteer does not know")
        return PlaceRecord(
            id=place.id, name=place.name, kind=place.kind, lat=place.lat, lon=place.lon,
            geometry=self._gazetteer.feature(place_id)["geometry"], approximate=place.approximate,
            source=place.source, licence=place.licence,
        )


def shared_analyser(app) -> Analyser:
    """One analyser per application, so the web form loads the parser once, not on every post."""
    return app.extensions.setdefault("atlas_analyser", Analyser())


def shared_catalog(app) -> PlaceCatalog:
    return app.extensions.setdefault("atlas_place_catalog", PlaceCatalog())
