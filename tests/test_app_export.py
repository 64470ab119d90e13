"""GeoJSON and CSV export: what the map shows, RFC 7946, readable by GDAL and geopandas unchanged."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess

import geopandas
import pytest
from shapely.geometry import shape

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
    from atlas.store_write import ArticleRecord, StoreWriter
    from tests.conftest import PLACES, TOWN, mention

    text = "=HYPERLINK(\"http://evil\") Testville"
    StoreWriter(app.extensions["atlas_engine"]).add_article(
        ArticleRecord(text=text, title="=cmd|' /C calc'!A0", outlet="@outlet", source="t"), text,
        [mention(text, "Testville", TOWN)], PLACES)
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
