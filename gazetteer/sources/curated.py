"""The curated layer kept in the repo (gazetteer/data/): what no package carries, each row with its source.

Readers only parse and check; the builder turns references (GeoNames ids, ISO codes) into geometries.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

from gazetteer.sources.paths import CURATED_DIR


def _rows(name: str, directory: Path = CURATED_DIR) -> list[dict[str, str]]:
    path = directory / name
    if not path.exists():
        return []
    with open(path, encoding="utf-8", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def split(value: str) -> list[str]:
    return [part.strip() for part in value.split("|") if part.strip()]


def places(directory: Path = CURATED_DIR) -> list[dict]:
    with open(directory / "curated_places.json", encoding="utf-8") as handle:
        return json.load(handle)


def landmarks(directory: Path = CURATED_DIR) -> list[dict[str, str]]:
    return _rows("landmarks.csv", directory)


def regions(directory: Path = CURATED_DIR) -> list[dict[str, str]]:
    return _rows("regions.csv", directory)


def abbreviations(directory: Path = CURATED_DIR) -> list[dict[str, str]]:
    return _rows("abbreviations.csv", directory)


def demonyms(directory: Path = CURATED_DIR) -> list[dict[str, str]]:
    return _rows("demonyms.csv", directory)


def aliases(directory: Path = CURATED_DIR) -> list[dict[str, str]]:
    return _rows("aliases.csv", directory)


def water_bodies(directory: Path = CURATED_DIR) -> list[dict[str, str]]:
    return _rows("water_bodies.csv", directory)


def country_points(directory: Path = CURATED_DIR) -> dict[str, tuple[float, float]]:
    """ISO2 -> (lat, lon) of GeoNames' own country feature."""
    return {row["iso2"]: (float(row["lat"]), float(row["lon"])) for row in _rows("country_points.csv", directory)}


def admin1_corrections(directory: Path = CURATED_DIR) -> dict[str, dict[str, str]]:
    """adm1_code -> {field: corrected value}."""
    corrections: dict[str, dict[str, str]] = defaultdict(dict)
    for row in _rows("admin1_corrections.csv", directory):
        corrections[row["adm1_code"]][row["field"]] = row["value"]
    return dict(corrections)
