"""Events: a trigger word from the PLOVER-style dictionary, with its actors, date and place.

A trigger counts only when the sentence reports it as real: not under a modal or an intention ("would restart the
talks", "ready to send a mission"), not negated ("no talks"). Its date is the date expression nearest to it in the
sentence; its place is the place mention that a locative preposition ties to it ("talks in Tbilisi", "the blockade of
the Lachin Corridor"), never just any place the sentence names. Its actors are the people and governments the
sentence names. Mentions of the same event in one article are merged (same type and label, compatible date and place).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from extract.actors import ActorIndex
from extract.dates import DateExpression, find_dates, resolve
from extract.merge import same_event
from extract.model import Actor, Event, PlaceRef
from extract.text import place_ref, source_of
from extract.verbs import EVENT_TRIGGERS, LABEL_MODIFIERS, NOUN_ONLY_TRIGGERS
from geo.model import Mention

MODALS = frozenset({"will", "would", "could", "might", "may", "should", "must", "can", "shall"})
INTENT = frozenset({"plan", "want", "aim", "seek", "propose", "hope", "try", "intend", "expect", "like", "prepare",
                    "restart", "resume", "urge", "call", "offer", "agree", "threaten", "ready", "discuss"})
LOCATIVE = frozenset({"in", "at", "near", "on", "along", "into", "inside", "across", "around", "outside"})
LOCATIVE_OF = frozenset({"COERCE", "ASSAULT", "MOBILIZE"})  # "blockade of X", "invasion of X": X is where
DIRECTIONAL = frozenset({"CONSULT", "MOBILIZE"})  # "visit to X", "troops sent to X"
PLACE_REACH = 160  # characters between trigger and place; beyond that the place belongs to something else
# UCDP where_prec by gazetteer kind: 1 exact place, 2 near/within 25 km, 3 second-order region, 4 first-order region
# or a wider named area, 6 country.
WHERE_PRECISION = {"populated place": 1, "capital": 1, "landmark": 1, "corridor": 2, "admin-2": 3, "admin-1": 4,
                   "region": 4, "disputed area": 4, "country": 6}


def extract_events(doc: Doc, text: str, mentions: list[Mention], actors: ActorIndex, published: date | None,
                   anchored: bool) -> list[Event]:
    """`anchored`: the publication date came with the input (relative dates may be resolved against it)."""
    events: list[Event] = []
    for sent in doc.sents:
        dates = find_dates(text, sent.start_char, sent.end_char)
        sentence_mentions = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        for token in sent:
            found = _trigger(token)
            if found is None or not _factual(token):
                continue
            kind, label = found
            when = _date(token, [d for d in dates if not _trigger_between(sent, d.start, token.idx)], published,
                         anchored)
            place, near = _place(token, kind, sentence_mentions)
            precision = None if place is None else min(WHERE_PRECISION.get(place.kind, 4) + near, 6)
            event = Event(kind, label, _actors(doc, sent, sentence_mentions, actors), when[0], when[1], place,
                          precision, (source_of(sent, text),), trigger=token.text)
            events.append(event)
    return _merge_within(events)


def _trigger(token: Token) -> tuple[str, str] | None:
    lemma = token.lemma_.casefold()
    if token.lower_ == "cease" and token.i + 2 < len(token.doc) and token.doc[token.i + 2].lower_ == "fire":
        lemma = "ceasefire"
    found = EVENT_TRIGGERS.get(lemma)
    if found is None or token.pos_ not in ("NOUN", "VERB", "PROPN"):
        return None
    if token.pos_ == "VERB" and lemma in NOUN_ONLY_TRIGGERS:
        return None
    if lemma == "conference" and not any(c.lower_ in ("news", "press") for c in token.children):
        return None
    for child in token.children:
        refined = LABEL_MODIFIERS.get((lemma, child.lower_))
        if refined:
            return found[0], refined
    return found


def _factual(token: Token) -> bool:
    """Reported as having happened: no negation, no modal or intention on the clause that carries it."""
    if any(c.dep_ == "neg" or (c.lower_ in ("no", "any") and c.dep_ == "det") for c in token.children):
        return False
    if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in token.children):
        return True  # "talks held in Tbilisi": a participle reports it as done
    verb = token if token.pos_ == "VERB" else next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    hops = 0
    while verb is not None and hops < 3:
        if any(c.dep_ in ("aux", "neg") and (c.lower_ in MODALS or c.dep_ == "neg") for c in verb.children):
            return False
        if verb.lemma_.casefold() in INTENT and verb.i != token.i:
            return False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in ("xcomp", "advcl"):
            verb = verb.head
            hops += 1
            continue
        break
    return True


def _trigger_between(sent, first: int, second: int) -> bool:
    """Another event word between a date and a trigger takes the date for itself."""
    low, high = sorted((first, second))
    return any(low < t.idx < high and _trigger(t) is not None for t in sent)


def _date(token: Token, dates: list[DateExpression], published: date | None,
          anchored: bool) -> tuple[str | None, str | None]:
    nearest = sorted(dates, key=lambda d: abs(d.start - token.idx))
    for expression in nearest:
        resolved = resolve(expression, published, anchored)
        if resolved is not None:
            return resolved
        if expression.relative:
            return None, None  # the nearest date is relative and cannot be placed: do not borrow another
    return None, None


def _place(token: Token, kind: str, mentions: list[Mention]) -> tuple[PlaceRef | None, int]:
    """The place mention a preposition ties to the trigger's clause, and 1 when it is only "near" it."""
    best: tuple[int, Mention, int] | None = None
    for mention in mentions:
        if mention.demonym or mention.metonym or abs(mention.start - token.idx) > PLACE_REACH:
            continue
        head = _token_at(token.doc, mention.start)
        if head is None:
            continue
        while head.head.i != head.i and head.dep_ in ("compound", "amod", "nmod", "det", "poss") :
            head = head.head
        preposition = head.head if head.dep_ == "pobj" else None
        if preposition is None:
            continue
        word = preposition.lower_
        tied = word in LOCATIVE or word == "near" or (word == "of" and kind in LOCATIVE_OF and \
            preposition.head.i == token.i) or (word == "to" and kind in DIRECTIONAL)
        if not tied:
            continue
        distance = abs(mention.start - token.idx)
        if best is None or distance < best[0]:
            best = (distance, mention, 1 if word == "near" else 0)
    return (None, 0) if best is None else (place_ref(best[1]), best[2])


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _actors(doc: Doc, sent, mentions: list[Mention], index: ActorIndex) -> tuple[Actor, ...]:
    found: dict[str, Actor] = {}
    for ent in sent.ents:
        if ent.label_ == "PERSON" and ent.start_char in index.accepted:
            person = index.person(ent.text)
            if person is not None:
                found.setdefault(person.name, person)
    for mention in mentions:
        if mention.metonym or (mention.demonym and mention.kind == "country"):
            found.setdefault(mention.place_name, Actor(mention.place_name, "government", mention.place_id))
    return tuple(found.values())


def _merge_within(events: list[Event]) -> list[Event]:
    merged: list[Event] = []
    for event in events:
        for number, kept in enumerate(merged):
            if same_event(kept, event, within_article=True):
                merged[number] = combine(kept, event)
                break
        else:
            merged.append(event)
    return merged


def combine(kept: Event, other: Event) -> Event:
    """One event from two reports of it: the more precise date and place win, actors and sources add up."""
    actors = dict.fromkeys(kept.actors) | dict.fromkeys(other.actors)
    sources = tuple(dict.fromkeys(kept.sources + other.sources))
    date_from = kept if _rank(kept.date_precision) <= _rank(other.date_precision) else other
    place_from = kept if (kept.geo_precision or 9) <= (other.geo_precision or 9) else other
    return replace(kept, actors=tuple(actors), sources=sources, date=date_from.date,
                   date_precision=date_from.date_precision, place=place_from.place,
                   geo_precision=place_from.geo_precision)


def _rank(precision: str | None) -> int:
    return ["day", "week", "month", "year"].index(precision) if precision else 9
