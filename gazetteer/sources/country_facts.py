"""Per-country facts from the countryinfo package (MIT; data from REST Countries): the GeoNames-style country
centroid, the demonym, and alternative spellings.

The centroid matters: news corpora and readers place "Russia" at (60, 100), not at a label point west of the Urals.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path

from gazetteer.normalize import is_latin_script
from gazetteer.sources.paths import python_package_data, require


@dataclass(frozen=True, slots=True)
class CountryFacts:
    iso2: str
    centroid: tuple[float, float] | None  # (lat, lon)
    demonym: str | None
    alt_spellings: tuple[str, ...]


def _value(raw: object) -> object:
    """The package stores lists and dicts as Python literals inside JSON strings."""
    if isinstance(raw, str) and raw[:1] in "[{":
        try:
            return ast.literal_eval(raw)
        except (ValueError, SyntaxError):
            return None
    return raw


def load() -> dict[str, CountryFacts]:
    directory = require(python_package_data("countryinfo", "data"))
    facts: dict[str, CountryFacts] = {}
    for path in sorted(Path(directory).glob("*.json")):
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
        iso = _value(data.get("ISO")) or {}
        iso2 = iso.get("alpha2") if isinstance(iso, dict) else None
        if not iso2 or not re.fullmatch(r"[A-Z]{2}", iso2):
            continue
        latlng = _value(data.get("latlng"))
        centroid = (float(latlng[0]), float(latlng[1])) if isinstance(latlng, list) and len(latlng) == 2 else None
        spellings = _value(data.get("altSpellings")) or []
        facts[iso2] = CountryFacts(
            iso2=iso2,
            centroid=centroid,
            demonym=data.get("demonym") or None,
            alt_spellings=tuple(s for s in spellings if isinstance(s, str) and is_latin_script(s)),
        )
    return facts
