"""Ingest benchmark: articles per minute storing GeoWebNews texts, serially and with N worker processes.

    .venv/bin/python bench/ingest.py [--corpus ../shared/corpora/GeoWebNews.jsonl] [--workers 2] [--repeat 3]

Each run ingests the corpus texts (as one .jsonl input) into a new SQLite store through the same path as
`flask --app app ingest [--workers N]` and prints the median over the repeats. The backend's processes load their
models before the clock starts (a few articles go through first), so the figures are steady-state throughput.
Target (issue 6): 2 workers >= 1.8x the serial rate on this 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from atlas.ingest import parallel  # noqa: E402
from atlas.ingest.batch import ingest_paths  # noqa: E402
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "corpora" / "GeoWebNews.jsonl")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "articles.jsonl"
        with open(args.corpus, encoding="utf-8") as corpus, open(source, "w", encoding="utf-8") as out:
            for line in corpus:
                if line.strip():
                    out.write(json.dumps({"text": json.loads(line)["text"]}) + "\n")
        rates = {}
        for workers in (1, args.workers):
            runs = [one_run(source, workers) for _ in range(args.repeat)]
            stored = runs[0][1]
            rates[workers] = statistics.median(stored / seconds * 60 for seconds, _ in runs)
            label = "serially" if workers == 1 else f"with {workers} worker processes"
            print(f"{stored} articles {label}: median {rates[workers]:,.0f} articles/min over {args.repeat} runs")
    print(f"speed-up: {rates[args.workers] / rates[1]:.2f}x (target >= 1.8x with 2 workers)")


if __name__ == "__main__":
    main()
