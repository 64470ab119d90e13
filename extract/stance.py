"""What stance a statement takes: the verb's or the stance noun's own, and the cues in what was said that sharpen a
plain statement (a "should" makes a proposal, a "violation" or an attack a named other side carried out an accusation,
an evaluative word a condemnation).

Only words are read here; who speaks and what the content is are `extract.claims`' business.
"""

from __future__ import annotations

from spacy.tokens import Token

from extract.event_triggers import OWN_SIDE, agents_of, doers, names_someone_else, trigger_of
from extract.reading import in_future, lemma_of, negated
from extract.speakers import QUOTING_VERBS
from extract.verbs import (
    ACCUSATION_WORDS,
    ANSWERED_WORDS,
    ANSWERING_VERBS,
    BACKING_VERBS,
    CALL_PROPOSE_PARTICLES,
    CIRCUMSTANCES,
    COMMITMENT_VERBS,
    COMMITTED_ADJECTIVES,
    CONDEMNING_NAMES,
    DECLARED_ACTS,
    DENIAL_WORDS,
    DENIED_OBJECTS,
    EVALUATIVE_WORDS,
    LIGHT_VERBS,
    NAMING_VERBS,
    PROPOSAL_ADJECTIVES,
    PROPOSAL_MODALS,
    REPORTING_VERBS,
    SIDES,
    SPEECH_NOUNS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STATED_NOUNS,
    WARNING_WORDS,
)
from extract.vocabulary import EventType, Stance
from geo.model import Mention


def verb_stance(token: Token) -> Stance | None:
    """The stance a word of saying gives what it reports, or None when the word reports no statement here (a deed:
    "backs the rebels", "declared a state of emergency", "reported from Istanbul")."""
    lemma = lemma_of(token)
    if (token.pos_ == "ADJ" or token.dep_ == "acomp") and token.lower_ in STANCE_ADJECTIVES and \
            lemma_of(token.head) == "be":  # "I'm deeply troubled" (the parser may tag the participle a verb)
        return STANCE_ADJECTIVES[token.lower_]
    if token.pos_ == "VERB":
        if lemma in LIGHT_VERBS:
            objects = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.casefold() in STANCE_NOUNS]
            if objects:
                return STANCE_NOUNS[objects[0].lemma_.casefold()]
        if lemma == "speak":  # "spoke of a historic opportunity"; "spoke with Aliyev (about the border)" is a
            # consultation, whatever it was about
            preps = {c.lower_ for c in token.children if c.dep_ == "prep"}
            return Stance.ASSERT if preps & {"of", "about"} and not preps & {"with", "to"} else None
        if lemma == "call":
            # "called on Baku to", not "called the strike on the hospital a massacre": before any object
            objects = [c.i for c in token.children if c.dep_ == "dobj"]
            particles = {c.lemma_.casefold() for c in token.children
                         if c.dep_ in ("prep", "prt") and not any(o < c.i for o in objects)}
            if particles & CALL_PROPOSE_PARTICLES:
                return Stance.PROPOSE
            if any(c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                   for c in token.children):
                return Stance.PROPOSE  # "called to restore the free passage": calls for it
            return Stance.ASSERT if any(c.dep_ in ("oprd", "dobj", "xcomp", "ccomp") for c in token.children) else None
        if lemma in ANSWERING_VERBS and any(
                c.dep_ == "prep" and c.lower_ == "with" and not any(lemma_of(g) in SPEECH_NOUNS for g in c.children)
                for c in token.children):
            return None  # "the army responded with airstrikes": an answer in deeds, not words
        if lemma in QUOTING_VERBS:
            return None  # "cited Lavrov as saying", "cited sources as saying": who is quoted speaks (subject_of)
        if lemma == "declare" and any(c.dep_ == "dobj" and lemma_of(c) in DECLARED_ACTS for c in token.children):
            return None  # "declared a state of emergency", "declared war": an act of state, not a statement
        if lemma in ANSWERING_VERBS and not _answered_in_words(token) and \
                any(c.dep_ == "prep" and c.lower_ == "to" and not any(lemma_of(g) in ANSWERED_WORDS
                                                                       for g in c.children) for c in token.children):
            return None  # "responding to the terrorist threat" by deeds; "responded to the accusations" is words
        if lemma == "report" and any(c.dep_ == "prep" and c.lower_ == "from" for c in token.children) and \
                not any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in token.children):
            return None  # "Soguel reported from Istanbul.": a byline, where the reporter was
        if lemma in BACKING_VERBS and any(c.dep_ == "dobj" and _a_side(c) for c in token.children):
            return None  # "Iran backs Assad's government", "Rwanda admits backing M23": aid to a side, not words
        return REPORTING_VERBS.get(lemma)
    return None


