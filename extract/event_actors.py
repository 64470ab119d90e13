"""Who acts in an event: the people and governments its own phrase names.

Not every name in the sentence: who reports an event is not its actor, and the place where it happened is no
government acting ("deployed in Armenia"). People are read through the article's `ActorIndex`, so a surname alone is
the person the article introduced; a country, or a capital or demonym standing for its government, is a government.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.actors import ActorIndex
from extract.attach import LOCATIVE, PLACE_FRAMES, anchors
from extract.model import Actor
from extract.reading import mention_root
from extract.vocabulary import ActorKind
from gazetteer import Kind
from geo.model import Mention
from text.parse import entities_in

GOVERNMENT_KINDS = frozenset({Kind.COUNTRY, Kind.CAPITAL})  # "Yerevan", "Armenian": a government acting
SIDES_OF_A_LINE = frozenset({"border", "frontier", "soil", "coast", "waters", "airspace", "side"})
# A people's name on these is not its government acting: "Syrian rebels captured Damascus" is not Syria's act.
NON_STATE = frozenset({"rebel", "rebels", "insurgent", "insurgents", "militant", "militants", "opposition",
                       "separatist", "separatists", "activist", "activists", "protester", "protesters", "jihadist",
                       "jihadists", "media", "civilian", "civilians", "resident", "residents"})


def event_actors(trigger: Token, mentions: list[Mention], index: ActorIndex, where: int | None) -> tuple[Actor, ...]:
    """The people and governments the event phrase names: inside the trigger's own phrase ("the call between Blinken
    and Pashinian") or as subject or object of the verb that carries it ("Azerbaijan set up a checkpoint"), not every
    name in the sentence (who reports an event is not its actor) and not where it happened (`where`: the start of
    the place mention, "deployed in Armenia")."""
    phrase = _event_phrase(trigger)
    doc = trigger.doc
    found: dict[str, Actor] = {}
    sent = trigger.sent
    entities = entities_in(doc, sent.start_char, sent.end_char)
    for ent in entities:
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
    organisations = [e for e in entities if e.label_ == "ORG"]
    for mention in mentions:
        if mention.kind not in GOVERNMENT_KINDS or mention.start == where or \
                not (mention.kind == Kind.COUNTRY or mention.metonym or mention.demonym):
            continue
        if any(e.start_char <= mention.start and mention.end <= e.end_char and (e.start_char, e.end_char) !=
               (mention.start, mention.end) for e in organisations):
            continue  # the place an organisation is named after ("the Washington Post") is not a government acting
        root = mention_root(doc, mention)
        if root is not None and mention.demonym and (root.head.lower_ in NON_STATE or
                                                     root.head.lemma_.casefold() in PLACE_FRAMES | SIDES_OF_A_LINE):
            continue  # "the Syrian capital", "the Armenian border" name a place, not who acted
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
