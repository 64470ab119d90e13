"""The map's own layers: the basemap's names for a view (/api/labels), the counts by area (/api/counts) and the first
view, which fits the data when a link gives none."""

from __future__ import annotations

import itertools
import json
import pathlib
import re

import pytest
from shapely.geometry import MultiPolygon, Polygon

from atlas.web.areas import classes
from atlas.web.basemap import LabelIndex, sibling
from gazetteer.labels import label_point


def _box(west: float, south: float, east: float, north: float) -> dict:
    return {"type": "Polygon", "coordinates": [[[west, south], [east, south], [east, north], [west, north],
                                                [west, south]]]}


def _areas(path, areas: dict[str, tuple[float, float, float, float]]) -> None:
    features = [{"type": "Feature", "geometry": _box(*bounds), "properties": {"id": area_id, "name": area_id}}
                for area_id, bounds in areas.items()]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}))


@pytest.fixture
def outlines(app, tmp_path):
    """Testland as a country (the sample's town, corridor and country lie in it; Dateline Isle in none), cut in two
    first-level units: West holds Testville, East the corridor's point."""
    _areas(tmp_path / "basemap.geojson", {"ne0:TST": (44.0, 39.0, 47.0, 42.0)})
    _areas(sibling(tmp_path / "basemap.geojson", "admin1"), {"west": (44.0, 39.0, 45.5, 42.0),
                                                             "east": (45.5, 39.0, 47.0, 42.0)})


def _counts(client, query: str) -> dict:
    response = client.get(f"/api/counts?{query}")
    assert response.status_code == 200, response.get_json()
    body = response.get_json()
    return body | {"by_id": {f["properties"]["id"]: f["properties"]["count"] for f in body["features"]}}


def test_mentions_are_counted_in_the_area_their_place_lies_in(client, sample, outlines):
    body = _counts(client, "by=country&layer=mentions")
    # Testville 4, the corridor 2, Testland itself 2; Dateline Isle lies in no area
    assert body["by_id"] == {"ne0:TST": 8} and body["counted"] == 8 and body["not_counted"] == 1
    assert body["classes"] == [{"from": 8, "to": 8, "areas": 1}]
    assert body["type"] == "FeatureCollection" and body["features"][0]["geometry"]["type"] == "Polygon"


def test_first_level_units_leave_out_places_as_large_as_a_country(client, sample, outlines):
    body = _counts(client, "by=admin1&layer=mentions")
    assert body["by_id"] == {"west": 4, "east": 2}
    assert body["not_counted"] == 3  # Testland twice, Dateline Isle once
    assert [c["from"] for c in body["classes"]] == [2, 4]


def test_counts_follow_the_filters(client, sample, outlines):
    assert _counts(client, "by=country&layer=mentions&from=2023-03-01")["by_id"] == {"ne0:TST": 2}
    assert _counts(client, "by=country&layer=mentions&outlet=Weekly+Sample")["by_id"] == {"ne0:TST": 2}
    assert _counts(client, "layer=events")["by_id"] == {}  # the sample has no events


def test_event_and_claim_counts_add_up_to_the_layers_the_map_shows(app, client, outlines):
    from tests.test_app_events import _two_outlets

    _two_outlets(app)
    for layer in ("events", "claims"):
        shown = client.get(f"/api/{layer}").get_json()["features"]
        body = _counts(client, f"layer={layer}")
        assert body["counted"] + body["not_counted"] == len(shown) > 0
        assert body["by_id"] == {"ne0:TST": len([f for f in shown if f["geometry"]])}
        assert _counts(client, f"layer={layer}&from=2030-01-01")["counted"] == 0


@pytest.mark.parametrize("query", ["by=province", "layer=articles", "by=country&by=admin1", "bbox=0,0,1,1",
                                   "from=yesterday", "stance=shouting"])
def test_bad_count_parameters_answer_the_one_json_error(client, outlines, query):
    response = client.get(f"/api/counts?{query}")
    assert response.status_code == 400
    assert response.get_json()["ok"] is False and response.get_json()["status"] == 400


def test_counts_and_labels_need_the_built_basemap(app, client):
    pathlib.Path(app.config["BASEMAP_PATH"]).unlink()
    for url in ("/api/counts", "/api/labels?bbox=-180,-85,180,85&z=2"):
        response = client.get(url)
        assert response.status_code == 404 and response.get_json()["ok"] is False


