"""Events and claims through the store writer, the API and the exports, with hand-made extractions."""

import csv
import io
import re
from datetime import date

from atlas.records import ArticleRecord
from atlas.store.write import StoreWriter
from extract.model import Actor, ArticleMeta, Claim, Event, Extraction, PlaceRef, Source
from tests.conftest import AREA, ISLAND, PLACES, TOWN, mention, store_article

BLINKEN = Actor("Antony Blinken", "person", "test:area")
TOWN_REF = PlaceRef(TOWN.id, TOWN.name, TOWN.kind, TOWN.lat, TOWN.lon, "Testville")
AREA_REF = PlaceRef(AREA.id, AREA.name, AREA.kind, AREA.lat, AREA.lon, "Testland")
ISLAND_REF = PlaceRef(ISLAND.id, ISLAND.name, ISLAND.kind, ISLAND.lat, ISLAND.lon, "Dateline Isle")


def _store(app, text: str, outlet: str, extraction: Extraction, published: date | None = None) -> int:
    record = ArticleRecord(text=text, title=text[:20], outlet=outlet, source="test", published=published)
    found = [mention(text, "Testville", TOWN), mention(text, "Testland", AREA)]
    writer = StoreWriter(app.extensions["atlas_engine"])
    return store_article(writer, record, found, PLACES, extraction).article_id


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


ISLAND_TEXT = ("Testville and Testland sent aid to Dateline Isle. Testland said the isle needs more. "
               "A protest in Testville.")


def _island_aid(app) -> int:
    """An undated event and a claim across the antimeridian, a claim about the whole area, an event dated a month."""
    start = ISLAND_TEXT.index("aid")
    aid = Event("AID", "relief delivery", (Actor("Testland", "government", AREA.id),), None, None, ISLAND_REF, 1,
                (Source(start, start + 3, "aid"),), "aid")
    start = ISLAND_TEXT.index("protest")
    protest = Event("PROTEST", "demonstration", (), "2022-12", "month", TOWN_REF, 1,
                    (Source(start, start + 7, "protest"),), "protest")
    needs = _claim(ISLAND_TEXT, Actor("Testland", "government", AREA.id), "assert", "the isle needs more",
                   places=(ISLAND_REF,))
    sent = _claim(ISLAND_TEXT, Actor("Testville", "government", TOWN.id), "assert", "sent aid")
    extraction = Extraction(ArticleMeta(None, None, None, False), [aid, protest], [needs, sent])
    return _store(app, ISLAND_TEXT, "Outlet C", extraction, date(2023, 3, 1))


def _labels(client, url: str) -> set[str]:
    return {f["properties"].get("label") or f["properties"]["text"] for f in client.get(url).get_json()["features"]}


def test_bbox_keeps_items_whose_place_meets_the_view_like_the_places_layer(app, client):
    _two_outlets(app)
    _island_aid(app)
    town_only = "bbox=44.9,39.9,45.1,40.1"
    assert _labels(client, f"/api/events?{town_only}") == {"phone call", "demonstration"}
    assert _labels(client, f"/api/claims?{town_only}") == {"Testville of a blockade", "it", "sent aid"}
    # East of the town, still inside Testland's outline: the claim about Testland stays, as Testland does.
    assert _labels(client, "/api/claims?bbox=46.2,39.7,46.8,40.2") == {"sent aid"}
    assert _labels(client, "/api/events?bbox=46.2,39.7,46.8,40.2") == set()
    for layer in ("events", "claims"):
        assert _labels(client, f"/api/{layer}?bbox=-10,-10,10,10") == set()


def test_bbox_across_the_antimeridian_keeps_items_on_either_side(app, client):
    _two_outlets(app)
    _island_aid(app)
    assert _labels(client, "/api/events?bbox=170,-20,-170,-10") == {"relief delivery"}
    assert _labels(client, "/api/claims?bbox=170,-20,-170,-10") == {"the isle needs more"}
    assert _labels(client, "/api/events?bbox=179.8,-20,-170,-10") == set()  # crosses 180° but east of the isle
    assert _labels(client, "/api/events?bbox=-180,-90,180,90") == {"phone call", "demonstration", "relief delivery"}


