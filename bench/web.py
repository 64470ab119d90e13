"""Web benchmark: page weight, time to first features and to the timeline in headless chromium, bbox latency under
50 clients.

    .venv/bin/python bench/web.py [--places 10000] [--events 10000] [--clients 50] [--requests 2000]

Builds a throw-away store of synthetic places, mentions and events (through the real writer), serves it from a child
process on 127.0.0.1 (gunicorn with 2 workers as deployed; `--server werkzeug` for the `flask run` server), and prints
the figures next to their targets: page < 300 kB before data loads, first features < 1.5 s, timeline drawn < 0.5 s
after its data arrives, bbox p95 < 100 ms.
Traffic stays on loopback; the load test sends a bounded number of requests and stops on its own.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

import sqlalchemy as sa

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from atlas.records import ArticleRecord, PlaceRecord  # noqa: E402
from atlas.store.write import StoreWriter  # noqa: E402
from extract.model import Actor, ArticleMeta, Event, Extraction, PlaceRef, Source  # noqa: E402
from extract.vocabulary import EventType  # noqa: E402
from gazetteer import Kind  # noqa: E402
from geo.model import Mention  # noqa: E402
from text.excerpts import Excerpt  # noqa: E402

WORDS = ["talks", "envoy", "border", "shelling", "ceasefire", "convoy", "road", "checkpoint", "village", "troops",
         "aid", "statement"]
CHROMIUM = "/usr/bin/chromium"


def synthetic_places(count: int, rng: random.Random) -> list[PlaceRecord]:
    """Mostly towns, some areas (polygons) and routes (lines), spread over inhabited latitudes."""
    found = []
    for number in range(count):
        lon, lat = rng.uniform(-125, 150), rng.uniform(-45, 65)
        roll = rng.random()
        if roll < 0.05:
            size = rng.uniform(0.5, 4)
            ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size * 0.7], [lon, lat + size * 0.7], [lon, lat]]
            geometry, kind = {"type": "Polygon", "coordinates": [ring]}, Kind.ADMIN1
        elif roll < 0.07:
            line = [[lon, lat], [lon + 0.4, lat + 0.2], [lon + 0.9, lat + 0.1]]
            geometry = {"type": "LineString", "coordinates": line}
            kind = Kind.CORRIDOR
        else:
            geometry, kind = {"type": "Point", "coordinates": [lon, lat]}, Kind.POPULATED_PLACE
        found.append(PlaceRecord(f"bench:{number}", f"Place {number}", kind, lat, lon, geometry))
    return found


def synthetic_events(text: str, found: list[Mention], per_article: int, day: date, rng: random.Random) -> Extraction:
    """`per_article` events at the article's first places, dated within a year before it, each sourced to its
    mention."""
    events = []
    for mention in found[:per_article]:
        when = day - timedelta(days=rng.randrange(365))
        place = PlaceRef(mention.place_id, mention.place_name, mention.kind, mention.lat, mention.lon, mention.text)
        events.append(Event(rng.choice(sorted(EventType)).value, "synthetic", (Actor("Synthetic Army", "group"),),
                             when.isoformat(), "day", place, 1, (Source(mention.start, mention.end, mention.text),),
                             reasons=(), confidence=0.9))
    return Extraction(ArticleMeta(None, None, None, False), events, [])


def build_store(url: str, place_count: int, event_count: int, seed: int = 7) -> tuple[int, int, int]:
    rng = random.Random(seed)
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    writer = StoreWriter(app.extensions["atlas_engine"])
    all_places = synthetic_places(place_count, rng)
    by_id = {p.id: p for p in all_places}
    order = list(all_places)
    rng.shuffle(order)
    articles = mentions = 0
    per_article = -(-event_count // -(-place_count // 6))  # events per article, rounded up, to reach event_count
    while order:
        chosen, order = order[:6], order[6:]
        chosen += rng.sample(all_places, 2)  # popular places are named again and again
        parts, found, excerpts = [], [], []
        offset = 0
        for place in chosen:
            sentence = f"Reports of {rng.choice(WORDS)} near {place.name} and {rng.choice(WORDS)}. "
            start = offset + sentence.index(place.name)
            found.append(Mention(start, start + len(place.name), place.name, place.id, place.name, place.kind,
                                 place.lat, place.lon, 0.9, "synthetic"))
            excerpts.append(Excerpt(offset, sentence.strip()))
            parts.append(sentence)
            offset += len(sentence)
        text = "".join(parts)
        published = date(2023, 1, 1) + timedelta(days=articles % 365)
        record = ArticleRecord(text=text, title=f"Synthetic {articles}", outlet=f"Outlet {articles % 12}",
                               source="bench", published=published)
        wanted = min(per_article, event_count - articles * per_article)
        extraction = synthetic_events(text, found, max(0, wanted), published, rng)
        writer.add_article(record, text, found, excerpts, {m.place_id: by_id[m.place_id] for m in found}, extraction)
        articles += 1
        mentions += len(found)
    with app.extensions["atlas_engine"].connect() as conn:
        events = conn.execute(sa.text("SELECT count(*) FROM events")).scalar_one()
    return articles, mentions, events


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(url: str, port: int) -> None:
    """Child process: the app behind werkzeug's threaded server, as `flask run` serves it."""
    import logging

    from werkzeug.serving import make_server

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    app = create_app({"DATABASE_URL": url, "BASEMAP_PATH": str(ROOT / "build" / "basemap.geojson")})
    make_server("127.0.0.1", port, app, threaded=True).serve_forever()


