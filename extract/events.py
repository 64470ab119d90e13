"""Events: a trigger word from the PLOVER-style dictionary, with its actors, date and place.

A trigger counts only when the sentence reports it as real: not in the headline, not under a modal or an intention
("would restart the talks", "ready to send a mission"), not negated ("no talks"), not inside what one side accuses
another of. Its date and place are those the parse ties to it (see `extract.attach`), never just any the sentence
names. Its actors are the people and governments the sentence names. Mentions of the same event in one article are
merged (same type and label, compatible date and place; "this meeting" joins the event it refers back to).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from extract.actors import ActorIndex
from extract.attach import date_owner, place_of
from extract.dates import DateExpression, find_dates, resolve
from extract.merge import dates_compatible, same_event
from extract.model import Actor, Event
from extract.text import headline_end, place_ref, source_of
from extract.verbs import EVENT_TRIGGERS, LABEL_MODIFIERS, NOUN_ONLY_TRIGGERS, REPORTING_VERBS
from geo.model import Mention

MODALS = frozenset({"will", "would", "could", "might", "may", "should", "must", "can", "shall"})
INTENT = frozenset({"plan", "want", "aim", "seek", "propose", "hope", "try", "intend", "expect", "like", "prepare",
                    "restart", "resume", "urge", "call", "offer", "agree", "threaten", "ready", "discuss"})
# Verbs whose content is one side's version, not a reported fact ("accused Azerbaijan of ... incursions").
CLAIMED = frozenset(lemma for lemma, stance in REPORTING_VERBS.items() if stance in ("accuse", "deny")) | \
    {"claim", "allege", "suspect", "fear", "rumour", "rumor"}
BACK_REFERENCE = frozenset({"this", "that", "these", "those", "same"})  # "this meeting": one already reported
# UCDP where_prec by gazetteer kind: 1 exact place, 2 near/within 25 km, 3 second-order region, 4 first-order region
# or a wider named area, 6 country.
WHERE_PRECISION = {"populated place": 1, "capital": 1, "landmark": 1, "corridor": 2, "admin-2": 3, "admin-1": 4,
                   "region": 4, "disputed area": 4, "country": 6}


def extract_events(doc: Doc, text: str, mentions: list[Mention], actors: ActorIndex, published: date | None,
                   anchored: bool) -> list[Event]:
    """`anchored`: the publication date came with the input (relative dates may be resolved against it)."""
    events: list[Event] = []
    back_references: set[int] = set()
    body = headline_end(text)
    for sent in doc.sents:
        triggers = [(t, found) for t in sent if t.idx >= body and (found := _trigger(t)) is not None]
        if not triggers:
            continue
        owned = _dates_by_trigger(doc, [t for t, _ in triggers], find_dates(text, sent.start_char, sent.end_char))
        sentence_mentions = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        trigger_tokens = frozenset(t.i for t, _ in triggers)
        for token, (kind, label) in triggers:
            if not _factual(token):
                continue
            when = _date(owned.get(token.i, []), published, anchored)
            mention, near = place_of(token, kind, label, sentence_mentions, trigger_tokens - {token.i})
            place = None if mention is None else place_ref(mention)
            precision = None if place is None else min(WHERE_PRECISION.get(place.kind, 4) + near, 6)
            if any(c.dep_ == "det" and c.lower_ in BACK_REFERENCE for c in token.children):
                back_references.add(len(events))
            events.append(Event(kind, label, _actors(doc, sent, sentence_mentions, actors), when[0], when[1], place,
                                precision, (source_of(sent, text),), trigger=token.text))
    return _merge_within(events, back_references)


def _dates_by_trigger(doc: Doc, triggers: list[Token], dates: list[DateExpression]) -> dict[int, list[DateExpression]]:
    owned: dict[int, list[DateExpression]] = {}
    for expression in dates:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        same_line = [t for t in triggers if "\n" not in doc.text[min(t.idx, expression.start):
                                                                max(t.idx, expression.start)]]
        owner = date_owner(span, same_line) if span is not None and len(span) else None
        if owner is not None:
            owned.setdefault(owner.i, []).append(expression)
    return owned


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
    return not any(a.lemma_.casefold() in CLAIMED and a.pos_ == "VERB" for a in token.ancestors)


def _date(dates: list[DateExpression], published: date | None, anchored: bool) -> tuple[str | None, str | None]:
    """The most precise of the trigger's own dates that can be placed in time."""
    resolved = [r for d in dates if (r := resolve(d, published, anchored)) is not None]
    return max(resolved, key=lambda r: len(r[0])) if resolved else (None, None)


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


def _merge_within(events: list[Event], back_references: set[int]) -> list[Event]:
    """Reports of one event merge; "this meeting" or "the same talks" is the latest event of its type so far, and
    two consultations between the same two people are one whatever word reports them ("talked with", "the call")."""
    merged: list[Event] = []
    for number, event in enumerate(events):
        target = next((n for n, kept in enumerate(merged) if same_event(kept, event, within_article=True)
                       and _people_agree(kept, event)), None)
        if target is None and number in back_references:
            target = next((n for n in range(len(merged) - 1, -1, -1) if merged[n].type == event.type), None)
        if target is None and event.type == "CONSULT":
            target = next((n for n, kept in enumerate(merged) if kept.type == "CONSULT" and _same_people(kept, event)),
                          None)
        if target is None:
            merged.append(event)
        else:
            merged[target] = combine(merged[target], event)
    return merged


def _people_agree(a: Event, b: Event) -> bool:
    """Two reports naming people are of one event only if they share someone (two visits to one city are two)."""
    people_a = {x.key for x in a.actors if x.kind == "person"}
    people_b = {x.key for x in b.actors if x.kind == "person"}
    return not people_a or not people_b or bool(people_a & people_b)


def _same_people(a: Event, b: Event) -> bool:
    people = {x.key for x in a.actors if x.kind == "person"} & {x.key for x in b.actors if x.kind == "person"}
    return len(people) >= 2 and dates_compatible(a.date, b.date)


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
