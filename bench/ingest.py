"""Ingest benchmark, in three parts.

    .venv/bin/python bench/ingest.py [--part all|sizes|throughput|web] [--corpus ../shared/corpora/GeoWebNews.jsonl]
                                     [--workers 2] [--repeat 3] [--pages 60]

sizes: one article of 10 kB, 100 kB, 1 MB and 5 MB of ordinary news text (GeoWebNews articles run together), and
1 MB of one name repeated ("Yerevan said. "), each ingested alone through the path of `flask ingest` into a new
SQLite store, in a fresh process whose models are loaded before the clock starts. It prints the seconds, seconds per
MB and the process's peak memory (models included). Targets (issue 14): time per MB within 3x across sizes, peak
memory < 1.5 GB at 5 MB.

throughput: articles per minute storing the corpus texts (as one .jsonl input), serially and with N worker
processes, median over the repeats, models loaded first. Target (issue 6): 2 workers >= 1.8x the serial rate.

web: pages per minute fetched from a local HTTP server (on 127.0.0.1, started here: corpus texts wrapped in an
outlet's page with navigation, JSON-LD and comments) and stored through the path of `flask ingest URL...`, in this
process, median over the repeats; and the rate of fetching and extracting alone (no analysis), which is what the
fetcher and trafilatura add to an article's cost.
"""

from __future__ import annotations

import argparse
import html
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from atlas.ingest import parallel  # noqa: E402
from atlas.ingest.analysis import Analyser  # noqa: E402
from atlas.ingest.batch import ingest_paths, ingest_urls  # noqa: E402
from atlas.ingest.fetch import Fetcher, FetchPolicy  # noqa: E402
from atlas.ingest.remote import read_pages  # noqa: E402
from atlas.store.write import StoreWriter  # noqa: E402


def one_run(source: Path, workers: int) -> tuple[float, int]:
    with tempfile.TemporaryDirectory() as folder:
        app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{Path(folder) / 'bench.sqlite'}"})
        analysis = parallel.backend(workers)
        try:
            list(analysis.map([("Warm-up in Tbilisi.", None)] * workers * 2))  # every process loads its models
            started = time.perf_counter()
            report = ingest_paths([source], StoreWriter(app.extensions["atlas_engine"]), analysis, 50_000_000,
                                  progress=False)
            return time.perf_counter() - started, report.stored
        finally:
            analysis.close()


SIZES = (("news", 10_000), ("news", 100_000), ("news", 1_000_000), ("news", 5_000_000), ("name", 1_000_000))


