"""Events: a trigger word from the PLOVER-style dictionary, with its actors, date and place.

A trigger counts only when the sentence reports it as real: not in the headline, not under a modal or an intention
("would restart the talks", "ready to send a mission"), not negated ("no talks"), not inside what one side accuses
another of. Its date and place are those the parse ties to it (see `extract.attach`), never just any the sentence
names. Its actors are the people and governments the sentence names. Mentions of the same event in one article are
merged (same type and label, compatible date and place; "this meeting" joins the event it refers back to).

This module walks the sentences and puts an event together; each question it asks has a module of its own: which
words are triggers and which are reported as real (`extract.event_triggers`), the trigger's date
(`extract.event_dates`), its place (`extract.attach`), its actors (`extract.event_actors`), and when two reports are
one event (`extract.merge`, whose rules the store applies across articles too).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc, Token

from extract.actors import ActorIndex
from extract.attach import area_of, place_of
from extract.dates import find_dates
from extract.event_actors import event_actors
from extract.event_dates import dates_by_trigger, dates_of_verb, event_date
from extract.event_triggers import (
    is_concluded,
    is_factual,
    is_hearsay,
    nested_into_outer,
    one_sides_charge,
    trigger_of,
)
from extract.merge import merge_within_article, with_reasons
from extract.model import Event, PlaceRef
from extract.reading import headline_end, place_ref, source_of
from extract.verbs import CONCLUDED_ONLY, TAKES_GROUND
from extract.vocabulary import DatePrecision, EventType
from gazetteer import Kind
from gazetteer.anchored import anchoring
from geo.model import Mention

# "At that point, ... troops were stationed": the time of the event reported just before.
THEN = re.compile(r"\bat (?:that|this|the same) (?:point|time|moment)\b|\bat the time\b", re.IGNORECASE)
BACK_REFERENCE = frozenset({"this", "that", "these", "those", "same"})  # "this meeting": one already reported
# UCDP where_prec by gazetteer kind: 1 exact place, 2 near/within 25 km, 3 second-order region, 4 first-order region
# or a wider named area, 6 country.
WHERE_PRECISION = {Kind.POPULATED_PLACE: 1, Kind.CAPITAL: 1, Kind.LANDMARK: 1, Kind.CORRIDOR: 2, Kind.ADMIN2: 3,
                   Kind.ADMIN1: 4, Kind.REGION: 4, Kind.DISPUTED_AREA: 4, Kind.BORDER: 4, Kind.COUNTRY: 6}


def where_precision(place: PlaceRef) -> int:
    """UCDP's where_prec of a place: a place the gazetteer lacks, shown at a known place the text ties it to
    (gazetteer.anchored), is near that place (2) or only known to lie in its unit."""
    anchored = anchoring(place.place_id)
    if anchored is None:
        return WHERE_PRECISION.get(place.kind, 4)
    return max(2, WHERE_PRECISION.get(anchored.anchor_kind, 4))


def extract_events(doc: Doc, text: str, mentions: list[Mention], actors: ActorIndex, published: date | None,
                   anchored: bool) -> list[Event]:
    """`anchored`: the publication date came with the input (relative dates may be resolved against it)."""
    events: list[Event] = []
    back_references: set[int] = set()
    simultaneous: dict[int, int] = {}  # event number -> the earlier-listed event it happened during
    last_date: tuple[str | None, DatePrecision | None, str] = (None, None, "date.none")  # for "at that point"
    body = headline_end(text)
    for sent in doc.sents:
        found_here = [(t, found) for t in sent if t.idx >= body and (found := trigger_of(t)) is not None]
        triggers = nested_into_outer(found_here)
        if not triggers:
            continue
        sentence_dates = find_dates(text, sent.start_char, sent.end_char)
        owned, reported = dates_by_trigger(doc, [t for t, _ in triggers], sentence_dates)
        sentence_mentions = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        trigger_tokens = frozenset(t.i for t, _ in triggers)
        numbers: dict[int, int] = {}  # trigger token -> event number
        for token, (kind, label) in triggers:
            if not is_factual(token) or (kind == EventType.ASSAULT and one_sides_charge(token)):
                continue
            if token.lemma_.casefold() in CONCLUDED_ONLY and not is_concluded(token, bool(owned.get(token.i))):
                continue
            when = event_date(owned.get(token.i, []), published, anchored)
            if when[0] is None and token.i in reported:
                when = event_date(reported[token.i], published, anchored, reported=True)
            followed = _followed_by(token)
            if when[0] is None and followed is not None:
                later = owned.get(followed.i) or dates_of_verb(doc, followed, sentence_dates)
                if later:
                    when = (*event_date(later, published, anchored)[:2], "date.before")
            if when[0] is None and THEN.search(sent.text) and last_date[0] is not None:
                when = (*last_date[:2], "date.carried")
            elif when[0] is not None and when[2] != "date.reported":  # "at that point" is an event's time
                last_date = when
            mention, near = place_of(token, kind, label, sentence_mentions, trigger_tokens - {token.i})
            place_reason = "place.none" if mention is None else "place.near" if near else "place.clause"
            if mention is None:
                mention = area_of(token, kind, label, [m for m in mentions if m.start < sent.end_char],
                                  trigger_tokens - {token.i})
                place_reason = "place.none" if mention is None else "place.article"
            if mention is None and label in TAKES_GROUND:
                continue  # "took control of some neighbourhoods": no named ground taken ("the city" names one)
            place = None if mention is None else place_ref(mention)
            precision = None if place is None else min(where_precision(place) + near, 6)
            if any(c.dep_ == "det" and c.lower_ in BACK_REFERENCE for c in token.children):
                back_references.add(len(events))
            during = _during(token)
            if during is not None and during.i in numbers and events[numbers[during.i]].type == kind:
                simultaneous[len(events)] = numbers[during.i]
            numbers[token.i] = len(events)
            who = event_actors(token, sentence_mentions, actors, mention.start if mention else None)
            events.append(Event(kind, label, who, when[0], when[1], place, precision, (source_of(sent, text),),
                                trigger=token.text,
                                reasons=(when[2], place_reason, *(("report.hearsay",) if is_hearsay(token) else ()))))
    return [with_reasons(e) for e in merge_within_article(events, back_references, simultaneous)]


def _followed_by(token: Token) -> Token | None:
    """ "Fighting ceased on Tuesday after Shoigu spoke by phone", "the truce, agreed after ten hours of talks": the
    word of what an "after" clause or phrase preceded, whose date bounds it (it happened by then)."""
    if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "after" for c in token.children):
        return token.head
    phrase = token
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.dep_ == "pobj":
        phrase = phrase.head.head  # "after ten hours of talks", "after weeks of fighting"
    if phrase.dep_ == "pobj" and phrase.head.lower_ == "after" and phrase.head.dep_ == "prep":
        return phrase.head.head
    return None


def _during(token: Token) -> Token | None:
    """ "met Brunson's wife in March when he visited Ankara": the event word a "when" or "while" clause hangs on."""
    if token.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "while", "as")
                                     for c in token.children):
        return token.head
    return None
