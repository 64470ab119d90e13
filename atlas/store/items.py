"""Read-only queries for the event and claim layers (the API, the map and the exports).

Each item is a GeoJSON Feature placed at its place's point (null geometry when it has none), with its confidence and
the reasons for it (each code with what it tells the reader), every source excerpt and the article it comes from; the
edges (API, exports) serialise the features.
"""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from atlas.store.filters import DEFAULT_THRESHOLD, ItemFilter, ViewFilter
from atlas.store.queries import (
    DATE_FROM,
    DATE_TO,
    ViewShape,
    article_conditions,
    bbox_conditions,
    view_parameters,
    view_shape,
)
from atlas.store.schema import (
    articles,
    claim_places,
    claim_sources,
    claims,
    contested,
    event_actors,
    event_sources,
    events,
    places,
)
from extract.confidence import Layer, describe, threshold

CLAIM_COLUMNS = (claims, places.c.name.label("place_name"), places.c.lat, places.c.lon)


def _reported(sources: sa.Table, owner: str, shape: ViewShape) -> sa.Select:
    """Items with at least one source that passes every article filter of the view (one source, not one per filter)."""
    return sa.select(sources.c[owner]).select_from(sources.join(articles)).where(*article_conditions(shape))


def _event_dates(shape: ViewShape) -> list[sa.ColumnElement[bool]]:
    """An event is in a date range when its own period overlaps it; an undated event, when a report of it is."""
    _ranges, has_from, has_to, _outlets = shape
    overlaps = [*([events.c.date_last >= DATE_FROM] if has_from else []),
                *([events.c.date_first <= DATE_TO] if has_to else [])]
    if not overlaps:
        return []
    undated = sa.and_(events.c.date_first.is_(None), events.c.id.in_(_reported(event_sources, "event_id", shape)))
    return [sa.or_(sa.and_(*overlaps), undated)]


def _floor(items: ItemFilter, layer: Layer) -> float:
    """The least confidence an item of the layer needs: the one asked for, or the layer's default threshold."""
    return threshold(layer) if items.min_confidence == DEFAULT_THRESHOLD else float(items.min_confidence)


def event_conditions(view: ViewFilter, items: ItemFilter, dialect: str) -> list[sa.ColumnElement[bool]]:
    """The events of the view that pass the item filters (with `view_parameters(view)` bound): the map's event layer,
    its exports, the timeline and the counts by area select by these alike."""
    shape = view_shape(view)
    conditions = [*_placement(shape, items, events.c.place_id, dialect), *_event_dates(shape)]
    if view.outlets:  # reported by one of the outlets, whenever: the event's own period was checked above
        outlets_only = shape._replace(has_from=False, has_to=False)
        conditions.append(events.c.id.in_(_reported(event_sources, "event_id", outlets_only)))
    if items.min_confidence is not None:
        conditions.append(events.c.confidence >= _floor(items, "event"))
    if items.types:
        conditions.append(events.c.type.in_(items.types))
    if items.actors:
        conditions.append(events.c.id.in_(sa.select(event_actors.c.event_id).where(sa.or_(
            event_actors.c.actor_key.in_(items.actors), sa.func.lower(event_actors.c.name).in_(items.actors)))))
    return conditions


def event_query(dialect: str, view: ViewFilter, items: ItemFilter, *columns: Any) -> sa.Select:
    """`columns` of the events `event_conditions` selects, joined with their place."""
    return sa.select(*columns).select_from(events.outerjoin(places)).where(*event_conditions(view, items, dialect))


def event_features(conn: sa.Connection, view: ViewFilter, items: ItemFilter, limit: int | None) -> list[dict[str, Any]]:
    query = event_query(conn.dialect.name, view, items, events, places.c.name.label("place_name"), places.c.lat,
                        places.c.lon)
    rows = conn.execute(query.order_by(events.c.date_first, events.c.id).limit(limit), view_parameters(view)).all()
    ids = [r.id for r in rows]
    actors: dict[int, list[dict]] = {}
    for row in conn.execute(sa.select(event_actors).where(event_actors.c.event_id.in_(ids))):
        actors.setdefault(row.event_id, []).append({"name": row.name, "kind": row.kind, "country": row.country})
    sources = _sources(conn, event_sources, "event_id", ids)
    features = []
    for row in rows:
        properties = {
            "layer": "event", "id": row.id, "type": row.type, "label": row.label, "date": row.date,
            "date_precision": row.date_precision, "actors": actors.get(row.id, []), "geo_precision": row.geo_precision,
            "place_id": row.place_id, "place_name": row.place_name, **_evidence(row),
            "sources": sources.get(row.id, []),
        }
        features.append(_feature(f"event-{row.id}", row.lon, row.lat, properties))
    return features


