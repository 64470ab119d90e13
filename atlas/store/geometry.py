"""Geometry rules of the store in one place: RFC 7946 output, the lighter drawing copy, the size-class index."""

from __future__ import annotations

from typing import Any

import shapely
from shapely.geometry.base import BaseGeometry

from gazetteer.geojson import geometry_to_geojson

# Drawing tolerance: at least ~1 km, and 1/600 of the shape's extent, so a continent-sized country is drawn with
# about as many points as a small one and a view never carries megabytes of coastline.
MIN_DISPLAY_TOLERANCE = 0.01
DISPLAY_DETAIL = 600


class GeoJSONText(str):
    """A geometry the writer already serialised as RFC 7946 GeoJSON, handed out as stored.

    Place reads return it instead of a parsed dict: a world view holds every country outline, and parsing and
    re-serialising them doubles the time of the request (bench/place_json.py). The one serialiser of the app
    (atlas.web.export.feature_collection_json) writes it into the response as it is; `json.loads` gives the dict."""

    __slots__ = ()


def rfc7946(geometry: BaseGeometry) -> dict[str, Any]:
    """Counter-clockwise outer rings (clockwise holes) and rounded coordinates, by the gazetteer's one rule."""
    return geometry_to_geojson(geometry)


def display_copy(geom: BaseGeometry) -> dict[str, Any]:
    """A simplified copy for the map; points and small shapes come back unchanged."""
    if geom.geom_type in ("Point", "MultiPoint"):
        return rfc7946(geom)
    minx, miny, maxx, maxy = geom.bounds
    tolerance = max(MIN_DISPLAY_TOLERANCE, max(maxx - minx, maxy - miny) / DISPLAY_DETAIL)
    if geom.geom_type == "MultiPolygon":  # islets below the tolerance would be drawn as dots: leave them out
        kept = [part for part in geom.geoms if part.area >= tolerance**2]
        geom = shapely.MultiPolygon(kept) if kept else geom
    simplified = geom.simplify(tolerance, preserve_topology=True)
    if simplified.is_empty:
        simplified = geom
    return rfc7946(simplified)


# A portable bounding-box index: places are put in classes by their largest extent, and within a class an ordinary
# B-tree on minx answers "minx between west - extent and east", so a view reads only the places near it, on SQLite
# and PostgreSQL alike. The last class (continent-sized shapes) is small and read whole.
SIZE_CLASS_LIMITS = (1.0, 10.0)


def size_class(minx: float, miny: float, maxx: float, maxy: float) -> int:
    extent = max(maxx - minx, maxy - miny)
    for number, limit in enumerate(SIZE_CLASS_LIMITS):
        if extent <= limit:
            return number
    return len(SIZE_CLASS_LIMITS)
