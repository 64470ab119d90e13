"""RFC 7946 output: lon/lat WGS84, counter-clockwise outer rings, no `crs` member, ~10 cm precision.

Every GeoJSON the project writes passes through `geometry_to_geojson`, so the ring-orientation rule lives here once.
"""

from __future__ import annotations

import json

import numpy as np
import shapely
from shapely.geometry import GeometryCollection, MultiPolygon, Polygon
from shapely.geometry.base import BaseGeometry
from shapely.geometry.polygon import orient

DECIMALS = 6


def oriented(geometry: BaseGeometry) -> BaseGeometry:
    """Outer rings counter-clockwise, holes clockwise, as RFC 7946 section 3.1.6 asks."""
    if isinstance(geometry, Polygon):
        return orient(geometry, 1.0)
    if isinstance(geometry, MultiPolygon):
        return MultiPolygon([orient(part, 1.0) for part in geometry.geoms])
    if isinstance(geometry, GeometryCollection):
        return GeometryCollection([oriented(part) for part in geometry.geoms])
    return geometry


def geometry_to_geojson(geometry: BaseGeometry) -> dict:
    """GeoJSON geometry as parsed JSON (lists, not tuples); GEOS writes it, which is fast for continent-sized shapes."""
    rounded = shapely.transform(geometry, lambda coords: np.round(coords, DECIMALS))
    return json.loads(shapely.to_geojson(oriented(rounded)))


def feature(geometry: BaseGeometry, properties: dict, feature_id: str | None = None) -> dict:
    result: dict = {"type": "Feature", "geometry": geometry_to_geojson(geometry), "properties": properties}
    if feature_id is not None:
        result["id"] = feature_id
    return result
