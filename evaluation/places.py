"""Run the geoparser over an annotated corpus and score it: `python -m evaluation.places CORPUS.jsonl --out PRED.jsonl`.

CORPUS is JSON Lines in the format of ../shared/corpora/ ({"id", "text", "toponyms": [...]}); PRED gets one line per
document with the predicted toponyms (name, start, end, lat, lon), so the referee scorer can be run on it too. The
metrics printed are the referee's, computed by evaluation.place_scoring with the same matching rule.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from evaluation.place_scoring import format_metrics, score
from geo.model import Mention
from geo.parser import Geoparser


def read_corpus(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def prediction(doc_id: str, mentions: list[Mention]) -> dict:
    return {"id": doc_id, "toponyms": [
        {"name": m.text, "start": m.start, "end": m.end, "lat": m.lat, "lon": m.lon, "place_id": m.place_id}
        for m in mentions
    ]}


def run(corpus: list[dict], parser: Geoparser, workers: int = 1) -> list[dict]:
    texts = (doc.get("text") or "" for doc in corpus)
    return [prediction(str(doc["id"]), mentions)
            for doc, mentions in zip(corpus, parser.parse_many(texts, n_process=workers), strict=True)]


def main(argv: list[str] | None = None) -> int:
    args = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    args.add_argument("corpus", type=Path)
    args.add_argument("--out", type=Path, required=True, help="where to write the predictions (JSON Lines)")
    args.add_argument("--workers", type=int, default=1, help="NER worker processes")
    options = args.parse_args(argv)
    corpus = read_corpus(options.corpus)
    started = time.perf_counter()
    predictions = run(corpus, Geoparser(), options.workers)
    elapsed = time.perf_counter() - started
    with open(options.out, "w", encoding="utf-8") as handle:
        for line in predictions:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    gold = {str(doc["id"]): doc.get("toponyms") or [] for doc in corpus}
    metrics = score(gold, {p["id"]: p["toponyms"] for p in predictions})
    print(format_metrics(metrics))
    rate = len(corpus) / max(elapsed, 1e-9)
    print(f"{len(corpus)} documents in {elapsed:.1f} s ({rate:.1f} docs/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