def wait_until_up(base: str, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"{base}/api/outlets", timeout=2).read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit("server did not start")


TIMELINE_TIMES = """() => {
  const answer = performance.getEntriesByType("resource").filter((e) => e.name.includes("/api/timeline?")).pop();
  const drawn = performance.getEntriesByName("timeline-drawn").pop();
  return [answer.responseEnd - answer.startTime, drawn.startTime - answer.responseEnd];
}"""


# The bytes of the page and of what it asked for before its first data request (scripts fetched later, such as the
# timeline's chart library, come after the data).
BEFORE_DATA = """() => {
  const entries = performance.getEntriesByType("resource");
  const firstData = Math.min(...entries.filter((e) => e.name.includes("/api/")).map((e) => e.startTime));
  const early = entries.filter((e) => !e.name.includes("/api/") && e.startTime < firstData);
  return performance.getEntriesByType("navigation")[0].encodedBodySize +
    early.reduce((sum, e) => sum + e.encodedBodySize, 0);
}"""


def browser_figures(base: str, runs: int) -> tuple[int, int, int, list[float], int, list[tuple[float, float]]]:
    """(html bytes, bytes before data loads, bytes of everything but the data, times to first rendered feature in ms,
    features drawn, and per load the timeline's answer time and the time from its answer to its bars drawn, in ms)."""
    from playwright.sync_api import sync_playwright

    times = []
    timeline = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu",
                                                                    "--disable-background-networking"])
        for run in range(runs + 1):  # the first run warms the server and the disk cache and is not counted
            context = browser.new_context(viewport={"width": 1280, "height": 800})
            page = context.new_page()
            sizes: dict[str, int] = {}

            def record(response, sizes=sizes):
                if "/api/" not in response.url and "basemap" not in response.url:
                    sizes[response.url] = len(response.body())

            page.on("response", record)
            page.goto(f"{base}/?lat=45&lon=20&z=5", wait_until="commit")
            page.wait_for_selector(".leaflet-marker-icon", timeout=30_000)
            elapsed = page.evaluate("() => performance.now()")
            drawn = page.locator(".leaflet-marker-icon").count()
            page.wait_for_load_state("networkidle")
            page.wait_for_function("() => document.getElementById('timeline').dataset.drawn", timeout=30_000)
            if run:
                times.append(elapsed)
                timeline.append(tuple(page.evaluate(TIMELINE_TIMES)))
            html = sizes.get(f"{base}/?lat=45&lon=20&z=5", 0)
            before = page.evaluate(BEFORE_DATA)
            total = sum(sizes.values())
            context.close()
        browser.close()
    return html, before, total, times, drawn, timeline


def map_layer_figures(base: str, runs: int = 20) -> list[tuple[str, float, int]]:
    """(request, median ms, bytes) of the basemap's names (fetched after the page, for each view) and the counts by
    area (fetched when that layer is switched on)."""
    requests = {
        "labels, world (z 2)": "/api/labels?bbox=-180,-85,180,85&z=2",
        "labels, region (z 7)": "/api/labels?bbox=40,38,50,43&z=7",
        "counts of mentions by country": "/api/counts?by=country&layer=mentions",
        "counts of mentions by admin-1": "/api/counts?by=admin1&layer=mentions",
    }
    found = []
    for name, path in requests.items():
        times, size = [], 0
        for _ in range(runs + 1):  # the first loads the outlines or names into the worker and is not counted
            started = time.perf_counter()
            with urllib.request.urlopen(f"{base}{path}", timeout=30) as response:
                size = len(response.read())
            times.append((time.perf_counter() - started) * 1000)
        found.append((name, statistics.median(times[1:]), size))
    return found


