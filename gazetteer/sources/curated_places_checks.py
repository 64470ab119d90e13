"""Checks of where the curated rows put things, against GeoNames: the errors a well-formed row can still carry.

A landmark filed under the wrong city id, a swapped or sign-flipped coordinate, or a country point under the wrong
ISO code all pass every field check; they show only as distances that no real row has. These run after the field
checks (see curated_checks), on rows already known to be well formed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import TYPE_CHECKING

from gazetteer.sources.curated_rows import geonames_countries, located, numbered

if TYPE_CHECKING:
    from gazetteer.sources.curated_checks import Tables

LANDMARK_MAX_KM_FROM_CITY = 25
# A country's own point lies inside or near the country, so within this distance of its capital. Russia's point
# (60 N, 100 E) is the farthest at about 3,600 km from Moscow; a swapped or sign-flipped coordinate lands much further.
MAX_KM_FROM_CAPITAL = 4500
EARTH_RADIUS_KM = 6371.0


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    half_chord = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(half_chord))


def landmark_placement_problems(rows: list[dict[str, str]], cities: Mapping[str, dict]) -> list[str]:
    """A landmark lies within 25 km of the city it is filed under, and that city is in the landmark's country."""
    problems = []
    for number, row in numbered(rows):
        where = located(number, row, "slug")
        city = cities.get(row["located_in_geonameid"])
        if city is None or city["countrycode"] != row["country"]:
            problems.append(f"{where}: unknown city or other country")
            continue
        problems += _too_far(where, row, city, LANDMARK_MAX_KM_FROM_CITY)
    return problems


def abbreviated_city_problems(rows: list[dict[str, str]], cities: Mapping[str, dict]) -> list[str]:
    """An abbreviation of a city ("geonames:<id>") names a city the builder will have."""
    problems = []
    for number, row in numbered(rows):
        if row["target"].startswith("geonames:") and row["target"].removeprefix("geonames:") not in cities:
            problems.append(f"{located(number, row, 'abbreviation')}: {row['target']} is no GeoNames city")
    return problems


def capital_of(iso2: str, cities: list[dict]) -> dict | None:
    """The most populous city in the country carrying the capital's name (GeoNames spells some only as alternates)."""
    capital = geonames_countries()[iso2]["capital"]
    matches = [city for city in cities if capital == city["name"] or capital in city.get("alternatenames", [])]
    return max(matches, key=lambda city: city["population"], default=None)


def country_point_placement_problems(rows: list[dict[str, str]], cities: Mapping[str, dict]) -> list[str]:
    """Catches swapped lat/lon, a dropped minus sign or a row filed under the wrong iso2."""
    cities_by_country: dict[str, list[dict]] = {}
    for city in cities.values():
        cities_by_country.setdefault(city["countrycode"], []).append(city)
    problems = []
    for number, row in numbered(rows):
        where = located(number, row, "iso2")
        capital = capital_of(row["iso2"], cities_by_country.get(row["iso2"], []))
        if capital is None:
            problems.append(f"{where}: capital not found in GeoNames cities")
            continue
        problems += _too_far(where, row, capital, MAX_KM_FROM_CAPITAL)
    return problems


def placement_problems(tables: Tables, cities: Mapping[str, dict]) -> list[str]:
    """Every placement problem, prefixed with its file like the field problems."""
    checks = {
        "landmarks.csv": landmark_placement_problems,
        "abbreviations.csv": abbreviated_city_problems,
        "country_points.csv": country_point_placement_problems,
    }
    return [f"{tables.directory / name}: {problem}"
            for name, check in checks.items() for problem in check(tables.rows[name], cities)]


def _too_far(where: str, row: dict[str, str], city: dict, limit_km: float) -> list[str]:
    km = distance_km(float(row["lat"]), float(row["lon"]), city["latitude"], city["longitude"])
    return [f"{where}: {km:.0f} km from {city['name']}"] if km > limit_km else []
