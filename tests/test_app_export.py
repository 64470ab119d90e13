"""GeoJSON and CSV export: what the map shows, RFC 7946, readable by GDAL and geopandas unchanged."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from datetime import date

import geopandas
import pytest
import schemathesis
from schemathesis.specs.openapi.checks import response_schema_conformance
from shapely.geometry import shape

from atlas.records import ArticleRecord
from atlas.store.write import StoreWriter
from atlas.web.params import ITEM_PARAMETERS, VIEW_PARAMETERS
from extract.model import Actor, ArticleMeta, Claim, Event, Extraction, PlaceRef, Source
from tests.conftest import AREA, PLACES, TOWN, mention, store_article

MENTION_KEYS = {"article_id", "title", "outlet", "published", "start", "end", "excerpt"}


def exported(client, query: str = "") -> dict:
    response = client.get(f"/export.geojson{query}")
    assert response.status_code == 200
    assert response.mimetype == "application/geo+json"
    assert "attachment" in response.headers["Content-Disposition"]
    return json.loads(response.data)


def test_export_is_rfc7946_with_real_geometry_and_mentions(client, sample):
    body = exported(client)
    assert body["type"] == "FeatureCollection" and "crs" not in body
    by_name = {f["properties"]["name"]: f for f in body["features"]}
    area = by_name["Testland"]
    assert area["geometry"]["type"] == "Polygon" and shape(area["geometry"]).exterior.is_ccw
    assert by_name["Test Corridor"]["geometry"]["type"] == "LineString"
    assert by_name["Testville"]["geometry"]["coordinates"] == [45.0, 40.0]  # lon, lat
    for feature in body["features"]:
        props = feature["properties"]
        assert props["layer"] == "place" and props["gazetteer_id"] == feature["id"]
        assert props["mention_count"] == len(props["mentions"]) > 0
        for m in props["mentions"]:
            assert set(m) >= MENTION_KEYS
            assert m["excerpt"][m["start"] - m["excerpt_start"] : m["end"] - m["excerpt_start"]] == m["text"]


def test_export_uses_the_map_filters(client, sample):
    query = "?bbox=44,38,48,43&from=2023-01-01&to=2023-02-28&outlet=Daily Example"
    shown = client.get(f"/api/places{query}").get_json()
    body = exported(client, query)
    assert [f["id"] for f in body["features"]] == [f["id"] for f in shown["features"]]
    assert [f["properties"]["mention_count"] for f in body["features"]] == [
        f["properties"]["mention_count"] for f in shown["features"]
    ]
    titles = {m["title"] for f in body["features"] for m in f["properties"]["mentions"]}
    assert titles == {"January talks"}  # the hostile article is dated in range but from another outlet


def test_cli_export_equals_http_export(runner, client, sample, tmp_path):
    target = tmp_path / "view.geojson"
    result = runner.invoke(args=["export", "-o", str(target), "--from", "2023-01-01", "--outlet", "Weekly Sample"])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text()) == exported(client, "?from=2023-01-01&outlet=Weekly Sample")
    bad = runner.invoke(args=["export", "-o", str(target), "--bbox", "1,2"])
    assert bad.exit_code == 2 and "four numbers" in bad.output


def test_csv_has_one_row_per_mention_and_inert_cells(client, sample):
    response = client.get("/export.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.data.decode())))
    assert len(rows) == 4 + 2 + 2 + 1
    weekly = [r for r in rows if r["outlet"] == "Weekly Sample"]
    assert {r["place_name"] for r in weekly} == {"Testland", "Test Corridor"}
    assert all(r["excerpt"] for r in rows)
    limited = list(csv.DictReader(io.StringIO(client.get("/export.csv?limit=1").data.decode())))
    assert {r["place_name"] for r in limited} == {"Testville"} and len(limited) == 4


def test_csv_cells_that_look_like_formulas_are_quoted(runner, app, tmp_path):
    text = "=HYPERLINK(\"http://evil\") Testville"
    store_article(StoreWriter(app.extensions["atlas_engine"]),
                  ArticleRecord(text=text, title="=cmd|' /C calc'!A0", outlet="@outlet", source="t"),
                  [mention(text, "Testville", TOWN)])
    target = tmp_path / "m.csv"
    assert runner.invoke(args=["export", "-o", str(target)]).exit_code == 0
    (row,) = csv.DictReader(io.StringIO(target.read_text()))
    assert row["title"].startswith("'=") and row["outlet"] == "'@outlet" and row["excerpt"].startswith("'=")


def test_export_opens_in_geopandas_and_gdal(client, sample, tmp_path):
    target = tmp_path / "export.geojson"
    target.write_bytes(client.get("/export.geojson").data)
    frame = geopandas.read_file(target)
    assert len(frame) == 4 and frame.crs.to_epsg() == 4326
    assert set(frame.geom_type) == {"Point", "Polygon", "LineString"}
    if shutil.which("ogrinfo") is None:
        pytest.fail("ogrinfo (Debian package gdal-bin) is needed to check the export opens in GDAL")
    info = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(target)], capture_output=True, text=True, check=True)
    assert "Feature Count: 4" in info.stdout


ITEMS_TEXT = ("Blinken held talks in Testville. Crowds protested in Testland. "
              "Testland accuses Testville of a blockade. Testville denies it. Testland warned of clashes.")


def _source(text: str) -> tuple[Source, ...]:
    start = ITEMS_TEXT.index(text)
    return (Source(start, start + len(text), text),)


def _store_items(app) -> None:
    """Two events of different types and three claims of different stances, at the sample's places."""
    town = PlaceRef(TOWN.id, TOWN.name, TOWN.kind, TOWN.lat, TOWN.lon, TOWN.name)
    area = PlaceRef(AREA.id, AREA.name, AREA.kind, AREA.lat, AREA.lon, AREA.name)
    testland, testville = Actor("Testland", "government", AREA.id), Actor("Testville", "government", TOWN.id)
    events = [Event("CONSULT", "talks", (Actor("Antony Blinken", "person"),), "2023-01-18", "day", town, 1,
                    _source("held talks"), "talks"),
              Event("PROTEST", "demonstration", (), "2023-01-18", "day", area, 6, _source("protested"), "protested")]
    claims = [Claim(testland, "accuse", "accuse", "Testville of a blockade", False, (town,),
                    _source("Testville of a blockade"), (1,)),
              Claim(testville, "deny", "deny", "it", False, (town,), _source("denies it"), (0,)),
              Claim(testland, "warn", "warn", "of clashes", False, (area,), _source("of clashes"))]
    record = ArticleRecord(text=ITEMS_TEXT, title="Talks and claims", outlet="Daily Example", source="items",
                           published=date(2023, 1, 19))
    found = [mention(ITEMS_TEXT, "Testville", TOWN), mention(ITEMS_TEXT, "Testland", AREA)]
    store_article(StoreWriter(app.extensions["atlas_engine"]), record, found, PLACES,
                  Extraction(ArticleMeta(None, None, None, False), events, claims))