async def one_client(base_host: str, port: int, paths: list[str], latencies: list[float]) -> None:
    for path in paths:
        started = time.perf_counter()
        reader, writer = await asyncio.open_connection(base_host, port)
        writer.write(f"GET {path} HTTP/1.1\r\nHost: {base_host}\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        body = await reader.read()
        writer.close()
        latencies.append((time.perf_counter() - started) * 1000)
        if not body.startswith(b"HTTP/1.1 200"):
            raise SystemExit(f"bad response for {path}: {body[:200]!r}")


def load_test(port: int, clients: int, total: int, seed: int = 11) -> tuple[list[float], float]:
    rng = random.Random(seed)
    paths = []
    for _ in range(total):  # views of a map at about zoom 6 over the synthetic data
        west, south = rng.uniform(-125, 140), rng.uniform(-45, 58)
        paths.append(f"/api/places?bbox={west:.4f},{south:.4f},{west + 10:.4f},{south + 6:.4f}&limit=5000")
    latencies: list[float] = []
    per_client = [paths[i::clients] for i in range(clients)]
    started = time.perf_counter()

    async def run() -> None:
        await asyncio.gather(*(one_client("127.0.0.1", port, chunk, latencies) for chunk in per_client))

    asyncio.run(run())
    return latencies, time.perf_counter() - started


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--places", type=int, default=10_000)
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2000)
    parser.add_argument("--browser-runs", type=int, default=5)
    parser.add_argument("--server", choices=("gunicorn", "werkzeug"), default="gunicorn",
                        help="gunicorn as deployed; werkzeug as `flask run` serves in development")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--serve", nargs=2, metavar=("DATABASE_URL", "PORT"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve:
        serve(args.serve[0], int(args.serve[1]))
        return
    if not (ROOT / "build" / "basemap.geojson").is_file():
        print("note: build/basemap.geojson is missing (flask --app app build-basemap); the page loads without it")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'bench.sqlite'}"
        started = time.perf_counter()
        n_articles, n_mentions, n_events = build_store(url, args.places, args.events)
        print(f"store: {args.places} places, {n_mentions} mentions, {n_events} events, {n_articles} articles "
              f"(written in {time.perf_counter() - started:.1f} s)")
        port = free_port()
        if args.server == "gunicorn":
            command = [str(Path(sys.executable).parent / "gunicorn"), "--workers", str(args.workers), "--bind",
                       f"127.0.0.1:{port}", "--log-level", "warning", "app:create_app()"]
            server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "DATABASE_URL": url})
        else:
            server = subprocess.Popen([sys.executable, __file__, "--serve", url, str(port)])
        print(f"server: {args.server}" + (f" with {args.workers} worker processes" if args.server == "gunicorn" else
                                          " (threaded, as `flask run` serves)"))
        try:
            base = f"http://127.0.0.1:{port}"
            wait_until_up(base)
            html, before, total, times, drawn, timeline = browser_figures(base, args.browser_runs)
            print(f"map page before data loads: {html / 1000:.1f} kB HTML, {before / 1000:.1f} kB with its scripts "
                  f"and styles (target < 300 kB); {total / 1000:.1f} kB with what loads after the data")
            print(f"first rendered features in headless chromium: median {statistics.median(times):.0f} ms, "
                  f"max {max(times):.0f} ms over {len(times)} loads, {drawn} markers drawn (target < 1500 ms)")
            answers, draws = zip(*timeline, strict=True)
            print(f"timeline: answer median {statistics.median(answers):.0f} ms; bars drawn after the answer: median "
                  f"{statistics.median(draws):.0f} ms, max {max(draws):.0f} ms (target < 500 ms)")
            if (ROOT / "build" / "basemap.geojson").is_file():
                for name, median, size in map_layer_figures(base):
                    print(f"{name}: median {median:.1f} ms, {size / 1000:.1f} kB (after the page, on demand)")
            latencies, wall = load_test(port, args.clients, args.requests)
            print(f"bbox query, {args.clients} concurrent clients, {len(latencies)} requests in {wall:.1f} s "
                  f"({len(latencies) / wall:.0f} req/s): p50 {percentile(latencies, 0.5):.1f} ms, "
                  f"p95 {percentile(latencies, 0.95):.1f} ms (target p95 < 100 ms)")
        finally:
            server.terminate()
            server.wait(timeout=10)


if __name__ == "__main__":
    main()