def claim_conditions(view: ViewFilter, items: ItemFilter, dialect: str) -> list[sa.ColumnElement[bool]]:
    """The claims of the view that pass the item filters; a claim is dated by its reports: it is in a date range (and
    an outlet) when one of its sources is."""
    shape = view_shape(view)
    conditions = _placement(shape, items, claims.c.place_id, dialect)
    if any(shape[1:]):
        conditions.append(claims.c.id.in_(_reported(claim_sources, "claim_id", shape)))
    if items.min_confidence is not None:
        conditions.append(claims.c.confidence >= _floor(items, "claim"))
    if items.stances:
        conditions.append(claims.c.stance.in_(items.stances))
    if items.speakers:
        conditions.append(sa.or_(claims.c.speaker_key.in_(items.speakers),
                                 sa.func.lower(claims.c.speaker).in_(items.speakers)))
    return conditions


def claim_query(dialect: str, view: ViewFilter, items: ItemFilter, *columns: Any) -> sa.Select:
    """`columns` of the claims `claim_conditions` selects, joined with their place."""
    return sa.select(*columns).select_from(claims.outerjoin(places)).where(*claim_conditions(view, items, dialect))


def claim_features(conn: sa.Connection, view: ViewFilter, items: ItemFilter, limit: int | None) -> list[dict[str, Any]]:
    query = claim_query(conn.dialect.name, view, items, *CLAIM_COLUMNS)
    return _claim_features(conn, conn.execute(query.order_by(claims.c.id).limit(limit), view_parameters(view)).all())


def contested_claims(conn: sa.Connection, claim_id: int) -> list[dict[str, Any]] | None:
    """A claim and every claim it is contested with, whatever the filters: both sides, to read side by side. None
    when there is no such claim."""
    others = sa.union(sa.select(contested.c.other_id).where(contested.c.claim_id == claim_id),
                      sa.select(contested.c.claim_id).where(contested.c.other_id == claim_id))
    rows = conn.execute(sa.select(*CLAIM_COLUMNS).select_from(claims.outerjoin(places))
                        .where(sa.or_(claims.c.id == claim_id, claims.c.id.in_(others)))
                        .order_by(claims.c.id != claim_id, claims.c.id)).all()
    if not rows or rows[0].id != claim_id:
        return None
    return _claim_features(conn, rows)


def _claim_features(conn: sa.Connection, rows: list[sa.Row]) -> list[dict[str, Any]]:
    ids = [r.id for r in rows]
    place_ids: dict[int, list[str]] = {}
    for row in conn.execute(sa.select(claim_places).where(claim_places.c.claim_id.in_(ids))
                            .order_by(claim_places.c.position)):
        place_ids.setdefault(row.claim_id, []).append(row.place_id)
    opposing: dict[int, list[int]] = {}
    for low, high in conn.execute(sa.select(contested.c.claim_id, contested.c.other_id).where(
            sa.or_(contested.c.claim_id.in_(ids), contested.c.other_id.in_(ids)))):
        opposing.setdefault(low, []).append(high)
        opposing.setdefault(high, []).append(low)
    sources = _sources(conn, claim_sources, "claim_id", ids)
    features = []
    for row in rows:
        properties = {
            "layer": "claim", "id": row.id, "speaker": row.speaker, "speaker_kind": row.speaker_kind,
            "speaker_country": row.speaker_country, "verb": row.verb, "stance": row.stance, "text": row.text,
            "quote": bool(row.quote), "place_ids": place_ids.get(row.id, []), "place_name": row.place_name,
            "contested_with": sorted(opposing.get(row.id, [])), **_evidence(row), "sources": sources.get(row.id, []),
        }
        features.append(_feature(f"claim-{row.id}", row.lon, row.lat, properties))
    return features


def _placement(shape: ViewShape, items: ItemFilter, place_id: sa.Column, dialect: str) -> list[sa.ColumnElement]:
    """The items placed in the view's area, or those with no place at all (which no area holds)."""
    if items.unplaced:
        return [place_id.is_(None)]
    return list(bbox_conditions(shape, dialect))


def _evidence(row: Any) -> dict[str, Any]:
    return {"confidence": row.confidence,
            "reasons": [{"code": code, "text": describe(code)} for code in json.loads(row.reasons)]}


def _sources(conn: sa.Connection, table: sa.Table, owner: str, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    """`published_inferred`: the date is the latest the article's text mentions, so it was published on or after it."""
    grouped: dict[int, list[dict[str, Any]]] = {}
    query = sa.select(table, articles.c.title, articles.c.outlet, articles.c.url, articles.c.published,
                      articles.c.published_inferred) \
        .select_from(table.join(articles)).where(table.c[owner].in_(ids)).order_by(articles.c.published, table.c.id)
    for row in conn.execute(query):
        grouped.setdefault(row._mapping[owner], []).append({
            "article_id": row.article_id, "title": row.title, "outlet": row.outlet, "url": row.url,
            "published": row.published.isoformat() if row.published else None,
            "published_inferred": row.published_inferred,
            "excerpt": row.excerpt, "start": row.start, "end": row.end,
        })
    return grouped


def _feature(feature_id: str, lon: float | None, lat: float | None, properties: dict[str, Any]) -> dict[str, Any]:
    geometry = None if lon is None else {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}
    return {"type": "Feature", "id": feature_id, "geometry": geometry, "properties": properties}
