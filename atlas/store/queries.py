"""Read-only queries over the store. Everything the map, the API and the exports show comes from here, as data
(GeoJSON features as dicts, rows, plain values); the edges serialise it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any, NamedTuple

import sqlalchemy as sa

from atlas.store.filters import ViewFilter
from atlas.store.geometry import SIZE_CLASS_LIMITS, GeoJSONText
from atlas.store.schema import articles, events, mentions, places
from atlas.store.spatial import meets_envelope, uses_postgis
from gazetteer.normalize import normalize

LAYER = "place"
PLACE_COLUMNS = [column for column in places.c if column.name != "footprint"]  # the map reads GeoJSON text


# Statements are built once per shape of view (which filters are set) with bound parameters, and reused: building
# and fingerprinting a SQLAlchemy statement costs more than running the indexed query itself. The event and claim
# queries (atlas.store.items) use the same conditions and parameters, so every layer filters a view one way.

class ViewShape(NamedTuple):
    """Which filters a view sets: the key of a cached statement."""

    ranges: int  # bbox longitude ranges: 0 (no bbox), 1, or 2 across 180°
    has_from: bool
    has_to: bool
    has_outlets: bool


def view_shape(view: ViewFilter) -> ViewShape:
    ranges = 0 if view.bbox is None else 1 if view.bbox[0] <= view.bbox[2] else 2
    return ViewShape(ranges, view.date_from is not None, view.date_to is not None, bool(view.outlets))


def view_parameters(view: ViewFilter) -> dict[str, Any]:
    """The values for the bound parameters of `article_conditions` and `bbox_conditions`."""
    values: dict[str, Any] = {"date_from": view.date_from, "date_to": view.date_to, "outlets": list(view.outlets)}
    if view.bbox is not None:
        west, south, east, north = view.bbox
        ranges = [(west, east)] if west <= east else [(west, 180.0), (-180.0, east)]  # crossing 180° makes two
        for number, (low, high) in enumerate(ranges):
            values[f"low_{number}"], values[f"high_{number}"] = low, high
        values["south"], values["north"] = south, north
    return values


DATE_FROM = sa.bindparam("date_from", type_=sa.Date)
DATE_TO = sa.bindparam("date_to", type_=sa.Date)


def article_conditions(shape: ViewShape) -> list[sa.ColumnElement[bool]]:
    """Articles published in the date range, from the chosen outlets."""
    _ranges, has_from, has_to, has_outlets = shape
    conditions = []
    if has_from:
        conditions.append(articles.c.published >= DATE_FROM)
    if has_to:
        conditions.append(articles.c.published <= DATE_TO)
    if has_outlets:
        conditions.append(articles.c.outlet.in_(sa.bindparam("outlets", expanding=True)))
    return conditions


def bbox_conditions(shape: ViewShape, dialect: str) -> list[sa.ColumnElement[bool]]:
    """Places whose bounding box meets the view: PostGIS's GiST index on PostgreSQL, else the size-class index."""
    ranges = shape[0]
    if not ranges:
        return []
    south, north = sa.bindparam("south", type_=sa.Float), sa.bindparam("north", type_=sa.Float)
    lows_highs = [(sa.bindparam(f"low_{n}", type_=sa.Float), sa.bindparam(f"high_{n}", type_=sa.Float))
                  for n in range(ranges)]
    if uses_postgis(dialect):
        return [sa.or_(*(meets_envelope(places.c.footprint, low, south, high, north) for low, high in lows_highs))]
    candidates = []
    for low, high in lows_highs:
        for size, extent in enumerate((*SIZE_CLASS_LIMITS, None)):
            query = sa.select(places.c.id).where(
                places.c.size_class == size, places.c.minx <= high, places.c.maxx >= low,
                places.c.miny <= north, places.c.maxy >= south,
            )
            if extent is not None:
                query = query.where(places.c.minx >= low - extent)
            candidates.append(query)
    return [places.c.id.in_(sa.union_all(*candidates).scalar_subquery())]


@functools.lru_cache(maxsize=128)
def _counted_places_statement(shape: ViewShape, limited: bool, one_place: bool,
                              dialect: str) -> sa.Select:
    mention_count = sa.func.count(mentions.c.id).label("mention_count")
    article_count = sa.func.count(sa.distinct(mentions.c.article_id)).label("article_count")
    query = (
        sa.select(*PLACE_COLUMNS, mention_count, article_count)
        .select_from(places.join(mentions, mentions.c.place_id == places.c.id).join(articles))
        .where(*bbox_conditions(shape, dialect), *article_conditions(shape))
        .group_by(places.c.id)
        .order_by(mention_count.desc(), places.c.id)
    )
    if one_place:
        query = query.where(places.c.id == sa.bindparam("place_id"))
    return query.limit(sa.bindparam("row_limit", type_=sa.Integer)) if limited else query


