"""How many events, claims or mentions each place holds under a view's filters: the counts by area
(atlas.web.areas) add them up per country or first-level unit, for the map's choropleth.

Each layer is selected by the same conditions as its map layer and exports (atlas.store.items, atlas.store.queries),
so a count by area is a sum of what the map shows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import sqlalchemy as sa

from atlas.store.filters import ItemFilter, ViewFilter
from atlas.store.items import claim_conditions, event_conditions
from atlas.store.queries import article_conditions, bbox_conditions, view_parameters, view_shape
from atlas.store.schema import articles, claims, events, mentions, places

CountedLayer = Literal["events", "claims", "mentions"]
COUNTED_LAYERS: tuple[CountedLayer, ...] = ("events", "claims", "mentions")


@dataclass(frozen=True, slots=True)
class PlaceCount:
    place_id: str
    kind: str
    lat: float  # the place's map point: where its dot and its items are drawn
    lon: float
    count: int


@dataclass(frozen=True, slots=True)
class LayerCounts:
    places: list[PlaceCount]
    unplaced: int  # events or claims of the view with no place (mentions always have one)


def counts_by_place(conn: sa.Connection, layer: CountedLayer, view: ViewFilter, items: ItemFilter) -> LayerCounts:
    """Per place, the events placed there, the claims the map shows there (each at its first place) or the
    mentions of it; item filters apply to events and claims only."""
    dialect = conn.dialect.name
    if layer == "mentions":
        owner, link = mentions, mentions.c.place_id
        conditions = [*bbox_conditions(view_shape(view), dialect), *article_conditions(view_shape(view))]
        source = mentions.join(articles).join(places)
    else:
        owner = events if layer == "events" else claims
        link = owner.c.place_id
        conditions = (event_conditions if layer == "events" else claim_conditions)(view, items, dialect)
        source = owner.outerjoin(places)
    count = sa.func.count(owner.c.id).label("count")
    query = sa.select(link.label("place_id"), places.c.kind, places.c.lat, places.c.lon, count) \
        .select_from(source).where(*conditions).group_by(link, places.c.kind, places.c.lat, places.c.lon)
    found, unplaced = [], 0
    for row in conn.execute(query, view_parameters(view)):
        if row.place_id is None:
            unplaced += row.count
        else:
            found.append(PlaceCount(row.place_id, row.kind, row.lat, row.lon, row.count))
    return LayerCounts(found, unplaced)
