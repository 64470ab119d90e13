"""Which words of a sentence report an event, and whether the sentence reports it as real.

A word is a trigger when the PLOVER-style dictionary (`extract.verbs`) lists its lemma and the parse agrees: the right
part of speech, not a noun that only qualifies another ("a talk show"), with the companion or qualifying word some
triggers need ("recalled its ambassador", "military operation"). A trigger inside the phrase of another of its
category ("talked by phone") is one event with it. What the sentence says about the trigger decides whether it is
reported as real: a negation, a modal, an intention, a condition or an accusation makes it unreal, and an agreement
counts only when it is reported as concluded. `extract.events` asks these questions of every word of the body.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.merge import specific_label
from extract.reading import lemma_of, nominal
from extract.verbs import (
    ATTEMPTS,
    CAPTIVES,
    COMPANION_TRIGGERS,
    CONCLUSION_WORDS,
    EVENT_TRIGGERS,
    INTRANSITIVE_TRIGGERS,
    KINDS_OF,
    LABEL_MODIFIERS,
    NOUN_ONLY_TRIGGERS,
    QUALIFIED_TRIGGERS,
    REPORTING_VERBS,
    STRIKING_VERBS,
    VERB_ONLY_TRIGGERS,
    WEAPONS,
)
from extract.vocabulary import EventType, Stance

MODALS = frozenset({"will", "would", "could", "might", "may", "should", "must", "can", "shall"})
INTENT = frozenset({"plan", "want", "aim", "seek", "propose", "hope", "intend", "expect", "like", "prepare",
                    "restart", "resume", "urge", "call", "offer", "agree", "threaten", "ready", "discuss", "allow",
                    "authorize", "authorise", "approve", "consider", "ask", "order", "request", "avert", "prevent",
                    "avoid", "encourage", "incite", "plot", "instruct"})
# an attempt ("tried to blow up") did happen; an averted war, or one someone was encouraged to wage, did not
CONDITIONS = frozenset({"if", "unless", "whether"})  # "If Slutsky assaulted ...": supposed, not reported
TIME_MARKS = frozenset({"after", "before", "once", "until", "when"})
CLAIM_NOUNS = frozenset({"charge", "claim", "allegation", "accusation", "rumour", "rumor"})
PLANNED = frozenset({"due", "set", "scheduled", "poised", "likely", "expected", "about"})  # "is due to convene"
# Verbs whose content is one side's version, not a reported fact ("accused Azerbaijan of ... incursions").
CLAIMED = frozenset(lemma for lemma, stance in REPORTING_VERBS.items() if stance in (Stance.ACCUSE, Stance.DENY)) | \
    {"claim", "allege", "suspect", "fear", "rumour", "rumor"}


def trigger_of(token: Token) -> tuple[EventType, str] | None:
    lemma = "ceasefire" if _cease_fire(token) else token.lemma_.casefold()
    if token.pos_ == "VERB" and lemma in COMPANION_TRIGGERS:
        companions, found = COMPANION_TRIGGERS[lemma]
        near = [c for c in token.children if c.dep_ in ("prep", "dobj", "prt", "agent")]
        near += [g for c in near if c.dep_ in ("prep", "agent") for g in c.children if g.dep_ == "pobj"]
        if lemma == "fire" and _fires_a_weapon(token):
            return found  # "fired missiles", "a barrage of rockets was fired by ..."
        return found if any(c.lower_ in companions for c in near) else None  # "spoke by telephone"
    if token.pos_ == "VERB" and lemma in STRIKING_VERBS:
        return (EventType.ASSAULT, "attack") if _done_with_a_weapon(token) else None
    found = EVENT_TRIGGERS.get(lemma)
    if found is None or not (token.pos_ == "VERB" or nominal(token)):
        return None
    if token.pos_ == "PROPN" and token.ent_type_ == "ORG":
        return None  # "the Government of National Accord", "the Syrian Democratic Forces' Operations Room": a name
    if token.dep_ == "compound" and lemma != "ceasefire" and token.head.lemma_.casefold() not in ATTEMPTS:
        return None  # "a talk show", "war crimes": the word only qualifies another noun ("a coup attempt" is one)
    if _sorts_a_kind(token):
        return None  # "prisoners of war"
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
    if found[1] == "capture" and _takes_people(token):
        return EventType.COERCE, "detention"
    if found[1] == "capture" and _seizes_power(token):
        return EVENT_TRIGGERS["coup"]
    return found


def _seizes_power(token: Token) -> bool:
    """ "the military seized power": a coup, not ground taken ("took power" is not: elections do it too)."""
    return any(c.dep_ == "dobj" and c.lower_ == "power" for c in token.children)


def _takes_people(token: Token) -> bool:
    """ "13 soldiers were captured", "seized two journalists", "the capture of the commander": people taken are
    detained, not ground taken."""
    taken = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    taken += [g for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
              if g.dep_ == "pobj"]
    return any(lemma_of(t) in CAPTIVES for t in taken)  # not NER's persons: it takes "Yerevan" for one


def _fires_a_weapon(verb: Token) -> bool:
    """What is fired is a weapon ("fired missiles", "a barrage of rockets was fired"), not a minister."""
    fired = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    fired += [g for c in fired for p in c.children if p.dep_ == "prep" and p.lower_ == "of" for g in p.children
              if g.dep_ == "pobj"]
    return any(lemma_of(t) in WEAPONS for t in fired)


def _done_with_a_weapon(verb: Token) -> bool:
    """ "a missile struck the hospital", "was hit by Russian drones": the doer of the hitting is a weapon."""
    return any(lemma_of(d) in WEAPONS for d in doers(verb))


def _cease_fire(token: Token) -> bool:
    """ "cease-fire", split by the tokenizer into "cease", "-", "fire": the event word is "fire"."""
    doc = token.doc
    return token.lower_ == "fire" and token.i >= 2 and doc[token.i - 1].text == "-" and \
        doc[token.i - 2].lower_ == "cease"


def nested_into_outer(
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


def _sorts_a_kind(token: Token) -> bool:
    """ "the release of prisoners of war": a bare trigger noun in an "of" phrase that sorts its noun into a kind
    (KINDS_OF); "prisoners of the 2020 war" refers to one war."""
    of = token.head
    return token.dep_ == "pobj" and of.lower_ == "of" and of.head.lemma_.casefold() in KINDS_OF and \
        not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children)


def _qualified(token: Token, words: frozenset[str]) -> bool:
    """ "military operation", "border post", "cessation of hostilities", "signed a truce": a qualifying word on the
    trigger, its preposition, or its (passive) subject."""
    near = [*token.children, *(g for c in token.children if c.dep_ == "prep" for g in c.children)]
    return any(t.lower_ in words or t.lemma_.casefold() in words for t in near)


def is_concluded(token: Token, dated: bool) -> bool:
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


def is_factual(token: Token) -> bool:
    """Reported as having happened: no negation, no modal or intention on the clause that carries it."""
    if any(c.dep_ == "neg" or (c.lower_ in ("no", "any") and c.dep_ == "det") for c in token.children):
        return False
    if any(c.dep_ == "acl" and c.tag_ == "VBN" for c in token.children):
        return True  # "talks held in Tbilisi": a participle reports it as done
    if token.pos_ == "VERB" and token.dep_ in ("acl", "relcl") and \
            any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False  # "a cease-fire to evacuate rebel fighters", "the decision to withdraw": a purpose, not a deed
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
        if verb.dep_ == "conj":  # "called on Rwanda to cease ... and withdraw": the first conjunct's clause
            while verb.dep_ == "conj" and verb.head.i != verb.i:  # whatever the tagger made of the words between
                verb = verb.head  # ("to plan, command and control": "command" tagged a noun)
            hops += 1
            continue
        if verb.dep_ == "advcl" and verb.head.pos_ in ("VERB", "AUX") and \
                any(c.dep_ == "mark" and c.lower_ in TIME_MARKS for c in verb.children):
            verb = verb.head  # "would work out further action after the government takes full control": as real
            hops += 1         # as what it is the time of
            continue
        break
    # "accused Azerbaijan of ...", "the charge of Armenian forces shelling Ganja is a lie": one side's version
    return not any((a.pos_ == "VERB" and a.lemma_.casefold() in CLAIMED) or
                   (a.pos_ == "NOUN" and a.lemma_.casefold() in CLAIM_NOUNS) or _topic(a) for a in token.ancestors)


def _topic(word: Token) -> bool:
    """ "With respect to setting up the checkpoint, Aliyev said ...", "regarding the deployment": what a statement
    is about, not an act the article reports."""
    return (word.lower_ in ("respect", "regard") and word.head.lower_ in ("with", "in")) or \
        (word.dep_ == "prep" and word.lower_ in ("regarding", "concerning"))


def is_hearsay(token: Token) -> bool:
    """Known only from what someone said ("Azerbaijan said Armenian forces had shelled the city"): the event may be
    one side's account, which the confidence weighs (it is still an event: wires report attacks that way too)."""
    return any(a.pos_ == "VERB" and lemma_of(a) in REPORTING_VERBS and
               any(c.dep_ in ("nsubj", "nsubjpass") for c in a.children) for a in token.ancestors)


