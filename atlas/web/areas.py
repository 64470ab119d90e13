"""Counts by area: a view's events, claims or mentions added up per country or first-level unit (the map's optional
choropleth layer, `GET /api/counts`).

Each place is counted in the area its map point lies in (for a country or a unit, its label point, inside it), found
in the basemap's simplified outlines (atlas.web.basemap); a point that simplification left just outside a coast is
given to the nearest area within `COAST` degrees. A place larger than the areas counted is left out rather than
given to whichever area its point falls in: a sea or a region across borders, and a whole country when counting
first-level units. The classes of the legend are made here, so the map and any other client colour alike.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import numpy as np
import shapely
from shapely.geometry import shape

from atlas.store.counts import PlaceCount
from atlas.web.basemap import sibling

AreaLevel = Literal["country", "admin1"]
AREA_LEVELS: tuple[AreaLevel, ...] = ("country", "admin1")
COAST = 0.25  # degrees
MAX_CLASSES = 5
# Kinds of place too large to be counted in one area of a level (gazetteer.model.Kind values).
# A border belongs to two countries: counted in neither.
TOO_LARGE = {"country": {"region", "water body", "border"}, "admin1": {"region", "water body", "country", "border"}}


@dataclass(frozen=True, slots=True)
class Areas:
    features: list[dict[str, Any]]  # RFC 7946 Features with properties id, name (and country, for units)
    tree: shapely.STRtree

    def locate(self, lons: np.ndarray, lats: np.ndarray) -> np.ndarray:
        """The index in `features` of the area each point lies in, -1 for a point in none."""
        points = shapely.points(lons, lats)
        found = np.full(len(points), -1)
        inside, area = self.tree.query(points, predicate="within")
        found[inside] = area
        left = np.flatnonzero(found < 0)
        left = np.unique(left[self.tree.query(points[left], predicate="dwithin", distance=COAST)[0]])  # near a coast
        if len(left):  # nearest is slow: asked only for points near some area, not for those far out at sea
            near, area = self.tree.query_nearest(points[left], max_distance=COAST, all_matches=False)
            found[left[near]] = area
        return found


@functools.lru_cache(maxsize=4)
def _load(path: str, modified: float) -> Areas:
    with open(path, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    return Areas(features, shapely.STRtree([shape(f["geometry"]) for f in features]))


def areas(basemap: Path, level: AreaLevel) -> Areas | None:
    """The outlines of one level, read once per build of the basemap; None before `flask build-basemap`."""
    path = basemap if level == "country" else sibling(basemap, "admin1")
    return _load(str(path), path.stat().st_mtime) if path.is_file() else None


@dataclass(frozen=True, slots=True)
class AreaCounts:
    features: list[dict[str, Any]]  # the areas with a count, each with `count` added to its properties
    classes: list[dict[str, int]]  # the legend: [{"from": 1, "to": 3, "areas": 4}, ...], lowest first
    counted: int
    not_counted: int  # at no place, at a place larger than the level's areas, or at a point in no area


def count_by_area(found: list[PlaceCount], unplaced: int, outlines: Areas, level: AreaLevel) -> AreaCounts:
    usable = [p for p in found if p.kind not in TOO_LARGE[level]]
    totals: dict[int, int] = {}
    if usable:
        where = outlines.locate(np.array([p.lon for p in usable]), np.array([p.lat for p in usable]))
        for place, area in zip(usable, where.tolist(), strict=True):
            if area >= 0:
                totals[area] = totals.get(area, 0) + place.count
    features = [{**outlines.features[area], "properties": {**outlines.features[area]["properties"], "count": n}}
                for area, n in sorted(totals.items(), key=lambda item: -item[1])]
    counted = sum(totals.values())
    everything = unplaced + sum(p.count for p in found)
    return AreaCounts(features, classes(sorted(totals.values())), counted, everything - counted)


def classes(counts: list[int]) -> list[dict[str, int]]:
    """At most MAX_CLASSES ranges of whole counts, lowest first, each holding about as many areas (quantiles of the
    sorted counts); ranges never overlap and together cover every count. `counts` is sorted ascending."""
    if not counts:
        return []
    distinct = sorted(set(counts))
    if len(distinct) <= MAX_CLASSES:
        bounds = [(value, value) for value in distinct]
    else:
        tops = sorted({counts[min(len(counts) - 1, (len(counts) * k) // MAX_CLASSES - 1)]
                       for k in range(1, MAX_CLASSES + 1)} | {counts[-1]})
        bounds, low = [], counts[0]
        for top in tops:
            if top >= low:
                bounds.append((low, top))
                low = top + 1
    return [{"from": low, "to": high, "areas": sum(low <= c <= high for c in counts)} for low, high in bounds]
