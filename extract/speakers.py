"""Who speaks: the speaker a reporting verb's subject names, and what earlier sentences tell about "he" or "it".

A speaker is a person (resolved through `extract.actors`, so "Blinken" and "Antony Blinken" are one), an
organisation named as written ("the Armenian Foreign Ministry", "the Syrian Observatory for Human Rights"), or a
government named by a place ("Yerevan insists", "Armenian officials said"). Generic or anonymous subjects ("officials",
"a spokesman", "analysts") name no one, as the annotation guidelines say, unless the words before them name the body
they speak for ("a State Department spokesman").
"""

from __future__ import annotations

from typing import NamedTuple

from spacy.tokens import Doc, Span, Token

from extract.actors import ActorIndex, clean_person
from extract.model import Actor
from extract.reading import lemma_of
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
# Documents that speak for whoever issued them: "a statement from the ministry said".
DOCUMENTS = frozenset({"statement", "readout", "communique", "communiqué", "release", "declaration", "letter",
                       "note", "tweet", "post", "report"})
ANAPHORA = frozenset({"statement", "readout", "it", "they", "he", "she", "ministry", "office"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
ORG_HEADS = frozenset((
    "ministry", "department", "office", "army", "command", "government", "directorate", "committee", "union",
    "kremlin", "house", "council", "agency", "service", "spokesman", "spokeswoman", "spokesperson",
    "observatory", "tv", "channel", "magazine", "centre", "center", "court", "embassy", "parliament", "party",
    "administration", "military", "forces",
))
QUOTING_VERBS = frozenset({"quote", "cite"})
# An outlet's correspondent reports, and is no speaker of the story ("Al Jazeera's X, reporting from Tbilisi, said"):
# an outlet is known by one of these words in its name, or by its name (OUTLETS). ("Press" alone is not one: a press
# office speaks for its principal.)
MEDIA_WORDS = frozenset({"magazine", "newspaper", "news", "times", "post", "tv", "television", "radio", "media",
                         "outlet", "journal", "gazette", "broadcaster", "daily", "tribune", "herald"})
OUTLETS = frozenset({"reuters", "ap", "afp", "associated press", "agence france-presse", "interfax", "tass",
                     "ria novosti", "xinhua", "anadolu", "efe", "ansa", "dpa", "upi", "bloomberg", "al jazeera", "bbc",
                     "cnn", "france 24", "euronews"})  # wire services and broadcasters named without a media word
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "mme", "lady", "queen"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "king"})


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

    def remember_sentence(self, sent: Span) -> None:
        for ent in entities_in(sent.doc, sent.start_char, sent.end_char):
            if ent.label_ != "PERSON" or ent.start_char not in self.actors.accepted:
                continue
            person = self.actors.person(ent.text, ent.start_char)
            if person is None:
                continue
            before = self.doc[ent.start - 1].lower_.strip(".") if ent.start > 0 else ""
            if before in FEMALE_TITLES | MALE_TITLES:
                self.genders[person.name] = "she" if before in FEMALE_TITLES else "he"
            if ent.root.dep_ in ("nsubj", "nsubjpass") or (ent.root.dep_ == "appos" and
                                                            ent.root.head.dep_ in ("nsubj", "nsubjpass")):
                self.remember(person)
                if _reporter(ent.root):
                    self.reporters.add(person.name)

    def remember(self, person: Actor) -> None:
        self.subjects = [p for p in self.subjects if p.name != person.name] + [person]

    def pronoun(self, word: str) -> Actor | None:
        """The speaker of the claim just before (this or the previous sentence: reported speech goes on), else the
        latest person seen as a subject; a known gender must agree. An outlet's correspondent is no one's speaker."""
        speaker = self.last_speaker
        if speaker is not None and self.sentence - self.last_claim_sentence <= 1 and \
                self.genders.get(speaker.name, word) == word:
            return speaker
        for person in reversed(self.subjects):
            if self.genders.get(person.name, word) == word:
                return None if person.name in self.reporters else person
        return None


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
        if _reporter(subject):
            return NO_ONE
        return Speaker(context.actors.person(persons[0].text, persons[0].start_char), starts, "speaker.named")
    bare = all(t.i == subject.i or t.pos_ in ("DET", "PRON", "PUNCT") for t in phrase)
    if subject.pos_ == "PRON" or (bare and not inside and subject.pos_ != "PROPN" and lemma in ANAPHORA | ORG_HEADS):
        return _referred_to(context, subject, lemma)
    if lemma in SPOKESPEOPLE or \
            any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some", "one") for c in subject.children):
        # "a Kurdish militia spokesman says", "rebel spokesmen said": not a named speaker; "a State Department
        # spokesman": the department
        return Speaker(_spokesperson_of(context, subject, inside), set(), "speaker.spokesperson")
    if (lemma == "government" and not inside) or (subject.ent_type_ == "NORP" and subject.tag_ in ("NNS", "NNPS")):
        return NO_ONE  # "the governments of Western countries", "Parisians": no one in particular
    words = _name_words(subject)
    organisation = next((e for e in context.organisations if e.start <= subject.i < e.end), None)
    if organisation is not None:
        words = _organisation_words(organisation)
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
        return Speaker(Actor(_written(words), ActorKind.ORGANISATION, None, ""), starts, "speaker.organisation")
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
        name = _written(words)
        known = context.actors.person(name, subject.idx) if subject.pos_ == "PROPN" and len(words) <= 3 else None
        if known is not None and known.name != clean_person(name):
            return Speaker(known, starts, "speaker.named")
        located = _located_in(subject, inside) if head_is_org else None
        if name and located is not None and not any(located[1].start <= t.idx < located[1].end for t in words):
            name = f"{name} {located[0]} {located[1].text}"  # "the defense ministry in Nagorno-Karabakh": whose
        if name:
            fuller = None if inside or subject.pos_ == "PROPN" else _fuller_name_before(context, subject, words)
            if fuller is not None:
                return Speaker(fuller, starts, "speaker.previous")
            country = inside[0].place_id if inside else None
            return Speaker(Actor(name, ActorKind.ORGANISATION, country, _qualifier(words, inside)), starts,
                           "speaker.organisation")
    return NO_ONE


