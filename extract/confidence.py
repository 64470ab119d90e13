"""How sure the extractor is of an event or a claim, and why.

Every rule that builds an item leaves a reason behind (how the date was found, who the speaker's words name, where the
place came from). The confidence is a logistic function of those reasons, with weights fitted on the annotated tune
split (`python -m evaluation.events --calibrate` writes `calibration.json` beside this module): the confidence of an
item is the share of items with the same reasons that were right there. The file also holds the default display
threshold for each layer, chosen on the same split, which the map and the API read from here and never write down
themselves.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Literal

CALIBRATION = Path(__file__).with_name("calibration.json")
Layer = Literal["event", "claim"]

# Every reason an event or a claim can carry, with what it tells the reader. Codes are stored; never rename one.
EVENT_REASONS = {
    "date.stated": "the date is written in the report",
    "date.yearless": "the day and month are written, the year is not",
    "date.relative": "the date is worked out from the publication date (a weekday, 'yesterday', 'last month')",
    "date.reported": "the date is that of the statement reporting it: it happened by then",
    "date.carried": "the date is that of the event reported just before ('at that time')",
    "date.counted": "the date is counted from one the report gave before ('the following year', 'a day later')",
    "date.before": "the date is that of what followed it ('ceased on Tuesday after talks'): it happened by then",
    "date.none": "the report gives no date",
    "place.clause": "the place is named in the clause that reports the event",
    "place.near": "the place is named as near where it happened",
    "place.article": "the place is the area the article is about, not named in the sentence",
    "place.country": "the place is a whole country",
    "place.none": "the report names no place for it",
    "actors.named": "the report names who took part",
    "actors.none": "the report names no one who took part",
    "reports.several": "reported in more than one sentence",
    "report.topic": "the report gives it no date, place or actor: perhaps a topic of the article, not an event",
    "report.hearsay": "known only from what someone said, perhaps one side's account",
    "label.generic": "the word that reports it is generic (talks, meeting, agreement)",
    "label.lasting": "it is a lasting state (a war, an offensive, a siege) more than one act",
}
CLAIM_REASONS = {
    "speaker.named": "the speaker is named in the clause",
    "speaker.title": "the speaker is named by a title the article gave a person before",
    "speaker.pronoun": "the speaker is a pronoun, read as the person last named",
    "speaker.previous": "the speaker is 'it', 'the ministry' or 'the statement', read as the last speaker",
    "speaker.organisation": "the speaker is an organisation named in the clause",
    "speaker.government": "the speaker is a government named by its country or capital",
    "speaker.spokesperson": "the speaker is an unnamed spokesperson of a named body",
    "via.verb": "reported with a reporting verb",
    "via.according": "reported with 'according to'",
    "via.noun": "reported with a stance noun ('Moscow's criticism')",
    "stance.sharpened": "the stance comes from words in what was said, not from the verb",
    "stance.evaluative": "the stance comes from evaluative words ('barbaric', 'a flagrant breach')",
    "quote": "the words are quoted",
    "places.content": "the places are named in what was said",
    "places.answered": "the places are those of the statement it answers",
    "places.none": "what was said names no place",
}
# The event type and the stance are reasons too: some are found more reliably than others.
TYPE_PREFIX, STANCE_PREFIX = "type.", "stance."


def describe(code: str) -> str:
    """What a reason code tells the reader."""
    if code in EVENT_REASONS:
        return EVENT_REASONS[code]
    if code in CLAIM_REASONS:
        return CLAIM_REASONS[code]
    if code.startswith(TYPE_PREFIX):
        return f"the event is of type {code.removeprefix(TYPE_PREFIX)}"
    if code.startswith(STANCE_PREFIX):
        return f"the stance is '{code.removeprefix(STANCE_PREFIX)}'"
    return code  # a code this version does not know (a store written by another one): shown as stored


@cache
def _calibration() -> dict:
    return json.loads(CALIBRATION.read_text(encoding="utf-8"))


def confidence(layer: Layer, reasons: Iterable[str]) -> float:
    """The fitted probability that an item with these reasons is right."""
    return probability(_calibration()[layer]["weights"], reasons)


def probability(weights: Mapping[str, float], reasons: Iterable[str]) -> float:
    """The logistic model's answer for these reasons (weights are log-odds and a bias); reasons the weights do not
    name weigh nothing. The fit (evaluation.calibration) scores its candidate weights with this very function."""
    logit = weights.get("bias", 0.0) + sum(weights.get(code, 0.0) for code in reasons)
    return round(1.0 / (1.0 + math.exp(-logit)), 3)


def threshold(layer: Layer) -> float:
    """The confidence from which the map shows an item by default (chosen on the tune split; see the module doc)."""
    return float(_calibration()[layer]["threshold"])