NAMING_ENTITIES = frozenset({"NORP", "GPE", "ORG", "PERSON"})
OWN_SIDE = frozenset({"we", "our", "us", "ours", "i", "my"})


def doers(token: Token) -> list[Token]:
    """Who carried out an act, as its words name them: the subject or "by" phrase of a verb ("Armenian forces
    shelled", "was shelled by the army"), the modifiers of a noun ("an Israeli airstrike", "Russia's attack")."""
    if token.pos_ == "VERB":
        return [c for c in token.children if c.dep_ == "nsubj"] + agents_of(token)
    return [c for c in token.children if c.dep_ in ("amod", "compound", "poss")]


def agents_of(verb: Token) -> list[Token]:
    """Who a passive verb's "by" phrase names: "the army" in "was shelled by the army"."""
    return [g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]


def names_someone_else(doer: Token) -> bool:
    """A doer named (a people, a state, an organisation, a person) and not the speaker's own side ("our forces")."""
    words = list(doer.subtree)
    return not {t.lower_ for t in words} & OWN_SIDE and any(t.ent_type_ in NAMING_ENTITIES for t in words)


def one_sides_charge(token: Token) -> bool:
    """ "Azerbaijan said Armenian forces had shelled the city": an attack known only from what someone said, blamed on
    a named other: that side's accusation, a claim, not an event the article reports (the gold's rule too)."""
    # a verb's clause asserts the act; a noun ("Russia's invasion", "an Israeli airstrike") refers to one known
    return token.pos_ == "VERB" and is_hearsay(token) and any(names_someone_else(d) for d in doers(token))


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
    # "Putin is due to convene a meeting", "talks are set to resume": planned, not held ("set up a checkpoint" is done)
    planned = lemma in PLANNED or any(c.dep_ == "acomp" and c.lower_ in PLANNED for c in verb.children)
    return lemma in INTENT or (planned and any(c.dep_ == "xcomp" for c in [verb, *verb.children]))
