"""Geoparser throughput: `python bench/geoparse.py [CORPUS.jsonl]` (default: ../shared/corpora/GeoWebNews.jsonl).

Prints documents/s and words/s for one process and for spaCy's two-process pipe (NER in two workers, gazetteer
resolution in the parent), and the peak resident memory of the parent and of the workers. Model loading is timed
apart; each mode starts with a fresh Geoparser, so gazetteer look-up caches start cold in both.
Target: >= 25 docs/s on two cores.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from geo.parser import Geoparser  # noqa: E402 (the repository root must be importable first)

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "GeoWebNews.jsonl"
TARGET_DOCS_PER_SECOND = 25.0


def run(parser: Geoparser, texts: list[str], n_process: int) -> float:
    started = time.perf_counter()
    mentions = sum(len(found) for found in parser.parse_many(texts, n_process=n_process, batch_size=32))
    elapsed = time.perf_counter() - started
    if mentions == 0:
        raise SystemExit("no mentions found: the benchmark is not measuring a working geoparser")
    return elapsed


def main() -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    args = options.parse_args()
    with open(args.corpus, encoding="utf-8") as handle:
        texts = [json.loads(line)["text"] for line in handle if line.strip()]
    words = sum(len(text.split()) for text in texts)

    started = time.perf_counter()
    Geoparser().parse("The delegation flew from Yerevan to Paris.")
    print(f"start-up (spaCy model + gazetteer): {time.perf_counter() - started:.2f} s")
    print(f"corpus: {len(texts)} documents, {words} words ({args.corpus})")
    passed = True
    for label, n_process in (("1 process", 1), ("2 processes", 2)):
        elapsed = run(Geoparser(), texts, n_process)
        docs_per_second = len(texts) / elapsed
        if n_process == 2:
            passed = docs_per_second >= TARGET_DOCS_PER_SECOND
        print(f"{label:12s} {elapsed:6.2f} s  {docs_per_second:6.1f} docs/s  {words / elapsed:8.0f} words/s")
    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    workers_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: parent {parent_mb:.0f} MB, largest worker {workers_mb:.0f} MB")
    print(f"target >= {TARGET_DOCS_PER_SECOND:.0f} docs/s on 2 processes: {'met' if passed else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
