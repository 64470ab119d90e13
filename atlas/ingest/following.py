"""Polling the feeds the analysts follow: each feed is asked for only if it changed since the last poll (its ETag
and Last-Modified), only its new items are fetched and stored, and what the poll did is kept with the feed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import sqlalchemy as sa

from atlas.ingest.batch import IngestReport, ingest_feed
from atlas.ingest.feeds import read_feed
from atlas.ingest.fetch import Fetcher, FetchError
from atlas.ingest.parallel import AnalysisBackend
from atlas.records import PlaceRecord
from atlas.store import feeds
from atlas.store.write import StoreWriter


@dataclass(frozen=True, slots=True)
class PollResult:
    url: str
    ok: bool
    outcome: str
    report: IngestReport | None  # None when the feed itself could not be read or had not changed


def poll_all(engine: sa.Engine, fetcher: Fetcher, analysis: AnalysisBackend,
             places: Mapping[str, PlaceRecord] | None = None) -> list[PollResult]:
    """Poll every followed feed, one after the other; a failing feed is recorded and the next one polled."""
    with engine.connect() as conn:
        followed = feeds.followed(conn)
    return [_poll(engine, feed, fetcher, analysis, places) for feed in followed]


def _poll(engine: sa.Engine, feed: feeds.FollowedFeed, fetcher: Fetcher, analysis: AnalysisBackend,
          places: Mapping[str, PlaceRecord] | None) -> PollResult:
    try:
        read = read_feed(feed.url, fetcher, feed.etag, feed.last_modified)
    except FetchError as error:
        feeds.record_poll(engine, feed.id, False, f"feed not read: {error}", 0)
        return PollResult(feed.url, False, f"feed not read: {error}", None)
    if not read.changed:
        feeds.record_poll(engine, feed.id, True, "not changed since the last poll", 0)
        return PollResult(feed.url, True, "not changed since the last poll", None)
    report = ingest_feed(read, fetcher, StoreWriter(engine), analysis, places)
    outcome = (f"{len(read.items)} item(s): {report.stored} new, {report.duplicates} already stored, "
               f"{len(report.not_articles)} not articles, {len(report.problems)} failed")
    if report.problems:
        outcome += " (" + "; ".join(f"{p.source}: {p.reason}" for p in report.problems[:3]) + ")"
    feeds.record_poll(engine, feed.id, report.ok, outcome, report.stored, read.title, read.etag, read.last_modified)
    return PollResult(feed.url, report.ok, outcome, report)
