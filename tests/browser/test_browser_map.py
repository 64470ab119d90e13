"""The map as a person uses it, in Debian's chromium: load, click a place, filter by time, export, hostile text."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest
import sqlalchemy as sa
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

import extract.confidence
from app import ROOT
from atlas.store.schema import articles
from tests.browser.conftest import wait_for_places

pytestmark = pytest.mark.browser

CAUCASUS = "lat=40.5&lon=45.5&z=6"
# The claims drawn (single icons, or badges gathering several) are all of one stance.
ONLY_STANCE = ("stance => { const icons = [...document.querySelectorAll('.claim-icon')]; "
               "return icons.length + document.querySelectorAll('.claim-cluster').length > 0 && "
               "icons.every(e => e.classList.contains(`stance-${stance}`)); }")
EVENTS, CLAIMS = ".event-icon, .event-cluster", ".claim-icon, .claim-cluster"  # what each layer draws


def place_centre(page, site, name: str) -> tuple[float, float]:
    results = page.request.get(f"{site.url}/api/search?q={name}").json()["results"]
    (match,) = [r for r in results if r["name"] == name]
    return match["lat"], match["lon"]


def test_map_loads_with_no_errors_and_no_outside_request(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    assert wait_for_places(page) > 0
    expect(page.locator(".leaflet-control-layers-overlays")).to_contain_text("Places")
    expect(page.locator(".leaflet-control-layers-overlays")).to_contain_text("Corridors and routes")
    page.wait_for_function("() => document.querySelector('.leaflet-overlay-pane canvas') !== null")
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("/basemap.geojson") for u in watch.requests)
    assert any("/api/places?" in u for u in watch.requests)
    assert watch.outside() == []
    assert watch.console_errors == [] and watch.page_errors == []


def test_clicking_the_lachin_corridor_shows_every_seed_article_that_names_it(page, watch, live_site):
    wanted = re.compile(r"Lachin\s+corridor", re.IGNORECASE)
    seeds = [p for p in sorted((ROOT / "seeds").glob("*.txt")) if wanted.search(p.read_text(encoding="utf-8"))]
    with live_site.app.extensions["atlas_engine"].connect() as conn:
        titles = conn.execute(
            sa.select(articles.c.title).where(articles.c.source.in_([str(p) for p in seeds]))
        ).scalars().all()
    assert len(titles) == len(seeds) >= 3
    lat, lon = place_centre(page, live_site, "Lachin Corridor")
    page.goto(f"{live_site.url}/?lat={lat}&lon={lon}&z=11")
    wait_for_places(page)
    page.locator('.leaflet-marker-icon[title="Lachin Corridor"]').click()
    panel = page.locator("#panel-body")
    expect(panel.locator("h2")).to_have_text("Lachin Corridor")
    # a curated outline says it is approximate and where it comes from
    expect(panel.locator("p.kind")).to_contain_text("corridor (curated (approximate):")
    for title in titles:
        section = panel.locator("section.excerpt").filter(has=page.get_by_role("link", name=title, exact=True))
        expect(section.first).to_be_visible()
        expect(section.first.locator("mark").first).to_have_text(wanted)
    assert "place=" in page.url  # the open place is part of the shareable view
    assert watch.outside() == [] and watch.console_errors == [] and watch.page_errors == []


def test_time_filter_changes_what_is_shown(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    everything = wait_for_places(page)
    tbilisi = page.locator('.leaflet-marker-icon[title="Tbilisi"]')
    expect(tbilisi).to_have_count(1)
    page.fill("#filter-from", "2023-06-01")
    page.dispatch_event("#filter-from", "change")
    page.wait_for_function(f"() => document.getElementById('status').dataset.places !== '{everything}'")
    shown = wait_for_places(page)
    assert 0 < shown < everything
    expect(tbilisi).to_have_count(0)
    assert "from=2023-06-01" in page.url
    page.goto(page.url)  # the shared link restores the filter
    assert wait_for_places(page) == shown
    expect(page.locator("#filter-from")).to_have_value("2023-06-01")
    assert watch.console_errors == [] and watch.page_errors == []


def test_export_button_downloads_the_view_as_a_feature_collection(page, watch, live_site, tmp_path):
    page.goto(f"{live_site.url}/?{CAUCASUS}&to=2023-03-01")
    shown = wait_for_places(page)
    with page.expect_download() as download_info:
        page.click("#export-geojson")
    target = tmp_path / "download.geojson"
    download_info.value.save_as(target)
    body = json.loads(target.read_text())
    assert body["type"] == "FeatureCollection" and "crs" not in body
    places = [f for f in body["features"] if f["properties"]["layer"] == "place"]
    assert len(places) == shown > 0
    assert {f["properties"]["layer"] for f in body["features"]} <= {"place", "event", "claim"}
    for feature in places:
        assert feature["type"] == "Feature" and feature["geometry"]["type"]
        assert {"layer", "name", "gazetteer_id", "kind", "mention_count", "mentions"} <= set(feature["properties"])
        assert all(m["published"] <= "2023-03-01" for m in feature["properties"]["mentions"])
    for feature in body["features"]:
        if feature["properties"]["layer"] != "place":
            assert all(s["published"] <= "2023-03-01" for s in feature["properties"]["sources"] if s["published"])


def test_hostile_article_never_runs(page, watch, live_site):
    lat, lon = place_centre(page, live_site, "Tbilisi")
    page.goto(f"{live_site.url}/?lat={lat}&lon={lon}&z=11")
    wait_for_places(page)
    page.locator('.leaflet-marker-icon[title="Tbilisi"]').click()
    hostile = page.locator("section.excerpt").filter(has_text="Shelling near")
    expect(hostile).to_have_count(1)
    expect(hostile.locator("blockquote")).to_contain_text("<script>")
    expect(hostile).to_contain_text("<script>window.__pwned='outlet'</script>")
    hostile.get_by_role("link").click()
    page.wait_for_url(re.compile(r"/articles/\d+"))
    expect(page.locator(".article-text")).to_contain_text('<img src=x onerror="window.__pwned = \'img\'">')
    expect(page.locator("h1")).to_contain_text("<img src=x")
    expect(page.locator(".article .meta")).to_contain_text("javascript:window.__pwned='url'")
    assert page.locator(".article a[href^='javascript:']").count() == 0
    page.locator(".article-text a.mention").first.click()
    page.wait_for_url(re.compile(r"place="))
    wait_for_places(page)
    assert page.evaluate("() => window.__pwned") is None
    assert watch.dialogs == [] and watch.page_errors == [] and watch.outside() == []


def reveal(page, icon: str, cluster: str):
    """Clicks the badges that gather crowded items (each click zooms in or spreads one out) until an item icon
    matching `icon` is on the map, and returns it."""
    for _ in range(6):
        if page.locator(icon).count():
            break
        page.locator(cluster).first.click()
        try:
            page.wait_for_function("selector => document.querySelector(selector) !== null", arg=icon, timeout=2000)
        except PlaywrightTimeout:
            wait_for_places(page)  # it zoomed in: the layers reload for the new view
    found = page.locator(icon).first
    expect(found).to_be_visible()
    return found


def test_items_at_one_place_gather_in_one_badge_that_a_click_spreads_out(page, watch, live_site):
    # what the map shows by default: the claims at or above their layer's threshold
    claims = page.request.get(f"{live_site.url}/api/claims?limit=1000&min_confidence=default").json()["features"]
    at = Counter(tuple(f["geometry"]["coordinates"]) for f in claims if f["geometry"])
    (lon, lat), crowd = at.most_common(1)[0]
    assert crowd >= 3
    page.goto(f"{live_site.url}/?lat={lat}&lon={lon}&z=15")
    wait_for_places(page)
    badge = page.locator(".claim-cluster").filter(has_text=re.compile(rf"\b{crowd}$"))
    expect(badge).to_have_count(1)
    expect(badge).to_have_attribute("title", re.compile(rf"^{crowd} claims here"))
    expect(page.locator(".claim-icon")).to_have_count(0)
    badge.click()
    expect(page.locator(".claim-icon")).to_have_count(crowd)
    titles = page.locator(".claim-icon").evaluate_all("icons => icons.map(i => i.title)")
    speakers = {f["properties"]["speaker"] for f in claims
                if f["geometry"] and tuple(f["geometry"]["coordinates"]) == (lon, lat)}
    assert {title.split(":")[0] for title in titles} == speakers
    page.locator(".claim-icon").first.click()
    expect(page.locator(".leaflet-popup-content .claim-popup .sources li").first).to_be_visible()
    assert watch.console_errors == [] and watch.page_errors == [] and watch.outside() == []


def test_event_and_claim_layers_render_and_popups_show_sources(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}&uncertain=1")
    wait_for_places(page)
    page.wait_for_function("() => Number(document.getElementById('status').dataset.claims || 0) > 0")
    page.wait_for_function("() => Number(document.getElementById('status').dataset.events || 0) > 0")
    assert page.locator(EVENTS).count() > 0
    contested = reveal(page, ".claim-icon.contested", ".claim-cluster.contested")
    contested.click()
    popup = page.locator(".leaflet-popup-content .claim-popup")
    expect(popup.locator(".contested")).to_contain_text("Contested")
    expect(popup.locator(".sources li").first).to_be_visible()
    expect(popup.locator(".sources a").first).to_have_attribute("href", re.compile(r"^/articles/\d+$"))
    page.goto(f"{live_site.url}/?{CAUCASUS}&uncertain=1")  # revealing the claim zoomed in: back to the whole region
    wait_for_places(page)
    page.select_option("#filter-stance", "deny")
    page.wait_for_function(ONLY_STANCE, arg="deny")
    assert page.evaluate("() => window.__pwned") is None
    assert watch.console_errors == [] and watch.page_errors == []


MAP = "window[JSON.parse(document.getElementById('atlas-config').textContent).names.map]"


def overlay_checkbox(page, name: str):
    label = page.locator(".leaflet-control-layers-overlays label").filter(has_text=re.compile(rf"^\s*{name}\s*$"))
    return label.locator("input[type=checkbox]")


def item_requests(watch, layer: str) -> int:
    """The map layer's fetches of a layer's items in view (not the list's of items with no place)."""
    return sum(f"/api/{layer}?" in u and "unplaced=true" not in u for u in watch.requests)


def test_events_and_claims_are_layers_of_the_layer_control(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    wait_for_places(page)
    page.wait_for_function("() => Number(document.getElementById('status').dataset.events || 0) > 0")
    events, claims = overlay_checkbox(page, "Events"), overlay_checkbox(page, "Claims")
    expect(events).to_be_checked()
    expect(claims).to_be_checked()
    drawn = page.locator(EVENTS).count()
    assert drawn > 0 and page.locator(CLAIMS).count() > 0

    events.uncheck()
    expect(page.locator(EVENTS)).to_have_count(0)
    assert page.locator(CLAIMS).count() > 0  # only the one layer went
    events.check()
    expect(page.locator(EVENTS)).to_have_count(drawn)

    # Switched off, the layer is not fetched as the view moves; switched on, it catches up with the new view.
    events.uncheck()
    before = item_requests(watch, "events"), item_requests(watch, "claims")
    page.evaluate(f"() => {{ {MAP}.panBy([80, 0], {{animate: false}}); }}")
    page.wait_for_function(f"() => document.getElementById('status').dataset.loading === 'false' && "
                           f"[...performance.getEntriesByType('resource')].filter(e => e.name.includes('/api/claims?'))"
                           f".length > {before[1]}")
    assert item_requests(watch, "events") == before[0]
    assert item_requests(watch, "claims") > before[1]
    expect(page.locator(EVENTS)).to_have_count(0)
    events.check()
    page.wait_for_function(f"() => [...performance.getEntriesByType('resource')]"
                           f".filter(e => e.name.includes('/api/events?')).length > {before[0]}")
    wait_for_places(page)
    assert item_requests(watch, "events") == before[0] + 1
    expect(page.locator(EVENTS).first).to_be_visible()
    assert watch.console_errors == [] and watch.page_errors == [] and watch.outside() == []


def test_date_and_item_filters_apply_to_events_and_claims_and_stay_in_the_link(page, watch, live_site):
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    wait_for_places(page)
    status = page.locator("#status")
    page.wait_for_function("() => Number(document.getElementById('status').dataset.claims || 0) > 0")
    everything = int(status.get_attribute("data-events")), int(status.get_attribute("data-claims"))
    page.fill("#filter-from", "2022-07-01")
    page.dispatch_event("#filter-from", "change")
    page.wait_for_function(f"() => document.getElementById('status').dataset.claims !== '{everything[1]}'")
    wait_for_places(page)
    in_view = [u for u in watch.requests if "from=2022-07-01" in u and "bbox=" in u]  # not the list's unplaced
    (events_url,) = [u for u in in_view if "/api/events?" in u][-1:]
    (claims_url,) = [u for u in in_view if "/api/claims?" in u][-1:]
    from_july = page.request.get(events_url).json()["features"], page.request.get(claims_url).json()["features"]
    assert int(status.get_attribute("data-events")) == len(from_july[0]) < everything[0]
    assert int(status.get_attribute("data-claims")) == len(from_july[1]) < everything[1]
    assert all(any((s["published"] or "") >= "2022-07-01" for s in claim["properties"]["sources"])
               for claim in from_july[1])

    page.select_option("#filter-stance", "assert")
    page.wait_for_function(ONLY_STANCE, arg="assert")
    assert "stance=assert" in page.url and "from=2022-07-01" in page.url
    shown = page.locator(CLAIMS).count()
    page.goto(page.url)  # the shared link restores the item filter with the date
    wait_for_places(page)
    expect(page.locator("#filter-stance")).to_have_value("assert")
    expect(page.locator("#filter-from")).to_have_value("2022-07-01")
    expect(page.locator(CLAIMS)).to_have_count(shown)
    assert page.locator(".claim-icon:not(.stance-assert)").count() == 0
    assert watch.console_errors == [] and watch.page_errors == []


def test_export_links_carry_the_item_filters_and_download_what_the_map_shows(page, watch, live_site, tmp_path):
    page.goto(f"{live_site.url}/?{CAUCASUS}&type=CONSULT&uncertain=1")
    wait_for_places(page)
    links = page.locator("#export-geojson"), page.locator("#export-csv")
    for link in links:
        expect(link).to_have_attribute("href", re.compile(r"[?&]type=CONSULT(&|$)"))
    page.select_option("#filter-stance", "deny")
    page.wait_for_function(ONLY_STANCE, arg="deny")
    wait_for_places(page)
    for link in links:
        expect(link).to_have_attribute("href", re.compile(r"[?&]stance=deny(&|$)"))
        expect(link).to_have_attribute("href", re.compile(r"[?&]type=CONSULT(&|$)"))
    status = page.locator("#status")
    with page.expect_download() as download_info:
        links[0].click()
    target = tmp_path / "filtered.geojson"
    download_info.value.save_as(target)
    features = json.loads(target.read_text())["features"]
    events = [f["properties"] for f in features if f["properties"]["layer"] == "event"]
    claims = [f["properties"] for f in features if f["properties"]["layer"] == "claim"]
    places = [f for f in features if f["properties"]["layer"] == "place"]
    assert len(events) == int(status.get_attribute("data-events")) > 0
    assert {e["type"] for e in events} == {"CONSULT"}
    assert len(claims) == int(status.get_attribute("data-claims")) > 0
    assert {c["stance"] for c in claims} == {"deny"}
    assert len(places) == int(status.get_attribute("data-places")) > 0  # item filters leave the places alone
    assert watch.console_errors == [] and watch.page_errors == [] and watch.outside() == []


def test_uncertain_items_are_hidden_until_show_uncertain_is_ticked_then_marked(page, watch, live_site, monkeypatch):
    events = page.request.get(f"{live_site.url}/api/events?limit=1000").json()["features"]
    above = round(max(f["properties"]["confidence"] for f in events) + 0.01, 3)  # every event falls below it
    calibration = extract.confidence._calibration()
    monkeypatch.setattr(extract.confidence, "_calibration",
                        lambda: {"event": {**calibration["event"], "threshold": above},
                                 "claim": {**calibration["claim"], "threshold": 0.0}})
    page.goto(f"{live_site.url}/?{CAUCASUS}")
    wait_for_places(page)
    page.wait_for_function("() => Number(document.getElementById('status').dataset.claims || 0) > 0")
    status = page.locator("#status")
    expect(status).to_have_attribute("data-events", "0")
    expect(page.locator(EVENTS)).to_have_count(0)
    # the map asks for each layer's default threshold, which the server reads from the calibration
    assert any("/api/events?" in u and "min_confidence=default" in u for u in watch.requests)

    toggle = page.get_by_label("Show uncertain")
    expect(toggle).not_to_be_checked()
    toggle.focus()
    page.keyboard.press("Space")  # a keyboard reaches it like any filter
    expect(toggle).to_be_checked()
    page.wait_for_function("() => Number(document.getElementById('status').dataset.events || 0) > 0")
    assert "uncertain=1" in page.url
    expect(page.locator(".claim-icon.uncertain")).to_have_count(0)  # at a claim threshold of 0 no claim is unsure

    # The shared link keeps the box ticked; close to one event, its icon is marked and its popup says why. The
    # event: one alone at its place if possible, reported by an article whose date was inferred from its text.
    placed = [f for f in events if f["geometry"]]
    at = Counter(tuple(f["geometry"]["coordinates"]) for f in placed)
    chosen = min(placed, key=lambda f: (at[tuple(f["geometry"]["coordinates"])],
                                        not any(s["published_inferred"] for s in f["properties"]["sources"])))
    lon, lat = chosen["geometry"]["coordinates"]
    shown = chosen["properties"] | {"id": chosen["id"]}
    page.goto(f"{live_site.url}/?lat={lat}&lon={lon}&z=15&uncertain=1")
    wait_for_places(page)
    expect(toggle).to_be_checked()
    icon = reveal(page, f'.leaflet-marker-icon[data-item-id="{shown["id"]}"] .event-icon', ".event-cluster")
    expect(icon).to_have_class(re.compile(r"\buncertain\b"))
    confidence = re.escape(str(shown["confidence"]))
    expect(icon).to_have_attribute("title", re.compile(rf"\(uncertain, confidence {confidence}\)$"))
    icon.click()
    popup = page.locator(".leaflet-popup-content .event-popup")
    expect(popup.locator(".uncertain-badge")).to_have_text("uncertain")
    expect(popup.locator(".confidence")).to_have_text(f"uncertain confidence {shown['confidence']}")
    # what the confidence was measured on, and the caveat that stays above whatever the panel shows
    expect(popup.locator(".confidence")).to_have_attribute("title", re.compile(r"tuned on; on other news"))
    expect(page.locator("#extraction-caveat")).to_be_visible()
    for source in shown["sources"]:  # a date inferred from the text is a lower bound
        written = f"after {source['published']} (inferred from the text)" if source["published_inferred"] else \
            source["published"] or "date unknown"
        expect(popup.locator(".sources li").filter(has_text=source["title"]).first).to_contain_text(written)
    assert watch.console_errors == [] and watch.page_errors == [] and watch.outside() == []