def _answered_in_words(verb: Token) -> bool:
    """ "responded, saying ...", "responded by warning that ...": the answer is a statement."""
    return any(c.dep_ in ("ccomp", "advcl", "xcomp") for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ == "by" and any(lemma_of(g) in REPORTING_VERBS for g in c.children)
        for c in verb.children)


def _armed_or_ruling(noun: Token) -> bool:
    """A side in a conflict: an armed group, a government, an organisation or a people named as one ("some of the
    rebel groups" too)."""
    part_of = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of" for g in c.children
               if g.dep_ == "pobj"]
    return any(lemma_of(n) in SIDES or n.ent_type_ in ("ORG", "NORP") for n in (noun, *part_of))


def noun_stance(token: Token) -> Stance | None:
    """ "Moscow's criticism of the checkpoint": a stance noun owned by its speaker (not the object of "express",
    which the verb reads)."""
    if token.pos_ != "NOUN" or token.lemma_.casefold() not in STATED_NOUNS or \
            not any(c.dep_ == "poss" for c in token.children):
        return None
    if token.dep_ == "dobj" and token.head.lemma_.casefold() in LIGHT_VERBS:
        return None
    return STATED_NOUNS[token.lemma_.casefold()]


def _not_true(token: Token) -> bool:
    """ "is not true", "not the truth": the negation hangs on the word or on its copula."""
    if token.lemma_.casefold() not in ("true", "truth"):
        return False
    carriers = [token, token.head] if token.dep_ in ("acomp", "attr") else [token]
    return any(c.dep_ == "neg" for carrier in carriers for c in carrier.children)


def sharpen(stance: Stance, content: list[Token], verb: Token, own_side: list[Mention],
            places: list[Mention]) -> Stance:
    """Content cues that make a plain statement sharper: the reported verb's own stance, a modal, a "violation"; a
    rejection of "the claims" or "the allegations" is a denial of them. `own_side`: the mentions of the speaker's
    own country, whose acts it reports rather than blames; `places`: every place mention of the text."""
    lemmas = {t.lemma_.casefold() for t in content}
    if stance == Stance.REJECT and \
            any(c.dep_ == "dobj" and c.lemma_.casefold() in DENIED_OBJECTS for c in verb.children):
        return Stance.DENY
    if stance != Stance.ASSERT:
        return stance
    if lemmas & DENIAL_WORDS or any(_not_true(t) for t in content):
        return Stance.DENY
    for token in content:
        if token.lemma_.casefold() == "say" and \
                any(c.dep_ in ("dobj", "intj") and c.lower_ == "no" for c in token.children):
            return Stance.REJECT  # "I'll say no"
        if token.dep_ == "acomp" and token.head.lemma_ == "be" and token.lemma_.casefold() in STANCE_ADJECTIVES:
            return STANCE_ADJECTIVES[token.lemma_.casefold()]  # "said ... the governor was unwilling to commit"
    for token in content:
        if token.dep_ == "ccomp" and token.tag_ == "VB" and not any(c.dep_ == "aux" for c in token.children):
            return Stance.PROPOSE  # "insists that the CSTO condemn": a demand in the mandative subjunctive
        if token.dep_ in ("ccomp", "ROOT") or not content[0].i <= token.head.i <= content[-1].i:
            reported = verb_stance(token)
            if reported not in (None, Stance.ASSERT) and not negated(token) \
                    and not _done_by_someone_else(token) and not _said_by_someone_else(token, own_side, places):
                return reported
    if _condemning_name(verb):
        return Stance.CONDEMN
    if _threat(content):
        return Stance.WARN
    if _blames_someone(content, own_side) and not any(t.lower_ == "whether" for t in content):
        return Stance.ACCUSE  # but "unclear whether it was an Israeli strike or a failed Hamas launch" blames no one
    if {t.lower_ for t in content} & EVALUATIVE_WORDS:
        return Stance.CONDEMN  # "a barbaric act, the ministry said": the words judge what the verb only reports
    if lemmas & ACCUSATION_WORDS:
        return Stance.ACCUSE
    if lemmas & WARNING_WORDS:
        return Stance.WARN
    # "should withdraw" demands; "must confirm", "should note" only say it (a modal on a verb of saying)
    if any(t.lemma_.casefold() in PROPOSAL_MODALS and lemma_of(t.head) not in REPORTING_VERBS for t in content) or \
            any(_demands(t) for t in content):
        return Stance.PROPOSE
    if any(_commits(t) for t in content):
        return Stance.SUPPORT
    return stance