def _counted_places(
    conn: sa.Connection, view: ViewFilter, limit: int | None, place_id: str | None = None
) -> list[sa.Row]:
    statement = _counted_places_statement(view_shape(view), limit is not None, place_id is not None,
                                          conn.dialect.name)
    return conn.execute(statement, {**view_parameters(view), "row_limit": limit, "place_id": place_id}).all()


def _properties(row: Any) -> dict[str, Any]:
    return {
        "layer": LAYER,
        "name": row.name,
        "gazetteer_id": row.id,
        "kind": row.kind,
        "mention_count": row.mention_count,
        "article_count": row.article_count,
        "approximate": bool(row.approximate),
        "source": row.source,
        "lat": row.lat,
        "lon": row.lon,
    }


def _feature(row: Any, geometry_text: str, properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "Feature", "id": row.id, "geometry": GeoJSONText(geometry_text), "properties": properties}


def place_features(conn: sa.Connection, view: ViewFilter, limit: int | None) -> list[dict[str, Any]]:
    """The map's light view: drawing geometry and counts, no excerpts (those load when a place is clicked)."""
    return [_feature(r, r.display_geometry, _properties(r)) for r in _counted_places(conn, view, limit)]


def place_features_with_mentions(
    conn: sa.Connection, view: ViewFilter, limit: int | None, place_id: str | None = None
) -> list[dict[str, Any]] | None:
    """Full geometry and every mention: the export, and one place's panel. None when `place_id` has no mention."""
    rows = _counted_places(conn, view, limit, place_id)
    if place_id is not None and not rows:
        return None
    by_place = mentions_by_place(conn, view, [r.id for r in rows] if place_id is not None else None)
    features = []
    for row in rows:
        properties = _properties(row)
        properties["mentions"] = by_place.get(row.id, [])
        features.append(_feature(row, row.geometry, properties))
    return features


@dataclass(frozen=True, slots=True)
class MentionRow:
    article_id: int
    title: str
    outlet: str
    url: str | None
    published: str | None
    published_inferred: bool  # `published` is the latest date the text mentions: the article is no older
    place_id: str
    place_name: str
    kind: str
    lat: float
    lon: float
    start: int
    end: int
    text: str
    excerpt: str
    excerpt_start: int


def mention_rows(conn: sa.Connection, view: ViewFilter, place_ids: list[str] | None = None) -> list[MentionRow]:
    """One row per mention in the view, ordered by date, article and position (the CSV export)."""
    shape = view_shape(view)
    query = (
        sa.select(
            mentions.c.article_id,
            articles.c.title,
            articles.c.outlet,
            articles.c.url,
            articles.c.published,
            articles.c.published_inferred,
            mentions.c.place_id,
            places.c.name.label("place_name"),
            places.c.kind,
            places.c.lat,
            places.c.lon,
            mentions.c.start,
            mentions.c.end,
            mentions.c.text,
            mentions.c.excerpt,
            mentions.c.excerpt_start,
        )
        .select_from(mentions.join(articles).join(places))
        .where(*bbox_conditions(shape, conn.dialect.name), *article_conditions(shape))
        .order_by(articles.c.published, mentions.c.article_id, mentions.c.start)
    )
    if place_ids is not None:
        query = query.where(mentions.c.place_id.in_(place_ids))
    return [
        MentionRow(**{**row._asdict(), "published": row.published.isoformat() if row.published else None})
        for row in conn.execute(query, view_parameters(view))
    ]


def mentions_by_place(
    conn: sa.Connection, view: ViewFilter, place_ids: list[str] | None
) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = {}
    for row in mention_rows(conn, view, place_ids):
        grouped.setdefault(row.place_id, []).append(
            {
                "article_id": row.article_id,
                "title": row.title,
                "outlet": row.outlet,
                "published": row.published,
                "published_inferred": row.published_inferred,
                "url": row.url,
                "start": row.start,
                "end": row.end,
                "text": row.text,
                "excerpt": row.excerpt,
                "excerpt_start": row.excerpt_start,
            }
        )
    return grouped


