"""Events and claims through the store writer, the API and the exports, with hand-made extractions."""

import csv
import io
from datetime import date

from atlas.store_write import ArticleRecord, StoreWriter
from extract.model import Actor, ArticleMeta, Claim, Event, Extraction, PlaceRef, Source
from tests.conftest import AREA, PLACES, TOWN, mention

BLINKEN = Actor("Antony Blinken", "person", "test:area")
TOWN_REF = PlaceRef(TOWN.id, TOWN.name, TOWN.kind, TOWN.lat, TOWN.lon, "Testville")
AREA_REF = PlaceRef(AREA.id, AREA.name, AREA.kind, AREA.lat, AREA.lon, "Testland")


def _store(app, text: str, outlet: str, extraction: Extraction, published: date | None = None) -> int:
    record = ArticleRecord(text=text, title=text[:20], outlet=outlet, source="test", published=published)
    found = [mention(text, "Testville", TOWN), mention(text, "Testland", AREA)]
    writer = StoreWriter(app.extensions["atlas_engine"])
    return writer.add_article(record, text, found, PLACES, extraction).article_id


def _call(text: str, actor_name: str, date_: str | None) -> Event:
    start = text.index("call")
    return Event("CONSULT", "phone call", (Actor(actor_name, "person"),), date_, "day" if date_ else None, TOWN_REF, 1,
                 (Source(start, start + 4, "call"),), "call")


def _claim(text: str, speaker: Actor, stance: str, content: str, places=(AREA_REF,), contested=()) -> Claim:
    start = text.index(content)
    return Claim(speaker, "said", stance, content, False, places, (Source(start, start + len(content), content),),
                 contested)


FIRST = "Testland accuses Testville of a blockade. Testville denies it. A call in Testville with Blinken."
SECOND = "Blinken had a phone call in Testville on January 18. Testland accuses Testville of a blockade."


def _two_outlets(app):
    accuse = _claim(FIRST, Actor("Testland", "government", AREA.id), "accuse", "Testville of a blockade",
                    places=(TOWN_REF,), contested=(1,))
    deny = _claim(FIRST, Actor("Testville", "government", TOWN.id), "deny", "it", places=(TOWN_REF,), contested=(0,))
    first = Extraction(ArticleMeta(None, None, None, False), [_call(FIRST, "Blinken", None)], [accuse, deny])
    again = _claim(SECOND, Actor("Testland", "government", AREA.id), "accuse", "Testville of a blockade",
                   places=(TOWN_REF,))
    second = Extraction(ArticleMeta(None, None, None, False), [_call(SECOND, "Antony Blinken", "2023-01-18")], [again])
    return _store(app, FIRST, "Outlet A", first, date(2023, 1, 19)), _store(app, SECOND, "Outlet B", second,
                                                                         date(2023, 1, 20))


def test_one_event_reported_by_two_outlets_is_one_event_with_two_sources(app, client):
    first_id, second_id = _two_outlets(app)
    (event,) = client.get("/api/events").get_json()["features"]
    properties = event["properties"]
    assert properties["layer"] == "event" and properties["type"] == "CONSULT"
    assert {s["article_id"] for s in properties["sources"]} == {first_id, second_id}
    assert {s["outlet"] for s in properties["sources"]} == {"Outlet A", "Outlet B"}
    assert properties["date"] == "2023-01-18" and properties["date_precision"] == "day"
    assert event["geometry"] == {"type": "Point", "coordinates": [TOWN.lon, TOWN.lat]}  # lon, lat


def test_same_claim_in_two_outlets_is_merged_and_contested_links_are_kept(app, client):
    _two_outlets(app)
    features = client.get("/api/claims").get_json()["features"]
    by_stance = {f["properties"]["stance"]: f["properties"] for f in features}
    assert len(features) == 2
    assert len(by_stance["accuse"]["sources"]) == 2
    assert by_stance["accuse"]["contested_with"] == [by_stance["deny"]["id"]]
    assert by_stance["deny"]["contested_with"] == [by_stance["accuse"]["id"]]


def test_filters_and_bad_parameters(app, client):
    _two_outlets(app)
    assert client.get("/api/events?type=ASSAULT").get_json()["features"] == []
    assert len(client.get("/api/events?type=consult&actor=blinken").get_json()["features"]) == 1
    assert client.get("/api/events?from=2023-02-01").get_json()["features"] == []
    assert len(client.get("/api/claims?stance=deny").get_json()["features"]) == 1
    assert len(client.get("/api/claims?speaker=testland&outlet=Outlet B").get_json()["features"]) == 1
    for bad in ("/api/events?type=BATTLE", "/api/claims?stance=maybe", "/api/events?bbox=1,2", "/api/claims?x=1"):
        response = client.get(bad)
        assert response.status_code == 400 and response.get_json()["ok"] is False


def test_exports_include_events_and_claims(app, client):
    _two_outlets(app)
    layers = [f["properties"]["layer"] for f in client.get("/export.geojson").get_json()["features"]]
    assert {"place", "event", "claim"} <= set(layers)
    rows = list(csv.DictReader(io.StringIO(client.get("/export.csv").data.decode())))
    event_rows = [r for r in rows if r["layer"] == "event"]
    assert len(event_rows) == 2 and {r["outlet"] for r in event_rows} == {"Outlet A", "Outlet B"}
    assert any(r["layer"] == "claim" and r["stance"] == "deny" for r in rows)


def test_ingest_infers_outlet_and_publication_date(app, runner, tmp_path):
    article = tmp_path / "story.txt"
    article.write_text("Talks in Yerevan\n\nOfficials met in Yerevan on January 18, 2023.\n\nBy RFE/RL\n")
    result = runner.invoke(args=["ingest", str(article)])
    assert result.exit_code == 0, result.output
    client = app.test_client()
    stored = client.get("/api/articles/1").get_json()
    assert stored["outlet"] == "RFE/RL"
    assert stored["published"] == "2023-01-18" and stored["published_inferred"] is True
