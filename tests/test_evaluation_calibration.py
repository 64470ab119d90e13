"""The confidence fit, the threshold choice and the figures that check them (evaluation.calibration)."""

from __future__ import annotations

import math

from evaluation.calibration import Item, bootstrap, choose_threshold, fit, precision, reliability


def _sigmoid(weights: dict[str, float], reasons: tuple[str, ...]) -> float:
    return 1 / (1 + math.exp(-(weights["bias"] + sum(weights.get(r, 0.0) for r in reasons))))


def test_a_reason_that_predicts_correct_items_gets_a_positive_weight():
    items = [Item(("speaker.named",), 0.5, True)] * 18 + [Item(("speaker.named",), 0.5, False)] * 2 + \
        [Item(("speaker.pronoun",), 0.5, True)] * 4 + [Item(("speaker.pronoun",), 0.5, False)] * 16
    weights = fit(items)
    assert weights["speaker.named"] > 0 > weights["speaker.pronoun"]
    # fitted probabilities follow the observed shares (shrunk a little by the penalty)
    assert 0.75 < _sigmoid(weights, ("speaker.named",)) < 0.92
    assert 0.12 < _sigmoid(weights, ("speaker.pronoun",)) < 0.3


def test_the_threshold_is_the_lowest_confidence_that_reaches_the_target_with_ten_items():
    items = [Item((), 0.9, True)] * 9 + [Item((), 0.7, True)] * 3 + [Item((), 0.7, False)] + \
        [Item((), 0.3, False)] * 10
    assert choose_threshold(items, 0.9) == 0.7  # 12 of 13 at or above 0.7
    assert choose_threshold(items, 0.95) == 1.0  # 0.9 alone has 9 items: too few to set a threshold
    assert choose_threshold([Item((), 0.5, False)] * 20, 0.5) == 1.0


def test_the_reliability_table_counts_each_band_and_everything_above_it():
    items = [Item((), 0.1, False), Item((), 0.5, True), Item((), 0.9, True), Item((), 1.0, False)]
    lines = reliability(items, edges=(0.0, 0.5, 1.0))
    assert lines[1].split()[2:4] == ["1", "0.10"]  # [0.0, 0.5): one item at 0.10
    assert lines[2].split()[2:5] == ["3", "0.80", "0.67"]  # [0.5, 1.0] holds 1.0 too
    assert lines[2].split()[-2:] == ["3", "0.67"]


def test_the_bootstrap_interval_holds_the_estimate_and_narrows_with_more_articles():
    few = [(3, 4, 5), (1, 4, 5), (2, 2, 4)]
    many = few * 20
    low, high = bootstrap(few, precision)
    many_low, many_high = bootstrap(many, precision)
    estimate = precision((6, 10, 14))
    assert low <= estimate <= high and many_low <= estimate <= many_high
    assert high - low > many_high - many_low