def is_press(name: str) -> bool:
    """An outlet's name (a wire service's, or one with a media word), possessive or not."""
    words = name.casefold().replace("’", "'").removesuffix("'s").split()
    return " ".join(words) in OUTLETS or bool(set(words) & MEDIA_WORDS)


def _reporter(subject: Token) -> bool:
    """ "Al Jazeera's Jane Doe, reporting from Tbilisi, said": the outlet's correspondent reports."""
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is not None and is_press(" ".join(t.text for t in owner.subtree)):
        return True
    return any(c.dep_ in ("acl", "advcl") and c.lemma_.casefold() == "report" and c.tag_ == "VBG"
               for c in subject.children)


def _referred_to(context: SpeakerContext, subject: Token, lemma: str) -> Speaker:
    """Who "he", "it", "they", "the ministry" or "the army" is."""
    last = context.last_speaker
    if lemma in PERSON_PRONOUNS:
        return Speaker(context.pronoun("she" if lemma in ("she", "her") else "he"), set(), "speaker.pronoun")
    if lemma in ("i", "me"):  # a quotation's "I" goes on with the person quoted just before
        person = last if last is not None and last.kind == ActorKind.PERSON else None
        return Speaker(person, set(), "speaker.pronoun")
    if lemma in ("we", "us"):  # a quotation's "we": the one quoted just before, person or body
        return Speaker(last, set(), "speaker.pronoun")
    if lemma in DOCUMENTS:  # "the statement said": the one who issued it spoke last
        return Speaker(last, set(), "speaker.previous")
    if lemma in ("it", "they"):  # a body: not the person who spoke last
        body = last if last is not None and last.kind != ActorKind.PERSON else None
        return Speaker(body, set(), "speaker.previous")
    named = _named_before(context, subject, lemma)
    if named is not None:
        return Speaker(named, set(), "speaker.previous")
    return NO_ONE


def _named_before(context: SpeakerContext, subject: Token, lemma: str) -> Actor | None:
    """ "the ministry said": the latest body that spoke whose name has that word ("the Armenian Defence Ministry
    said ... the ministry added"), else the organisation with that head noun the article named last."""
    spoke = next((b for b in reversed(context.bodies) if lemma in b.name.casefold().split()), None)
    if spoke is not None:
        return spoke
    organisation = next((e for e in reversed(context.organisations) if e.end <= subject.i
                         and e.root.lemma_.casefold() == lemma), None)
    return _organisation_actor(context, organisation) if organisation is not None else None


def _organisation_actor(context: SpeakerContext, organisation: Span) -> Actor:
    """An organisation the NER found, with the country its name holds ("the Gaza Health Ministry")."""
    inside = [m for m in context.mentions if organisation.start_char <= m.start < organisation.end_char]
    return Actor(_written(_organisation_words(organisation)), ActorKind.ORGANISATION,
                 inside[0].place_id if inside else None)