def _by_layer(body: dict) -> dict[str, list[dict]]:
    layers: dict[str, list[dict]] = {"place": [], "event": [], "claim": []}
    for feature in body["features"]:
        layers[feature["properties"]["layer"]].append(feature)
    return layers


def test_export_item_filters_narrow_events_and_claims_like_the_api_and_keep_every_place(app, client, sample):
    _store_items(app)
    everything = _by_layer(exported(client))
    assert {f["properties"]["stance"] for f in everything["claim"]} == {"accuse", "deny", "warn"}
    assert {f["properties"]["type"] for f in everything["event"]} == {"CONSULT", "PROTEST"}

    denials = _by_layer(exported(client, "?stance=deny"))
    assert [f["properties"]["text"] for f in denials["claim"]] == ["it"]
    assert denials["claim"] == client.get("/api/claims?stance=deny").get_json()["features"]
    assert denials["place"] == everything["place"] and denials["event"] == everything["event"]

    protests = _by_layer(exported(client, "?type=protest"))  # parsed as the API does: any case
    assert [f["properties"]["label"] for f in protests["event"]] == ["demonstration"]
    assert protests["event"] == client.get("/api/events?type=PROTEST").get_json()["features"]
    assert protests["place"] == everything["place"] and protests["claim"] == everything["claim"]

    both = _by_layer(exported(client, "?actor=blinken&speaker=testland&from=2023-01-01&outlet=Daily Example"))
    assert [f["properties"]["label"] for f in both["event"]] == ["talks"]
    assert {f["properties"]["stance"] for f in both["claim"]} == {"accuse", "warn"}
    assert both["place"] == _by_layer(exported(client, "?from=2023-01-01&outlet=Daily Example"))["place"]


def test_csv_item_filters_narrow_event_and_claim_rows_only(app, client, sample):
    _store_items(app)

    def rows(query: str) -> list[dict]:
        response = client.get(f"/export.csv{query}")
        assert response.status_code == 200
        return list(csv.DictReader(io.StringIO(response.data.decode())))

    everything = rows("")
    filtered = rows("?stance=deny&type=CONSULT")
    assert [r for r in filtered if r["layer"] == "place"] == [r for r in everything if r["layer"] == "place"]
    assert [(r["layer"], r["stance"] or r["type"]) for r in filtered if r["layer"] != "place"] == [
        ("event", "CONSULT"), ("claim", "deny")]


