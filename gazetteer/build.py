"""Build the index from packaged data: `python -m gazetteer build`.

The `Builder` gathers the records in a fixed order, since later steps refer to what earlier ones added: countries
from Natural Earth (named by `gazetteer.country_names`), continents and admin-1 units with their groupings
(`gazetteer.groupings`), US counties, GeoNames' admin-2 units and populated places, then the curated tables
(`gazetteer.curated_records`), which name records added before them, and last the namesake links
(`gazetteer.namesakes`). `gazetteer.index_writer` writes the result to a temporary file and renames it into place, so a
reader never sees a half-built index, with a fingerprint of its inputs (`gazetteer.freshness`) so `make` can rebuild
only when the code, the curated data or a package changed.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from gazetteer.country_names import name_countries
from gazetteer.curated_records import (
    attach_abbreviations,
    attach_aliases,
    attach_demonyms,
    curated_places,
    landmarks,
    regions,
    water_bodies,
)
from gazetteer.groupings import continents, geounits
from gazetteer.index_writer import write_index
from gazetteer.model import Kind
from gazetteer.namesakes import link_namesakes
from gazetteer.normalize import normalize
from gazetteer.sources import country_facts, curated, curated_checks, geonames, geonames_units, natural_earth
from gazetteer.sources.paths import CURATED_DIR
from gazetteer.sources.record import NameType, Record

# A city-level admin-1 unit (Baku City, Yerevan) is the same place as its city; the city's point is what readers mean.
_CITY_UNIT = re.compile(r"city|municipal|capital|metropol|federal district", re.IGNORECASE)


@dataclass
class BuildReport:
    output: Path
    records: int = 0
    names: int = 0
    seconds: float = 0.0
    warnings: list[str] = field(default_factory=list)


class Builder:
    """The records of the index as the steps of `run` gather them, and the look-ups by country, continent and
    curated reference that later steps need."""

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
        name_countries(self.country_by_iso, facts, gn_countries)
        for code, record in continents(frame, self.warnings):
            self.add([record])
            self.continent_by_code[code] = record
        features = natural_earth.admin1_features()
        corrections = curated.admin1_corrections(self.data_dir)
        unit_ids = natural_earth.admin1_ids(features, corrections)
        self.city_units = {
            unit_ids[f["properties"]["adm1_code"]] for f in features
            if _CITY_UNIT.search(f["properties"].get("type_en") or "")
        }
        self.log(f"admin-1: {self.add(natural_earth.admin1_units(features, corrections))}")
        self.log(f"admin-1 groupings: {self.add(geounits(features, unit_ids, self.country_by_iso, self.records))}")
        states = geonames.us_states()
        postal_by_fips = {state["fips"]: code for code, state in states.items()}
        full_names = {county["fips"]: county["name"] for county in geonames.us_counties()}
        self.log(f"US counties: {self.add(natural_earth.us_counties(postal_by_fips, full_names))}")
        present_codes = {f["properties"]["gn_a1_code"] for f in features if f["properties"].get("gn_a1_code")}
        self.log(f"admin-1 units Natural Earth lacks: "
                 f"{self.add(geonames_units.admin1_units(present_codes, self._admin1_keys()))}")
        parents = {record.admin1: (record.lat, record.lon) for record in self.records.values()
                   if record.kind == Kind.ADMIN1 and record.admin1}
        self.log(f"admin-2 units: {self.add(geonames_units.admin2_units(self._admin1_keys(), parents))}")
        self.log(f"populated places: {self.add(geonames.populated_places())}")
        self.log(f"curated places: {self.add(curated_places(self.data_dir, self.target))}")
        self.log(f"landmarks: {self.add(landmarks(self.data_dir, self.records, self.warnings))}")
        self.log(f"regions: {self.add(regions(self.data_dir, self.target, self.warnings))}")
        self.log(f"water bodies: {self.add(water_bodies(self.data_dir))}")
        attach_aliases(self.data_dir, self.target, self.warnings)
        attach_abbreviations(self.data_dir, self.target, self.warnings)
        attach_demonyms(self.data_dir, self.target, self.warnings)
        self.namesake_of = link_namesakes(self.records)

    def _admin1_keys(self) -> set[tuple[str, str]]:
        """(country, normalised name) of every admin-1 unit so far: a unit GeoNames repeats must not be two places."""
        return {
            (code, normalize(name.text)) for record in self.records.values() if record.kind == Kind.ADMIN1
            for code in record.country_codes[:1] for name in record.names if name.type <= NameType.ALTERNATE
        }


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


__all__ = ["CURATED_DIR", "BuildReport", "build"]
