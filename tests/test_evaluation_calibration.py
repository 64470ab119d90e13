"""The confidence fit, the threshold choice and the figures that check them (evaluation.calibration)."""

from __future__ import annotations

import math
import random

from evaluation.calibration import (
    PENALTIES,
    Item,
    bootstrap,
    choose_penalty,
    choose_threshold,
    fit,
    out_of_fold,
    precision,
    reliability,
)


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


def test_the_penalty_is_weak_for_a_reason_that_predicts_and_strong_for_reasons_that_are_noise():
    signal = [Item(("speaker.named",), 0.5, True)] * 40 + [Item(("speaker.pronoun",), 0.5, False)] * 40
    assert choose_penalty(signal)[0] == min(PENALTIES)
    # each reason seen on a handful of items, right half the time: what the fit learns from them is an accident
    coin = random.Random(3)
    noise = [Item((f"r{n % 12}",), 0.5, coin.random() < 0.5) for n in range(60)]
    assert choose_penalty(noise)[0] == max(PENALTIES)


def test_out_of_fold_confidences_come_from_fits_that_never_saw_the_item():
    # one lone item of its reason: fitted with it, its reason pulls its confidence up; unseen, the reason weighs nothing
    items = [Item(("rare",), 0.5, True)] + [Item(("common",), 0.5, n % 2 == 0) for n in range(40)]
    seen = _sigmoid(fit(items), ("rare",))
    unseen = out_of_fold(items, 1.0)[0].confidence
    assert seen > 0.6 and abs(unseen - 0.5) < 0.1
    assert [i.correct for i in out_of_fold(items, 1.0)] == [i.correct for i in items]


def test_the_threshold_is_the_lowest_confidence_that_reaches_the_targets():
    items = [Item((), 0.9, True)] * 9 + [Item((), 0.7, True)] * 3 + [Item((), 0.7, False)] + \
        [Item((), 0.3, False)] * 10
    assert choose_threshold(items, gold=20, target=0.9, least_recall=0.5) == 0.7  # 12 of 13 right, 12 of 20 found


def test_without_a_threshold_that_reaches_both_targets_precision_weighs_twice():
    items = [Item((), 0.9, True)] * 6 + [Item((), 0.9, False)] * 4 + [Item((), 0.5, True)] * 4 + \
        [Item((), 0.5, False)] * 16
    # at 0.9: P 0.6 R 0.3, F0.5 0.5; at 0.5: P 0.33 R 0.5, F0.5 0.36
    assert choose_threshold(items, gold=20, target=0.8, least_recall=0.4) == 0.9
    assert choose_threshold([Item((), 0.5, False)] * 5, gold=5, target=0.5, least_recall=0.1) == 1.0  # too few


def test_of_thresholds_about_as_good_the_surest_is_chosen():
    # at 0.5: 12 of 20 shown right (P 0.6, R 0.6, F0.5 0.600); at 0.7: 10 of 16 (P 0.625, R 0.5, F0.5 0.595)
    items = [Item((), 0.7, True)] * 10 + [Item((), 0.7, False)] * 6 + [Item((), 0.5, True)] * 2 + \
        [Item((), 0.5, False)] * 2
    assert choose_threshold(items, gold=20, target=0.9, least_recall=0.5) == 0.7


def test_a_threshold_the_seeds_would_not_keep_their_recall_at_is_never_chosen():
    items = [Item((), 0.7, True)] * 10 + [Item((), 0.7, False)] * 6 + [Item((), 0.5, True)] * 2 + \
        [Item((), 0.5, False)] * 2
    assert choose_threshold(items, gold=20, target=0.9, least_recall=0.5, allowed=lambda t: t < 0.6) == 0.5


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


def test_out_of_fold_keeps_an_articles_items_together():
    """A reason found in one article only says nothing of that article's items when the fit never saw the article;
    dealt one by one, the article's other items would vouch for it and flatter the confidence."""
    items = [Item((f"only-in-{d}",), 0.5, d % 2 == 0, f"doc{d}") for d in range(10) for _ in range(6)]
    assert {round(i.confidence, 3) for i in out_of_fold(items, 1.0)} == {0.5}
