"""How many events, claims and articles of a view fall in each day or week: the timeline under the map.

Each layer counts what the map draws for the same view and filters (the event and claim queries of
`atlas.store.items`, the places' mentions of `atlas.store.queries`), each item at one date:
- an event at the first day of its own date or period, or, undated, at its earliest report;
- a claim at its earliest report (a claim is dated by its reports);
- an article at its publication date, when it names a place in view.
Reports count when they pass the view's outlet and date filters, as on the map. An item with no date at all is counted
as undated. A date range cuts an event's period at its start, so every count falls inside the range.

The bins cover the first to the last dated item with no gap, one day each over a span of up to `DAYS` days, else one
(ISO, Monday-first) week up to `WEEKS` weeks, then months, then years, so a chart never gets more than a few hundred
bars however far back an article reaches.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

import sqlalchemy as sa

from atlas.store.filters import ItemFilter, ViewFilter
from atlas.store.items import claim_query, event_query
from atlas.store.queries import article_conditions, bbox_conditions, view_parameters, view_shape
from atlas.store.schema import articles, claim_sources, claims, event_sources, events, mentions, places

DAYS = 120
WEEKS = 104
MONTHS = 240
LAYERS = ("events", "claims", "articles")


def _earliest_report(source_owner: sa.Column, owner: sa.Column, view: ViewFilter) -> sa.ScalarSelect:
    """The publication date of an item's earliest report among those the view's article filters keep."""
    return sa.select(sa.func.min(articles.c.published)).select_from(source_owner.table.join(articles)) \
        .where(source_owner == owner, *article_conditions(view_shape(view))).scalar_subquery()


def _dates(conn: sa.Connection, view: ViewFilter, items: ItemFilter) -> dict[str, list[date | None]]:
    dialect, values = conn.dialect.name, view_parameters(view)
    event_date = sa.func.coalesce(events.c.date_first, _earliest_report(event_sources.c.event_id, events.c.id, view))
    claim_date = _earliest_report(claim_sources.c.claim_id, claims.c.id, view)
    found = {
        "events": conn.execute(event_query(dialect, view, items, event_date), values).scalars().all(),
        "claims": conn.execute(claim_query(dialect, view, items, claim_date), values).scalars().all(),
        "articles": [] if items.unplaced else conn.execute(
            sa.select(articles.c.published).where(articles.c.id.in_(
                sa.select(mentions.c.article_id).select_from(mentions.join(places))
                .where(*bbox_conditions(view_shape(view), dialect)))).where(*article_conditions(view_shape(view))),
            values).scalars().all(),
    }
    # SQLite gives a date computed in SQL (coalesce, min) back as text
    return {layer: [_as_date(d) for d in dates] for layer, dates in found.items()}


def _as_date(value: date | str | None) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def unit_for(first: date, last: date) -> str:
    """The bin the span calls for: day, week, month or year."""
    days = (last - first).days + 1
    if days <= DAYS:
        return "day"
    if days <= WEEKS * 7:
        return "week"
    return "month" if (last.year - first.year) * 12 + last.month - first.month < MONTHS else "year"


def bin_start(day: date, unit: str) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())
    return day.replace(day=1) if unit == "month" else day.replace(month=1, day=1)


def next_bin(start: date, unit: str) -> date:
    if unit == "day":
        return start + timedelta(days=1)
    if unit == "week":
        return start + timedelta(days=7)
    if unit == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


def timeline(conn: sa.Connection, view: ViewFilter, items: ItemFilter) -> dict[str, Any]:
    """{"unit", "bins": [{"start", "end", "events", "claims", "articles"}], "undated": {...}, "totals": {...}}:
    the bins in order, dates as YYYY-MM-DD (`end` inclusive); totals count the undated too."""
    found = _dates(conn, view, items)
    if view.date_from is not None:  # an event whose period began before the range counts at the range's start
        found = {layer: [max(d, view.date_from) if d else d for d in dates] for layer, dates in found.items()}
    dated = [d for dates in found.values() for d in dates if d is not None]
    bins: list[dict[str, Any]] = []
    unit = "day"
    if dated:
        unit = unit_for(min(dated), max(dated))
        counts = {layer: Counter(bin_start(d, unit) for d in dates if d is not None) for layer, dates in found.items()}
        start, last = bin_start(min(dated), unit), max(dated)
        while start <= last:
            end = next_bin(start, unit)
            bins.append({"start": start.isoformat(), "end": (end - timedelta(days=1)).isoformat(),
                         **{layer: counts[layer][start] for layer in LAYERS}})
            start = end
    return {
        "unit": unit,
        "bins": bins,
        "undated": {layer: sum(d is None for d in found[layer]) for layer in LAYERS},
        "totals": {layer: len(found[layer]) for layer in LAYERS},
    }