def test_classes_cover_every_count_without_overlap():
    counts = sorted([1, 1, 1, 2, 3, 5, 8, 13, 21, 40, 40, 7])
    found = classes(counts)
    assert 1 < len(found) <= 5
    assert sum(c["areas"] for c in found) == len(counts)
    assert found[0]["from"] == 1 and found[-1]["to"] == 40
    assert all(a["to"] < b["from"] for a, b in itertools.pairwise(found))
    assert classes([]) == [] and classes([3, 3]) == [{"from": 3, "to": 3, "areas": 2}]


LABELS = [("Bigland", "country", 10.0, 10.0, 1, "ne0:BIG"), ("Smallland", "country", 12.0, 11.0, 4, "ne0:SML"),
          ("Capital", "capital", 11.0, 10.5, 2, "geonames:1"), ("Town", "city", 10.5, 10.2, 7, "geonames:2"),
          ("Isle", "city", 179.5, -17.0, 2, "geonames:3")]


def test_labels_of_a_view_come_by_zoom_and_the_stored_first():
    index = LabelIndex(LABELS)
    names = lambda found: [label[0] for label in found]  # noqa: E731
    assert names(index.in_view((0, 0, 20, 20), 2, 10)) == ["Bigland", "Capital"]
    assert names(index.in_view((0, 0, 20, 20), 8, 10)) == ["Bigland", "Capital", "Smallland", "Town"]
    assert names(index.in_view((0, 0, 20, 20), 2, 10, {"ne0:SML"})) == ["Smallland", "Bigland", "Capital"]
    assert names(index.in_view((0, 0, 20, 20), 8, 2)) == ["Bigland", "Capital"]
    assert names(index.in_view((170, -20, -170, 0), 8, 10)) == ["Isle"]  # across the antimeridian


def test_labels_endpoint_marks_the_stored_places_and_checks_its_parameters(app, client, sample, tmp_path):
    labels = [("Testland", "country", 45.5, 40.5, 6, "test:area"), *LABELS]
    sibling(tmp_path / "basemap.geojson", "labels").write_text(json.dumps({"labels": labels}))
    found = client.get("/api/labels?bbox=0,0,50,50&z=2").get_json()["labels"]
    assert [(label["name"], label["stored"]) for label in found] == [
        ("Testland", True), ("Bigland", False), ("Capital", False)]
    for query in ("bbox=0,0,50,50", "z=2", "bbox=0,0,50,50&z=99", "bbox=0,0,50,50&z=2&z=3", "bbox=x&z=2"):
        response = client.get(f"/api/labels?{query}")
        assert response.status_code == 400 and response.get_json()["status"] == 400, query


def _fit_bounds(page: str) -> list[float] | None:
    found = re.search(r"\.fitBounds\(\s*\[\[([-0-9.]+), ([-0-9.]+)\], \[([-0-9.]+), ([-0-9.]+)\]\]", page)
    return [float(v) for v in found.groups()] if found else None


def test_the_first_view_fits_every_stored_place_unless_the_link_gives_a_view(client, sample):
    # south-west and north-east corners, as Leaflet wants them: Dateline Isle to Testland's point
    assert _fit_bounds(client.get("/").get_data(as_text=True)) == [-17.0, 45.0, 40.5, 179.5]
    assert _fit_bounds(client.get("/?lat=40&lon=45&z=6").get_data(as_text=True)) is None


def test_an_empty_store_opens_on_the_world(client):
    page = client.get("/").get_data(as_text=True)
    assert _fit_bounds(page) is None and '"zoom": 2,' in page


def test_a_label_point_lies_in_the_main_part_of_an_area():
    mainland = Polygon([(0, 0), (10, 0), (10, 10), (0, 10)])
    islet = Polygon([(20, 20), (21, 20), (21, 21), (20, 21)])
    area = MultiPolygon([mainland, islet])
    assert label_point(area, (5.0, 4.0)) == (5.0, 4.0)  # Natural Earth's point, inside: kept
    lat, lon = label_point(area, (20.5, 20.5))  # on the islet: moved to the mainland
    assert mainland.contains(Polygon([(lon - .01, lat - .01), (lon + .01, lat - .01), (lon, lat + .01)]))
