"""The README's picture of the map: the seeds ingested into a throw-away store, served and shot in Debian's chromium.

    .venv/bin/python scripts/screenshot.py [--out docs/map.png]

It runs the browser tests' own site (tests/browser/conftest.py: the real ingest, the offline basemap, nothing fetched
from outside), so the picture shows the map as the tests see it; run it again after changing what the map looks like.
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.browser.conftest import CHROMIUM, seeded_site  # noqa: E402

VIEW = "lat=40.3&lon=45.6&z=7"  # the South Caucasus, where the seeds' places are
SIZE = {"width": 1280, "height": 760}


def shoot(out: Path) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory() as folder, seeded_site(Path(folder)) as site, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        page = browser.new_page(viewport=SIZE)
        page.route(lambda url: not url.startswith(site.url), lambda route: route.abort())
        page.goto(f"{site.url}/?{VIEW}")
        page.wait_for_function("() => document.getElementById('status').dataset.loading === 'false' && "
                               "document.getElementById('timeline').dataset.drawn")
        page.wait_for_load_state("networkidle")
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        browser.close()
    print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: {out.stat().st_size / 1000:.0f} kB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "map.png")
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    shoot(parser.parse_args().out.resolve())


if __name__ == "__main__":
    main()
