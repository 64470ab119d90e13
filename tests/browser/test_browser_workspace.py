"""The analyst's workspace around the map, in Debian's chromium: the timeline under it, the list beside it, contested
claims side by side, and an axe-core audit with keyboard use of every new control."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from app import ROOT
from tests.browser.conftest import wait_for_places
from tests.browser.test_browser_map import overlay_checkbox

pytestmark = pytest.mark.browser

CAUCASUS = "lat=40.5&lon=45.5&z=6"
MAP = "window[JSON.parse(document.getElementById('atlas-config').textContent).names.map]"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def settled(page) -> None:
    """The layers, the timeline and the list's items with no place have all answered for the present view."""
    wait_for_places(page)
    page.wait_for_function("() => document.getElementById('timeline').dataset.drawn && "
                           "document.getElementById('items-unplaced').dataset.count !== undefined")
    page.wait_for_load_state("networkidle")
    wait_for_places(page)


def query(page) -> dict[str, str]:
    return {name: values[0] for name, values in parse_qs(urlsplit(page.url).query).items()}


def shown(page, layer: str) -> int:
    return int(page.get_attribute("#status", f"data-{layer}"))


def timeline_counts(page) -> dict[str, int]:
    data = page.locator("#timeline").evaluate("node => ({...node.dataset})")
    return {key: int(value) for key, value in data.items() if key != "unit"}


def api(page, site, path: str, params: dict[str, str]) -> list[dict]:
    return page.request.get(f"{site.url}{path}", params=params).json()["features"]


def test_timeline_bars_sum_to_the_items_in_view(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    settled(page)
    counts = timeline_counts(page)
    assert shown(page, "events") > 0 and shown(page, "claims") > 0
    assert counts["events"] + counts["undatedEvents"] == shown(page, "events")
    assert counts["claims"] + counts["undatedClaims"] == shown(page, "claims")
    assert counts["articles"] > 0
    expect(page.locator("#timeline .timeline-summary")).to_contain_text(f"{shown(page, 'events')} events")
    page.select_option("#filter-stance", "assert")  # the item filters narrow the bars as they narrow the map
    page.wait_for_function("() => document.getElementById('timeline').dataset.drawn === '2'")
    settled(page)
    counts = timeline_counts(page)
    assert counts["claims"] + counts["undatedClaims"] == shown(page, "claims") > 0
    assert watch.console_errors == [] and watch.page_errors == [] and watch.outside() == []


def drag(page, start: float, end: float) -> None:
    """Drags across the chart from `start` to `end`, as shares of its width."""
    box = page.locator("#timeline .u-over").bounding_box()
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + box["width"] * start, y)
    page.mouse.down()
    page.mouse.move(box["x"] + box["width"] * (start + end) / 2, y, steps=4)
    page.mouse.move(box["x"] + box["width"] * end, y, steps=4)
    page.mouse.up()


