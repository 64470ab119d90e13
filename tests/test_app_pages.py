"""The map page and the article page: local assets only, highlighted and linked mentions, escaped article text."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from markupsafe import escape

from tests.conftest import ARTICLES


def test_map_page_loads_every_asset_from_the_app(client, sample):
    page = client.get("/")
    assert page.status_code == 200
    html = page.data.decode()
    assert "<title>Map · Conflict Atlas</title>" in html and 'class="folium-map"' in html
    assert not re.search(r"https?://", html.replace("http://www.w3.org", ""))
    urls = re.findall(r'(?:src|href)="(/[^"]*)"', html)
    assert any(u.endswith("leaflet.js") for u in urls) and any(u.endswith("leaflet.markercluster.js") for u in urls)
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert len(page.data) < 40_000


def page_config(html: str) -> dict:
    return json.loads(re.search(r'<script type="application/json" id="atlas-config">(.*?)</script>', html).group(1))


def test_map_script_modules_are_served_and_take_every_url_from_the_page(client, sample):
    html = client.get("/").data.decode()
    (entry,) = re.findall(r'<script type="module" src="([^"]+)"></script>', html)
    seen, todo = set(), [entry]
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        answer = client.get(url)
        assert answer.status_code == 200 and answer.mimetype in ("text/javascript", "application/javascript"), url
        source = answer.data.decode()
        assert not re.search(r"[\"'`]/", source), f"{url} writes a path: it belongs in the page config"
        assert "window[" not in source or url.endswith("/folium.js"), f"{url} looks up a global: use folium.js"
        todo += [urljoin(url, name) for name in re.findall(r'\bfrom "(\.[^"]+)"', source)]
    assert len(seen) > 5


def test_map_page_config_holds_every_url_the_script_calls_and_the_filter_vocabulary(client, sample):
    html = client.get("/").data.decode()
    config = page_config(html)
    urls = config["urls"]
    assert client.get(urls["article"].replace("{id}", str(sample.ids["january"]))).status_code == 200
    assert client.get(urls["place"].replace("{id}", "test:corridor")).json["features"][0]["id"] == "test:corridor"
    assert client.get(f"{urls['search']}?q=Testville").json["results"]
    for name in ("places", "events", "claims", "basemap", "export_geojson", "export_csv"):
        assert client.get(urls[name]).status_code == 200, name
    vocabulary = config["vocabulary"]
    types = [item["type"] for item in vocabulary["event_types"]]
    assert re.findall(r'<option value="([A-Z]+)">', html) == types and "ASSAULT" in types
    assert vocabulary["stances"] and "express concern" in vocabulary["stances"]
    assert f'<option value="{vocabulary["stances"][-1]}">' in html
    assert client.get(f"/api/events?type={','.join(types)}").status_code == 200  # the API takes every one
    assert client.get("/api/claims", query_string={"stance": ",".join(vocabulary["stances"])}).status_code == 200


def test_map_page_lists_outlets_escaped(client, sample):
    html = client.get("/").data.decode()
    assert "&lt;i&gt;Evil Outlet&lt;/i&gt;" in html and "<i>Evil Outlet</i>" not in html


def test_map_page_survives_broken_view_parameters(client, sample):
    assert client.get("/?lat=abc&lon=1e999&z=-4&from=nonsense").status_code == 200


def test_article_page_highlights_and_links_every_mention(client, sample):
    html = client.get(f"/articles/{sample.ids['january']}").data.decode()
    marks = re.findall(r'<mark id="mention-(\d+)"[^>]*><a\s+class="mention" href="([^"]+)">([^<]+)</a></mark>', html)
    assert [text for _, _, text in marks] == ["Testville", "Test Corridor", "Testville", "Testland"]
    start, href, _ = marks[1]
    assert int(start) == ARTICLES["january"].text.index("Test Corridor")
    assert href.startswith("/?") and "place=test:corridor" in href and "lat=39.6" in href and "lon=46.0" in href


def test_article_page_shows_hostile_text_as_text(client, sample):
    html = client.get(f"/articles/{sample.ids['hostile']}").data.decode()
    record = ARTICLES["hostile"]
    assert "<script>window" not in html and "<img src=x" not in html and "<b>Hostile</b>" not in html
    assert str(escape(record.title)) in html
    assert 'href="javascript:' not in html
    assert str(escape(record.url)) in html  # shown as text, not as a link
    assert str(escape("<script>window.__pwned = 1</script> In ")) in html


def test_unknown_article_is_a_404_page(client, sample):
    assert client.get("/articles/424242").status_code == 404


def test_online_tiles_are_an_option_and_the_offline_basemap_the_default(app, tmp_path):
    from app import create_app

    offline = app.test_client().get("/").data.decode()
    assert "L.tileLayer" not in offline and '"basemap": true' in offline
    online = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'tiles.sqlite'}",
                         "TILES_URL": "https://tiles.example.org/{z}/{x}/{y}.png"})
    html = online.test_client().get("/").data.decode()
    assert "L.tileLayer" in html and "https://tiles.example.org/{z}/{x}/{y}.png" in html