def article_text(kind: str, size: int, corpus: Path) -> str:
    if kind == "name":
        return ("Yerevan said. " * (size // 14 + 1))[:size]
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    parts, length, number = [], 0, 0
    while length < size:
        parts.append(texts[number % len(texts)])
        length += len(parts[-1]) + 2
        number += 1
    return "\n\n".join(parts)[:size]


def one_article(kind: str, size: int, corpus: Path) -> None:
    """Child process: ingest one article and print its figures as JSON."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "article.txt"
        source.write_text(article_text(kind, size, corpus), encoding="utf-8")
        app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{Path(folder) / 'bench.sqlite'}"})
        analysis = parallel.InProcess(Analyser())
        list(analysis.map([("Warm-up in Tbilisi on Monday.", None)]))  # load the models before the clock starts
        started = time.perf_counter()
        report = ingest_paths([source], StoreWriter(app.extensions["atlas_engine"]), analysis, 50_000_000,
                              progress=False)
        seconds = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
        print(json.dumps({"seconds": seconds, "peak_mb": peak, "stored": report.stored, "mentions": report.mentions,
                          "problems": [p.reason for p in report.problems]}))


def sizes(corpus: Path) -> None:
    per_mb = []
    for kind, size in SIZES:
        child = subprocess.run([sys.executable, __file__, "--one", kind, str(size), "--corpus", str(corpus)],
                               capture_output=True, text=True, check=True)
        figures = json.loads(child.stdout.strip().splitlines()[-1])
        rate = figures["seconds"] / (size / 1e6)
        if kind == "news":
            per_mb.append(rate)
        label = f"{size / 1e6:g} MB of {'news text' if kind == 'news' else 'one repeated name'}"
        print(f"{label:32s} {figures['seconds']:7.1f} s  {rate:7.1f} s/MB  peak {figures['peak_mb']:6.0f} MB  "
              f"{figures['mentions']} mentions  {'; '.join(figures['problems']) or 'stored'}")
    print(f"news text: slowest/fastest s/MB = {max(per_mb) / min(per_mb):.2f} (target <= 3)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=("all", "sizes", "throughput", "web"), default="all")
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "GeoWebNews.jsonl")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--pages", type=int, default=60, help="pages the web part serves and ingests")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        one_article(args.one[0], int(args.one[1]), args.corpus)
        return
    if args.part in ("all", "sizes"):
        sizes(args.corpus)
    if args.part in ("all", "throughput"):
        throughput(args.corpus, args.workers, args.repeat)
    if args.part in ("all", "web"):
        web(args.corpus, args.pages, args.repeat)


def throughput(corpus_path: Path, workers_n: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with open(corpus_path, encoding="utf-8") as corpus, open(source, "w", encoding="utf-8") as out:
            for line in corpus:
                if line.strip():
                    out.write(json.dumps({"text": json.loads(line)["text"]}) + "\n")
        rates = {}
        for workers in (1, workers_n):
            runs = [one_run(source, workers) for _ in range(repeat)]
            stored = runs[0][1]
            rates[workers] = statistics.median(stored / seconds * 60 for seconds, _ in runs)
            label = "serially" if workers == 1 else f"with {workers} worker processes"
            print(f"{stored} articles {label}: median {rates[workers]:,.0f} articles/min over {repeat} runs")
    print(f"speed-up: {rates[workers_n] / rates[1]:.2f}x (target >= 1.8x with 2 workers)")



def outlet_page(number: int, text: str) -> bytes:
    """A corpus text as an outlet would serve it: navigation, JSON-LD, the story, related links and comments."""
    ld = json.dumps({"@type": "NewsArticle", "headline": f"Story {number}", "datePublished": "2024-03-12",
                     "publisher": {"@type": "Organization", "name": "Bench Herald"}})
    story = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
    return (f'<!doctype html><html lang="en"><head><title>Story {number}</title>'
            f'<script type="application/ld+json">{ld}</script></head><body><nav><a href="/">Home</a>'
            f'<a href="/world/">World</a></nav><div class="cookies">We use cookies.</div><article>'
            f"<h1>Story {number}</h1>{story}</article><aside><h2>Related</h2><ul><li><a href='/x'>More</a></li>"
            f"</ul></aside><section class='comments'><p>First!</p></section><footer>(c) Bench</footer>"
            f"</body></html>").encode()


def serve(pages: dict[str, bytes]) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self) -> None:
            body = pages.get(self.path, b"User-agent: *\nAllow: /\n" if self.path == "/robots.txt" else None)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "text/plain" if self.path == "/robots.txt" else "text/html")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *_args) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def web(corpus_path: Path, count: int, repeat: int) -> None:
    texts = [json.loads(line)["text"] for line in corpus_path.read_text(encoding="utf-8").splitlines()
             if line.strip()][:count]
    server = serve({f"/story/{n}": outlet_page(n, text) for n, text in enumerate(texts)})
    urls = [f"http://127.0.0.1:{server.server_address[1]}/story/{n}" for n in range(len(texts))]
    analysis = parallel.InProcess(Analyser())
    list(analysis.map([("Warm-up in Tbilisi on Monday.", None)]))
    extract_rates, ingest_rates = [], []
    try:
        for _ in range(repeat):
            started = time.perf_counter()
            records = list(read_pages(urls, Fetcher(FetchPolicy()), lambda _url: None))
            extract_rates.append(len(records) / (time.perf_counter() - started) * 60)
            with tempfile.TemporaryDirectory() as folder:
                app = create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{Path(folder) / 'bench.sqlite'}"})
                started = time.perf_counter()
                report = ingest_urls(urls, Fetcher(FetchPolicy()), StoreWriter(app.extensions["atlas_engine"]),
                                     analysis)
                ingest_rates.append(report.stored / (time.perf_counter() - started) * 60)
    finally:
        server.shutdown()
    print(f"{len(urls)} pages from a local server, fetched and extracted: median "
          f"{statistics.median(extract_rates):,.0f} pages/min over {repeat} runs")
    print(f"{report.stored} pages from a local server, fetched and stored (serially analysed): median "
          f"{statistics.median(ingest_rates):,.0f} pages/min over {repeat} runs")


if __name__ == "__main__":
    main()