def test_dragging_on_the_timeline_chooses_the_period_the_map_shows(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    settled(page)
    before = shown(page, "events"), shown(page, "claims")
    drag(page, 0.02, 0.5)
    page.wait_for_url(re.compile(r"[?&]from=\d{4}-\d\d-\d\d&to=\d{4}-\d\d-\d\d"))
    settled(page)
    chosen = query(page)
    expect(page.locator("#filter-from")).to_have_value(chosen["from"])
    expect(page.locator("#filter-to")).to_have_value(chosen["to"])
    params = {"bbox": page.evaluate(f"() => {MAP}.getBounds().toBBoxString()"), "from": chosen["from"],
              "to": chosen["to"], "min_confidence": "default"}
    after = len(api(page, live_site, "/api/events", params)), len(api(page, live_site, "/api/claims", params))
    assert (shown(page, "events"), shown(page, "claims")) == after != before
    assert page.locator("#timeline .u-select").bounding_box()["width"] > 0  # the period stays highlighted
    page.goto(page.url)  # the link keeps the period
    settled(page)
    assert (shown(page, "events"), shown(page, "claims")) == after
    page.click("#timeline .timeline-all")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('from')")
    settled(page)
    assert (shown(page, "events"), shown(page, "claims")) == before
    assert watch.console_errors == [] and watch.page_errors == []


def test_play_steps_a_window_through_time(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    settled(page)
    play = page.locator("#timeline .timeline-play")
    play.focus()
    page.keyboard.press("Enter")  # a keyboard starts it like a click
    expect(play).to_have_attribute("aria-pressed", "true")
    page.wait_for_url(re.compile(r"[?&]from="))
    first = query(page)
    page.wait_for_function("from => new URLSearchParams(location.search).get('from') > from", arg=first["from"])
    second = query(page)
    assert second["from"] > first["to"]  # the next window, of the same length
    assert second["to"] > second["from"]
    play.click()
    expect(play).to_have_attribute("aria-pressed", "false")
    expect(play).to_have_text("Play")
    assert watch.console_errors == [] and watch.page_errors == []


def test_the_list_holds_every_item_in_view_and_those_with_no_place(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    settled(page)
    bbox = page.evaluate(f"() => {MAP}.getBounds().toBBoxString()")
    in_view = [*api(page, live_site, "/api/events", {"bbox": bbox, "min_confidence": "default"}),
               *api(page, live_site, "/api/claims", {"bbox": bbox, "min_confidence": "default"})]
    unplaced = [*api(page, live_site, "/api/events", {"unplaced": "true", "min_confidence": "default"}),
                *api(page, live_site, "/api/claims", {"unplaced": "true", "min_confidence": "default"})]
    assert unplaced and all(f["geometry"] is None for f in unplaced)
    listed = page.locator("#items-in-view li.item[data-item-id]")
    assert sorted(listed.evaluate_all("items => items.map(i => i.dataset.itemId)")) == sorted(f["id"] for f in in_view)
    assert sorted(page.locator("#items-unplaced li.item[data-item-id]").evaluate_all(
        "items => items.map(i => i.dataset.itemId)")) == sorted(f["id"] for f in unplaced)
    events = sum(f["properties"]["layer"] == "event" for f in unplaced)
    expect(page.locator("#unplaced-title")).to_have_text(
        re.compile(rf"^Not on the map: {events} events?, {len(unplaced) - events} claims?$"))
    facts = dict(zip(listed.evaluate_all("items => items.map(i => i.dataset.itemId)"),
                     listed.locator(".item-facts").evaluate_all("nodes => nodes.map(n => n.textContent)"), strict=True))
    dates = [re.search(r"\d{4}-\d{2}-\d{2}|$", text).group() for text in facts.values()]
    dated = [d for d in dates if d]
    assert dated == sorted(dated, reverse=True)  # newest first
    for feature in in_view:  # dated by a report whose date was inferred from its text: a lower bound, said so
        props = feature["properties"]
        reports = sorted((s for s in props["sources"] if s["published"]), key=lambda s: s["published"])
        if not (props["layer"] == "event" and props["date"]) and reports and reports[0]["published_inferred"]:
            assert facts[feature["id"]].startswith(f"after {reports[0]['published']} (inferred from the text)")

    # hovering an entry marks its item on the map; clicking opens it in the panel and pans the map to it
    # (an item in view whose point is on screen: an area's items sit at its point, which may lie outside the view)
    west, south, east, north = (float(n) for n in bbox.split(","))
    visible = [f for f in in_view if west < f["geometry"]["coordinates"][0] < east
               and south < f["geometry"]["coordinates"][1] < north]
    far = max(visible, key=lambda f: abs(f["geometry"]["coordinates"][0] - 45.5))
    entry = page.locator(f'#items-in-view li[data-item-id="{far["id"]}"] .item-open')
    entry.hover()
    expect(page.locator(".leaflet-marker-icon.highlighted")).to_have_count(1)
    entry.click()
    heading = far["properties"].get("speaker") or far["properties"]["label"]
    expect(page.locator("#panel-body .item-popup h3")).to_contain_text(heading)
    lon, lat = far["geometry"]["coordinates"]
    page.wait_for_function(f"([lat, lon]) => {{ const c = {MAP}.getCenter(); "
                           "return Math.abs(c.lat - lat) < 0.01 && Math.abs(c.lng - lon) < 0.01; }", arg=[lat, lon])
    settled(page)
    expect(page.locator(".leaflet-marker-icon.highlighted")).to_have_count(1)  # still marked once redrawn

    # an item with no place opens in the panel too; "Show uncertain" lists the uncertain ones, marked
    page.locator("#items-unplaced li.item .item-open").first.click()
    expect(page.locator("#panel-body .item-popup")).to_be_visible()
    page.get_by_label("Show uncertain").check()
    page.wait_for_function("() => document.querySelector('#items-in-view li.uncertain') !== null")
    expect(page.locator("#items-in-view li.uncertain .item-icon.uncertain").first).to_be_visible()
    expect(page.locator("#items-in-view li.uncertain .item-facts").first).to_contain_text("uncertain, confidence")
    assert watch.console_errors == [] and watch.page_errors == [] and watch.outside() == []


def test_a_contested_claim_opens_beside_the_claims_it_is_contested_with(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}&uncertain=1")
    settled(page)
    link = page.locator("#items-in-view li.claim-item .contested-link").first
    claim_id = int(re.search(r"(\d+)$", link.get_attribute("href")).group(1))
    claims = {f["properties"]["id"]: f["properties"] for f in api(page, live_site, "/api/claims", {})}
    sides = [claims[claim_id], *(claims[other] for other in claims[claim_id]["contested_with"])]
    link.click()
    page.wait_for_url(re.compile(rf"/contested/{claim_id}$"))
    columns = page.locator(".contested-claim")
    expect(columns).to_have_count(len(sides))
    assert len(sides) >= 2
    for column, claim in zip(columns.all(), sides, strict=True):
        assert column.get_attribute("data-claim-id") == str(claim["id"])
        expect(column.locator("h2 .speaker")).to_have_text(claim["speaker"])
        expect(column.locator("h2 .stance")).to_have_text(claim["stance"])
        expect(column).to_contain_text(claim["text"])
        expect(column.locator(".sources li")).to_have_count(len(claim["sources"]))
        for item, source in zip(column.locator(".sources li").all(), claim["sources"], strict=True):
            expect(item.locator(".outlet")).to_have_text(source["outlet"])
            expect(item.locator("blockquote")).to_have_text(source["excerpt"])
    # the popup and the place's panel link to the same page
    page.go_back()
    settled(page)
    stance = claims[claim_id]
    page.locator(f'#items-in-view li[data-item-id="claim-{claim_id}"] .item-open').click()
    expect(page.locator("#panel-body .claim-popup .contested-link")).to_have_attribute("href", f"/contested/{claim_id}")
    place = stance["place_ids"][0]
    page.evaluate("id => { const u = new URL(location.href); u.searchParams.set('place', id); "
                  "history.replaceState(null, '', u); }", place)
    page.goto(page.url)
    settled(page)
    expect(page.locator("#panel-body").get_by_role("link", name="Compare side by side").first).to_be_visible()
    assert watch.console_errors == [] and watch.page_errors == []


def serious_violations(page) -> list[str]:
    """What axe-core finds serious or critical on the page; axe is injected by the test, never served by the app."""
    page.evaluate(AXE.read_text(encoding="utf-8"))
    found = page.evaluate("() => axe.run(document, {resultTypes: ['violations']}).then(r => r.violations.map("
                          "v => ({id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' '))})))")
    return [f"{v['id']} ({v['impact']}): {v['nodes'][:3]} of {len(v['nodes'])}" for v in found
            if v["impact"] in ("serious", "critical")]


def test_axe_finds_nothing_serious_on_the_map_the_article_and_the_contested_pages(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}&uncertain=1")
    settled(page)
    assert serious_violations(page) == []
    page.locator("#items-in-view li.item .item-open").first.click()  # with an item open in the panel
    assert serious_violations(page) == []
    contested = page.locator("#items-in-view .contested-link").first.get_attribute("href")
    article = page.request.get(f"{live_site.url}/api/events?limit=1").json()["features"][0]["properties"]
    page.goto(f"{live_site.url}/articles/{article['sources'][0]['article_id']}")
    assert serious_violations(page) == []
    page.goto(f"{live_site.url}{contested}")
    assert serious_violations(page) == []
    assert watch.outside() == []


def test_the_keyboard_reaches_and_works_the_timeline_and_the_list(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    settled(page)
    tabbed = []
    for _ in range(300):  # Tab through the page from the top: every new control comes in turn
        page.keyboard.press("Tab")
        tabbed.append(page.evaluate("() => { const e = document.activeElement; "
                                    "return e.className || e.id || e.tagName; }"))
        if "item-open" in tabbed[-1]:
            break
    assert {"timeline-play", "timeline-all", "timeline-chart", "item-open"} <= set(tabbed), tabbed
    # focusing the map's markers on the way pans the map to each (Leaflet's autoPanOnFocus), so the view, and the
    # timeline's bins with it, end wherever the last marker was: back to the Caucasus, where there are several bins
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    settled(page)
    page.locator("#timeline .timeline-chart").focus()
    page.keyboard.press("ArrowLeft")  # with no period yet: the last bin, moved one back
    page.wait_for_url(re.compile(r"[?&]from="))
    settled(page)
    first = query(page)
    page.keyboard.press("Shift+ArrowRight")  # one bin wider
    page.wait_for_function("to => new URLSearchParams(location.search).get('to') > to", arg=first["to"])
    assert query(page)["from"] == first["from"]
    page.keyboard.press("Escape")
    page.wait_for_function("() => !new URLSearchParams(location.search).has('from')")
    settled(page)
    page.locator("#items-in-view .item-open").first.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#panel-body .item-popup")).to_be_visible()
    assert watch.console_errors == [] and watch.page_errors == []


def test_a_layer_switched_off_leaves_the_list_and_comes_back_with_its_items(page, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    settled(page)
    in_view, unplaced = page.locator("#items-in-view li.event-item"), page.locator("#items-unplaced li.event-item")
    before = (in_view.count(), unplaced.count())
    assert before[0] > 0 and page.locator("#items-in-view li.claim-item").count() > 0
    overlay_checkbox(page, "Events").uncheck()
    expect(in_view).to_have_count(0)
    expect(unplaced).to_have_count(0)
    expect(page.locator("#item-list-title")).to_have_text(re.compile(r"^In view: 0 events, \d+ claims?$"))
    assert page.locator("#items-in-view li.claim-item").count() > 0  # only the one layer left
    overlay_checkbox(page, "Events").check()
    expect(in_view).to_have_count(before[0])
    expect(unplaced).to_have_count(before[1])