def article(conn: sa.Connection, article_id: int) -> dict[str, Any] | None:
    row = conn.execute(sa.select(articles).where(articles.c.id == article_id)).first()
    if row is None:
        return None
    found = conn.execute(
        sa.select(mentions.c.id, mentions.c.start, mentions.c.end, mentions.c.text, mentions.c.place_id,
                  mentions.c.demonym, mentions.c.metonym, places.c.name.label("place_name"), places.c.kind,
                  places.c.lat, places.c.lon)
        .select_from(mentions.join(places))
        .where(mentions.c.article_id == article_id)
        .order_by(mentions.c.start)
    ).all()
    return {
        "id": row.id,
        "title": row.title,
        "outlet": row.outlet,
        "url": row.url,
        "published": row.published.isoformat() if row.published else None,
        "published_inferred": row.published_inferred,
        "author": row.author,
        "language": row.language,
        "fetched_url": row.fetched_url,
        "text": row.original_text,
        "content_hash": row.content_hash,
        "mentions": [
            {"id": m.id, "start": m.start, "end": m.end, "text": m.text, "place_id": m.place_id,
             "place_name": m.place_name, "kind": m.kind, "lat": m.lat, "lon": m.lon,
             "demonym": m.demonym, "metonym": m.metonym}
            for m in found
        ],
    }


def outlets(conn: sa.Connection) -> list[dict[str, Any]]:
    query = sa.select(articles.c.outlet, sa.func.count()).group_by(articles.c.outlet).order_by(articles.c.outlet)
    return [{"outlet": outlet, "articles": n} for outlet, n in conn.execute(query)]


def date_range(conn: sa.Connection) -> tuple[str | None, str | None]:
    """The span the date filter offers: publication dates and the periods events are dated to, since an article can
    report an event from years before it was published."""
    published = conn.execute(sa.select(sa.func.min(articles.c.published), sa.func.max(articles.c.published))).one()
    happened = conn.execute(sa.select(sa.func.min(events.c.date_first), sa.func.max(events.c.date_last))).one()
    lows = [d for d in (published[0], happened[0]) if d is not None]
    highs = [d for d in (published[1], happened[1]) if d is not None]
    return (min(lows).isoformat() if lows else None, max(highs).isoformat() if highs else None)


def search_places(conn: sa.Connection, text: str, limit: int = 10) -> list[dict[str, Any]]:
    """Places in the store whose name starts with (or else contains) the text, most mentioned first."""
    key = normalize(text)
    if not key:
        return []
    mention_count = sa.func.count(mentions.c.id).label("mention_count")
    base = (
        sa.select(places.c.id, places.c.name, places.c.kind, places.c.lat, places.c.lon, places.c.minx,
                  places.c.miny, places.c.maxx, places.c.maxy, mention_count)
        .select_from(places.join(mentions))
        .group_by(places.c.id)
        .order_by(mention_count.desc(), places.c.name)
        .limit(limit)
    )
    rows = conn.execute(base.where(places.c.search_key.startswith(key, autoescape=True))).all()
    if not rows:
        rows = conn.execute(base.where(places.c.search_key.contains(key, autoescape=True))).all()
    return [
        {"id": r.id, "name": r.name, "kind": r.kind, "lat": r.lat, "lon": r.lon,
         "bbox": [r.minx, r.miny, r.maxx, r.maxy], "mention_count": r.mention_count}
        for r in rows
    ]


def top_place_ids(conn: sa.Connection, view: ViewFilter, limit: int) -> list[str]:
    """The places a limited view shows, so that an export with the same limit covers exactly them."""
    return [row.id for row in _counted_places(conn, view, limit)]


def stored_place_ids(conn: sa.Connection, kinds: tuple[str, ...]) -> set[str]:
    """The ids of the stored places of these kinds (the map writes the names of the countries it holds first)."""
    return set(conn.execute(sa.select(places.c.id).where(places.c.kind.in_(kinds))).scalars())


def extent(conn: sa.Connection) -> tuple[float, float, float, float] | None:
    """(west, south, east, north) of the stored places' points, where the map draws them and their events and claims
    (a place is stored only for a mention, an event or a claim); None for an empty store."""
    row = conn.execute(sa.select(sa.func.min(places.c.lon), sa.func.min(places.c.lat), sa.func.max(places.c.lon),
                                 sa.func.max(places.c.lat))).one()
    return None if row[0] is None else (row[0], row[1], row[2], row[3])
