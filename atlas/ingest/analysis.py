"""The analysis stage of ingest: original text -> cleaned text, resolved mentions, events and claims.

It is the costly part (spaCy and the gazetteer), so it is kept apart from the loop that reads files and writes the
store: atlas.ingest.parallel runs it in this process, in worker processes or on a Dask cluster. Its result is small (no
geometries), so it travels cheaply between processes; the store takes place geometries from a PlaceCatalog.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from spacy.tokens import Doc

from atlas.records import PlaceRecord
from extract.model import Extraction
from extract.pipeline import extract_article, extract_sections
from gazetteer import Gazetteer
from geo.model import Mention
from geo.parser import Geoparser
from text.budget import Budget
from text.cleaning import strip_boilerplate
from text.excerpts import Excerpt, SentenceIndex, excerpts_of
from text.parse import parse_many, parse_sections
from text.prepare import CHUNK_CHARS, prepare


@dataclass(frozen=True, slots=True)
class Analysis:
    cleaned_text: str
    mentions: list[Mention]
    excerpts: list[Excerpt]  # the sentence around each mention, in the order of `mentions`
    extraction: Extraction


class Analyser:
    """Cleans the text, parses it once with spaCy, and hands that one parse to the geoparser, to the event and claim
    extractor and to the excerpt cutter. The pipelines load once per process, on first use.

    An article too long to parse whole (over text.prepare.CHUNK_CHARS) is read in two passes, so that memory stays
    bounded by one piece's parse: the geoparser's named-entity pass first (a chunk at a time, each chunk the context
    of its own names), then the full parse a section at a time for events, claims and excerpts."""

    def __init__(self, budget_seconds: float | None = None) -> None:
        """`budget_seconds`: how long one article's analysis may take (None: no limit); past it the article fails
        with text.budget.OverBudget, checked between the chunks and sections of a long article."""
        self._parser: Geoparser | None = None
        self.budget_seconds = budget_seconds

    def __call__(self, text: str, published: date | None = None) -> Analysis:
        return self.analyse_parsed(text, published, next(self.parses([text])))

    def parses(self, texts: Sequence[str]) -> Iterator[Doc | None]:
        """The parse of each text, in order; None for an article too long to parse whole, which `analyse_parsed`
        reads in sections. Texts come as a batch so that they can be parsed together (spaCy's nlp.pipe costs about a
        tenth less per text)."""
        docs = parse_many(text for text in texts if len(text) <= CHUNK_CHARS)
        return (next(docs) if len(text) <= CHUNK_CHARS else None for text in texts)

    def analyse_parsed(self, text: str, published: date | None, doc: Doc | None) -> Analysis:
        """The analysis of `text` from its parse (as `parses` gives it)."""
        if self._parser is None:
            self._parser = Geoparser()
        cleaned = strip_boilerplate(text)  # the parsers blank boilerplate themselves and keep offsets into `text`
        if doc is not None:
            found = self._parser.parse_doc(text, doc)
            excerpts = excerpts_of(text, doc, ((m.start, m.end) for m in found))
            return Analysis(cleaned, found, excerpts, extract_article(text, found, published, doc))
        budget = Budget(self.budget_seconds)
        found = self._parser.parse(text, budget)
        sentences = SentenceIndex(text, prepare(text))
        extraction = extract_sections(text, found, published, _indexed(parse_sections(text), sentences, budget))
        return Analysis(cleaned, found, [sentences.excerpt(m.start, m.end) for m in found], extraction)


def _indexed(sections: Iterator[tuple[int, Doc]], sentences: SentenceIndex,
             budget: Budget) -> Iterator[tuple[int, Doc]]:
    for offset, doc in sections:
        budget.check()
        sentences.add(offset, doc)
        yield offset, doc


class PlaceCatalog(Mapping[str, PlaceRecord]):
    """Gazetteer id -> what the store keeps of the place, built on demand and remembered: the store asks only for
    places it does not hold yet, and a country's geometry is converted once per process, not once per article."""

    def __init__(self) -> None:
        self._gazetteer: Gazetteer | None = None
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
        if self._gazetteer is None:
            self._gazetteer = Gazetteer()
        place = self._gazetteer.get(place_id)
        if place is None:
            raise KeyError(f"the geoparser returned {place_id!r}, which the gazetteer does not know")
        lat, lon = place.map_point  # a country's dot, and what is said of it, where its name is written
        return PlaceRecord(
            id=place.id, name=place.name, kind=place.kind, lat=lat, lon=lon,
            geometry=self._gazetteer.feature(place_id)["geometry"], approximate=place.approximate,
            source=place.source, licence=place.licence,
        )


def shared_analyser(app) -> Analyser:
    """One analyser per application, so the web form loads the parser once, not on every post."""
    if "atlas_analyser" not in app.extensions:
        app.extensions["atlas_analyser"] = Analyser(app.config["INGEST_TIME_BUDGET"])
    return app.extensions["atlas_analyser"]


def shared_catalog(app) -> PlaceCatalog:
    return app.extensions.setdefault("atlas_place_catalog", PlaceCatalog())