def test_date_range_uses_an_events_own_period_and_else_its_reports(app, client):
    _two_outlets(app)
    _island_aid(app)  # the aid has no date of its own; its one report was published on 2023-03-01
    assert _labels(client, "/api/events?from=2023-02-01") == {"relief delivery"}
    assert _labels(client, "/api/events?to=2023-02-01") == {"phone call", "demonstration"}
    assert _labels(client, "/api/events?from=2022-12-31&to=2022-12-31") == {"demonstration"}
    assert _labels(client, "/api/events?from=2023-01-01&to=2023-01-31&outlet=Outlet C") == set()


def test_one_source_must_pass_every_filter_of_a_claim(app, client):
    _two_outlets(app)  # the accusation: Outlet A on 2023-01-19, Outlet B on 2023-01-20
    assert _labels(client, "/api/claims?outlet=Outlet A&from=2023-01-20") == set()
    assert _labels(client, "/api/claims?outlet=Outlet B&from=2023-01-20") == {"Testville of a blockade"}


def test_date_filter_offers_the_dates_events_happened_before_their_reports(app, client):
    _two_outlets(app)
    _island_aid(app)
    page = client.get("/").get_data(as_text=True)
    date_input = re.search(r'<input type="date" id="filter-from"[^>]*>', page).group(0)
    assert 'min="2022-12-01"' in date_input and 'max="2023-03-01"' in date_input


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


def test_two_spellings_of_one_surname_are_one_actor_across_outlets_and_in_the_filter(app, client):
    first = Extraction(ArticleMeta(None, None, None, False), [_call(FIRST, "Nikol Pashinian", "2023-01-18")], [])
    second = Extraction(ArticleMeta(None, None, None, False), [_call(SECOND, "Nikol Pashinyan", None)], [])
    _store(app, FIRST, "Outlet A", first, date(2023, 1, 19))
    _store(app, SECOND, "Outlet B", second, date(2023, 1, 20))
    (event,) = client.get("/api/events").get_json()["features"]  # one call: the same person, however spelt
    assert len(event["properties"]["sources"]) == 2
    for spelling in ("Pashinyan", "pashinian", "Nikol Pashinyan"):
        assert len(client.get(f"/api/events?actor={spelling}").get_json()["features"]) == 1, spelling
    assert client.get("/api/events?actor=Aliyev").get_json()["features"] == []


def test_undated_reports_of_one_person_weeks_apart_are_two_events(app, client):
    base = "A call in Testville with Blinken, Testland said."
    first, later, soon = (base + tail for tail in ("", " Again.", " Soon."))
    for text, published in ((first, date(2023, 1, 2)), (later, date(2023, 2, 13)), (soon, date(2023, 1, 5))):
        _store(app, text, "Outlet", Extraction(ArticleMeta(None, None, None, False), [_call(text, "Blinken", None)]),
               published)
    events = client.get("/api/events").get_json()["features"]
    reported = sorted(sorted(s["published"] for s in e["properties"]["sources"]) for e in events)
    assert reported == [["2023-01-02", "2023-01-05"], ["2023-02-13"]]  # six weeks apart: two calls; three days: one


def test_an_inferred_publication_date_does_not_keep_reports_apart(app, client):
    first, second = "A call in Testville with Blinken.", "A call in Testville with Blinken. Again."
    writer = StoreWriter(app.extensions["atlas_engine"])
    for text, published, inferred in ((first, date(2023, 1, 2), False), (second, date(2023, 4, 1), True)):
        record = ArticleRecord(text=text, title=text[:20], outlet="Outlet", source="test", published=published,
                               published_inferred=inferred)
        extraction = Extraction(ArticleMeta(None, None, None, False), [_call(text, "Blinken", None)])
        store_article(writer, record, [mention(text, "Testville", TOWN)], PLACES, extraction)
    assert len(client.get("/api/events").get_json()["features"]) == 1


