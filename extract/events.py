"""Events: a trigger word from the PLOVER-style dictionary, with its actors, date and place.

A trigger counts only when the sentence reports it as real: not in the headline, not under a modal or an intention
("would restart the talks", "ready to send a mission"), not negated ("no talks"), not inside what one side accuses
another of. Its date and place are those the parse ties to it (see `extract.attach`), never just any the sentence
names. Its actors are the people and governments the sentence names. Mentions of the same event in one article are
merged (same type and label, compatible date and place; "this meeting" joins the event it refers back to).
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc, Token

from extract.actors import ActorIndex
from extract.attach import LOCATIVE, anchors, area_of, date_owner, place_of
from extract.dates import DateExpression, find_dates, has_year, resolve
from extract.merge import person_keys, same_event, specific_label
from extract.model import Actor, Event
from extract.reading import headline_end, lemma_of, mention_root, place_ref, source_of
from extract.verbs import (
    COMPANION_TRIGGERS,
    CONCLUDED_ONLY,
    CONCLUSION_WORDS,
    EVENT_TRIGGERS,
    INTRANSITIVE_TRIGGERS,
    LABEL_MODIFIERS,
    NOUN_ONLY_TRIGGERS,
    QUALIFIED_TRIGGERS,
    REPORTING_VERBS,
    VERB_ONLY_TRIGGERS,
)
from extract.vocabulary import ActorKind, DatePrecision, EventType, Stance
from gazetteer import Kind
from geo.model import Mention
from text.parse import entities_in, text_of

MODALS = frozenset({"will", "would", "could", "might", "may", "should", "must", "can", "shall"})
INTENT = frozenset({"plan", "want", "aim", "seek", "propose", "hope", "intend", "expect", "like", "prepare",
                    "restart", "resume", "urge", "call", "offer", "agree", "threaten", "ready", "discuss", "allow",
                    "authorize", "authorise", "approve", "consider", "ask", "order", "request", "avert", "prevent",
                    "avoid"})  # an attempt ("tried to blow up") did happen; an averted war did not
# "At that point, ... troops were stationed": the time of the event reported just before.
THEN = re.compile(r"\bat (?:that|this|the same) (?:point|time|moment)\b|\bat the time\b", re.IGNORECASE)
CONDITIONS = frozenset({"if", "unless", "whether"})  # "If Slutsky assaulted ...": supposed, not reported
# Verbs whose content is one side's version, not a reported fact ("accused Azerbaijan of ... incursions").
CLAIMED = frozenset(lemma for lemma, stance in REPORTING_VERBS.items() if stance in (Stance.ACCUSE, Stance.DENY)) | \
    {"claim", "allege", "suspect", "fear", "rumour", "rumor"}
GOVERNMENT_KINDS = frozenset({Kind.COUNTRY, Kind.CAPITAL})  # "Yerevan", "Armenian": a government acting
BACK_REFERENCE = frozenset({"this", "that", "these", "those", "same"})  # "this meeting": one already reported
# UCDP where_prec by gazetteer kind: 1 exact place, 2 near/within 25 km, 3 second-order region, 4 first-order region
# or a wider named area, 6 country.
WHERE_PRECISION = {Kind.POPULATED_PLACE: 1, Kind.CAPITAL: 1, Kind.LANDMARK: 1, Kind.CORRIDOR: 2, Kind.ADMIN2: 3,
                   Kind.ADMIN1: 4, Kind.REGION: 4, Kind.DISPUTED_AREA: 4, Kind.COUNTRY: 6}


def extract_events(doc: Doc, text: str, mentions: list[Mention], actors: ActorIndex, published: date | None,
                   anchored: bool) -> list[Event]:
    """`anchored`: the publication date came with the input (relative dates may be resolved against it)."""
    events: list[Event] = []
    back_references: set[int] = set()
    simultaneous: dict[int, int] = {}  # event number -> the earlier-listed event it happened during
    last_date: tuple[str | None, DatePrecision | None] = (None, None)  # of the latest dated event ("at that point")
    body = headline_end(text)
    for sent in doc.sents:
        found_here = [(t, found) for t in sent if t.idx >= body and (found := _trigger(t)) is not None]
        triggers = _nested_into_outer(found_here)
        if not triggers:
            continue
        owned = _dates_by_trigger(doc, [t for t, _ in triggers], find_dates(text, sent.start_char, sent.end_char))
        sentence_mentions = [m for m in mentions if sent.start_char <= m.start < sent.end_char]
        trigger_tokens = frozenset(t.i for t, _ in triggers)
        numbers: dict[int, int] = {}  # trigger token -> event number
        for token, (kind, label) in triggers:
            if not _factual(token):
                continue
            if token.lemma_.casefold() in CONCLUDED_ONLY and not _concluded(token, bool(owned.get(token.i))):
                continue
            when = _date(owned.get(token.i, []), published, anchored)
            if when[0] is None and THEN.search(sent.text):
                when = last_date
            elif when[0] is not None:
                last_date = when
            mention, near = place_of(token, kind, label, sentence_mentions, trigger_tokens - {token.i})
            if mention is None:
                mention = area_of(token, kind, label, [m for m in mentions if m.start < sent.end_char],
                                  trigger_tokens - {token.i})
            place = None if mention is None else place_ref(mention)
            precision = None if place is None else min(WHERE_PRECISION.get(place.kind, 4) + near, 6)
            if any(c.dep_ == "det" and c.lower_ in BACK_REFERENCE for c in token.children):
                back_references.add(len(events))
            during = _during(token)
            if during is not None and during.i in numbers and events[numbers[during.i]].type == kind:
                simultaneous[len(events)] = numbers[during.i]
            numbers[token.i] = len(events)
            who = _actors(token, sentence_mentions, actors, mention.start if mention else None)
            events.append(Event(kind, label, who, when[0], when[1], place, precision, (source_of(sent, text),),
                                trigger=token.text))
    return [e for e in _merge_within(events, back_references, simultaneous) if _specific(e)]


def _specific(event: Event) -> bool:
    """An event the article gives no date, place or actor for ("to avert a war", "the bombing forced them out") can be
    told apart from no other and placed nowhere: it is a topic of the article more than a report."""
    return bool(event.date or event.place or event.actors)


def _during(token: Token) -> Token | None:
    """ "met Brunson's wife in March when he visited Ankara": the event word a "when" or "while" clause hangs on."""
    if token.dep_ == "advcl" and any(c.dep_ in ("advmod", "mark") and c.lower_ in ("when", "while", "as")
                                     for c in token.children):
        return token.head
    return None


def _dates_by_trigger(doc: Doc, triggers: list[Token], dates: list[DateExpression]) -> dict[int, list[DateExpression]]:
    owned: dict[int, list[DateExpression]] = {}
    for expression in dates:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        same_line = [t for t in triggers if "\n" not in text_of(doc)[min(t.idx, expression.start):
                                                                max(t.idx, expression.start)]]
        owner = date_owner(span, same_line) if span is not None and len(span) else None
        if owner is not None:
            owned.setdefault(owner.i, []).append(expression)
    return owned


def _trigger(token: Token) -> tuple[EventType, str] | None:
    lemma = "ceasefire" if _cease_fire(token) else token.lemma_.casefold()
    if token.pos_ == "VERB" and lemma in COMPANION_TRIGGERS:
        companions, found = COMPANION_TRIGGERS[lemma]
        return found if any(c.lower_ in companions for c in token.children if c.dep_ in ("prep", "dobj", "prt")) \
            else None
    found = EVENT_TRIGGERS.get(lemma)
    if found is None or token.pos_ not in ("NOUN", "VERB", "PROPN"):
        return None
    if token.dep_ == "compound" and lemma != "ceasefire":
        return None  # "a talk show", "war crimes": the word only qualifies another noun
    if (token.pos_ == "VERB" and lemma in NOUN_ONLY_TRIGGERS) or (token.pos_ != "VERB" and lemma in VERB_ONLY_TRIGGERS):
        return None
    if lemma in QUALIFIED_TRIGGERS and not _qualified(token, QUALIFIED_TRIGGERS[lemma]):
        return None
    if lemma in INTRANSITIVE_TRIGGERS and any(c.dep_ == "dobj" for c in token.children):
        return None
    for child in token.children:
        refined = LABEL_MODIFIERS.get((lemma, child.lower_))
        if refined:
            return found[0], refined
    return found


def _cease_fire(token: Token) -> bool:
    """ "cease-fire", split by the tokenizer into "cease", "-", "fire": the event word is "fire"."""
    doc = token.doc
    return token.lower_ == "fire" and token.i >= 2 and doc[token.i - 1].text == "-" and \
        doc[token.i - 2].lower_ == "cease"


def _nested_into_outer(
        triggers: list[tuple[Token, tuple[EventType, str]]]) -> list[tuple[Token, tuple[EventType, str]]]:
    """ "talked by phone", "signed a ceasefire": a trigger inside the phrase of another of the same category (its
    object, or the object of its preposition) is one event with it, named by the more specific label."""
    by_index = {t.i: (t, found) for t, found in triggers}
    for token, (kind, label) in list(by_index.values()):
        outer = token.head.head if token.dep_ == "pobj" else token.head if token.dep_ in ("dobj", "nsubjpass") else None
        if outer is None or outer.i not in by_index or outer.i == token.i or by_index[outer.i][1][0] != kind:
            continue
        outer_label = by_index[outer.i][1][1]
        by_index[outer.i] = (outer, (kind, specific_label(outer_label, label)))
        del by_index[token.i]
    return sorted(by_index.values(), key=lambda item: item[0].i)


def _qualified(token: Token, words: frozenset[str]) -> bool:
    """ "military operation", "border post", "cessation of hostilities", "signed a truce": a qualifying word on the
    trigger, its preposition, or its (passive) subject."""
    near = [*token.children, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    return any(t.lower_ in words or t.lemma_.casefold() in words for t in near)


def _concluded(token: Token, dated: bool) -> bool:
    """An agreement reported as made: dated, a ceasefire or peace agreement, qualified by a word of conclusion, or
    what was signed or reached (undated plurals excepted)."""
    if dated or any(LABEL_MODIFIERS.get((token.lemma_.casefold(), c.lower_)) for c in token.children):
        return True
    if token.tag_ == "NNS":
        return False  # "agreements brokered by Moscow": several, none of them told apart
    for child in token.children:
        if child.dep_ in ("acl", "amod", "compound", "relcl") and \
                any(part in CONCLUSION_WORDS for part in child.lemma_.casefold().split("-")):
            return True
        if child.dep_ in ("amod", "compound") and child.lower_.endswith("brokered"):
            return True
    return token.dep_ in ("dobj", "nsubjpass") and token.head.lemma_.casefold() in CONCLUSION_WORDS


CIRCUMSTANCE_PREPOSITIONS = frozenset({"in", "at", "during", "after", "following", "before", "since"})


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
        if any(c.dep_ == "mark" and c.lower_ in CONDITIONS for c in verb.children):
            return False
        if _intends(verb) and verb.i != token.i and not _circumstance_of(token, verb):
            return False
        if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and verb.dep_ in ("xcomp", "advcl"):
            verb = verb.head
            hops += 1
            continue
        break
    return not any(a.lemma_.casefold() in CLAIMED and a.pos_ == "VERB" for a in token.ancestors)


def _circumstance_of(token: Token, verb: Token) -> bool:
    """ "in a meeting with Erdogan, asked that ...": the event is when and where the verb happened, not what it
    asks for, so the verb's intention does not make it unreal."""
    link = token
    while link.head.i != verb.i and link.head.i != link.i:
        link = link.head
    return link.dep_ == "prep" and link.lower_ in CIRCUMSTANCE_PREPOSITIONS


