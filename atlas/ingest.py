"""Ingest: files -> records -> cleaned text -> mentions -> places -> store, one article per transaction.

A bad file or record is reported and skipped; everything else in the batch is still stored.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from tqdm import tqdm

from atlas.readers import Problem, collect_files, read_articles, title_from_text
from atlas.store_write import ArticleRecord, PlaceRecord, StoreWriter
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


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    mentions: int = 0
    problems: list[Problem] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


def ingest_paths(
    paths: Iterable[str | Path],
    writer: StoreWriter,
    analyse: Callable[[str], Analysis],
    max_bytes: int,
    progress: bool | None = None,
) -> IngestReport:
    """`progress=None` shows the bar only on a terminal."""
    files, problems = collect_files(paths)
    report = IngestReport(problems=problems)
    disable = None if progress is None else not progress
    with tqdm(files, desc="ingest", unit="file", disable=disable) as bar:
        for path in bar:
            for item in read_articles(path, max_bytes):
                if isinstance(item, Problem):
                    report.problems.append(item)
                else:
                    _store(item, writer, analyse, report)
    if report.stored:
        writer.refresh_statistics()
    return report


def _store(
    record: ArticleRecord, writer: StoreWriter, analyse: Callable[[str], Analysis], report: IngestReport
) -> None:
    if writer.stored_id(record.text) is not None:
        report.duplicates += 1
        return
    try:
        analysis = analyse(record.text)
        if not record.title:
            record = replace(record, title=title_from_text(analysis.cleaned_text))
        result = writer.add_article(record, analysis.cleaned_text, analysis.mentions, analysis.places)
    except Exception as error:
        report.problems.append(Problem(record.source, f"could not be processed: {type(error).__name__}: {error}"))
        return
    if result.created:
        report.stored += 1
        report.mentions += len(analysis.mentions)
    else:
        report.duplicates += 1
