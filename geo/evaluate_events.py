"""Precision and recall of the event and claim extractor against the hand-annotated gold in eval/events_gold.jsonl.

Run `python -m geo.evaluate_events [--split all|tune|heldout]`. Seeds and corpus articles are scored separately.
The split guards against tuning to the gold: "tune" holds the seeds and the corpus articles at even positions (0, 2,
...) among the corpus entries, "heldout" the corpus articles at odd positions and those whose entry says
"split": "heldout" (annotated later, blind, by a second annotator); look at misses (-v) on "tune" only.
Matching (see the gold file's guidelines): events on PLOVER type + date at the gold's precision + place; claims on
speaker + stance + place overlap.
Each gold item is matched at most once, predictions greedily in order.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from extract.model import Claim, Event
from extract.pipeline import extract_article
from gazetteer.normalize import normalize
from geo.parser import Geoparser

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "eval" / "events_gold.jsonl"
CORPORA = ROOT.parent / "shared" / "corpora"


@dataclass
class Score:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    def line(self, name: str) -> str:
        precision = self.true_positive / self.predicted if self.predicted else 0.0
        recall = self.true_positive / self.gold if self.gold else 0.0
        return f"{name:16} P={precision:.3f} R={recall:.3f}  (matched {self.true_positive}, predicted " \
               f"{self.predicted}, gold {self.gold})"


SPLITS = ("all", "tune", "heldout")


def documents(gold_path: Path, split: str = "all") -> Iterator[tuple[dict, str]]:
    texts: dict[str, dict[str, str]] = {}
    corpus_position = 0
    for line in gold_path.read_text(encoding="utf-8").splitlines():
        entry = json.loads(line)
        if "guidelines" in entry:
            continue
        if "seed" in entry:
            if split != "heldout":
                yield entry, (ROOT / "seeds" / entry["seed"]).read_text(encoding="utf-8")
            continue
        held_out = entry["split"] == "heldout" if "split" in entry else corpus_position % 2 == 1
        corpus_position += 1
        if split == "all" or held_out == (split == "heldout"):
            corpus = texts.setdefault(entry["corpus"], _corpus(CORPORA / entry["corpus"]))
            yield entry, corpus[entry["id"]]


def _corpus(path: Path) -> dict[str, str]:
    return {d["id"]: d["text"] for d in map(json.loads, path.read_text(encoding="utf-8").splitlines())}


def _names(gold_place: str) -> set[str]:
    return {normalize(name) for name in gold_place.split("|")}


def _place_matches(gold_place: str | None, event: Event) -> bool:
    if gold_place is None or event.place is None:
        return gold_place is None and event.place is None
    return bool(_names(gold_place) & {normalize(event.place.name), normalize(event.place.surface)})


def _date_matches(gold_date: str | None, predicted: str | None) -> bool:
    """Gold writes an unstated year as XXXX; the extractor writes ISO 8601's year-less form ("--03-04")."""
    if gold_date is None or predicted is None:
        return gold_date is None and predicted is None
    if predicted.startswith("--"):
        predicted = "XXXX" + predicted[1:]
    return len(predicted) >= len(gold_date) and all(g in ("X", p) for g, p in zip(gold_date, predicted, strict=False))


def event_matches(gold: dict, event: Event) -> bool:
    return gold["type"] == event.type and _date_matches(gold["date"], event.date) and \
        _place_matches(gold["place"], event)


def _speaker_matches(aliases: list[str], claim: Claim) -> bool:
    predicted = set(normalize(claim.speaker.name).split())
    for alias in aliases:
        words = set(normalize(alias).split())
        if words and predicted and (words <= predicted or predicted <= words):
            return True
    return False


def claim_matches(gold: dict, claim: Claim) -> bool:
    if claim.stance != gold["stance"] or not _speaker_matches(gold["speaker"], claim):
        return False
    predicted = {normalize(p.name) for p in claim.places} | {normalize(p.surface) for p in claim.places}
    if not gold["places"]:
        return not claim.places
    return any(_names(place) & predicted for place in gold["places"])


def _score(gold_items: list[dict], predicted: list, matches, score: Score, misses: list[str], label: str) -> None:
    unused = list(range(len(gold_items)))
    score.gold += len(gold_items)
    score.predicted += len(predicted)
    for item in predicted:
        hit = next((g for g in unused if matches(gold_items[g], item)), None)
        if hit is None:
            misses.append(f"  FP {label}: {_describe(item)}")
        else:
            unused.remove(hit)
            score.true_positive += 1
    misses.extend(f"  FN {label}: {gold_items[g]}" for g in unused)


def _describe(item: Event | Claim) -> str:
    if isinstance(item, Event):
        return f"{item.type}/{item.label} {item.date} @ {item.place.name if item.place else None} ({item.trigger})"
    return f"{item.speaker.name} {item.stance} {[p.name for p in item.places]} ({item.verb})"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="tune: seeds + even corpus positions; heldout: odd corpus positions")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    args = parser.parse_args()
    geoparser = Geoparser()
    scores = {group: (Score(), Score()) for group in ("seeds", "corpus")}
    for entry, text in documents(args.gold, args.split):
        group = "seeds" if "seed" in entry else "corpus"
        extraction = extract_article(text, geoparser.parse(text), None)
        misses: list[str] = []
        _score(entry["events"], extraction.events, event_matches, scores[group][0], misses, "event")
        _score(entry["claims"], extraction.claims, claim_matches, scores[group][1], misses, "claim")
        if args.verbose and misses:
            print(entry.get("seed") or entry["id"])
            print("\n".join(misses))
    for group, (events, claims) in scores.items():
        if not events.gold and not claims.gold:
            continue
        print(events.line(f"{group} events"))
        print(claims.line(f"{group} claims"))


if __name__ == "__main__":
    main()
