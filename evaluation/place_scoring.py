"""Toponym recognition + resolution metrics under the rule the published comparisons use.

A predicted toponym matches a gold one when the surface strings are equal ignoring case and the midpoints of the two
spans are less than 10 characters apart; each prediction matches at most one gold toponym. Resolution is judged only
on matched toponyms (Acc@161, mean/median error, AUC of the log-error curve), and end to end as recall x Acc@161.
Implemented here (not imported from the referee) so that the evaluation command works from the repository alone.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence

from geopy.distance import great_circle

EARTH_HALF_CIRCUMFERENCE_KM = 20039.0
MIDPOINT_TOLERANCE = 10
ACCURACY_RADIUS_KM = 161


def _usable(toponym: Mapping) -> bool:
    try:
        return math.isfinite(float(toponym["lat"])) and math.isfinite(float(toponym["lon"]))
    except (KeyError, TypeError, ValueError):
        return False


def _midpoint(toponym: Mapping) -> float:
    return (toponym["start"] + toponym["end"]) / 2


def match_document(gold: Sequence[Mapping], predicted: Sequence[Mapping]) -> tuple[list[float], int, int]:
    """Return (errors in km of matched pairs, unmatched gold count, unmatched prediction count) for one document."""
    remaining = [p for p in predicted if _usable(p)]
    errors: list[float] = []
    missed = 0
    for g in gold:
        name, mid = g["name"].lower(), _midpoint(g)
        for i, p in enumerate(remaining):
            if str(p.get("name", "")).lower() == name and abs(_midpoint(p) - mid) < MIDPOINT_TOLERANCE:
                errors.append(great_circle((float(p["lat"]), float(p["lon"])), (g["lat"], g["lon"])).km)
                remaining.pop(i)
                break
        else:
            missed += 1
    return errors, missed, len(remaining)


def score(gold: Mapping[str, Sequence[Mapping]], predicted: Mapping[str, Sequence[Mapping]]) -> dict:
    """Corpus metrics; documents absent from `predicted` count as having no predictions."""
    errors: list[float] = []
    fn = fp = 0
    for doc_id, gold_toponyms in gold.items():
        doc_errors, missed, spurious = match_document(gold_toponyms, predicted.get(doc_id, []))
        errors += doc_errors
        fn += missed
        fp += spurious
    return summarise(errors, fn, fp)


def summarise(errors: Iterable[float], fn: int, fp: int) -> dict:
    errs = sorted(errors)
    tp = len(errs)
    precision = tp / max(tp + fp, 1)
    recall = tp / max(tp + fn, 1)
    acc = sum(e < ACCURACY_RADIUS_KM for e in errs) / tp if tp else 0.0
    auc = 0.0
    if tp > 1:
        logs = [math.log(1 + e) / math.log(EARTH_HALF_CIRCUMFERENCE_KM) for e in errs]
        auc = (0.5 * (logs[0] + logs[-1]) + sum(logs[1:-1])) / (tp - 1)
    return {
        "gold": tp + fn,
        "predicted": tp + fp,
        "matched": tp,
        "P": round(precision, 4),
        "R": round(recall, 4),
        "F1": round(2 * precision * recall / (precision + recall), 4) if tp else 0.0,
        "acc161": round(acc, 4),
        "acc161_e2e": round(acc * recall, 4),
        "mean_km": round(statistics.fmean(errs), 1) if tp else None,
        "median_km": round(statistics.median(errs), 1) if tp else None,
        "AUC": round(auc, 4),
    }


def format_metrics(metrics: Mapping) -> str:
    return "  ".join(f"{k}={v}" for k, v in metrics.items())
