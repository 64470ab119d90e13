"""Run the geoparser over an annotated corpus and score it: `python -m evaluation.places CORPUS.jsonl --out PRED.jsonl`.

CORPUS is JSON Lines in the format of ../shared/corpora/ ({"id", "text", "toponyms": [...]}), or texts whose toponyms
are in a separate gold file (`--gold`, see evaluation.place_gold); PRED gets one line per
document with the predicted toponyms (name, start, end, lat, lon), so the referee scorer can be run on it too. The
metrics printed are the referee's, computed by evaluation.place_scoring with the same matching rule.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from evaluation.place_gold import join_gold, report
from evaluation.place_scoring import format_metrics, score
from gazetteer import Kind
from geo.model import Mention
from geo.parser import Geoparser


def read_corpus(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def prediction(doc_id: str, mentions: list[Mention]) -> dict:
    """The toponyms found. A border ("the Armenia-Azerbaijan border": geo.borders) is a place made of two toponyms,
    which are written out on their own; the word "border" is no toponym, and the corpora's gold has no borders."""
    return {"id": doc_id, "toponyms": [
        {"name": m.text, "start": m.start, "end": m.end, "lat": m.lat, "lon": m.lon, "place_id": m.place_id,
         "kind": m.kind}
        for m in mentions if m.kind != Kind.BORDER
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
    args.add_argument("--gold", type=Path, help="toponym gold kept apart from the texts (joined by id): score the "
                      "tuning and held-out halves apart, with the losses by class (evaluation.place_gold)")
    args.add_argument("--list", action="store_true", help="with --gold: list the tuning half's losses one by one")
    options = args.parse_args(argv)
    corpus = read_corpus(options.corpus)
    if options.gold is not None:
        corpus = join_gold(corpus, options.gold)
    started = time.perf_counter()
    predictions = run(corpus, Geoparser(), options.workers)
    elapsed = time.perf_counter() - started
    with open(options.out, "w", encoding="utf-8") as handle:
        for line in predictions:
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
    by_id = {p["id"]: p["toponyms"] for p in predictions}
    if options.gold is not None:
        print(report(corpus, by_id, options.list))
    else:
        print(format_metrics(score({str(doc["id"]): doc.get("toponyms") or [] for doc in corpus}, by_id)))
    rate = len(corpus) / max(elapsed, 1e-9)
    print(f"{len(corpus)} documents in {elapsed:.1f} s ({rate:.1f} docs/s)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