@pytest.mark.parametrize("query", ["stance=maybe", "type=BATTLE", "type=ASSAULT,nonsense", "stance=deny&colour=red"])
def test_bad_item_filter_on_an_export_is_the_apis_json_error(client, sample, query):
    api = client.get(f"/api/{'events' if query.startswith('type') else 'claims'}?{query}")
    for path in ("/export.geojson", "/export.csv", "/export.gpkg"):
        response = client.get(f"{path}?{query}")
        assert response.status_code == 400 and response.mimetype == "application/json"
        assert response.get_json() == api.get_json() and api.get_json()["ok"] is False


def test_exports_are_described_as_they_answer_in_the_openapi_document(app, client, sample):
    """A client that checks responses against /api/openapi.json must accept a real export of every layer."""
    _store_items(app)
    paths = client.get("/api/openapi.json").get_json()["paths"]
    for path in ("/export.geojson", "/export.csv", "/export.gpkg"):
        documented = {p["name"] for p in paths[path]["get"]["parameters"]}
        assert documented == VIEW_PARAMETERS | ITEM_PARAMETERS | {"limit"}
    operation = schemathesis.openapi.from_wsgi("/api/openapi.json", app).find_operation_by_label("GET /export.geojson")
    for query in ({}, {"stance": "deny", "type": "CONSULT"}):
        case = operation.Case(query=query)
        response = case.call()
        assert {f["properties"]["layer"] for f in response.json()["features"]} == {"place", "event", "claim"}
        case.validate_response(response, checks=[response_schema_conformance])


def test_cli_export_takes_the_item_filters_of_the_http_export(app, runner, client, sample, tmp_path):
    _store_items(app)
    target = tmp_path / "view.geojson"
    result = runner.invoke(args=["export", "-o", str(target), "--stance", "deny", "--type", "consult",
                                 "--speaker", "Testville"])
    assert result.exit_code == 0, result.output
    written = json.loads(target.read_text())
    assert written == exported(client, "?stance=deny&type=CONSULT&speaker=Testville")
    assert [f["properties"]["text"] for f in _by_layer(written)["claim"]] == ["it"]
    bad = runner.invoke(args=["export", "-o", str(target), "--stance", "maybe"])
    assert bad.exit_code == 2 and "stance" in bad.output


def _layer_counts(path) -> dict[str, int]:
    info = subprocess.run(["ogrinfo", "-ro", "-al", "-so", str(path)], capture_output=True, text=True, check=True)
    return {name: int(count) for name, count in
            re.findall(r"Layer name: (\w+).*?Feature Count: (\d+)", info.stdout, flags=re.DOTALL)}


@pytest.mark.parametrize("query", ["", "?stance=deny&type=CONSULT", "?from=2023-03-01"])
def test_geopackage_has_a_layer_per_kind_with_the_geojson_exports_counts(app, client, sample, tmp_path, query):
    _store_items(app)
    response = client.get(f"/export.gpkg{query}")
    assert response.status_code == 200 and response.mimetype == "application/geopackage+sqlite3"
    target = tmp_path / "view.gpkg"
    target.write_bytes(response.data)
    expected = {f"{layer}s": len(features) for layer, features in _by_layer(exported(client, query)).items()}
    if shutil.which("ogrinfo") is None:
        pytest.fail("ogrinfo (Debian package gdal-bin) is needed to check the export opens in GDAL")
    assert _layer_counts(target) == expected
    for layer, count in expected.items():
        frame = geopandas.read_file(target, layer=layer)
        assert len(frame) == count and (count == 0 or frame.crs.to_epsg() == 4326)


def test_geopackage_keeps_geometries_and_lists_as_json_text(app, client, sample, tmp_path, runner):
    _store_items(app)
    target = tmp_path / "cli.gpkg"
    result = runner.invoke(args=["export", "-o", str(target)])
    assert result.exit_code == 0, result.output
    places = geopandas.read_file(target, layer="places")
    assert set(places.geom_type) == {"Point", "Polygon", "LineString"}
    by_id = {row.gazetteer_id: row for row in places.itertuples()}
    town = json.loads(by_id[TOWN.id].mentions)
    assert by_id[TOWN.id].geometry.equals(shape(TOWN.geometry)) and {m["title"] for m in town} >= {"January talks"}
    claims = geopandas.read_file(target, layer="claims")
    assert sorted(claims.stance) == ["accuse", "deny", "warn"]
    assert all(isinstance(json.loads(reasons), list) for reasons in claims.reasons)
    assert [json.loads(sources)[0]["outlet"] for sources in claims.sources] == ["Daily Example"] * 3
