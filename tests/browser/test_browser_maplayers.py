"""The map's own layers in Debian's chromium: the basemap's names, the first view, the counts by area."""

from __future__ import annotations

import itertools

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import wait_for_places
from tests.browser.test_browser_map import MAP, overlay_checkbox

pytestmark = pytest.mark.browser

LABELS_DRAWN = "() => document.querySelectorAll('.label-pane .map-label').length > 0"


def label_boxes(page) -> list[dict]:
    return page.evaluate("() => [...document.querySelectorAll('.label-pane .map-label')].map(e => {"
                         " const r = e.getBoundingClientRect();"
                         " return {id: e.dataset.id, text: e.textContent, kind: [...e.classList].join(' '),"
                         " left: r.left, top: r.top, right: r.right, bottom: r.bottom}; })")


def stored_countries(page, site) -> dict[str, str]:
    features = page.request.get(f"{site.url}/api/places").json()["features"]
    return {f["id"]: f["properties"]["name"] for f in features if f["properties"]["kind"] == "country"}


def assert_apart(boxes: list[dict]) -> None:
    for a, b in itertools.combinations(boxes, 2):
        apart = a["right"] <= b["left"] or b["right"] <= a["left"] or a["bottom"] <= b["top"] or b["bottom"] <= a["top"]
        assert apart, (a, b)


def test_at_world_zoom_every_stored_country_is_named_and_no_two_names_overlap(page, watch, live_site):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(f"{live_site.url}/?lat=30&lon=40&z=2")
    wait_for_places(page)
    page.wait_for_function(LABELS_DRAWN)
    boxes = label_boxes(page)
    countries = stored_countries(page, live_site)
    assert {"Armenia", "Azerbaijan", "Russia", "United States"} <= set(countries.values())
    shown = {b["id"]: b["text"] for b in boxes}
    assert {shown.get(country_id) for country_id in countries} == set(countries.values())
    assert len(boxes) > len(countries) + 20  # other countries, capitals and seas too
    assert_apart(boxes)
    # the names are under the data and catch no click
    assert page.evaluate("() => getComputedStyle(document.querySelector('.label-pane')).pointerEvents") == "none"
    assert page.evaluate("() => Number(getComputedStyle(document.querySelector('.label-pane')).zIndex) < "
                         "Number(getComputedStyle(document.querySelector('.leaflet-overlay-pane')).zIndex)")
    assert watch.console_errors == [] and watch.page_errors == [] and watch.outside() == []


def test_closer_in_names_are_redrawn_for_the_view_without_overlap(page, watch, live_site):
    page.goto(f"{live_site.url}/?lat=30&lon=40&z=2")
    wait_for_places(page)
    page.wait_for_function(LABELS_DRAWN)
    page.evaluate(f"() => {{ {MAP}.setView([41, 45], 5, {{animate: false}}); }}")
    page.wait_for_function("() => [...document.querySelectorAll('.label-pane .map-label')]"
                           ".some(e => e.textContent === 'Yerevan')")
    boxes = label_boxes(page)
    assert {"Armenia", "Azerbaijan", "Tbilisi", "Baku"} <= {b["text"] for b in boxes}
    assert "Washington" not in {b["text"] for b in boxes}  # out of view
    assert_apart(boxes)


def test_zooming_in_writes_towns(page, watch, live_site):
    page.goto(f"{live_site.url}/?lat=40.18&lon=44.51&z=9")
    wait_for_places(page)
    page.wait_for_function("() => document.querySelectorAll('.label-pane .label-city').length > 3")
    assert "Yerevan" in {b["text"] for b in label_boxes(page)}


def test_the_first_view_without_a_view_in_the_link_holds_every_feature(page, watch, live_site):
    page.set_viewport_size({"width": 1280, "height": 720})
    page.goto(live_site.url)
    wait_for_places(page)
    points = [f["properties"] for f in page.request.get(f"{live_site.url}/api/places").json()["features"]]
    items = [f["geometry"]["coordinates"] for layer in ("events", "claims")
             for f in page.request.get(f"{live_site.url}/api/{layer}").json()["features"] if f["geometry"]]
    coordinates = [[p["lat"], p["lon"]] for p in points] + [[lat, lon] for lon, lat in items]
    assert len(points) > 5 and items
    outside = page.evaluate(f"(points) => points.filter(p => !{MAP}.getBounds().contains(p))", coordinates)
    assert outside == []
    # the view is no wider than it needs to be: the data spans the Atlantic (Washington) to the Caucasus
    assert page.evaluate(f"() => {MAP}.getZoom()") >= 2
    assert "lat=" in page.url and "z=" in page.url  # the fitted view goes into the link like any other
    assert watch.console_errors == [] and watch.page_errors == []


def legend_rows(page) -> list[tuple[int, int, int]]:
    return [tuple(int(row.get_attribute(f"data-{k}")) for k in ("from", "to", "areas"))
            for row in page.locator("#counts-legend .counts-class").all()]


def api_classes(page, site, query: str) -> list[tuple[int, int, int]]:
    body = page.request.get(f"{site.url}/api/counts?{query}").json()
    return [(c["from"], c["to"], c["areas"]) for c in body["classes"]]


def test_counts_by_area_are_off_until_chosen_by_keyboard_and_the_legend_matches_the_api(page, watch, live_site):
    page.goto(f"{live_site.url}/?lat=41&lon=30&z=3")
    wait_for_places(page)
    counts = overlay_checkbox(page, "Counts by area")
    expect(counts).not_to_be_checked()
    expect(page.locator("#counts-legend")).to_have_count(0)
    counts.focus()
    page.keyboard.press("Space")
    legend = page.locator("#counts-legend")
    expect(legend).to_have_attribute("data-loading", "false")
    expected = api_classes(page, live_site, "by=country&layer=events&min_confidence=default")
    assert expected and legend_rows(page) == expected
    drawn = ("() => window[JSON.parse(document.getElementById('atlas-config').textContent).names.counts]"
             ".getLayers()[0].getLayers().length")
    assert page.evaluate(drawn) == sum(areas for _f, _t, areas in expected)  # one shape per area counted

    # the menus are reached and changed with the keyboard
    page.locator("#counts-layer").focus()
    page.keyboard.press("ArrowDown")  # claims
    expect(legend).to_have_attribute("data-loading", "false")
    page.wait_for_function("() => document.getElementById('counts-layer').value === 'claims'")
    page.locator("#counts-by").focus()
    page.keyboard.press("ArrowDown")  # first-level units
    page.wait_for_function("() => document.getElementById('counts-by').value === 'admin1'")
    expect(legend).to_have_attribute("data-loading", "false")
    assert legend_rows(page) == api_classes(page, live_site, "by=admin1&layer=claims&min_confidence=default")

    # the filters count again; switched off, the legend goes
    page.locator("#counts-layer").select_option("mentions")
    expect(legend).to_have_attribute("data-loading", "false")
    everything = legend_rows(page)
    page.fill("#filter-from", "2023-06-01")
    page.dispatch_event("#filter-from", "change")
    page.wait_for_function("() => document.getElementById('counts-legend').dataset.loading === 'false'")
    filtered = api_classes(page, live_site, "by=admin1&layer=mentions&from=2023-06-01")
    rows = "document.querySelectorAll('#counts-legend .counts-class').length"
    page.wait_for_function(f"() => {rows} === {len(filtered)}")
    assert legend_rows(page) == filtered != everything
    counts.focus()
    page.keyboard.press("Space")
    expect(page.locator("#counts-legend")).to_have_count(0)
    assert watch.console_errors == [] and watch.page_errors == [] and watch.outside() == []
