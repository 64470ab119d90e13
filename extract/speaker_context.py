"""What earlier sentences tell about who "he", "it" or "the ministry" is.

A subject that only refers back is resolved to the person or body of that kind the article named last, or to no one:
never to the last speaker of another kind, who may be the other side.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Doc, Span, Token

from extract.actors import ActorIndex
from extract.model import Actor
from extract.speaker_names import is_press, organisation_words, reporter, written
from extract.vocabulary import ActorKind
from geo.model import Mention
from text.parse import entities_in

# Documents that speak for whoever issued them: "a statement from the ministry said".
DOCUMENTS = frozenset({"statement", "readout", "communique", "communiqué", "release", "declaration", "letter",
                       "note", "tweet", "post", "report"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "mme", "lady", "queen"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "king"})
# Heads of a state's bodies, which "the group" never refers back to.
STATE_BODIES = frozenset({"ministry", "department", "office", "government", "directorate", "committee", "council",
                          "agency", "service", "court", "embassy", "parliament", "administration", "kremlin"})


class SpeakerContext:
    """What earlier sentences tell about who "he", "she" or "the ministry" is.

    A pronoun speaker is the person last seen as the subject of a clause (a speaker, or someone who acted) in the
    sentences before; people named only as objects ("talks with Sergei Lavrov", "envoy of Xi Jinping") are not who
    the next "he said" is about. A "Mrs" or "Mr" before a name gives the gender, so "she" skips a man."""

    def __init__(self, doc: Doc, text: str, mentions: list[Mention], actors: ActorIndex) -> None:
        self.doc, self.text, self.mentions, self.actors = doc, text, mentions, actors
        self.last_speaker: Actor | None = None
        self.last_claim_sentence = -2
        self.sentence = 0
        self.subjects: list[Actor] = []  # people seen as subjects, latest last
        self.reporters: set[str] = set()  # outlets' correspondents: what "he said" after them is the outlet's report
        self.bodies: list[Actor] = []  # organisations and governments that spoke, latest last
        self.genders: dict[str, str] = {}
        # NER's organisations that are not a place the geoparser found ("the Kremlin" is a place standing for Moscow)
        self.organisations: list[Span] = [e for e in doc.ents if e.label_ == "ORG" and not any(
            m.start <= e.start_char and e.end_char <= m.end for m in mentions)]

    def _people(self, start: int, end: int) -> Iterator[tuple[Span, Actor]]:
        """The people the NER names between two offsets whom the actor index accepts, with their actors."""
        for ent in entities_in(self.doc, start, end):
            if ent.label_ == "PERSON" and ent.start_char in self.actors.accepted:
                person = self.actors.person(ent.text, ent.start_char)
                if person is not None:
                    yield ent, person

    def remember_sentence(self, sent: Span) -> None:
        for ent, person in self._people(sent.start_char, sent.end_char):
            before = self.doc[ent.start - 1].lower_.strip(".") if ent.start > 0 else ""
            if before in FEMALE_TITLES | MALE_TITLES:
                self.genders[person.name] = "she" if before in FEMALE_TITLES else "he"
            if _as_subject(ent):
                self.remember(person)
                if reporter(ent.root):
                    self.reporters.add(person.name)

    def remember(self, person: Actor) -> None:
        self.subjects = [p for p in self.subjects if p.name != person.name] + [person]

    def pronoun(self, word: str, pronoun: Token) -> Actor | None:
        """A person named as a subject earlier in the pronoun's own sentence ("Rwanda's envoy, Ernest Rwamucyo,
        regretted that the army, which, he said, ..."); else the speaker of the claim just before (this or the previous
        sentence: reported speech goes on), else the latest person seen as a subject. A known gender must agree. An
        outlet's correspondent is no one's speaker."""
        here = self._subject_before(word, pronoun)
        if here is not None:
            return here
        speaker = self.last_speaker
        if speaker is not None and self.sentence - self.last_claim_sentence <= 1 and \
                self.genders.get(speaker.name, word) == word:
            return speaker
        for person in reversed(self.subjects):
            if self.genders.get(person.name, word) == word:
                return None if person.name in self.reporters else person
        return None

    def _subject_before(self, word: str, pronoun: Token) -> Actor | None:
        subjects = [person for ent, person in self._people(pronoun.sent.start_char, pronoun.idx)
                    if _as_subject(ent) and not reporter(ent.root) and self.genders.get(person.name, word) == word]
        return subjects[-1] if subjects else None


def _as_subject(ent: Span) -> bool:
    """A name that is the subject of its clause, or in apposition to it ("Rwanda's envoy, Ernest Rwamucyo,")."""
    return ent.root.dep_ in ("nsubj", "nsubjpass") or (ent.root.dep_ == "appos" and
                                                       ent.root.head.dep_ in ("nsubj", "nsubjpass"))


def referred_to(context: SpeakerContext, subject: Token, lemma: str) -> tuple[Actor | None, str]:
    """Who "he", "it", "they", "the ministry" or "the army" is."""
    last = context.last_speaker
    if lemma in PERSON_PRONOUNS:
        return context.pronoun("she" if lemma in ("she", "her") else "he", subject), "speaker.pronoun"
    if lemma in ("i", "me"):  # a quotation's "I" goes on with the person quoted just before
        person = last if last is not None and last.kind == ActorKind.PERSON else None
        return person, "speaker.pronoun"
    if lemma in ("we", "us"):  # a quotation's "we": the one quoted just before, person or body
        return last, "speaker.pronoun"
    if lemma in DOCUMENTS:  # "the statement said": the one who issued it spoke last
        return last, "speaker.previous"
    if lemma in ("it", "they"):  # a body: not the person who spoke last
        body = last if last is not None and last.kind != ActorKind.PERSON else None
        return body, "speaker.previous"
    named = _named_before(context, subject, lemma)
    if named is not None:
        return named, "speaker.previous"
    return None, ""


def _named_before(context: SpeakerContext, subject: Token, lemma: str) -> Actor | None:
    """ "the ministry said": the latest body that spoke whose name has that word ("the Armenian Defence Ministry
    said ... the ministry added"), else the organisation with that head noun the article named last."""
    spoke = _spoke_named_with(context, lemma)
    if spoke is not None:
        return spoke
    organisation = next((e for e in reversed(context.organisations) if e.end <= subject.i
                         and e.root.lemma_.casefold() == lemma), None)
    return organisation_actor(context, organisation) if organisation is not None else None


def _spoke_named_with(context: SpeakerContext, word: str) -> Actor | None:
    """The latest body that spoke with this word in its name."""
    return next((b for b in reversed(context.bodies) if word in b.name.casefold().split()), None)


def group_named_just_before(context: SpeakerContext, subject: Token) -> Actor | None:
    """ "the rebels said": the latest body that spoke with that word in its name ("The Syrian rebels announced");
    "the paramilitary group announced": else the organisation the NER found last before it, in its sentence or the
    one before, when that is no state body ("the Defence Ministry") or outlet."""
    spoke = _spoke_named_with(context, subject.lower_)
    if spoke is not None or subject.lemma_.casefold() not in ("group", "movement", "militia"):
        return spoke
    first = subject.sent.start
    previous = subject.doc[first - 1].sent.start if first > 0 else first
    for organisation in reversed(context.organisations):
        if organisation.end <= subject.i and organisation.start >= previous:
            if organisation.root.lemma_.casefold() in STATE_BODIES or is_press(organisation.text):
                return None
            return organisation_actor(context, organisation)
    return None


def organisation_actor(context: SpeakerContext, organisation: Span) -> Actor:
    """An organisation the NER found, with the country its name holds ("the Gaza Health Ministry")."""
    inside = [m for m in context.mentions if organisation.start_char <= m.start < organisation.end_char]
    return Actor(written(organisation_words(organisation)), ActorKind.ORGANISATION,
                 inside[0].place_id if inside else None)


def fuller_name_before(context: SpeakerContext, subject: Token, words: list[Token]) -> Actor | None:
    """ "the health ministry said": the body the article named before with all these words and more ("the Gaza
    Health Ministry"), which tells whose ministry it is; the latest that spoke, else the latest named. A people's
    name among the words ("the British maritime agency") asks for a body of that country ("the UK Maritime Trade
    Operations agency"), however written."""
    countries = {m.place_id: t.text.casefold() for t in words for m in context.mentions
                 if m.demonym and m.start <= t.idx < m.end}
    wanted = {t.text.casefold() for t in words} - set(countries.values())
    if not wanted:
        return None
    spoke = next((b for b in reversed(context.bodies)
                  if wanted < set(b.name.casefold().replace("’s", "").replace("'s", "").split())
                  and (not countries or b.country in countries)), None)
    if spoke is not None:
        return spoke
    organisation = next((e for e in reversed(context.organisations) if e.end <= subject.i
                         and wanted < {t.text.casefold() for t in organisation_words(e)} and not countries), None)
    return organisation_actor(context, organisation) if organisation is not None else None
