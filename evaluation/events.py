"""Precision and recall of the event and claim extractor against the hand-annotated gold in gold/events_gold.jsonl.

Run `python -m evaluation.events [--split all|tune|heldout]`. Seeds and corpus articles are scored separately.
The split guards against tuning to the gold: "tune" holds the seeds and the corpus articles at even positions (0, 2,
...) among the corpus entries, "heldout" the corpus articles at odd positions and those whose entry says
"split": "heldout" (annotated later, blind, by a second annotator); look at misses (-v) on "tune" only.
Matching (see the gold file's guidelines): events on PLOVER type + date at the gold's precision + place; claims on
speaker + stance + place overlap.
Each gold item is matched at most once, predictions greedily in order.
`--breakdown` also scores on parts of each match (events on type alone, type + date, type + place; claims on
speaker alone, speaker + stance, speaker + places): the drop from one line to the next is what that part costs.
`--agreement FILE` scores a second, independent annotation of some gold articles with the same rules, beside the
extractor on the same articles: how far two annotators agree is the ceiling any extractor can be measured against.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from extract.model import Claim, Event
from extract.pipeline import extract_article
from gazetteer.normalize import normalize
from geo.parser import Geoparser

ROOT = Path(__file__).resolve().parent.parent
GOLD = Path(__file__).resolve().parent / "gold" / "events_gold.jsonl"
CORPORA = ROOT.parent / "shared" / "corpora"


@dataclass
class Score:
    true_positive: int = 0
    predicted: int = 0
    gold: int = 0

    def line(self, name: str, width: int = 16) -> str:
        precision = self.true_positive / self.predicted if self.predicted else 0.0
        recall = self.true_positive / self.gold if self.gold else 0.0
        return f"{name:{width}} P={precision:.3f} R={recall:.3f}  (matched {self.true_positive}, predicted " \
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


def _names(gold_place: str) -> frozenset[str]:
    return frozenset(normalize(name) for name in gold_place.split("|"))


@dataclass(frozen=True)
class EventView:
    """What event matching looks at, whether the item came from the extractor or from another annotator."""
    type: str
    date: str | None
    place_names: frozenset[str] | None  # accepted names of the one place; None when no place
    described: str


@dataclass(frozen=True)
class ClaimView:
    speakers: tuple[str, ...]  # accepted names of the one speaker
    stance: str
    place_names: frozenset[str]  # every accepted name of every place the claim is about
    described: str


def event_view(event: Event) -> EventView:
    names = frozenset({normalize(event.place.name), normalize(event.place.surface)}) if event.place else None
    return EventView(event.type, event.date, names, f"{event.type}/{event.label} {event.date} @ "
                     f"{event.place.name if event.place else None} ({event.trigger})")


def claim_view(claim: Claim) -> ClaimView:
    names = frozenset(normalize(p.name) for p in claim.places) | {normalize(p.surface) for p in claim.places}
    return ClaimView((claim.speaker.name,), claim.stance, names,
                     f"{claim.speaker.name} {claim.stance} {[p.name for p in claim.places]} ({claim.verb})")


def annotated_event_view(item: dict) -> EventView:
    names = _names(item["place"]) if item["place"] else None
    return EventView(item["type"], item["date"], names, json.dumps(item))


def annotated_claim_view(item: dict) -> ClaimView:
    names = frozenset().union(*(_names(place) for place in item["places"]))
    return ClaimView(tuple(item["speaker"]), item["stance"], names, json.dumps(item))


def _date_matches(gold_date: str | None, predicted: str | None) -> bool:
    """Gold writes an unstated year as XXXX; the extractor writes ISO 8601's year-less form ("--03-04")."""
    if gold_date is None or predicted is None:
        return gold_date is None and predicted is None
    if predicted.startswith("--"):
        predicted = "XXXX" + predicted[1:]
    return len(predicted) >= len(gold_date) and all(g in ("X", p) for g, p in zip(gold_date, predicted, strict=False))


EVENT_PARTS = ("type", "date", "place")
CLAIM_PARTS = ("speaker", "stance", "places")
# --breakdown: each part alone with the first, which shows which part costs the most matches
EVENT_BREAKDOWN = (("type",), ("type", "date"), ("type", "place"), EVENT_PARTS)
CLAIM_BREAKDOWN = (("speaker",), ("speaker", "stance"), ("speaker", "places"), CLAIM_PARTS)


