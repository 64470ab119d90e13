"""Cities that stand inside an admin-1 unit answering to the same name: Baku in Baku City, Laçın in the Laçın district.

In running text such a name means the city, so the index links the city to the unit (`namesake_of`) and look-ups rank
the city above it. Only city- and district-sized units count: a state or province is a place of its own ("Illinois" is
not a town named Illinois).
"""

from __future__ import annotations

import pyproj
from shapely.geometry.base import BaseGeometry

from gazetteer.model import Kind
from gazetteer.normalize import normalize
from gazetteer.sources.record import NameType, Record

NAMESAKE_MAX_UNIT_KM2 = 5_000  # city- and district-sized units only (Baku City, Laçın district), not provinces
NAMESAKE_TOLERANCE = 0.05  # degrees (~5 km): 10m admin-1 outlines are coarse; a town on the edge still counts
_GEOD = pyproj.Geod(ellps="WGS84")


def link_namesakes(records: dict[str, Record]) -> dict[str, str]:
    """Find cities that stand inside an admin-1 unit answering to the same name (Baku in Baku City, Laçın in
    the Laçın district): in running text that name means the city, so look-ups rank the city above the unit."""
    from shapely.prepared import prep

    unit_keys: dict[str, list[Record]] = {}
    for record in records.values():
        if record.kind == Kind.ADMIN1:
            for key in {normalize(n.text) for n in record.names if n.type <= NameType.ALTERNATE}:
                unit_keys.setdefault(key, []).append(record)
    namesake_of: dict[str, str] = {}  # city id -> id of the unit
    prepared: dict[str, object] = {}
    small: dict[str, bool] = {}
    for record in records.values():
        if record.kind not in {Kind.POPULATED_PLACE, Kind.CAPITAL}:
            continue
        for key in sorted({normalize(n.text) for n in record.names}):  # sorted: the same index every build
            for unit in unit_keys.get(key, ()):
                if not small.setdefault(unit.id, geodesic_km2(unit.geometry) < NAMESAKE_MAX_UNIT_KM2):
                    continue  # a state or province is its own place: "Illinois" is not a town named Illinois
                shape_ = prepared.setdefault(unit.id, prep(unit.geometry))
                if shape_.contains(record.geometry) or unit.geometry.distance(record.geometry) < NAMESAKE_TOLERANCE:
                    current = namesake_of.get(record.id)
                    if current is None:
                        namesake_of[record.id] = unit.id
    return namesake_of


def geodesic_km2(geometry: BaseGeometry) -> float:
    return abs(_GEOD.geometry_area_perimeter(geometry)[0]) / 1e6
