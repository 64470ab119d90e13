"""The event/claim scorer's matching rules, which also score one annotator against another (--agreement)."""

from evaluation.events import (
    Score,
    _score,
    annotated_claim_view,
    annotated_event_view,
    claim_matches,
    event_matches,
)

GOLD_EVENT = {"type": "ASSAULT", "label": "shelling", "date": "XXXX-03-04", "place": "Afrin|Afrîn"}
GOLD_CLAIM = {"speaker": ["Recep Tayyip Erdogan", "Erdogan"], "stance": "accuse", "places": ["Turkey", "Syria"]}


def test_an_identical_annotation_matches_every_item():
    score, misses = Score(), []
    _score([GOLD_EVENT], [annotated_event_view(GOLD_EVENT)], event_matches, score, misses, "event")
    _score([GOLD_CLAIM], [annotated_claim_view(GOLD_CLAIM)], claim_matches, score, misses, "claim")
    assert (score.true_positive, score.predicted, score.gold, misses) == (2, 2, 2, [])


def test_events_need_type_date_at_gold_precision_and_a_shared_place_name():
    assert event_matches(GOLD_EVENT, annotated_event_view({**GOLD_EVENT, "date": "2018-03-04", "place": "Afrîn"}))
    assert not event_matches(GOLD_EVENT, annotated_event_view({**GOLD_EVENT, "type": "COERCE"}))
    assert not event_matches(GOLD_EVENT, annotated_event_view({**GOLD_EVENT, "date": "XXXX-03-05"}))
    assert not event_matches(GOLD_EVENT, annotated_event_view({**GOLD_EVENT, "place": None}))
    assert not event_matches({**GOLD_EVENT, "place": None}, annotated_event_view(GOLD_EVENT))


def test_claims_need_a_speaker_alias_the_stance_and_one_shared_place():
    other = {"speaker": ["Erdogan"], "stance": "accuse", "places": ["Syria|Syrian Arab Republic"]}
    assert claim_matches(GOLD_CLAIM, annotated_claim_view(other))
    assert not claim_matches(GOLD_CLAIM, annotated_claim_view({**other, "stance": "condemn"}))
    assert not claim_matches(GOLD_CLAIM, annotated_claim_view({**other, "speaker": ["Binali Yildirim"]}))
    assert not claim_matches(GOLD_CLAIM, annotated_claim_view({**other, "places": []}))
    assert not claim_matches({**GOLD_CLAIM, "places": []}, annotated_claim_view(other))


def test_each_gold_item_is_matched_once():
    score, misses = Score(), []
    twice = [annotated_claim_view(GOLD_CLAIM)] * 2
    _score([GOLD_CLAIM], twice, claim_matches, score, misses, "claim")
    assert (score.true_positive, score.predicted, score.gold) == (1, 2, 1)
    assert len(misses) == 1 and misses[0].startswith("  FP claim")


def test_a_breakdown_scores_on_parts_of_the_match_only():
    wrong_stance = annotated_claim_view({**GOLD_CLAIM, "stance": "condemn"})
    assert claim_matches(GOLD_CLAIM, wrong_stance, parts=("speaker", "places"))
    assert not claim_matches(GOLD_CLAIM, wrong_stance, parts=("speaker", "stance"))
    elsewhere = annotated_event_view({**GOLD_EVENT, "place": "Aleppo"})
    assert event_matches(GOLD_EVENT, elsewhere, parts=("type", "date"))
    assert not event_matches(GOLD_EVENT, elsewhere, parts=("type", "place"))
    assert not event_matches(GOLD_EVENT, annotated_event_view({**GOLD_EVENT, "type": "COERCE"}), parts=("type",))