def _threat(content: list[Token]) -> bool:
    """ "our attacks will not stop unless the aggression stops": what will happen unless someone else gives way is a
    warning, however plain the reporting verb."""
    # the parser hangs "unless" on the verb it conditions, or marks the clause it opens, which hangs on that verb
    return any(t.lower_ == "unless" and (in_future(t.head) or (t.dep_ == "mark" and in_future(t.head.head)))
               for t in content)


def _demands(token: Token) -> bool:
    """ "it is obligatory to address the concerns", "we need to end the war": what must be done, said without a
    modal."""
    if token.lemma_.casefold() == "need" and token.pos_ == "VERB" and \
            any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in token.children):
        return True
    adjective = token
    while adjective.dep_ == "conj" and adjective.head.pos_ == "ADJ":  # "reasonable and obligatory to address"
        adjective = adjective.head
    return token.lower_ in PROPOSAL_ADJECTIVES and adjective.dep_ == "acomp" and lemma_of(adjective.head) == "be" \
        and any(c.dep_ in ("xcomp", "ccomp", "advcl") and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)
                for c in [*token.children, *adjective.head.children])  # what is to be done: "to address"


def _condemning_name(verb: Token) -> bool:
    """ "Hamas called the strike 'a horrific massacre'": the name a naming verb gives an act judges it."""
    if lemma_of(verb) not in NAMING_VERBS:
        return False
    names = [c for c in verb.children if c.dep_ in ("oprd", "xcomp")]
    names += [g for c in verb.children if c.dep_ == "dobj" for g in c.children if g.dep_ == "appos"]
    names += [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "as" for g in c.children]
    return any({t.lower_ for t in name.subtree} & (CONDEMNING_NAMES | EVALUATIVE_WORDS) for name in names)


def _commits(token: Token) -> bool:
    """ "we are grateful", "his men would protect all citizens": what was said thanks, or commits someone to help;
    negated ("is not grateful", "will not protect") it does not."""
    if token.dep_ == "acomp" and token.lower_ in COMMITTED_ADJECTIVES and lemma_of(token.head) == "be":
        return not negated(token.head)
    if token.pos_ != "VERB" or lemma_of(token) not in COMMITMENT_VERBS or negated(token):
        return False
    # the future may sit on the verb itself or on the one it completes ("will continue to strengthen")
    governing = [token, token.head] if token.dep_ == "xcomp" else [token]
    return any(not negated(verb) and in_future(verb) for verb in governing)


def _done_by_someone_else(verb: Token) -> bool:
    """ "say M23 is backed by Rwanda": a passive verb whose doer the "by" phrase names is that doer's act, and its
    stance (backing) is not the speaker's."""
    return any(not {t.lower_ for t in agent.subtree} & OWN_SIDE for agent in agents_of(verb))


