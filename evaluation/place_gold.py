"""Score the geoparser against blind toponym gold kept apart from its texts, and say why each toponym was lost.

The gold (`evaluation/gold/news_toponyms.jsonl`) holds ids and toponyms only: the article texts stay in `../shared/`
and are joined by id at run time, so no text is copied into the repository. Each gold toponym carries its `type`
(literal, metonym, demonym), its `level` (country, admin1, region, city, village, ...) and whether the gazetteer has
it (`in_gazetteer`), which lets every loss be put in one class:
  * coverage - the gazetteer has no record for it (nothing to find);
  * span - a prediction overlaps it with another extent ("Luhansk region" for "Luhansk");
  * NER miss - nothing was predicted there;
  * level - matched, but resolved more than 161 km away where the gold is an area (a city point for a province);
  * namesake - matched, but resolved more than 161 km away to another place of the same name;
  * not a place - a prediction that overlaps no gold toponym (an organisation, a person, a word).
Articles at even line positions of the corpus are the tuning half, odd positions the held-out half: only the tuning
half's individual misses are ever listed (`--list`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping, Sequence
from pathlib import Path

from geopy.distance import great_circle

from evaluation.place_scoring import ACCURACY_RADIUS_KM, MIDPOINT_TOLERANCE, format_metrics, score

AREA_LEVELS = frozenset({"admin1", "admin2", "region", "country", "water"})
SPLITS = ("tune", "heldout", "all")


def join_gold(corpus: list[dict], gold_path: Path) -> list[dict]:
    """The corpus documents that have gold, in corpus order, each with its gold toponyms and its split."""
    with open(gold_path, encoding="utf-8") as handle:
        gold = {str(d["id"]): d["toponyms"] for d in (json.loads(line) for line in handle if line.strip())}
    joined = []
    for position, doc in enumerate(corpus):
        doc_id = str(doc["id"])
        if doc_id in gold:
            split = "tune" if position % 2 == 0 else "heldout"
            joined.append({**doc, "id": doc_id, "toponyms": gold[doc_id], "split": split})
    return joined


def _matches(gold: Mapping, predicted: Mapping) -> bool:
    same_name = str(predicted.get("name", "")).lower() == gold["name"].lower()
    mid_gold, mid_pred = (gold["start"] + gold["end"]) / 2, (predicted["start"] + predicted["end"]) / 2
    return same_name and abs(mid_gold - mid_pred) < MIDPOINT_TOLERANCE


def _overlaps(a: Mapping, b: Mapping) -> bool:
    return a["start"] < b["end"] and b["start"] < a["end"]


def classify(gold: Sequence[Mapping], predicted: Sequence[Mapping]) -> list[tuple[str, Mapping]]:
    """(class, toponym) for every gold toponym lost or misplaced and every prediction that matches no gold, with the
    matching rule of the referee (one prediction per gold toponym, first come)."""
    remaining = list(predicted)
    losses: list[tuple[str, Mapping]] = []
    for g in gold:
        hit = next((p for p in remaining if _matches(g, p)), None)
        if hit is None:
            if not g.get("in_gazetteer", True):
                losses.append(("coverage", g))
            elif any(_overlaps(g, p) for p in predicted):
                losses.append(("span", g))
            else:
                losses.append(("NER miss", g))
            continue
        remaining.remove(hit)
        km = great_circle((float(hit["lat"]), float(hit["lon"])), (g["lat"], g["lon"])).km
        if km >= ACCURACY_RADIUS_KM:
            kind = "level" if g.get("level") in AREA_LEVELS and hit.get("kind") not in ("country", "admin-1") \
                else "namesake"
            losses.append((kind, {**g, "predicted": hit.get("place_id"), "km": round(km)}))
    for p in remaining:
        if not any(_overlaps(g, p) for g in gold):
            losses.append(("not a place", p))
    return losses


def report(docs: list[dict], predictions: Mapping[str, Sequence[Mapping]], list_misses: bool = False) -> str:
    """Metrics for each half and both, the recall of each toponym type, and the losses by class."""
    lines = []
    for split in SPLITS:
        part = [d for d in docs if split in ("all", d["split"])]
        gold = {d["id"]: d["toponyms"] for d in part}
        lines.append(f"[{split}: {len(part)} articles] {format_metrics(score(gold, predictions))}")
        for kind in ("literal", "metonym", "demonym"):
            typed = {i: [t for t in toponyms if t.get("type") == kind] for i, toponyms in gold.items()}
            found = score(typed, {i: [p for p in predictions.get(i, []) if _typed_like(p, typed[i])]
                                  for i in typed})
            lines.append(f"  {kind}: gold={found['gold']} R={found['R']} acc161={found['acc161']}")
        losses = Counter(kind for d in part for kind, _ in classify(d["toponyms"], predictions.get(d["id"], [])))
        lines.append("  losses: " + ", ".join(f"{k} {n}" for k, n in losses.most_common()))
        if list_misses and split == "tune":
            for d in part:
                for kind, toponym in classify(d["toponyms"], predictions.get(d["id"], [])):
                    lines.append(f"    {d['id']}: {kind}: {_describe(toponym)}")
    return "\n".join(lines)


def _typed_like(predicted: Mapping, typed: Sequence[Mapping]) -> bool:
    """Recall per type: only the predictions that overlap a gold toponym of that type take part."""
    return any(_overlaps(predicted, g) for g in typed)


def _describe(toponym: Mapping) -> str:
    fields = ("name", "start", "gold_name", "type", "level", "predicted", "km", "place_id")
    return " ".join(f"{k}={toponym[k]}" for k in fields if k in toponym)