def _shelling(app, text: str, outlet: str, place: PlaceRef, precision: int) -> None:
    start = text.index("shelled")
    event = Event("ASSAULT", "shelling", (Actor("Testland", "government", AREA.id),), "2023-01-18", "day", place,
                  precision, (Source(start, start + 7, "shelled"),), "shelled")
    record = ArticleRecord(text=text, title=text[:20], outlet=outlet, source="test", published=date(2023, 1, 19))
    found = [mention(text, p.name, p) for p in (TOWN, AREA, ISLAND) if p.name in text]
    store_article(StoreWriter(app.extensions["atlas_engine"]), record, found, PLACES,
                  Extraction(ArticleMeta(None, None, None, False), [event]))


def test_one_event_placed_in_a_town_by_one_outlet_and_in_its_country_by_another_is_one(app, client):
    town, country = "Testland shelled Testville on January 18.", "Testland shelled positions in Testland on January 18."
    _shelling(app, country, "Outlet A", AREA_REF, 6)
    _shelling(app, town, "Outlet B", TOWN_REF, 1)
    (event,) = client.get("/api/events").get_json()["features"]
    assert event["properties"]["place_id"] == TOWN.id  # the more precise place wins
    assert len(event["properties"]["sources"]) == 2


def test_one_act_reported_in_two_places_that_do_not_nest_stays_two_events(app, client):
    town, island = "Testland shelled Testville on January 18.", "Testland shelled Dateline Isle on January 18."
    _shelling(app, town, "Outlet A", TOWN_REF, 1)
    _shelling(app, island, "Outlet B", ISLAND_REF, 1)
    assert len(client.get("/api/events").get_json()["features"]) == 2


def test_a_body_named_with_its_country_in_one_outlet_and_without_in_another_is_one_speaker(app, client):
    first = "The Testland Foreign Office expressed deep concern about the humanitarian situation in Testville."
    second = "The Foreign Office expressed deep concern for the humanitarian situation in Testville, Testland."
    other = ("The Testville Foreign Office expressed deep concern about the humanitarian situation in Testville, "
             "Testland.")
    qualified = Actor("Testland Foreign Office", "organisation", AREA.id, "Testland")
    for text, speaker, outlet in ((first, qualified, "Outlet A"), (second, Actor("Foreign Office", "organisation"),
                                                                    "Outlet B"),
                                  (other, Actor("Testville Foreign Office", "organisation", TOWN.id, "Testville"),
                                   "Outlet C")):
        content = text[text.index("deep"):].rstrip(".")
        claim = _claim(text, speaker, "express concern", content, places=(TOWN_REF,))
        _store(app, text, outlet, Extraction(ArticleMeta(None, None, None, False), [], [claim]), date(2023, 1, 20))
    features = client.get("/api/claims").get_json()["features"]
    sources = sorted(len(f["properties"]["sources"]) for f in features)
    assert sources == [1, 2]  # the bare "Foreign Office" joined Testland's; Testville's own office stayed apart
    merged = next(f["properties"] for f in features if len(f["properties"]["sources"]) == 2)
    assert merged["speaker"] == "Testland Foreign Office"


def test_an_event_dated_by_its_report_spans_the_week_up_to_the_report(app, client):
    text = "A call in Testville with Blinken, the Testland ministry said on January 18."
    start = text.index("call")
    event = Event("CONSULT", "phone call", (BLINKEN,), "2023-01-18", "day", TOWN_REF, 1,
                  (Source(start, start + 4, "call"),), "call", reasons=("date.reported", "place.clause"),
                  confidence=0.9)
    _store(app, text, "Outlet A", Extraction(ArticleMeta(None, "Outlet A", date(2023, 1, 18), False), [event], []))
    assert len(client.get("/api/events?to=2023-01-14").get_json()["features"]) == 1  # it may have been on the 12th
    assert client.get("/api/events?to=2023-01-10").get_json()["features"] == []
    assert client.get("/api/events?from=2023-01-19").get_json()["features"] == []
