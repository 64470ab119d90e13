"""Where a map pins a country or a first-level unit: inside its main landmass, near where a cartographer writes its
name, rather than at the centroid the geoparser reasons with (Russia's lies in central Siberia, Norway's in the sea
of islands). The store places a country's dot and every event or claim about it there (atlas.ingest.analysis).
"""

from __future__ import annotations

from shapely.geometry import MultiPolygon, Point
from shapely.geometry.base import BaseGeometry


def main_part(geometry: BaseGeometry) -> BaseGeometry:
    """The largest polygon of a multi-part area (mainland France, not French Guiana); the geometry itself else."""
    if isinstance(geometry, MultiPolygon):
        return max(geometry.geoms, key=lambda part: part.area)
    return geometry


def label_point(geometry: BaseGeometry, preferred: tuple[float, float]) -> tuple[float, float]:
    """(lat, lon): `preferred` (Natural Earth's hand-placed label point, or a unit's own point) when it lies in the
    area's main part, else a point guaranteed inside that part (shapely's representative point)."""
    part = main_part(geometry)
    lat, lon = preferred
    if part.intersects(Point(lon, lat)):
        return lat, lon
    inside = part.representative_point()
    return inside.y, inside.x
