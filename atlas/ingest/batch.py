"""Ingest: files or web addresses -> records -> analysis (cleaned text, mentions, places) -> store, one article per
transaction.

A bad file, record or page is reported and skipped; everything else in the batch is still stored. Records are
analysed in batches by an analysis backend (atlas.ingest.parallel) and written here, in input order, by the one
store writer. What the user gave explicitly (`overrides`) wins over what the input or the page says.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import sqlalchemy as sa
from tqdm import tqdm

from atlas.ingest.analysis import PlaceCatalog
from atlas.ingest.feeds import Feed, read_feed
from atlas.ingest.fetch import Fetcher, FetchError
from atlas.ingest.outcomes import AlreadyStored, NotArticle, Problem
from atlas.ingest.pages import UNKNOWN_OUTLET, Metadata
from atlas.ingest.parallel import AnalysisBackend, AnalysisFailure, AnalysisResult
from atlas.ingest.readers import collect_files, read_articles
from atlas.ingest.remote import Item, read_pages
from atlas.records import ArticleRecord, PlaceRecord
from atlas.store.write import StoreWriter
from extract.model import ArticleMeta
from text.title import UNTITLED, title_of

BATCH_SIZE = 32  # records handed to the analysis backend at once; two batches are in flight at a time


@dataclass
class IngestReport:
    stored: int = 0
    duplicates: int = 0
    mentions: int = 0
    problems: list[Problem] = field(default_factory=list)
    not_articles: list[NotArticle] = field(default_factory=list)  # reported, not stored, not failures
    article_ids: list[int] = field(default_factory=list)  # stored or already there, in input order

    @property
    def ok(self) -> bool:
        return not self.problems


def ingest_paths(
    paths: Iterable[str | Path],
    writer: StoreWriter,
    analysis: AnalysisBackend,
    max_bytes: int,
    progress: bool | None = None,
    places: Mapping[str, PlaceRecord] | None = None,
    labels: Mapping[Path, str] | None = None,
    overrides: Metadata | None = None,
) -> IngestReport:
    """`progress=None` shows the bar only on a terminal; `places` supplies geometries for places new to the store
    (default: a PlaceCatalog over the gazetteer); `labels` names files by something other than their path."""
    files, problems = collect_files(paths)
    disable = None if progress is None else not progress

    def items() -> Iterator[Item]:
        yield from problems
        with tqdm(files, desc="ingest", unit="file", disable=disable) as bar:
            for path in bar:
                yield from read_articles(path, max_bytes, (labels or {}).get(path))

    return ingest_items(items(), writer, analysis, places, overrides)


def ingest_urls(urls: Iterable[str], fetcher: Fetcher, writer: StoreWriter, analysis: AnalysisBackend,
                places: Mapping[str, PlaceRecord] | None = None, overrides: Metadata | None = None,
                feeds: Iterable[str] = ()) -> IngestReport:
    """Pages, and every item of each feed in `feeds`; an address already stored is neither fetched nor stored."""
    urls = list(urls)
    hints: dict[str, Metadata] = {}
    problems: list[Problem] = []
    for feed_url in feeds:
        try:
            feed = read_feed(feed_url, fetcher)
        except FetchError as error:
            problems.append(Problem(feed_url, f"feed: {error}"))
            continue
        urls.extend(item.url for item in feed.items)
        hints.update((item.url, item.hints) for item in feed.items)
    pages = read_pages(urls, fetcher, writer.stored_url_id, hints)
    return ingest_items([*problems, *pages], writer, analysis, places, overrides)


def ingest_feed(feed: Feed, fetcher: Fetcher, writer: StoreWriter, analysis: AnalysisBackend,
                places: Mapping[str, PlaceRecord] | None = None) -> IngestReport:
    """The items of a feed already read (a followed feed's poll reads it with its conditional headers)."""
    pages = read_pages([item.url for item in feed.items], fetcher, writer.stored_url_id,
                       {item.url: item.hints for item in feed.items})
    return ingest_items(pages, writer, analysis, places)


def ingest_items(items: Iterable[Item], writer: StoreWriter, analysis: AnalysisBackend,
                 places: Mapping[str, PlaceRecord] | None = None, overrides: Metadata | None = None) -> IngestReport:
    """The one way records reach the store, whatever they were read from."""
    places = PlaceCatalog() if places is None else places
    report = IngestReport()
    pending: list[ArticleRecord] = []
    submitted: list[tuple[list[ArticleRecord], Iterator[AnalysisResult]]] = []
    for item in items:
        if isinstance(item, Problem):
            report.problems.append(item)
        elif isinstance(item, NotArticle):
            report.not_articles.append(item)
        elif isinstance(item, AlreadyStored):
            report.duplicates += 1
            report.article_ids.append(item.article_id)
        elif (known := writer.stored_id(item.text)) is not None:  # skip the costly analysis of known content
            report.duplicates += 1
            report.article_ids.append(known)
        else:
            pending.append(overrides.apply(item) if overrides else item)
        if len(pending) >= BATCH_SIZE:
            # hand this batch over before storing the previous one, so workers never wait for the writer
            submitted.append((pending, analysis.map([(r.text, r.published) for r in pending])))
            pending = []
            if len(submitted) > 1:
                _store_results(*submitted.pop(0), writer, places, report)
    if pending:
        submitted.append((pending, analysis.map([(r.text, r.published) for r in pending])))
    for batch in submitted:
        _store_results(*batch, writer, places, report)
    if report.stored:
        writer.refresh_statistics()
    return report


def _store_results(records: list[ArticleRecord], results: Iterator[AnalysisResult], writer: StoreWriter,
                   places: Mapping[str, PlaceRecord], report: IngestReport) -> None:
    for record, result in zip(records, results, strict=True):
        _store(record, result, writer, places, report)


def with_text_metadata(record: ArticleRecord, meta: ArticleMeta) -> ArticleRecord:
    """What the input did not give, taken from the text: the outlet's credit line, an inferred publication date."""
    if record.outlet == UNKNOWN_OUTLET and meta.outlet:
        record = replace(record, outlet=meta.outlet)
    if record.published is None and meta.published is not None:
        record = replace(record, published=meta.published, published_inferred=True)
    return record


def _store(record: ArticleRecord, result: AnalysisResult, writer: StoreWriter, places: Mapping[str, PlaceRecord],
           report: IngestReport) -> None:
    if isinstance(result, AnalysisFailure):
        report.problems.append(Problem(record.source, f"could not be analysed: {result.reason}"))
        return
    if not record.title:
        record = replace(record, title=title_of(result.cleaned_text) or UNTITLED)
    try:
        record = with_text_metadata(record, result.extraction.meta)
        written = writer.add_article(record, result.cleaned_text, result.mentions, result.excerpts, places,
                                     result.extraction)
    except sa.exc.DBAPIError as error:  # the driver's own words, not the SQL statement and its parameters
        report.problems.append(Problem(record.source, f"could not be stored: {error.orig}"))
        return
    except (ValueError, LookupError, RecursionError) as error:
        report.problems.append(Problem(record.source, f"could not be stored: {error}"))
        return
    report.article_ids.append(written.article_id)
    if written.created:
        report.stored += 1
        report.mentions += len(result.mentions)
    else:
        report.duplicates += 1
