"""A live app on 127.0.0.1 with the seed articles (through the real ingest) and Debian's chromium.

Every request the page makes is recorded; anything not addressed to 127.0.0.1 is blocked and counted as a failure,
so a forgotten CDN link cannot pass.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from werkzeug.serving import make_server

from app import ROOT, create_app
from atlas.ingest.analysis import Analyser
from atlas.ingest.batch import ingest_paths
from atlas.ingest.parallel import InProcess
from atlas.store.write import StoreWriter
from atlas.web import basemap

CHROMIUM = "/usr/bin/chromium"

# Dated articles written for these tests: the seeds carry no dates, and the time filter needs some.
DATED = [
    {"text": "Talks in Tbilisi\n\nDiplomats met in Tbilisi to discuss trade.", "published": "2023-01-15",
     "outlet": "Test Wire"},
    {"text": "Summit in Baku\n\nLeaders gathered in Baku for a summit.", "published": "2023-06-20",
     "outlet": "Test Wire"},
]
HOSTILE = {
    # the markup sits inside the sentence that mentions Tbilisi, so the place's excerpt carries it to the panel
    "text": 'Hostile report from Tbilisi\n\nShelling near Tbilisi <script>window.__pwned = "script"</script> went on. '
    '<img src=x onerror="window.__pwned = \'img\'"> <a href="javascript:window.__pwned=\'link\'">read more</a>',
    "title": '<img src=x onerror="window.__pwned = \'title\'">Hostile',
    "outlet": "<script>window.__pwned='outlet'</script>",
    "url": "javascript:window.__pwned='url'",
    "published": "2023-02-01",
}


@dataclass
class LiveSite:
    url: str
    app: object


@contextmanager
def seeded_site(folder: Path, extra: list[dict] = ()) -> Iterator[LiveSite]:
    """The app on 127.0.0.1 (a free port) over a fresh store in `folder` with the seeds and the `extra` articles,
    ingested for real, and the offline basemap; scripts/screenshot.py shows the same site."""
    app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'atlas.sqlite'}",
                      "BASEMAP_PATH": str(folder / "basemap.geojson")})
    basemap.build(folder / "basemap.geojson")
    paths = [ROOT / "seeds"]
    if extra:
        paths.append(folder / "extra.jsonl")
        paths[-1].write_text("\n".join(json.dumps(item) for item in extra) + "\n", encoding="utf-8")
    report = ingest_paths(paths, StoreWriter(app.extensions["atlas_engine"]), InProcess(Analyser()),
                          app.config["INGEST_MAX_BYTES"], progress=False)
    assert report.ok and report.stored == len(list((ROOT / "seeds").glob("*.txt"))) + len(extra), report
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield LiveSite(f"http://127.0.0.1:{server.server_port}", app)
    finally:
        server.shutdown()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def live_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveSite]:
    with seeded_site(tmp_path_factory.mktemp("live"), [*DATED, HOSTILE]) as site:
        yield site


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict) -> dict:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-default-apps", "--disable-sync", "--no-first-run", "--disable-features=Translate"],
    }


@dataclass
class Watch:
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)

    def outside(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).scheme not in ("data", "blob")
                and urlsplit(u).hostname != "127.0.0.1"]


@pytest.fixture
def watch(page) -> Watch:
    seen = Watch()
    page.on("request", lambda request: seen.requests.append(request.url))
    page.on("console", lambda msg: seen.console_errors.append(msg.text) if msg.type == "error" else None)
    page.on("pageerror", lambda error: seen.page_errors.append(str(error)))

    def on_dialog(dialog) -> None:
        seen.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.route(lambda url: urlsplit(url).hostname not in (None, "127.0.0.1"), lambda route: route.abort())
    return seen


def wait_for_places(page) -> int:
    """Wait until the latest load has been drawn; returns the number of places in view."""
    page.wait_for_function(
        "() => { const s = document.getElementById('status'); return s && s.dataset.loading === 'false'; }"
    )
    return int(page.get_attribute("#status", "data-places"))
