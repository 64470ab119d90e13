"""Full pipeline throughput (places + events + claims): `python bench/pipeline.py [CORPUS.jsonl]`
(default: ../shared/corpora/GeoWebNews.jsonl).

One spaCy parse per article (tagger, parser, lemmatizer and NER) is shared by the geoparser's recogniser and the
extractor, as the brief asks of the ingest. Prints documents/s in one process and in two worker processes (each
loads its own model and gazetteer; loading is timed apart). Target: >= 12 docs/s.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extract.pipeline import COMPONENTS, extract_article  # noqa: E402 (the repository root must be importable first)
from geo import nlp  # noqa: E402
from geo.parser import Geoparser, prepare  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpora" / "GeoWebNews.jsonl"
TARGET_DOCS_PER_SECOND = 12.0
_WORKER: Geoparser | None = None


def analyse_all(parser: Geoparser, texts: list[str]) -> tuple[int, int, int]:
    """Mentions, events and claims found in `texts` with one shared parse per text."""
    pipeline = nlp.pipeline(COMPONENTS)
    counts = [0, 0, 0]
    for text, doc in zip(texts, pipeline.pipe((prepare(t) for t in texts), batch_size=32), strict=True):
        mentions = parser.resolver.resolve(text, parser.recognizer.spans(doc, 0))
        extraction = extract_article(text, mentions, None, doc)
        counts[0] += len(mentions)
        counts[1] += len(extraction.events)
        counts[2] += len(extraction.claims)
    return counts[0], counts[1], counts[2]


def _load_worker() -> None:
    global _WORKER
    _WORKER = Geoparser(components=COMPONENTS)
    nlp.pipeline(COMPONENTS)


def _worker_batch(texts: list[str]) -> tuple[int, int, int]:
    return analyse_all(_WORKER, texts)


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    corpus = arguments.parse_args().corpus
    texts = [json.loads(line)["text"] for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} documents, {words} words ({corpus.name})")

    started = time.perf_counter()
    parser = Geoparser(components=COMPONENTS)
    nlp.pipeline(COMPONENTS)
    analyse_all(parser, texts[:2])
    print(f"load (model + gazetteer, one process): {time.perf_counter() - started:.1f} s")
    started = time.perf_counter()
    found = analyse_all(parser, texts)
    _report("1 process", len(texts), time.perf_counter() - started, found)

    with ProcessPoolExecutor(max_workers=2, initializer=_load_worker) as pool:
        list(pool.map(_worker_batch, [texts[:1], texts[1:2]]))  # both workers loaded before timing
        started = time.perf_counter()
        halves = [texts[i::2] for i in range(2)]
        parts = list(pool.map(_worker_batch, [h[i:i + 25] for h in halves for i in range(0, len(h), 25)]))
        found = tuple(sum(p[k] for p in parts) for k in range(3))
        _report("2 processes", len(texts), time.perf_counter() - started, found)


def _report(mode: str, documents: int, seconds: float, found: tuple[int, int, int]) -> None:
    rate = documents / seconds
    verdict = "meets" if rate >= TARGET_DOCS_PER_SECOND else "BELOW"
    print(f"{mode:12} {rate:6.1f} docs/s  ({seconds:.1f} s; {found[0]} mentions, {found[1]} events, "
          f"{found[2]} claims) — {verdict} the {TARGET_DOCS_PER_SECOND:.0f} docs/s target")


if __name__ == "__main__":
    main()
