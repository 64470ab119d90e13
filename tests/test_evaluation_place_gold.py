"""evaluation.place_gold: blind gold joined to its texts by id, halves by line position, losses by class."""

from __future__ import annotations

import json

from evaluation.place_gold import classify, join_gold, report

TEXT = "Shelling hit Luhansk region and the town of Foo, the Wagner group said."
LUHANSK = {"name": "Luhansk", "start": 13, "end": 20, "lat": 48.5, "lon": 39.3, "type": "literal", "level": "admin1",
           "in_gazetteer": True}
FOO = {"name": "Foo", "start": 44, "end": 47, "lat": 10.0, "lon": 10.0, "type": "literal", "level": "village",
       "in_gazetteer": False}


def test_gold_is_joined_by_id_and_split_by_line_position(tmp_path):
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps({"id": i, "toponyms": []}) + "\n" for i in ("a", "b", "c")), encoding="utf-8")
    corpus = [{"id": "a", "text": "x"}, {"id": "z", "text": "y"}, {"id": "b", "text": "z"}, {"id": "c", "text": ""}]
    joined = join_gold(corpus, gold)
    assert [(d["id"], d["split"]) for d in joined] == [("a", "tune"), ("b", "tune"), ("c", "heldout")]
    assert joined[0]["text"] == "x" and joined[0]["toponyms"] == []


def test_losses_are_classed():
    city = {"name": "Luhansk", "start": 13, "end": 20, "lat": 48.57, "lon": 39.31, "kind": "populated place"}
    far = {**city, "lat": 40.0, "lon": 20.0}
    wagner = {"name": "Wagner", "start": 53, "end": 59, "lat": -12.3, "lon": -41.2, "place_id": "geonames:1"}
    assert classify([LUHANSK, FOO], [city]) == [("coverage", FOO)]
    assert [kind for kind, _ in classify([LUHANSK], [far, wagner])] == ["level", "not a place"]
    wider = {**city, "name": "Luhansk region", "end": 27}
    assert [kind for kind, _ in classify([LUHANSK], [wider])] == ["span"]
    assert [kind for kind, _ in classify([LUHANSK], [])] == ["NER miss"]


def test_report_lists_only_the_tuning_half():
    docs = [{"id": "t", "text": TEXT, "toponyms": [LUHANSK], "split": "tune"},
            {"id": "h", "text": TEXT, "toponyms": [LUHANSK], "split": "heldout"}]
    text = report(docs, {}, list_misses=True)
    assert "[tune: 1 articles]" in text and "[heldout: 1 articles]" in text and "[all: 2 articles]" in text
    assert "    t: NER miss" in text and "    h:" not in text
