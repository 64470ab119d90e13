"""Shared checks for the curated CSV tables under gazetteer/data (used by test_curated_data and test_curated_points).

Each check returns a list of problems, phrased with the row's line, so a test can assert on the real file and on
deliberately broken rows alike.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent.parent / "gazetteer" / "data"
SLUG = re.compile(r"^[a-z0-9-]+$")
GEONAMEID = re.compile(r"^[1-9][0-9]*$")

Row = dict[str, str]


def read_rows(name: str) -> tuple[list[str], list[Row]]:
    with open(DATA_DIR / name, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def is_ragged(row: Row, width: int) -> bool:
    """csv.DictReader files surplus fields under the key None and fills missing ones with None."""
    return None in row or any(value is None for value in row.values()) or len(row) != width


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


def alias_problems(row: Row, where: str) -> list[str]:
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