def _intends(verb: Token) -> bool:
    """ "wants talks", "called for talks"; but "called the blockade a violation of the agreement" intends nothing."""
    lemma = lemma_of(verb)
    if lemma == "call":
        return any(c.dep_ in ("prep", "prt") and c.lower_ in ("for", "on") for c in verb.children)
    return lemma in INTENT


def _date(dates: list[DateExpression], published: date | None,
          anchored: bool) -> tuple[str | None, DatePrecision | None]:
    """The most precise of the trigger's own dates that can be placed in time; one with a year beats one without."""
    resolved = [r for d in dates if (r := resolve(d, published, anchored)) is not None]
    return max(resolved, key=lambda r: (has_year(r[0]), len(r[0]))) if resolved else (None, None)


def _actors(trigger: Token, mentions: list[Mention], index: ActorIndex, where: int | None) -> tuple[Actor, ...]:
    """The people and governments the event phrase names: inside the trigger's own phrase ("the call between Blinken
    and Pashinian") or as subject or object of the verb that carries it ("Azerbaijan set up a checkpoint"), not every
    name in the sentence (who reports an event is not its actor) and not where it happened (`where`: the start of
    the place mention, "deployed in Armenia")."""
    phrase = _event_phrase(trigger)
    doc = trigger.doc
    found: dict[str, Actor] = {}
    sent = trigger.sent
    for ent in entities_in(doc, sent.start_char, sent.end_char):
        if ent.label_ == "PERSON" and ent.start_char in index.accepted and ent.root.i in phrase:
            person = index.person(ent.text, ent.start_char)
            if person is not None:
                found.setdefault(person.name, person)
    for i in sorted(phrase):  # a surname the article introduced, where the NER missed it ("between Blinken and ...")
        token = doc[i]
        if token.pos_ == "PROPN" and token.ent_type_ != "PERSON" and index.knows_surname(token.text):
            person = index.person(token.text, token.idx)
            if person is not None:
                found.setdefault(person.name, person)
    for mention in mentions:
        if mention.kind not in GOVERNMENT_KINDS or mention.start == where or \
                not (mention.kind == Kind.COUNTRY or mention.metonym or mention.demonym):
            continue
        root = mention_root(doc, mention)
        if root is not None and root.i in phrase and not (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE):
            found.setdefault(mention.place_name, Actor(mention.place_name, ActorKind.GOVERNMENT, mention.place_id))
    return tuple(found.values())


