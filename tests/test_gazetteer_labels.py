"""Where the map pins a country or a first-level unit: its label point, inside its main landmass, while the geoparser
keeps reasoning with GeoNames' centroid."""

from __future__ import annotations

import pytest
from shapely.geometry import Point

from atlas.ingest.analysis import PlaceCatalog
from gazetteer import Gazetteer
from gazetteer.labels import main_part


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer()


def test_russia_is_pinned_in_european_russia_not_central_siberia(gazetteer):
    russia = gazetteer.get("ne0:RUS")
    assert russia.lon > 90  # GeoNames' centroid, which the geoparser and the corpora use, stays
    lat, lon = russia.map_point
    assert 30 < lon < 60 and 50 < lat < 65
    assert PlaceCatalog()["ne0:RUS"].lon == lon  # the store places the country, and what is said of it, there


@pytest.mark.parametrize("place_id", ["ne0:RUS", "ne0:USA", "ne0:NOR", "ne0:FRA", "ne0:IDN", "ne0:CHL", "ne0:ARM"])
def test_a_countrys_map_point_lies_in_its_main_part(gazetteer, place_id):
    lat, lon = gazetteer.get(place_id).map_point
    assert main_part(gazetteer.geometry(place_id)).intersects(Point(lon, lat))


def test_a_town_is_pinned_at_its_own_point(gazetteer):
    (yerevan,) = [c.place for c in gazetteer.lookup("Yerevan") if c.place.kind == "capital"]
    assert yerevan.label is None and yerevan.map_point == (yerevan.lat, yerevan.lon)
