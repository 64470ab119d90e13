"""Events and claims an analyst can trust: confidence and reasons through the store, the API, the exports and the
map's config; publication dates inferred from the text shown as lower bounds; a store made before all this."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date

import pytest

import extract.confidence
from app import create_app
from atlas.records import ArticleRecord
from atlas.store.write import StoreWriter
from extract.confidence import describe
from extract.model import Actor, ArticleMeta, Claim, Event, Extraction, PlaceRef, Source
from tests.conftest import AREA, PLACES, TOWN, mention, store_article
from tests.test_app_pages import page_config

TOWN_REF = PlaceRef(TOWN.id, TOWN.name, TOWN.kind, TOWN.lat, TOWN.lon, "Testville")
TESTLAND = Actor("Testland", "government", AREA.id)
TEXT = "Troops shelled Testville. Testland accuses Testville of a blockade. Talks in Testville failed."


def _source(text: str, words: str) -> tuple[Source, ...]:
    start = text.index(words)
    return (Source(start, start + len(words), words),)


def _shelling(text: str, confidence: float, reasons: tuple[str, ...]) -> Event:
    return Event("ASSAULT", "shelling", (Actor("Troops", "military"),), "2023-01-18", "day", TOWN_REF, 1,
                 _source(text, "shelled"), "shelled", reasons, confidence)


def _talks(text: str, confidence: float) -> Event:
    return Event("CONSULT", "talks", (), "2023-01-18", "day", TOWN_REF, 1, _source(text, "Talks"), "talks",
                 ("date.stated", "label.generic"), confidence)


def _accusation(text: str, confidence: float, reasons: tuple[str, ...]) -> Claim:
    return Claim(TESTLAND, "accuses", "accuse", "Testville of a blockade", False, (TOWN_REF,),
                 _source(text, "Testville of a blockade"), (), reasons, confidence)


def _store(app, text: str, outlet: str, events: list[Event], claims: list[Claim], published: date | None,
           inferred: bool = False) -> int:
    record = ArticleRecord(text=text, title=text[:20], outlet=outlet, source="test", published=published,
                           published_inferred=inferred)
    return store_article(StoreWriter(app.extensions["atlas_engine"]), record, [mention(text, "Testville", TOWN)],
                         PLACES, Extraction(ArticleMeta(None, None, None, False), events, claims)).article_id


def _sure_and_unsure(app) -> None:
    """A shelling at 0.8 and talks at 0.3; an accusation at 0.6."""
    _store(app, TEXT, "Outlet A", [_shelling(TEXT, 0.8, ("date.stated", "place.clause")), _talks(TEXT, 0.3)],
           [_accusation(TEXT, 0.6, ("speaker.government", "via.verb"))], date(2023, 1, 19))


def _labels(client, url: str) -> set[str]:
    response = client.get(url)
    assert response.status_code == 200, response.get_json()
    return {f["properties"].get("label") or f["properties"]["text"] for f in response.get_json()["features"]}


def test_items_carry_their_confidence_and_the_reasons_for_it(app, client):
    _sure_and_unsure(app)
    events = {f["properties"]["label"]: f["properties"] for f in client.get("/api/events").get_json()["features"]}
    assert events["shelling"]["confidence"] == 0.8
    assert events["shelling"]["reasons"] == [{"code": "date.stated", "text": describe("date.stated")},
                                             {"code": "place.clause", "text": describe("place.clause")}]
    (claim,) = client.get("/api/claims").get_json()["features"]
    assert claim["properties"]["confidence"] == 0.6
    assert [r["code"] for r in claim["properties"]["reasons"]] == ["speaker.government", "via.verb"]


def test_min_confidence_keeps_items_at_or_above_it_and_the_api_gives_everything_without_it(app, client):
    _sure_and_unsure(app)
    assert _labels(client, "/api/events") == {"shelling", "talks"}
    assert _labels(client, "/api/events?min_confidence=0.8") == {"shelling"}
    assert _labels(client, "/api/events?min_confidence=0.81") == set()
    assert _labels(client, "/api/events?min_confidence=0.3&type=CONSULT") == {"talks"}
    assert _labels(client, "/api/events?min_confidence=0") == {"shelling", "talks"}
    assert _labels(client, "/api/claims?min_confidence=0.6") == {"Testville of a blockade"}
    assert _labels(client, "/api/claims?min_confidence=0.61") == set()
    assert _labels(client, "/api/claims?min_confidence=1") == set()


def test_min_confidence_default_applies_each_layers_own_threshold(app, client, monkeypatch):
    """What the map and its export links ask for: the event threshold for events, the claim threshold for claims."""
    _sure_and_unsure(app)
    thresholds = {"event": 0.7, "claim": 0.65}
    monkeypatch.setattr("atlas.store.items.threshold", thresholds.__getitem__)
    assert _labels(client, "/api/events?min_confidence=default") == {"shelling"}
    assert _labels(client, "/api/claims?min_confidence=default") == set()  # 0.6 < 0.65
    exported = json.loads(client.get("/export.geojson?min_confidence=default").data)["features"]
    assert sorted(f["properties"]["layer"] for f in exported if f["properties"]["layer"] != "place") == ["event"]
    thresholds["claim"] = 0.6
    assert _labels(client, "/api/claims?min_confidence=default") == {"Testville of a blockade"}


@pytest.mark.parametrize("path", ["/api/events", "/api/claims", "/export.geojson", "/export.csv"])
@pytest.mark.parametrize(("query", "message"), [
    ("min_confidence=-1", "from 0 to 1"),
    ("min_confidence=2", "from 0 to 1"),
    ("min_confidence=abc", "from 0 to 1"),
    ("min_confidence=nan", "from 0 to 1"),
    ("min_confidence=0.5&min_confidence=0.6", "more than once"),
])
def test_bad_min_confidence_is_the_one_json_error(client, path, query, message):
    response = client.get(f"{path}?{query}")
    assert response.status_code == 400 and response.mimetype == "application/json"
    body = response.get_json()
    assert set(body) == {"ok", "error", "status"} and body["ok"] is False and body["status"] == 400
    assert message in body["error"] and "min_confidence" in body["error"]


def test_a_second_report_keeps_the_higher_confidence_and_the_reasons_of_what_the_item_ended_up_with(app, client):
    second = "Troops shelled Testville again. Testland accuses Testville of a blockade."
    undated = Event("ASSAULT", "shelling", (Actor("Troops", "military"),), None, None, TOWN_REF, 1,
                    _source(TEXT, "shelled"), "shelled", ("date.none", "place.clause", "actors.named"), 0.4)
    _store(app, TEXT, "Outlet A", [undated], [_accusation(TEXT, 0.7, ("speaker.government", "via.verb"))],
           date(2023, 1, 19))
    _store(app, second, "Outlet B", [_shelling(second, 0.7, ("date.stated", "place.clause", "actors.named"))],
           [_accusation(second, 0.5, ("speaker.government", "quote"))], date(2023, 1, 20))
    (event,) = client.get("/api/events").get_json()["features"]
    assert len(event["properties"]["sources"]) == 2 and event["properties"]["date"] == "2023-01-18"
    assert event["properties"]["confidence"] == 0.7
    # the date came from the second report, and its reason with it: no "the report gives no date" beside it
    assert [r["code"] for r in event["properties"]["reasons"]] == \
        ["date.stated", "place.clause", "type.ASSAULT", "actors.named", "reports.several"]
    (claim,) = client.get("/api/claims").get_json()["features"]
    assert len(claim["properties"]["sources"]) == 2
    assert claim["properties"]["confidence"] == 0.7  # the surer report came first: a later, less sure one keeps it
    assert [r["code"] for r in claim["properties"]["reasons"]] == ["speaker.government", "via.verb", "quote"]


def test_exports_carry_confidence_and_reasons_and_take_min_confidence(app, client, runner, tmp_path):
    _sure_and_unsure(app)
    features = json.loads(client.get("/export.geojson").data)["features"]
    items = {f["properties"].get("label") or f["properties"]["text"]: f["properties"] for f in features
             if f["properties"]["layer"] != "place"}
    assert items["shelling"]["confidence"] == 0.8 and items["talks"]["confidence"] == 0.3
    assert [r["code"] for r in items["Testville of a blockade"]["reasons"]] == ["speaker.government", "via.verb"]
    assert all(r["text"] == describe(r["code"]) for item in items.values() for r in item["reasons"])

    sure = json.loads(client.get("/export.geojson?min_confidence=0.5").data)["features"]
    assert {f["properties"].get("label") for f in sure if f["properties"]["layer"] == "event"} == {"shelling"}
    assert sum(f["properties"]["layer"] == "place" for f in sure) == sum(f["properties"]["layer"] == "place"
                                                                         for f in features)  # places stay
    target = tmp_path / "sure.geojson"
    result = runner.invoke(args=["export", "-o", str(target), "--min-confidence", "0.5"])
    assert result.exit_code == 0, result.output
    assert json.loads(target.read_text())["features"] == sure
    assert runner.invoke(args=["export", "-o", str(target), "--min-confidence", "1.5"]).exit_code == 2

    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv?min_confidence=0.5").data.decode())))
    by_label = {r["label"] or r["text"]: r for r in rows if r["layer"] != "place"}
    assert set(by_label) == {"shelling", "Testville of a blockade"}
    assert by_label["shelling"]["confidence"] == "0.8"
    assert by_label["shelling"]["reasons"] == "date.stated;place.clause"


def test_the_map_reads_its_thresholds_from_the_calibration(app, client, monkeypatch):
    fitted = {"event": {"weights": {"bias": 0.0}, "threshold": 0.37}, "claim": {"weights": {}, "threshold": 0.74}}
    monkeypatch.setattr(extract.confidence, "_calibration", lambda: fitted)
    html = client.get("/").data.decode()
    assert page_config(html)["thresholds"] == {"event": 0.37, "claim": 0.74}
    assert re.search(r'<input\s+type="checkbox" id="show-uncertain"', html)
    refitted = {"event": {**fitted["event"], "threshold": 0.55}, "claim": {**fitted["claim"], "threshold": 0.6}}
    monkeypatch.setattr(extract.confidence, "_calibration", lambda: refitted)
    assert page_config(client.get("/").data.decode())["thresholds"] == {"event": 0.55, "claim": 0.6}


def test_a_date_inferred_from_the_text_is_shown_as_a_lower_bound(app, client):
    inferred = _store(app, TEXT, "Outlet A", [_shelling(TEXT, 0.8, ())], [], date(2022, 12, 12), inferred=True)
    given = "Troops shelled Testville at dawn. Talks in Testville failed."
    _store(app, given, "Outlet B", [_shelling(given, 0.8, ())], [], date(2023, 1, 19))
    (event,) = client.get("/api/events").get_json()["features"]
    sources = {s["outlet"]: s for s in event["properties"]["sources"]}
    assert sources["Outlet A"]["published"] == "2022-12-12" and sources["Outlet A"]["published_inferred"] is True
    assert sources["Outlet B"]["published"] == "2023-01-19" and sources["Outlet B"]["published_inferred"] is False
    mentions = client.get("/api/places/test:town").get_json()["features"][0]["properties"]["mentions"]
    assert {(m["outlet"], m["published_inferred"]) for m in mentions} == {("Outlet A", True), ("Outlet B", False)}
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv").data.decode())))
    assert {(r["layer"], r["outlet"], r["published_inferred"]) for r in rows} == {
        ("place", "Outlet A", "True"), ("place", "Outlet B", "False"),
        ("event", "Outlet A", "True"), ("event", "Outlet B", "False")}
    page = " ".join(client.get(f"/articles/{inferred}").data.decode().split())
    assert 'after <time datetime="2022-12-12">2022-12-12</time> (inferred from the text)' in page


def test_a_store_made_before_confidence_says_how_to_rebuild_it(app, tmp_path):
    with app.extensions["atlas_engine"].begin() as conn:
        conn.exec_driver_sql("ALTER TABLE events DROP COLUMN confidence")
    old = create_app({"TESTING": True, "DATABASE_URL": app.config["DATABASE_URL"],
                      "BASEMAP_PATH": app.config["BASEMAP_PATH"], "JOB_WORKER": "manual", "JOB_BACKEND": "inline"})
    try:
        client, runner = old.test_client(), old.test_cli_runner()
        response = client.get("/api/events")
        assert response.status_code == 503
        body = response.get_json()
        assert body["ok"] is False and body["status"] == 503
        assert "events.confidence" in body["error"] and "flask --app app init-db" in body["error"]
        page = client.get("/")
        assert page.status_code == 503 and b"flask --app app init-db" in page.data
        exported = runner.invoke(args=["export", "-o", str(tmp_path / "out.geojson")])
        assert exported.exit_code == 2 and "init-db" in exported.output and "Traceback" not in exported.output
        article = tmp_path / "a.txt"
        article.write_text("Talks in Testville.")
        ingested = runner.invoke(args=["ingest", str(article)])
        assert ingested.exit_code == 2 and "ingest the articles again" in ingested.output

        rebuilt = runner.invoke(args=["init-db"])
        assert rebuilt.exit_code == 0, rebuilt.output
        assert client.get("/api/events").get_json()["features"] == []
    finally:
        old.extensions["atlas_engine"].dispose()