def _located_in(subject: Token, inside: list[Mention]) -> tuple[str, Mention] | None:
    """The preposition and place of an "in" or "of" phrase on the subject ("the defense ministry in Nagorno-Karabakh",
    "the Border Service of Azerbaijan"): the body's own, which NER often leaves out of the body's name."""
    places = [(c.lower_, g.idx) for c in subject.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
              for g in c.children if g.dep_ == "pobj"]
    return next(((word, m) for m in inside for word, i in places if m.start <= i < m.end), None)


def _fuller_name_before(context: SpeakerContext, subject: Token, words: list[Token]) -> Actor | None:
    """ "the health ministry said": the body the article named before with all these words and more ("the Gaza
    Health Ministry"), which tells whose ministry it is; the latest that spoke, else the latest named."""
    wanted = {t.text.casefold() for t in words}
    if not wanted:
        return None
    spoke = next((b for b in reversed(context.bodies)
                  if wanted < set(b.name.casefold().replace("’s", "").replace("'s", "").split())), None)
    if spoke is not None:
        return spoke
    organisation = next((e for e in reversed(context.organisations) if e.end <= subject.i
                         and wanted < {t.text.casefold() for t in _organisation_words(e)}), None)
    return _organisation_actor(context, organisation) if organisation is not None else None


def _author(subject: Token) -> Token | None:
    """Who wrote the document a subject names: "the ministry's statement", "a statement from/by/of the ministry"."""
    if subject.lemma_.casefold() not in DOCUMENTS:
        return None
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
        return Actor(_written(_organisation_words(organisation)), ActorKind.ORGANISATION)
    body = next((context.doc[i] for i in sorted(modifiers) if context.doc[i].lemma_.casefold() in ORG_HEADS), None)
    if body is not None:  # "the Syrian army spokesman": the army, with the words that name whose
        words = [t for c in subject.children if c.dep_ in ("amod", "compound") and c.i < subject.i
                 for t in c.subtree if t.pos_ not in ("DET", "PUNCT")]
        return Actor(_written(sorted(words, key=lambda t: t.i)), ActorKind.ORGANISATION)
    place = next((m for m in inside if not m.demonym and any(context.doc[i].idx == m.start for i in modifiers)), None)
    return _government(place) if place is not None else None


def _organisation_words(organisation: Span) -> list[Token]:
    return [t for t in organisation if t.pos_ not in ("DET", "PUNCT") and t.dep_ != "case"]


NAME_PARTS = frozenset({"compound", "amod", "poss", "nmod", "flat", "case"})


def _name_words(subject: Token) -> list[Token]:
    """The words that name the speaker: the subject and the modifiers it is built from ("the Federal Public
    Prosecutor's Office", an organisation's "of" phrase), without conjuncts (speakers of their own), appositions,
    clauses, punctuation, adverbs ("respectively") or leftovers of a dateline or a caption before it."""
    taken = {subject.i}
    frontier = [subject]
    while frontier:
        node = frontier.pop()
        for child in node.children:
            if _name_part(child, node, taken):
                taken.add(child.i)
                frontier.append(child)
    words = [subject.doc[i] for i in sorted(taken)]
    while len(words) > 1 and _dateline(words[0]):
        words.pop(0)
    while len(words) > 1 and words[-1].tag_ == "POS":  # "according to the Observer's posts": the Observer
        words.pop()
    return words


def _name_part(child: Token, node: Token, taken: set[int]) -> bool:
    if child.dep_ == "prep":
        return child.lower_ == "of" and node.lemma_.casefold() in ORG_HEADS
    if child.dep_ == "pobj":
        return node.dep_ == "prep" and node.i in taken
    return child.dep_ in NAME_PARTS and not child.is_space and \
        (child.is_alpha or child.text[:1].isalnum() or child.dep_ == "case")


def _qualifier(words: list[Token], inside: list[Mention]) -> str:
    """The words at the head of an organisation's name that name its country ("US", "Armenia's"), when more of the
    name follows them; else ""."""
    if not inside or not words or words[0].idx != inside[0].start:
        return ""
    head = [t for t in words if t.idx < inside[0].end or (t.tag_ == "POS" and t.i == words[0].i + 1)]
    return _written(head) if len(head) < len(words) else ""


def _written(words: list[Token]) -> str:
    """The name as the article writes it ("Pashinian’s press office"), from its words in order."""
    text = ""
    for previous, word in zip([None, *words[:-1]], words, strict=True):
        joined = previous is not None and previous.i + 1 == word.i and not previous.whitespace_
        text += word.text if joined or not text else " " + word.text
    return text


def _dateline(token: Token) -> bool:
    return token.is_upper and len(token) > 3 and token.ent_type_ == "GPE"


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