def event_matches(gold: dict, event: EventView, parts: tuple[str, ...] = EVENT_PARTS) -> bool:
    if "type" in parts and gold["type"] != event.type:
        return False
    if "date" in parts and not _date_matches(gold["date"], event.date):
        return False
    if "place" not in parts:
        return True
    if gold["place"] is None or event.place_names is None:
        return gold["place"] is None and event.place_names is None
    return bool(_names(gold["place"]) & event.place_names)


def _speaker_matches(aliases: list[str], speakers: tuple[str, ...]) -> bool:
    for name in speakers:
        predicted = set(normalize(name).split())
        for alias in aliases:
            words = set(normalize(alias).split())
            if words and predicted and (words <= predicted or predicted <= words):
                return True
    return False


def claim_matches(gold: dict, claim: ClaimView, parts: tuple[str, ...] = CLAIM_PARTS) -> bool:
    if "stance" in parts and claim.stance != gold["stance"]:
        return False
    if "speaker" in parts and not _speaker_matches(gold["speaker"], claim.speakers):
        return False
    if "places" not in parts:
        return True
    if not gold["places"]:
        return not claim.place_names
    return any(_names(place) & claim.place_names for place in gold["places"])


def _score(gold_items: list[dict], predicted: list, matches, score: Score, misses: list[str], label: str) -> None:
    unused = list(range(len(gold_items)))
    score.gold += len(gold_items)
    score.predicted += len(predicted)
    for item in predicted:
        hit = next((g for g in unused if matches(gold_items[g], item)), None)
        if hit is None:
            misses.append(f"  FP {label}: {item.described}")
        else:
            unused.remove(hit)
            score.true_positive += 1
    misses.extend(f"  FN {label}: {gold_items[g]}" for g in unused)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--split", choices=SPLITS, default="all",
                        help="tune: seeds + even corpus positions; heldout: odd corpus positions")
    parser.add_argument("--agreement", type=Path, metavar="FILE",
                        help="a second annotator's file in the gold's format: score it and the extractor against the "
                             "gold on the articles both annotated")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every miss and false alarm")
    parser.add_argument("--breakdown", action="store_true",
                        help="also score on parts of the match (events: type, +date, +place; claims: speaker, "
                             "+stance, +places) to show which part loses the most")
    args = parser.parse_args()
    second = {}
    if args.agreement:
        second = {e["id"]: e for e in map(json.loads, args.agreement.read_text(encoding="utf-8").splitlines())}
    geoparser = Geoparser()
    scores: dict[str, tuple[Score, Score]] = {}
    partial_scores: dict[tuple[str, str, tuple[str, ...]], Score] = {}
    for entry, text in documents(args.gold, args.split):
        if second and entry.get("id") not in second:
            continue
        group = "seeds" if "seed" in entry else "corpus"
        extraction = extract_article(text, geoparser.parse(text), None)
        runs = [(group, [event_view(e) for e in extraction.events], [claim_view(c) for c in extraction.claims])]
        if second:
            other = second[entry["id"]]
            runs.append(("annotator", [annotated_event_view(e) for e in other["events"]],
                         [annotated_claim_view(c) for c in other["claims"]]))
        for name, events, claims in runs:
            misses: list[str] = []
            score = scores.setdefault(name, (Score(), Score()))
            _score(entry["events"], events, event_matches, score[0], misses, "event")
            _score(entry["claims"], claims, claim_matches, score[1], misses, "claim")
            if args.verbose and misses:
                print(f"{entry.get('seed') or entry['id']} ({name})")
                print("\n".join(misses))
            if args.breakdown:
                for parts in EVENT_BREAKDOWN:
                    _score(entry["events"], events, partial(event_matches, parts=parts),
                           partial_scores.setdefault((name, "events", parts), Score()), [], "event")
                for parts in CLAIM_BREAKDOWN:
                    _score(entry["claims"], claims, partial(claim_matches, parts=parts),
                           partial_scores.setdefault((name, "claims", parts), Score()), [], "claim")
    for name, (events, claims) in scores.items():
        print(events.line(f"{name} events"))
        print(claims.line(f"{name} claims"))
    for (name, items, parts), score in partial_scores.items():
        print(score.line(f"{name} {items} on {'+'.join(parts)}", width=40))


if __name__ == "__main__":
    main()
