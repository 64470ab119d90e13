"""The JSON API: filters, one error shape, articles, OpenAPI."""

from __future__ import annotations

import re

import pytest


def names(collection) -> set[str]:
    return {f["properties"]["name"] for f in collection["features"]}


def test_places_have_counts_and_drawing_geometry(client, sample):
    body = client.get("/api/places").get_json()
    by_name = {f["properties"]["name"]: f for f in body["features"]}
    assert set(by_name) == {"Testville", "Testland", "Test Corridor", "Dateline Isle"}
    town = by_name["Testville"]
    assert town["properties"] == {
        "layer": "place", "name": "Testville", "gazetteer_id": "test:town", "kind": "populated place",
        "mention_count": 4, "article_count": 3, "approximate": False, "source": None, "lat": 40.0, "lon": 45.0,
    }
    assert town["geometry"] == {"type": "Point", "coordinates": [45.0, 40.0]}
    assert by_name["Test Corridor"]["geometry"]["type"] == "LineString"
    corridor = by_name["Test Corridor"]["properties"]
    assert corridor["approximate"] is True and corridor["source"] == "curated (approximate): a test line"
    counts = [f["properties"]["mention_count"] for f in body["features"]]
    assert counts == sorted(counts, reverse=True)


def test_bbox_keeps_what_intersects_the_view(client, sample):
    # A view over the corridor's east end only: the area and corridor cross it, the town (45, 40) is outside.
    assert names(client.get("/api/places?bbox=46.2,39.7,46.8,40.2").get_json()) == {"Testland", "Test Corridor"}
    assert names(client.get("/api/places?bbox=-10,-10,10,10").get_json()) == set()


def test_bbox_across_the_antimeridian(client, sample):
    assert names(client.get("/api/places?bbox=170,-20,-170,-10").get_json()) == {"Dateline Isle"}


def test_date_range_is_inclusive_and_leaves_undated_out(client, sample):
    january = client.get("/api/places?from=2023-01-10&to=2023-01-10").get_json()
    assert names(january) == {"Testville", "Test Corridor", "Testland"}
    by_name = {f["properties"]["name"]: f["properties"]["mention_count"] for f in january["features"]}
    assert by_name["Testville"] == 2
    assert names(client.get("/api/places?from=2023-03-01").get_json()) == {"Testland", "Test Corridor"}
    assert "Dateline Isle" in names(client.get("/api/places").get_json())


def test_outlet_filter_accepts_repeats_and_commas(client, sample):
    weekly = client.get("/api/places?outlet=Weekly Sample").get_json()
    assert names(weekly) == {"Testland", "Test Corridor"}
    both = client.get("/api/places?outlet=Weekly Sample,Daily Example").get_json()
    assert names(both) == names(client.get("/api/places?outlet=Weekly Sample&outlet=Daily Example").get_json())
    assert "Dateline Isle" in names(both)


def test_limit_keeps_the_most_mentioned(client, sample):
    body = client.get("/api/places?limit=1").get_json()
    assert names(body) == {"Testville"}


def test_one_place_has_every_excerpt_with_offsets(client, sample):
    body = client.get("/api/places/test:corridor").get_json()
    (feature,) = body["features"]
    mentions = feature["properties"]["mentions"]
    assert {m["title"] for m in mentions} == {"January talks", "March reopening"}
    for m in mentions:
        local = m["excerpt"][m["start"] - m["excerpt_start"] : m["end"] - m["excerpt_start"]]
        assert local == "Test Corridor" == m["text"]
    filtered = client.get("/api/places/test:corridor?outlet=Weekly Sample").get_json()
    assert [m["title"] for m in filtered["features"][0]["properties"]["mentions"]] == ["March reopening"]


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/places?bbox=1,2,3", "four numbers"),
        ("/api/places?bbox=a,b,c,d", "four numbers"),
        ("/api/places?bbox=0,0,200,10", "out of range"),
        ("/api/places?bbox=0,10,10,0", "south"),
        ("/api/places?from=yesterday", "YYYY-MM-DD"),
        ("/api/places?from=2023-02-01&to=2023-01-01", "after"),
        ("/api/places?limit=0", "limit"),
        ("/export.geojson?limit=%C2%B2", "limit"),  # a superscript two is a digit to str.isdigit, not to int()
        ("/api/places?include=everything", "include"),
        ("/api/places?colour=red", "unknown parameter"),
        ("/api/search", "'q' is required"),
        ("/export.geojson?to=2023-13-01", "YYYY-MM-DD"),
        ("/export.csv?bbox=1", "four numbers"),
    ],
)
def test_bad_parameters_give_one_error_shape(client, sample, url, message):
    response = client.get(url)
    assert response.status_code == 400
    body = response.get_json()
    assert set(body) == {"ok", "error", "status"}
    assert body["ok"] is False and body["status"] == 400 and message in body["error"]


@pytest.mark.parametrize("url", ["/api/articles/99999", "/api/places/test:nowhere", "/api/nothing-here"])
def test_not_found_uses_the_same_shape(client, sample, url):
    response = client.get(url)
    assert response.status_code == 404
    assert response.get_json() | {"error": ""} == {"ok": False, "error": "", "status": 404}


def test_article_json_has_text_and_mentions(client, sample):
    body = client.get(f"/api/articles/{sample.ids['january']}").get_json()
    assert body["title"] == "January talks" and body["published"] == "2023-01-10"
    assert [(m["text"], m["place_id"]) for m in body["mentions"]][:2] == [("Testville", "test:town"),
                                                                          ("Test Corridor", "test:corridor")]
    assert all(body["text"][m["start"] : m["end"]] == m["text"] for m in body["mentions"])


def test_article_ids_cannot_reach_the_file_system(client, sample):
    for url in ["/api/articles/..%2F..%2Fetc%2Fpasswd", "/api/articles/-1", "/articles/../app.py",
                "/articles/%2e%2e%2fapp.py", "/vendor/../../app.py", "/vendor/leaflet/../../package.json"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert b"create_app" not in response.data and b"dependencies" not in response.data


def test_search_finds_by_prefix_folding_case_and_accents(client, sample):
    results = client.get("/api/search?q=TÉST c").get_json()["results"]
    assert [r["name"] for r in results] == ["Test Corridor"]
    assert results[0]["bbox"] == [45.5, 39.5, 46.5, 39.8]
    assert client.get("/api/search?q=isle").get_json()["results"][0]["name"] == "Dateline Isle"


def test_openapi_documents_every_endpoint_and_parameter(client, app):
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    documented = set(doc["paths"])
    routes = {re.sub(r"<(?:[a-z]+(?:\([^)]*\))?:)?(\w+)>", r"{\1}", str(rule.rule))
              for rule in app.url_map.iter_rules() if rule.rule.startswith(("/api/", "/export."))}
    assert routes == documented
    params = {p["name"] for p in doc["paths"]["/api/places"]["get"]["parameters"]}
    assert params == {"bbox", "from", "to", "outlet", "limit", "include"}
