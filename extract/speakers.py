"""Who speaks: the speaker a reporting verb's subject names.

A speaker is a person (resolved through `extract.actors`, so "Blinken" and "Antony Blinken" are one), an
organisation named as written ("the Armenian Foreign Ministry", "the Syrian Observatory for Human Rights"), or a
government named by a place ("Yerevan insists", "Armenian officials said"). Generic or anonymous subjects ("officials",
"a spokesman", "analysts") name no one, as the annotation guidelines say, unless the words before them name the body
they speak for ("a State Department spokesman").

What earlier sentences tell about "he" or "the ministry" is `extract.speaker_context`'s; how a subject's words are
written as a name is `extract.speaker_names`'.
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Token

from extract.actors import clean_person
from extract.model import Actor
from extract.reading import lemma_of
from extract.speaker_context import (
    DOCUMENTS,
    SpeakerContext,
    fuller_name_before,
    group_named_just_before,
    referred_to,
)
from extract.speaker_names import ORG_HEADS, located_in, name_words, organisation_words, qualifier, reporter, written
from extract.vocabulary import ActorKind
from gazetteer import Kind
from geo.model import Mention
from text.parse import entities_in

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Subjects that do not name who speaks: anonymous or generic sources are left out, as the annotation guidelines say.
ANONYMOUS = frozenset((
    "official", "officials", "authority", "authorities", "rebel", "rebels", "analyst", "analysts", "rescuer",
    "rescuers", "resident", "residents", "police", "prosecutor", "prosecutors", "source", "sources", "expert",
    "experts", "witness", "witnesses", "activist", "activists", "people", "observer", "observers", "critic",
    "critics", "opposition", "some", "many", "others", "leader", "leaders", "who", "which", "that", "this",
    "these", "those", "report", "reports", "media", "one", "everyone", "nobody", "group",
))
# People named only by what they do: no one in particular even capitalised ("the Commanding Officer", "the Chief
# Prosecutor", which the NER may call an organisation), where ANONYMOUS spares a capitalised name ("Observer").
ROLES = frozenset({"officer", "assistant", "commander", "prosecutor", "analyst", "researcher", "expert", "adviser",
                   "advisor", "correspondent", "reporter", "editor", "professor", "doctor", "witness", "resident",
                   "source", "aide", "investigator", "lawyer", "attorney"})
# Anonymous voices of a state: "Armenian officials said" is Armenia's government speaking. The other anonymous
# voices of a country ("Syrian rebels", "Israeli media reports", "Ukrainian analysts") are not its government, which
# may be the side they oppose: no one.
STATE_VOICES = frozenset({"official", "officials", "authority", "authorities", "police", "prosecutor", "prosecutors",
                          "leader", "leaders"})
# Collective heads that, with a people's or a proper name before them, name one armed or political group.
NAMED_GROUPS = frozenset({"group", "rebels", "rebel", "militia", "movement", "insurgents", "fighters"})
# Offices of a jurisdiction: without a person's name, "the governors of Texas and Arizona" speak for the states.
OFFICE_HEADS = frozenset({"governor", "president", "mayor", "minister", "premier", "chancellor"})
# People whose words are their organisation's: "a State Department spokesman said" is the State Department speaking.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
# Verbs whose subject wrote the document they put out ("published a report stating").
PUBLISHING_VERBS = frozenset({"publish", "issue", "release", "post", "file", "submit"})
ANAPHORA = frozenset({"statement", "readout", "it", "they", "he", "she", "ministry", "office"})
QUOTING_VERBS = frozenset({"quote", "cite"})


def subject_of(verb: Token) -> Token | None:
    """The speaker's token: the verb's subject, the agent of a passive, the subject of the clause a participle or
    conjoined verb hangs on, the noun a relative clause ("Blinken, who stressed") describes, or the owner of a stance
    noun ("Moscow's criticism")."""
    if verb.pos_ == "NOUN":
        return next((c for c in verb.children if c.dep_ == "poss"), None)
    quoted = _quoted_as_saying(verb)
    if quoted is not None:
        return quoted
    node = verb
    for _ in range(4):
        agent = next((c for c in node.children if c.dep_ == "agent"), None)
        if agent is not None and node.dep_ != "acomp":  # "troubled by the plan": the cause, not who speaks
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        subject = next((c for c in node.children if c.dep_ in SUBJECTS and c.dep_ != "nsubjpass"), None)
        if subject is not None:
            if subject.lemma_.casefold() in ("who", "which", "that") and node.dep_ == "relcl":
                return node.head
            return subject
        absolute = _with_subject(node)
        if absolute is not None:
            return absolute
        if node.dep_ == "conj" and any(c.dep_ == "auxpass" for c in node.children):
            return None  # "X proclaim themselves ... and are accused of ...": X is who is accused, not who accuses
        if node.dep_ in ("advcl", "conj", "xcomp", "acl", "relcl", "acomp") and node.head.i != node.i:
            node = node.head
            if node.dep_ != "relcl" and node.pos_ in ("NOUN", "PROPN") and verb.dep_ == "acl":
                return node
        else:
            return None
    return None


def _quoted_as_saying(verb: Token) -> Token | None:
    """ "Lavrov was quoted as saying", "Interfax cited Lavrov as saying": the one quoted says it, not the outlet."""
    if verb.dep_ != "pcomp" or verb.head.lower_ != "as" or lemma_of(verb.head.head) not in QUOTING_VERBS:
        return None
    carrier = verb.head.head
    return next((c for c in carrier.children if c.dep_ in ("nsubjpass", "dobj")), None)


def _with_subject(verb: Token) -> Token | None:
    """ "..., with Mrs Haley once saying she was not a fan": the parser hangs the participle on the main verb and its
    doer on "with"; the doer is the last noun of the "with" phrase just before the participle."""
    if verb.tag_ != "VBG" or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    while before.pos_ == "ADV" and before.i > 0:
        before = verb.doc[before.i - 1]
    preposition = before.head
    if before.dep_ == "pobj" and preposition.lower_ == "with" and preposition.head.i == verb.head.i:
        return before
    return None


class Speaker(NamedTuple):
    actor: Actor | None
    place_starts: set[int]  # offsets of place mentions that belong to the speaker's name, not to what was said
    how: str  # the reason code (extract.confidence) saying how the subject named the speaker


NO_ONE = Speaker(None, set(), "")


def speaker_of(context: SpeakerContext, subject: Token) -> Speaker:
    """The actor a subject names. A subject that only refers back ("it", "the ministry", "the army") is the body of
    that kind the article named last, or no one: never the last speaker of another kind, which may be the other
    side."""
    author = _author(subject)
    if author is not None:  # "a statement from the Armenian Foreign Ministry said": the ministry says it
        return speaker_of(context, author)
    doc, mentions = context.doc, context.mentions
    phrase = [t for t in subject.subtree if not _in_clause(t, subject)]
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    starts = {m.start for m in inside}
    lemma = subject.lemma_.casefold()
    # "Opponents of President Bashar Assad accused ...": a person inside a prepositional phrase of the subject is not
    # who speaks
    governed = {t.idx for c in subject.children if c.dep_ == "prep" for t in c.subtree}
    words_at = {t.idx for t in phrase} - governed
    persons = [e for e in entities_in(doc, start, end) if e.label_ == "PERSON" and e.start_char in words_at
               and e.end_char <= end and not any(m.start <= e.start_char < m.end for m in mentions)]
    if persons:
        if reporter(subject):
            return NO_ONE
        return Speaker(context.actors.person(persons[0].text, persons[0].start_char), starts, "speaker.named")
    bare = all(t.i == subject.i or t.pos_ in ("DET", "PRON", "PUNCT") for t in phrase)
    if subject.pos_ == "PRON" or (bare and not inside and subject.pos_ != "PROPN" and lemma in ANAPHORA | ORG_HEADS):
        actor, how = referred_to(context, subject, lemma)
        return Speaker(actor, set(), how)
    if lemma in SPOKESPEOPLE or \
            any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some", "one") for c in subject.children):
        # "a Kurdish militia spokesman says", "rebel spokesmen said": not a named speaker; "a State Department
        # spokesman": the department
        return Speaker(_spokesperson_of(context, subject, inside), set(), "speaker.spokesperson")
    if (lemma == "government" and not inside) or _a_people(subject):
        return NO_ONE  # "the governments of Western countries", "Parisians": no one in particular
    words = name_words(subject)
    organisation = next((e for e in context.organisations if e.start <= subject.i < e.end), None)
    if organisation is not None:
        words = organisation_words(organisation)
        country = next((m for m in inside if m.start < organisation.start_char), None)
        if country is not None:  # "Armenia's Defence Ministry": which country's ministry is part of its name
            words = [t for t in phrase if country.start <= t.idx < organisation.start_char
                     and t.pos_ not in ("DET", "PUNCT")] + words
    head_is_org = lemma in ORG_HEADS or organisation is not None
    # the subject is itself a place's name ("Yerevan said"; not "the population between Tutsi and Congo"), or an
    # anonymous voice of the state it names
    named = any(m.start <= subject.idx < m.end for m in inside)
    if inside and not head_is_org and (named or lemma in STATE_VOICES or lemma in ("government", "capital")):
        return Speaker(_government(inside[-1]), starts, "speaker.government")
    if lemma in NAMED_GROUPS and any(c.dep_ in ("amod", "compound") and (c.ent_type_ or c.pos_ == "PROPN")
                                     for c in subject.children):
        # "the Houthi group said", "Syrian rebels said": a group its name or people tells apart, not the state
        return Speaker(Actor(written(words), ActorKind.ORGANISATION, None, ""), starts, "speaker.organisation")
    if lemma in NAMED_GROUPS and any(c.dep_ == "det" and c.lower_ == "the" for c in subject.children):
        named = group_named_just_before(context, subject)
        if named is not None:  # "... fallen to the RSF, the paramilitary group announced"; "the rebels said"
            return Speaker(named, starts, "speaker.previous")
    capitalised_name = subject.pos_ == "PROPN" and subject.text[:1].isupper() and not subject.is_sent_start
    if lemma in ANONYMOUS and not capitalised_name:
        return NO_ONE  # but "Nagorno Karabakh Observer" is a name
    title = {t.text.casefold() for t in words if (t.pos_ != "PROPN" or t.text.istitle()) and t.tag_ != "POS"}
    # "the governor of Kherson": only a person the article titled with that place too, else the jurisdiction
    title |= {w.casefold() for m in inside for w in m.text.split()}
    titled = context.actors.by_title(title)
    if titled is not None and not head_is_org:
        return Speaker(titled, starts, "speaker.title")
    if inside and lemma in OFFICE_HEADS:  # no one known by that title: the jurisdiction speaks
        return Speaker(_government(inside[-1]), starts, "speaker.government")
    if lemma in ROLES and (organisation is None or organisation.root.i == subject.i):
        return NO_ONE  # "the dead soldier's Commanding Officer said": someone known only by a role
    if subject.pos_ == "PROPN" or head_is_org:
        name = written(words)
        known = context.actors.person(name, subject.idx) if subject.pos_ == "PROPN" and len(words) <= 3 else None
        if known is not None and known.name != clean_person(name):
            return Speaker(known, starts, "speaker.named")
        located = located_in(subject, inside) if head_is_org else None
        if name and located is not None and not any(located[1].start <= t.idx < located[1].end for t in words):
            name = f"{name} {located[0]} {located[1].text}"  # "the defense ministry in Nagorno-Karabakh": whose
        if name:
            by_people = all(m.demonym for m in inside)  # "the British maritime agency": a people's, not a place's
            fuller = None if not by_people or subject.pos_ == "PROPN" else fuller_name_before(context, subject, words)
            if fuller is not None:
                return Speaker(fuller, starts, "speaker.previous")
            country = inside[0].place_id if inside else None
            return Speaker(Actor(name, ActorKind.ORGANISATION, country, qualifier(words, inside)), starts,
                           "speaker.organisation")
    return NO_ONE


def _a_people(subject: Token) -> bool:
    """ "Israelis", "Parisians' solidarity": a people in the plural, which the tagger may call a singular name."""
    return subject.ent_type_ == "NORP" and (subject.tag_ in ("NNS", "NNPS") or (
        subject.tag_ == "NNP" and subject.text.endswith("s") and not subject.text.endswith("ss")))


def _author(subject: Token) -> Token | None:
    """Who wrote the document a subject names: "the ministry's statement", "a statement from/by/of the ministry",
    "Amnesty published a report stating ..."."""
    if subject.lemma_.casefold() not in DOCUMENTS:
        return None
    if subject.dep_ == "dobj" and lemma_of(subject.head) in PUBLISHING_VERBS:
        return next((c for c in subject.head.children if c.dep_ == "nsubj"), None)
    owner = next((c for c in subject.children if c.dep_ == "poss" and c.pos_ != "PRON"), None)
    if owner is not None:
        return owner
    preposition = next((c for c in subject.children if c.dep_ == "prep" and c.lower_ in ("from", "by", "of")), None)
    return next((c for c in preposition.children if c.dep_ == "pobj"), None) if preposition is not None else None


# Places that have no government to speak for them: "the Lachin corridor said" is no one's statement.
UNGOVERNED = frozenset({Kind.CORRIDOR, Kind.WATER_BODY, Kind.REGION, Kind.BORDER})


def _government(place: Mention) -> Actor | None:
    """The government a place (or its demonym: "Armenian officials") stands for, named as written."""
    if place.kind in UNGOVERNED:
        return None
    name = place.text if place.metonym or not place.demonym else place.place_name
    return Actor(name, ActorKind.GOVERNMENT, place.place_id)


def _spokesperson_of(context: SpeakerContext, subject: Token, inside: list[Mention]) -> Actor | None:
    """The organisation or government an unnamed spokesperson speaks for, when named before the title: an ORG
    entity ("a State Department spokesman") or a place standing for its government ("a Kremlin spokeswoman"), never a
    people ("a Kurdish militia spokesman")."""
    if subject.lemma_.casefold() not in SPOKESPEOPLE:
        return None
    modifiers = {t.i for c in subject.children if c.dep_ == "compound" for t in c.subtree}
    organisation = next((e for e in context.organisations
                         if modifiers >= {t.i for t in e if t.pos_ != "DET"}), None)  # "The State Department"
    if organisation is not None:
        return Actor(written(organisation_words(organisation)), ActorKind.ORGANISATION)
    body = next((context.doc[i] for i in sorted(modifiers) if context.doc[i].lemma_.casefold() in ORG_HEADS), None)
    if body is not None:  # "the Syrian army spokesman": the army, with the words that name whose
        words = [t for c in subject.children if c.dep_ in ("amod", "compound") and c.i < subject.i
                 for t in c.subtree if t.pos_ not in ("DET", "PUNCT")]
        whose = next((m.place_id for m in inside if any(m.start <= t.idx < m.end for t in words)), None)
        return Actor(written(sorted(words, key=lambda t: t.i)), ActorKind.ORGANISATION, whose)
    place = next((m for m in inside if not m.demonym and any(context.doc[i].idx == m.start for i in modifiers)), None)
    if place is not None:
        return _government(place)
    acronym = next((context.doc[i] for i in sorted(modifiers) if context.doc[i].is_upper and
                    context.doc[i].is_alpha and len(context.doc[i]) > 1), None)
    # "an IDF spokesperson": an organisation known by its initials, which the small NER often misses
    return Actor(acronym.text, ActorKind.ORGANISATION) if acronym is not None else None


def _in_clause(token: Token, head: Token) -> bool:
    """Whether a token of the subject's subtree sits in a relative clause, an apposition or a conjunct ("Armenia and
    Azerbaijan said": each is a speaker of its own) hanging off it."""
    node = token
    while node.i != head.i:
        if node.dep_ in ("relcl", "appos", "acl", "advcl", "conj", "cc") or \
                (node.dep_ == "punct" and node.head.i == head.i):
            return True
        node = node.head
    return False
