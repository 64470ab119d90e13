"""The timeline's counts, the items with no place and the contested claims' page, through the API and the pages."""

from datetime import date

from atlas.store.timeline import bin_start, next_bin, unit_for
from extract.model import Actor, ArticleMeta, Event, Extraction, Source
from tests.conftest import TOWN
from tests.test_app_events import _claim, _island_aid, _store, _two_outlets

NOWHERE = "Officials met for talks. The ministry said the talks failed. Testville and Testland were not named again."


def _unplaced(app) -> int:
    """An event and a claim with no place, reported on 2023-02-10."""
    start = NOWHERE.index("talks")
    talks = Event("CONSULT", "talks", (Actor("Officials", "group"),), None, None, None, None,
                  (Source(start, start + 5, "talks"),), "talks")
    failed = _claim(NOWHERE, Actor("the ministry", "government"), "assert", "the talks failed", places=())
    return _store(app, NOWHERE, "Outlet D", Extraction(ArticleMeta(None, None, None, False), [talks], [failed]),
                  date(2023, 2, 10))


def _count(bins: list[dict], layer: str) -> int:
    return sum(b[layer] for b in bins)


def test_timeline_counts_what_each_layer_shows_per_day(app, client):
    _two_outlets(app)  # the call dated 2023-01-18; the claims reported 2023-01-19 (and 20); articles 19 and 20
    _island_aid(app)  # the protest dated 2022-12 (its first day); the aid and two claims reported 2023-03-01
    answer = client.get("/api/timeline").get_json()
    assert answer["unit"] == "day"
    bins = {b["start"]: b for b in answer["bins"]}
    assert answer["bins"][0]["start"] == "2022-12-01" and answer["bins"][-1]["start"] == "2023-03-01"
    assert len(answer["bins"]) == (date(2023, 3, 1) - date(2022, 12, 1)).days + 1  # no gap
    assert bins["2022-12-01"]["events"] == 1 and bins["2023-01-18"]["events"] == 1
    assert bins["2023-01-19"]["claims"] == 2 and bins["2023-03-01"]["claims"] == 2
    assert bins["2023-01-19"]["articles"] == 1 and bins["2023-01-20"]["articles"] == 1
    for layer in ("events", "claims", "articles"):
        shown = len(client.get(f"/api/{layer}").get_json()["features"]) if layer != "articles" else 3
        assert _count(answer["bins"], layer) + answer["undated"][layer] == answer["totals"][layer] == shown


def test_timeline_takes_the_layers_filters_and_its_sums_match_them(app, client):
    _two_outlets(app)
    _island_aid(app)
    for query in ("bbox=44.9,39.9,45.1,40.1", "stance=deny", "type=CONSULT&outlet=Outlet B", "from=2023-01-19",
                  "min_confidence=default", "bbox=170,-20,-170,-10&to=2023-02-01"):
        answer = client.get(f"/api/timeline?{query}").get_json()
        for layer in ("events", "claims"):
            shown = client.get(f"/api/{layer}?{query}").get_json()["features"]
            assert _count(answer["bins"], layer) + answer["undated"][layer] == len(shown), (query, layer)
        assert all(b["start"] >= "2023-01-19" for b in answer["bins"] if "from=" in query)
    # the isle's article names only Testville and Testland: its items are at the isle, the article is not
    isle = client.get("/api/timeline?bbox=170,-20,-170,-10").get_json()
    assert isle["totals"] == {"events": 1, "claims": 1, "articles": 0}
    bad = client.get("/api/timeline?limit=5")
    assert bad.status_code == 400 and bad.get_json() == {"ok": False, "status": 400, "error": bad.get_json()["error"]}


def test_the_unit_grows_with_the_span_and_bins_start_on_their_unit():
    assert unit_for(date(2023, 1, 1), date(2023, 4, 30)) == "day"
    assert unit_for(date(2023, 1, 1), date(2024, 6, 1)) == "week"
    assert unit_for(date(2015, 1, 1), date(2023, 6, 1)) == "month"
    assert unit_for(date(1915, 4, 24), date(2023, 6, 1)) == "year"
    assert bin_start(date(2023, 1, 19), "week") == date(2023, 1, 16)  # a Monday
    assert next_bin(date(2023, 12, 1), "month") == date(2024, 1, 1)
    assert next_bin(bin_start(date(2023, 5, 9), "year"), "year") == date(2024, 1, 1)


def test_unplaced_asks_for_the_items_no_area_holds_under_the_same_filters(app, client):
    _two_outlets(app)
    _unplaced(app)
    events = client.get("/api/events?unplaced=true").get_json()["features"]
    claims = client.get("/api/claims?unplaced=true").get_json()["features"]
    assert [e["properties"]["label"] for e in events] == ["talks"] and events[0]["geometry"] is None
    assert [c["properties"]["text"] for c in claims] == ["the talks failed"] and claims[0]["geometry"] is None
    assert client.get("/api/claims?unplaced=true&stance=deny").get_json()["features"] == []
    assert client.get("/api/events?unplaced=true&to=2023-02-01").get_json()["features"] == []
    everywhere = client.get("/api/events?bbox=-180,-90,180,90").get_json()["features"]
    assert "talks" not in {e["properties"]["label"] for e in everywhere}
    assert client.get("/api/timeline?unplaced=true").get_json()["totals"] == {"events": 1, "claims": 1, "articles": 0}
    for bad in ("unplaced=yes", "unplaced=true&bbox=1,2,3,4", "unplaced=true&unplaced=false"):
        response = client.get(f"/api/events?{bad}")
        assert response.status_code == 400 and response.get_json()["ok"] is False, bad


def test_contested_page_shows_both_sides_with_their_sources_escaped(app, client):
    _two_outlets(app)
    claims = client.get("/api/claims").get_json()["features"]
    accuse = next(c["properties"] for c in claims if c["properties"]["stance"] == "accuse")
    page = client.get(f"/contested/{accuse['id']}")
    assert page.status_code == 200
    html = page.get_data(as_text=True)
    assert html.index(f'data-claim-id="{accuse["id"]}"') < html.index(f'data-claim-id="{accuse["contested_with"][0]}"')
    assert html.count('class="source"') == 3  # the accusation in two outlets, the denial in one
    assert "Outlet A" in html and "Outlet B" in html and "Testville of a blockade" in html
    assert client.get("/contested/999999").status_code == 404


def test_contested_page_escapes_article_text(app, client):
    text = "Testland said <script>alert(1)</script> in Testville. Testville denied <b>it</b>."
    said = _claim(text, Actor("Testland", "government"), "assert", "<script>alert(1)</script>", contested=(1,))
    denied = _claim(text, Actor("<i>Testville</i>", "government"), "deny", "<b>it</b>", contested=(0,))
    _store(app, text, "<em>Outlet</em>", Extraction(ArticleMeta(None, None, None, False), [], [said, denied]))
    claim_id = client.get("/api/claims?stance=assert").get_json()["features"][0]["properties"]["id"]
    html = client.get(f"/contested/{claim_id}").get_data(as_text=True)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<i>Testville" not in html and "<em>Outlet" not in html and "<b>it" not in html


def test_page_config_gives_the_timeline_and_contested_urls(app, client):
    html = client.get("/").get_data(as_text=True)
    assert '"timeline": "/api/timeline"' in html and '"contested": "/contested/{id}"' in html
    assert TOWN.name  # the sample places are the events tests' own
