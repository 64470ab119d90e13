"""Full pipeline throughput (places + events + claims): `python bench/pipeline.py [CORPUS.jsonl] [--repeat N]`
(default: ../shared/corpora/GeoWebNews.jsonl, 3 repeats).

Runs the ingest's own analysis stage (atlas.ingest.parallel backends over atlas.ingest.analysis.Analyser: one spaCy
parse per article shared by the geoparser and the event/claim extractor) over the corpus, in this process and in one
worker process per core (what `flask ingest` does by default with a big batch), with model loading timed apart.
Prints the median documents/s over the repeats and what was found; for the single process also its CPU time, which
stays at the wall time when the process really runs on one core (BLAS threads would push it above).
Target (issue 5): >= 12 docs/s on this 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from atlas.ingest.analysis import Analyser  # noqa: E402 (the repository root must be importable first)
from atlas.ingest.parallel import WORKER_CHUNK, AnalysisFailure, InProcess, WorkerProcesses  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "GeoWebNews.jsonl"
TARGET_DOCS_PER_SECOND = 12.0


def run(backend, texts: list[str]) -> tuple[float, float, tuple[int, int, int, int]]:
    """Wall seconds, this process's CPU seconds, and what was found."""
    started, cpu_started = time.perf_counter(), time.process_time()
    results = list(backend.map([(text, None) for text in texts]))
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - cpu_started
    good = [r for r in results if not isinstance(r, AnalysisFailure)]
    found = (sum(len(r.mentions) for r in good), sum(len(r.extraction.events) for r in good),
             sum(len(r.extraction.claims) for r in good), len(results) - len(good))
    return seconds, cpu_seconds, found


def timed(backend, texts: list[str], repeat: int) -> tuple[float, float, tuple[int, int, int, int]]:
    """The median run's wall and CPU seconds (runs find the same things: the analysis is deterministic)."""
    runs = sorted((run(backend, texts) for _ in range(repeat)), key=lambda r: r[0])
    return runs[len(runs) // 2]


def report(mode: str, documents: int, seconds: float, found: tuple[int, int, int, int], extra: str = "") -> None:
    rate = documents / seconds
    verdict = "meets" if rate >= TARGET_DOCS_PER_SECOND else "misses"
    print(f"{mode}: {rate:.1f} docs/s ({verdict} the {TARGET_DOCS_PER_SECOND:.0f} docs/s target){extra}; "
          f"{found[0]} places, {found[1]} events, {found[2]} claims, {found[3]} failures")


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    arguments.add_argument("--repeat", type=int, default=3)
    options = arguments.parse_args()
    corpus, repeat = options.corpus, max(1, options.repeat)
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    print(f"{len(texts)} documents, {sum(len(t.split()) for t in texts)} words ({corpus.name})")

    serial = InProcess(Analyser())
    started = time.perf_counter()
    run(serial, texts[:1])
    print(f"load (models + gazetteer, one process): {time.perf_counter() - started:.1f} s")
    seconds, cpu_seconds, found = timed(serial, texts, repeat)
    report(f"1 process (median of {repeat})", len(texts), seconds, found,
           f", {cpu_seconds:.1f} s CPU in {seconds:.1f} s")

    cores = len(os.sched_getaffinity(0))
    pool = WorkerProcesses(cores)
    try:
        run(pool, texts[:WORKER_CHUNK * cores])  # every worker loaded before timing
        seconds, _cpu_seconds, found = timed(pool, texts, repeat)
        report(f"{cores} worker processes (median of {repeat})", len(texts), seconds, found)
    finally:
        pool.close()


if __name__ == "__main__":
    main()