def _said_by_someone_else(verb: Token, own_side: list[Mention], places: list[Mention]) -> bool:
    """ "Zbidi said NATO had demanded access", "Armenia said Azerbaijan denies it": what another side named as a body
    or a state demanded, denied or backed, told by the speaker, is the speaker's report of it, not the speaker's
    stance. The speaker's own side speaks for the speaker ("the ministry said it demands", "Lavrov said Russia
    supports the plan"); so may a person named ("the State Department said Blinken expressed concern"), and a state
    when the speaker's own country is unknown ("Wang said China and Russia welcome ...")."""
    for subject in (c for c in verb.children if c.dep_ == "nsubj"):
        words = list(subject.subtree)
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        a_state = any(start <= m.start < end for m in places)  # the small NER takes "Azerbaijan" for a person
        a_body = any(t.ent_type_ == "ORG" for t in words) and not a_state
        if (a_body or (a_state and own_side)) and _another_side(subject, own_side):
            return True
    return False


def _blames_someone(content: list[Token], own_side: list[Mention]) -> bool:
    """ "said Armenian forces had shelled the city", "said an Israeli airstrike hit the hospital": what was said is an
    attack, or backing for an armed side, and names who did it, and not the speaker's own side ("our forces"): an
    accusation, however neutral the reporting verb."""
    for token in content:
        if _backs_a_side(token) and any(_another_side(doer, own_side) for doer in doers(token)):
            return True  # "say M23 is backed by Rwanda", "said Iran arms the militia"
        if any(_another_side(doer, own_side) for doer in _came_under_by(token)):
            return True  # "Ganja came under rocket fire by the Armenian armed forces"
        found = trigger_of(token)
        # taking a town is as often claimed by who took it as blamed on them: not an accusation by itself
        if found is None or found[0] != EventType.ASSAULT or found[1] == "capture" or \
                negated(token) or \
                token.head.lower_ in CIRCUMSTANCES:  # "... following the invasion": when, not what was said
            continue
        if any(_another_side(doer, own_side) for doer in doers(token)):
            return True
    return False


def _came_under_by(verb: Token) -> list[Token]:
    """Who the "by" or "from" phrase names in "came under fire (by|from) X" ("under attack", "under shelling"): the
    idiom names an attack and its doer without an attack verb."""
    if lemma_of(verb) != "come":
        return []
    under = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "under" for g in c.children
             if g.dep_ == "pobj" and (g.lemma_.casefold() == "fire" or trigger_of(g) is not None)]
    heads = [verb, *under]
    return [g for head in heads for c in head.children if c.dep_ in ("prep", "agent") and c.lower_ in ("by", "from")
            for g in c.children if g.dep_ == "pobj"] if under else []


def _backs_a_side(verb: Token) -> bool:
    """Backing a side: "backs the rebels", "M23 is backed by Rwanda"; not "backs the plan"."""
    if verb.pos_ != "VERB" or lemma_of(verb) not in BACKING_VERBS or negated(verb):
        return False
    return any(_a_side(noun) for noun in verb.children if noun.dep_ in ("dobj", "nsubjpass"))


def _a_side(noun: Token) -> bool:
    """An armed side, a government or a state (the small parser's NER takes M23 for a place); backing a person is
    endorsing a candidate ("she supported Senator Rubio"), a stance of its own."""
    return _armed_or_ruling(noun) or noun.ent_type_ == "GPE"


def _another_side(doer: Token, own_side: list[Mention]) -> bool:
    """Someone named who is not of the speaker's side: whom what the speaker tells about is blamed on."""
    return names_someone_else(doer) and not _names_own_side(doer, own_side)


def _names_own_side(doer: Token, own_side: list[Mention]) -> bool:
    """ "Kyiv said Ukrainian forces struck the depot": the speaker's own country named as the doer reports its own
    act, it blames no one."""
    words = list(doer.subtree)
    start, end = words[0].idx, words[-1].idx + len(words[-1])
    return any(start <= m.start < end for m in own_side)
