"""Fitting the extractor's confidence, choosing the map's default threshold, and the figures that check both.

The confidence is a logistic model over the reason codes each item carries (extract.confidence). It is fitted here,
on the tune split only, with the items' correctness against the gold as the target; the default threshold is the
lowest confidence from which the tune items reach the precision the issue asks of the map. The reliability table and
the bootstrap intervals are printed on whatever split is scored, so the held-out figures show whether the fit holds.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np

from extract.confidence import probability

# What the map's default view should reach (issue 15): the precision "shown by default" promises, at a recall that
# still shows something.
TARGET_PRECISION = {"event": 0.75, "claim": 0.80}
LEAST_RECALL = {"event": 0.35, "claim": 0.40}
SEEDS_LEAST_RECALL = 0.7  # issue 15: the seeds keep the figures they have (P >= 0.8, R >= 0.7)
PENALTIES = (0.3, 1.0, 3.0, 10.0, 30.0)  # ridge penalties tried by cross-validation: a few hundred items, reasons rare
FOLDS = 5
F0_5_TOLERANCE = 0.01  # F0.5 differences smaller than this between thresholds are noise on a few hundred items


@dataclass(frozen=True)
class Item:
    """One predicted event or claim as the scorer saw it: its reasons, its confidence, whether it matched gold."""
    reasons: tuple[str, ...]
    confidence: float
    correct: bool
    document: str = ""  # the article it came from: items of one article share accidents, so they share a fold


def fit(items: Sequence[Item], penalty: float = 1.0) -> dict[str, float]:
    """Weights (log-odds) of each reason code and a bias, by Newton's method on the L2-penalised likelihood."""
    codes = sorted({code for item in items for code in item.reasons})
    if not items:
        return {"bias": 0.0}
    x = np.array([[1.0] + [float(code in item.reasons) for code in codes] for item in items])
    y = np.array([float(item.correct) for item in items])
    weights = np.zeros(x.shape[1])
    ridge = np.eye(x.shape[1]) * penalty
    ridge[0, 0] = 0.0  # the bias is not shrunk
    for _ in range(50):
        p = 1.0 / (1.0 + np.exp(-x @ weights))
        gradient = x.T @ (p - y) + ridge @ weights
        hessian = (x.T * (p * (1 - p))) @ x + ridge
        step = np.linalg.solve(hessian, gradient)
        weights -= step
        if np.abs(step).max() < 1e-8:
            break
    fitted = {"bias": round(float(weights[0]), 4)}
    fitted.update({code: round(float(w), 4) for code, w in zip(codes, weights[1:], strict=True)})
    return fitted


def out_of_fold(items: Sequence[Item], penalty: float) -> list[Item]:
    """Each item scored by a model fitted without it, nor any item of its article (FOLDS folds, articles dealt in
    turn): what the confidence of an item of an article the fit never saw looks like, for choosing the penalty and the
    threshold without flattering either. Items dealt one by one let an article's other items vouch for it."""
    groups: dict[str, int] = {}
    folds = [groups.setdefault(item.document or f"#{n}", len(groups)) % FOLDS for n, item in enumerate(items)]
    scored: list[Item | None] = [None] * len(items)
    for fold in range(FOLDS):
        weights = fit([item for item, f in zip(items, folds, strict=True) if f != fold], penalty)
        for n, item in enumerate(items):
            if folds[n] == fold:
                scored[n] = Item(item.reasons, probability(weights, item.reasons), item.correct, item.document)
    return [item for item in scored if item is not None]


def choose_penalty(items: Sequence[Item]) -> tuple[float, list[Item]]:
    """The ridge penalty whose out-of-fold confidences have the least log-loss, and those confidences (what the
    threshold is chosen on): with a hundred or two items a layer, a weak penalty fits the tune split's accidents,
    which the held-out half does not share."""
    def log_loss(scored: list[Item]) -> float:
        eps = 1e-3
        return -sum(np.log(max(eps, i.confidence if i.correct else 1.0 - i.confidence)) for i in scored) / len(scored)

    scored = {penalty: out_of_fold(items, penalty) for penalty in PENALTIES}
    best = min(PENALTIES, key=lambda penalty: log_loss(scored[penalty]))
    return best, scored[best]


def choose_threshold(items: Sequence[Item], gold: int, target: float, least_recall: float,
                     allowed: Callable[[float], bool] = lambda threshold: True) -> float:
    """The default display threshold. The lowest confidence from which the items shown are right at least `target` of
    the time while still finding `least_recall` of the gold; when no confidence does both (the extractor is not that
    good yet), the one that maximises F0.5, which weighs precision twice as much as recall: the map shows fewer,
    surer items, never nothing. Ten items at least, so that one lucky item sets no threshold. The F0.5 curve of a
    few hundred items is flat and bumpy: any threshold within F0_5_TOLERANCE of the best is as good, and the highest
    of them is taken (precision first), so that a small change in the items does not swing the threshold. Only
    thresholds `allowed` are candidates (the seeds must keep their recall)."""
    scored: list[tuple[float, float]] = []  # (threshold, F0.5)
    for threshold in sorted({item.confidence for item in items}):
        shown = [item for item in items if item.confidence >= threshold]
        if len(shown) < 10:
            break
        if not allowed(threshold):
            continue
        right = sum(item.correct for item in shown)
        p, r = right / len(shown), right / gold if gold else 0.0
        if p >= target and r >= least_recall:
            return threshold
        scored.append((threshold, 1.25 * p * r / (0.25 * p + r) if p + r else 0.0))
    if not scored:
        return 1.0
    best_f = max(f for _, f in scored)
    return max(threshold for threshold, f in scored if f >= best_f - F0_5_TOLERANCE)


def reliability(items: Sequence[Item], edges: Sequence[float] = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)) -> list[str]:
    """Lines of a reliability table: for each confidence band, how many items, their mean confidence and the share
    that were right (a calibrated model has the two close), then the same for every item at or above each edge."""
    lines = ["  band         items  mean conf  right   |  at or above  items  right"]
    for low, high in pairwise(edges):
        band = [i for i in items if low <= i.confidence < high or (high == edges[-1] and i.confidence == high)]
        above = [i for i in items if i.confidence >= low]
        mean = sum(i.confidence for i in band) / len(band) if band else float("nan")
        right = sum(i.correct for i in band) / len(band) if band else float("nan")
        right_above = sum(i.correct for i in above) / len(above) if above else float("nan")
        lines.append(f"  [{low:.1f}, {high:.1f})  {len(band):5d}  {mean:9.2f}  {right:5.2f}   |  >= {low:.1f}"
                     f"      {len(above):5d}  {right_above:5.2f}")
    return lines


Counts = tuple[int, int, int]  # matched, predicted, gold


def bootstrap(documents: Sequence[Counts], statistic: Callable[[Counts], float], rounds: int = 2000,
              seed: int = 15) -> tuple[float, float]:
    """A 95% percentile interval of a statistic of summed counts, resampling whole articles (items of one article are
    not independent)."""
    if not documents:
        return float("nan"), float("nan")
    generator = random.Random(seed)
    values = []
    for _ in range(rounds):
        sample = [documents[generator.randrange(len(documents))] for _ in documents]
        values.append(statistic(tuple(map(sum, zip(*sample, strict=True)))))
    values.sort()
    return values[int(0.025 * rounds)], values[int(0.975 * rounds) - 1]


def precision(counts: Counts) -> float:
    return counts[0] / counts[1] if counts[1] else 0.0


def recall(counts: Counts) -> float:
    return counts[0] / counts[2] if counts[2] else 0.0