def _event_phrase(trigger: Token) -> set[int]:
    tokens = {t.i for t in trigger.subtree if not _in_own_clause(t, trigger)}
    carrier = trigger.head if trigger.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else None  # "held talks"
    if trigger.dep_ == "advcl" and trigger.tag_ in ("VBG", "VBN") and \
            not any(c.dep_ in ("nsubj", "nsubjpass") for c in trigger.children):
        # "Visiting Yerevan last month, Donfried insisted": the participle's doer is the main clause's subject
        tokens.update(t.i for c in trigger.head.children if c.dep_ == "nsubj" for t in c.subtree)
    for anchor in anchors(trigger) - {trigger.i}:
        node = trigger.doc[anchor]
        if carrier is None or node.i != carrier.i:
            continue
        for child in node.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj", "agent", "prep", "dative"):
                tokens.update(t.i for t in child.subtree if not _in_own_clause(t, child))
    return tokens


def _in_own_clause(token: Token, top: Token) -> bool:
    node = token
    while node.i != top.i:
        if node.dep_ in ("relcl", "ccomp", "advcl", "acl") and node.tag_ not in ("VBN",):
            return True
        node = node.head
    return False


def _merge_within(events: list[Event], back_references: set[int], simultaneous: dict[int, int]) -> list[Event]:
    """Reports of one event merge; "this meeting" or "the same talks" is the latest event of its type so far, an event
    in a "when" clause of another of its kind is one occasion with it, and two consultations between the same two
    people are one whatever word reports them ("talked with", "the call")."""
    merged: list[Event] = []
    position: dict[int, int] = {}  # event number -> index in merged
    for number, event in enumerate(events):
        target = position.get(simultaneous[number]) if number in simultaneous else None
        if target is None:
            target = next((n for n, kept in enumerate(merged) if kept.label == event.label
                           and same_event(kept, event, within_article=True) and _people_agree(kept, event)), None)
        if target is None and event.type == EventType.AGREE:
            target = next((n for n, kept in enumerate(merged) if same_event(kept, event, within_article=True)), None)
        if target is None and number in back_references:
            target = next((n for n in range(len(merged) - 1, -1, -1) if merged[n].type == event.type), None)
        if target is None and event.type == EventType.CONSULT:
            target = next((n for n, kept in enumerate(merged) if same_event(kept, event, within_article=True)
                           and _same_people(kept, event)), None)
        if target is None:
            merged.append(event)
            target = len(merged) - 1
        else:
            merged[target] = combine(merged[target], event)
        position[number] = target
    return merged


def _people_agree(a: Event, b: Event) -> bool:
    """Two reports naming people are of one event only if they share someone (two visits to one city are two)."""
    people_a, people_b = person_keys(a), person_keys(b)
    return not people_a or not people_b or bool(people_a & people_b)


def _same_people(a: Event, b: Event) -> bool:
    people = person_keys(a) & person_keys(b)
    return len(people) >= 2


def combine(kept: Event, other: Event) -> Event:
    """One event from two reports of it: the more specific label and the more precise date and place win, actors
    and sources add up."""
    actors = dict.fromkeys(kept.actors) | dict.fromkeys(other.actors)
    sources = tuple(dict.fromkeys(kept.sources + other.sources))
    date_from = min((kept, other), key=lambda e: (not has_year(e.date), _rank(e.date_precision)))
    place_from = kept if (kept.geo_precision or 9) <= (other.geo_precision or 9) else other
    return replace(kept, label=specific_label(kept.label, other.label), actors=tuple(actors), sources=sources,
                   date=date_from.date,
                   date_precision=date_from.date_precision, place=place_from.place,
                   geo_precision=place_from.geo_precision)


def _rank(precision: str | None) -> int:
    return list(DatePrecision).index(precision) if precision else 9
