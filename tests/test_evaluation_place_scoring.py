"""The evaluation metrics follow the published matching rule exactly (same surface, midpoints < 10 chars apart)."""

from __future__ import annotations

import math

import pytest

from evaluation.place_scoring import match_document, score

PARIS = {"lat": 48.8534, "lon": 2.3488}
LYON = {"lat": 45.7485, "lon": 4.8467}  # ~392 km from Paris


def toponym(name: str, start: int, point: dict) -> dict:
    return {"name": name, "start": start, "end": start + len(name), **point}


def test_match_needs_same_surface_ignoring_case_and_close_midpoints():
    gold = [toponym("Paris", 100, PARIS)]
    assert match_document(gold, [toponym("PARIS", 104, PARIS)])[0] == [0.0]
    assert match_document(gold, [toponym("Paris", 110, PARIS)]) == ([], 1, 1)  # midpoints 10 apart: no match
    assert match_document(gold, [toponym("Pari", 100, PARIS)]) == ([], 1, 1)


def test_each_prediction_matches_once_and_unusable_predictions_are_ignored():
    gold = [toponym("Paris", 100, PARIS), toponym("Paris", 105, PARIS)]
    errors, missed, spurious = match_document(gold, [toponym("Paris", 102, PARIS)])
    assert (len(errors), missed, spurious) == (1, 1, 0)
    no_point = {"name": "Paris", "start": 100, "end": 105, "lat": None, "lon": None}
    assert match_document(gold[:1], [no_point]) == ([], 1, 0)


def test_corpus_metrics():
    gold = {
        "a": [toponym("Paris", 0, PARIS), toponym("Lyon", 20, LYON)],
        "b": [toponym("Paris", 0, PARIS)],  # no prediction for b at all
    }
    predicted = {"a": [toponym("Paris", 0, LYON), toponym("Lyon", 20, LYON), toponym("Nice", 40, LYON)]}
    m = score(gold, predicted)
    assert (m["gold"], m["predicted"], m["matched"]) == (3, 3, 2)
    assert m["P"] == pytest.approx(2 / 3, abs=1e-4) and m["R"] == pytest.approx(2 / 3, abs=1e-4)
    assert m["acc161"] == 0.5 and m["acc161_e2e"] == pytest.approx(1 / 3, abs=1e-4)
    assert m["median_km"] == pytest.approx(392 / 2, rel=0.02)
    assert m["AUC"] == pytest.approx(0.5 * math.log(1 + 392.0) / math.log(20039), rel=0.02)
