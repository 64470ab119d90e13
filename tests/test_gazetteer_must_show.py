"""The look-ups issue 2 promises, run through the CLI's `--geojson` path as a user would.

Reference coordinates are independent of the gazetteer's sources: city centres as given by Wikipedia.
"""

import json

import pyproj
import pytest
from geopy.distance import geodesic
from shapely.geometry import Point, shape

from gazetteer.__main__ import main

CITY_CENTRES = {  # (lat, lon), Wikipedia
    "Yerevan": (40.1811, 44.5136),
    "Baku": (40.4093, 49.8671),
    "Tbilisi": (41.7151, 44.8271),
    "Moscow": (55.7558, 37.6173),
    "Goris": (39.5111, 46.3417),
    "Stepanakert": (39.8153, 46.7519),
    "Lachin": (39.6383, 46.5461),
}
CAPITALS = {  # country -> capital (lat, lon), Wikipedia
    "Armenia": (40.1811, 44.5136),
    "Azerbaijan": (40.4093, 49.8671),
    "Russia": (55.7558, 37.6173),
    "Belarus": (53.9045, 27.5615),
    "Kazakhstan": (51.1694, 71.4491),
    "Kyrgyzstan": (42.8746, 74.5698),
    "Tajikistan": (38.5598, 68.7870),
    "Turkey": (39.9334, 32.8597),
    "France": (48.8566, 2.3522),
    "Ukraine": (50.4501, 30.5234),
}


def lookup_feature(name: str, capsys) -> dict:
    assert main(["lookup", name, "--geojson"]) == 0
    feature = json.loads(capsys.readouterr().out)
    assert feature["type"] == "Feature"
    return feature


def km(lat_lon_a, lat_lon_b) -> float:
    return geodesic(lat_lon_a, lat_lon_b).km


@pytest.mark.parametrize(
    ("query", "city"),
    [("Yerevan", "Yerevan"), ("Erevan", "Yerevan"), ("Baku", "Baku"), ("Tbilisi", "Tbilisi"), ("Tiflis", "Tbilisi"),
     ("Moscow", "Moscow"), ("Goris", "Goris"), ("Stepanakert", "Stepanakert"), ("Khankendi", "Stepanakert")],
)
def test_cities_are_points_near_the_city(query, city, capsys):
    feature = lookup_feature(query, capsys)
    assert feature["geometry"]["type"] == "Point"
    lon, lat = feature["geometry"]["coordinates"]
    assert km((lat, lon), CITY_CENTRES[city]) < 10


def test_stepanakert_and_khankendi_are_one_record(capsys):
    assert lookup_feature("Stepanakert", capsys)["id"] == lookup_feature("Khankendi", capsys)["id"]


@pytest.mark.parametrize(("country", "capital"), CAPITALS.items())
def test_countries_are_polygons_containing_their_capital(country, capital, capsys):
    feature = lookup_feature(country, capsys)
    assert feature["geometry"]["type"] in {"Polygon", "MultiPolygon"}
    lat, lon = capital
    assert shape(feature["geometry"]).contains(Point(lon, lat))


@pytest.mark.parametrize("spelling", ["Nagorno-Karabakh", "Nagorno Karabakh", "Nagorno-Krabakh", "Artsakh"])
def test_nagorno_karabakh_is_a_small_polygon_around_stepanakert(spelling, capsys):
    feature = lookup_feature(spelling, capsys)
    polygon = shape(feature["geometry"])
    assert polygon.geom_type in {"Polygon", "MultiPolygon"}
    lat, lon = CITY_CENTRES["Stepanakert"]
    assert polygon.contains(Point(lon, lat))
    area_km2 = abs(pyproj.Geod(ellps="WGS84").geometry_area_perimeter(polygon)[0]) / 1e6
    assert 3_000 < area_km2 < 6_000
    assert feature["properties"]["approximate"] is True


def test_lachin_corridor_runs_from_goris_through_lachin_to_stepanakert(capsys):
    feature = lookup_feature("Lachin Corridor", capsys)
    assert feature["geometry"]["type"] == "LineString"
    coords = feature["geometry"]["coordinates"]
    line = shape(feature["geometry"])
    lachin_lat, lachin_lon = CITY_CENTRES["Lachin"]
    nearest = line.interpolate(line.project(Point(lachin_lon, lachin_lat)))
    assert km((nearest.y, nearest.x), CITY_CENTRES["Lachin"]) < 5
    ends = [(lat, lon) for lon, lat in (coords[0], coords[-1])]
    assert min(km(end, CITY_CENTRES["Goris"]) for end in ends) < 15
    assert min(km(end, CITY_CENTRES["Stepanakert"]) for end in ends) < 15


def test_kremlin_is_a_place_in_moscow(capsys):
    feature = lookup_feature("Kremlin", capsys)
    lon, lat = feature["geometry"]["coordinates"]
    assert km((lat, lon), CITY_CENTRES["Moscow"]) < 3
    assert feature["properties"]["located_in"] == "geonames:524901"


def test_south_caucasus_contains_the_three_capitals(capsys):
    region = shape(lookup_feature("South Caucasus", capsys)["geometry"])
    for city in ("Yerevan", "Baku", "Tbilisi"):
        lat, lon = CITY_CENTRES[city]
        assert region.contains(Point(lon, lat)), city
