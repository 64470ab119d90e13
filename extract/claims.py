"""Claims: who said what, with which stance, about which places.

A claim is a reporting or stance verb (see `extract.verbs`) whose subject names a speaker: a person, an
organisation, or a government named by a place ("Yerevan insists", "the Kremlin said"). The content is the
quotation in the sentence, or else the clause the verb governs; its places are the place mentions inside the content,
not the speaker's own name and not where it was said. Verbs inside a quotation, and verbs reported by another verb
of the same sentence ("said the CSTO should condemn"), are content, not claims of their own. Every rule is local
and explains its output: the verb gives the stance, and a few content cues sharpen it (a "should" makes a proposal,
a "violation" an accusation).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from extract.actors import ActorIndex, clean_person
from extract.model import Actor, Claim
from extract.text import headline_end, lemma_of, places_in, quote_spans, source_of
from extract.verbs import (
    ACCUSATION_WORDS,
    CALL_PROPOSE_PARTICLES,
    DENIAL_WORDS,
    DENIED_OBJECTS,
    LIGHT_VERBS,
    PROPOSAL_MODALS,
    REPORTING_VERBS,
    STANCE_ADJECTIVES,
    STANCE_NOUNS,
    STATED_NOUNS,
)
from geo.model import Mention

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj"})
# Subjects that do not name who speaks: anonymous or generic sources are left out, as the annotation guidelines say.
ANONYMOUS = frozenset((
    "official", "officials", "authority", "authorities", "rebel", "rebels", "analyst", "analysts", "rescuer",
    "rescuers", "resident", "residents", "police", "prosecutor", "prosecutors", "source", "sources", "expert",
    "experts", "witness", "witnesses", "activist", "activists", "people", "observer", "observers", "critic",
    "critics", "opposition", "some", "many", "others", "leader", "leaders", "who", "which", "that", "this",
    "these", "those", "report", "reports", "media", "one", "everyone", "nobody", "group",
))
# Offices of a jurisdiction: without a person's name, "the governors of Texas and Arizona" speak for the states.
OFFICE_HEADS = frozenset({"governor", "president", "mayor", "minister", "premier", "chancellor"})
# People whose words are their organisation's: "a State Department spokesman said" is the State Department speaking.
SPOKESPEOPLE = frozenset({"spokesman", "spokeswoman", "spokesperson"})
ANAPHORA = frozenset({"statement", "readout", "it", "they", "he", "she", "ministry", "office"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her"})
CIRCUMSTANCES = frozenset({"in", "at", "during", "after", "before", "via", "following", "amid", "since", "while",
                           "from", "by"})
QUOTE_REACH = 80  # characters between a quotation and its reporting verb ("..., the State Department said")
ORG_HEADS = frozenset((
    "ministry", "department", "office", "army", "command", "government", "directorate", "committee", "union",
    "kremlin", "house", "council", "agency", "service", "spokesman", "spokeswoman", "spokesperson",
    "observatory", "tv", "channel", "magazine", "centre", "center", "court", "embassy", "parliament", "party",
    "administration", "military", "forces",
))


QUOTING_VERBS = frozenset({"quote", "cite"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "madam", "mme", "lady", "queen"})
MALE_TITLES = frozenset({"mr", "sir", "lord", "king"})


class _Context:
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
        self.genders: dict[str, str] = {}

    def remember_sentence(self, sent: Span) -> None:
        for ent in sent.ents:
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

    def remember(self, person: Actor) -> None:
        self.subjects = [p for p in self.subjects if p.name != person.name] + [person]

    def pronoun(self, word: str) -> Actor | None:
        """The speaker of the claim just before (this or the previous sentence: reported speech goes on), else the
        latest person seen as a subject; a known gender must agree."""
        speaker = self.last_speaker
        if speaker is not None and self.sentence - self.last_claim_sentence <= 1 and \
                self.genders.get(speaker.name, word) == word:
            return speaker
        for person in reversed(self.subjects):
            if self.genders.get(person.name, word) == word:
                return person
        return None


def extract_claims(doc: Doc, text: str, mentions: list[Mention], actors: ActorIndex) -> list[Claim]:
    context = _Context(doc, text, mentions, actors)
    claims: list[Claim] = []
    body = headline_end(text)
    for sent in doc.sents:
        quotes = quote_spans(text, sent.start_char, sent.end_char)
        in_sentence: list[Claim] = []
        for token in sent:
            if token.lower_ == "according" and token.idx >= body and not _inside(token.idx, quotes):
                found = _according_to(context, sent, token, quotes)
            else:
                stance = _verb_stance(token) or _noun_stance(token)
                if stance is None or token.idx < body or _reported_by_another(token) or \
                        (_inside(token.idx, quotes) and not _quoted_verb_of_outside_subject(token, quotes)):
                    continue
                found = _claims(context, sent, token, stance, quotes)
            for claim in found:
                in_sentence = _one_per_speaker(in_sentence, claim)
                context.last_speaker = claim.speaker
                context.last_claim_sentence = context.sentence
                if claim.speaker.kind == "person":
                    context.remember(claim.speaker)
        claims.extend(in_sentence)
        context.remember_sentence(sent)
        context.sentence += 1
    return claims


def _quoted_verb_of_outside_subject(verb: Token, quotes: list[tuple[int, int]]) -> bool:
    """ "Pashinian “reaffirmed his commitment to the peace agenda”": the quotation starts at the verb and the speaker
    stands before it, so the verb is the speaker's act, not words inside someone's statement."""
    subject = _subject(verb)
    quote = next((q for q in quotes if q[0] < verb.idx < q[1]), None)
    return subject is not None and quote is not None and subject.idx < quote[0] and \
        not verb.doc.text[quote[0] + 1:verb.idx].strip()


def _one_per_speaker(claims: list[Claim], claim: Claim) -> list[Claim]:
    """A sentence gives one claim per speaker: "spoke ... to underscore the importance of peace and pledged support"
    is a pledge of support about all the places, not an assertion beside it. The sharper stance wins."""
    same = next((n for n, kept in enumerate(claims) if kept.speaker.key == claim.speaker.key
                 and "assert" in (kept.stance, claim.stance)), None)
    if same is None:
        return [*claims, claim]
    kept = claims[same]
    sharper, other = (claim, kept) if kept.stance == "assert" else (kept, claim)
    places = tuple(dict.fromkeys(sharper.places + other.places))
    return [*claims[:same], replace(sharper, places=places), *claims[same + 1:]]


def _entity_of(token: Token) -> Span:
    return next(ent for ent in token.doc.ents if ent.start == token.i)


def _verb_stance(token: Token) -> str | None:
    lemma = lemma_of(token)
    if token.pos_ == "VERB":
        if lemma in LIGHT_VERBS:
            objects = [c for c in token.children if c.dep_ == "dobj" and c.lemma_.casefold() in STANCE_NOUNS]
            if objects:
                return STANCE_NOUNS[objects[0].lemma_.casefold()]
        if lemma == "speak":  # "spoke of a historic opportunity"; "spoke with Aliyev" is a consultation
            return "assert" if any(c.dep_ == "prep" and c.lower_ in ("of", "about") for c in token.children) else None
        if lemma == "call":
            particles = {c.lemma_.casefold() for c in token.children if c.dep_ in ("prep", "prt")}
            if particles & CALL_PROPOSE_PARTICLES:
                return "propose"
            return "assert" if any(c.dep_ in ("oprd", "dobj", "xcomp", "ccomp") for c in token.children) else None
        if lemma in QUOTING_VERBS:  # "Focus magazine cited sources as saying ...": the magazine reports it, unless
            # the one it quotes is named ("cited Lavrov as saying", "Lavrov was quoted as saying": see _subject)
            if any(c.dep_ == "nsubjpass" or (c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON")) for c in token.children):
                return None
            return "assert" if any(c.dep_ == "prep" and c.lower_ == "as" and any(
                lemma_of(g) in REPORTING_VERBS for g in c.children) for c in token.children) else None
        return REPORTING_VERBS.get(lemma)
    if token.pos_ == "ADJ" and lemma in STANCE_ADJECTIVES and token.head.lemma_ == "be":
        return STANCE_ADJECTIVES[lemma]
    return None


def _noun_stance(token: Token) -> str | None:
    """ "Moscow's criticism of the checkpoint": a stance noun owned by its speaker (not the object of "express",
    which the verb reads)."""
    if token.pos_ != "NOUN" or token.lemma_.casefold() not in STATED_NOUNS or \
            not any(c.dep_ == "poss" for c in token.children):
        return None
    if token.dep_ == "dobj" and token.head.lemma_.casefold() in LIGHT_VERBS:
        return None
    return STATED_NOUNS[token.lemma_.casefold()]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in spans)


def _reported_by_another(token: Token) -> bool:
    """A stance verb governed (through clauses) by another stance verb is part of that one's content; a conjoined
    verb shares what governs its first conjunct ("he said China and Russia welcome and support ...": "support" is
    content), but is not reported by that conjunct itself ("said and added" are two claims)."""
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    while node.head.i != node.i:
        node = node.head
        if _verb_stance(node) is not None:
            return True
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
    return False


def _claims(context: _Context, sent: Span, verb: Token, stance: str, quotes: list[tuple[int, int]]) -> list[Claim]:
    """The claim of each speaker of the verb: "criticized by Yerevan and Moscow" is two governments' claims."""
    if any(c.dep_ == "neg" for c in verb.children) or _no_comment(verb):
        return []
    subject = _subject(verb)
    if subject is None:
        return []
    found = []
    for who in (subject, *(c for c in subject.conjuncts if c.pos_ == "PROPN" and c.i > subject.i)):
        speaker, speaker_starts = _speaker(context, who)
        if speaker is None:
            continue
        content_start, content_end, quoted = _content(sent, verb, subject, quotes)
        content_tokens = [t for t in sent if content_start <= t.idx < content_end]
        found.append(Claim(
            speaker=speaker,
            verb=verb.text,
            stance=_sharpen(stance, content_tokens, verb),
            text=context.text[content_start:content_end].strip(),
            quote=quoted,
            places=places_in(context.mentions, content_start, content_end, speaker_starts),
            sources=(source_of(sent, context.text),),
        ))
    if len({claim.speaker.key for claim in found}) < len(found):
        return found[:1]
    return found


def _according_to(context: _Context, sent: Span, according: Token, quotes: list[tuple[int, int]]) -> list[Claim]:
    """ "..., according to the Armenian Foreign Ministry": the source named after "according to" states the rest of
    the sentence. "According to the agreement" or "according to reports" names no speaker (see _speaker)."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return []
    speaker, speaker_starts = _speaker(context, source)
    if speaker is None:
        return []
    phrase = list(according.subtree)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    before, after = (sent.start_char, start), (end, sent.end_char)
    content_start, content_end = max((before, after), key=lambda span: len(context.text[span[0]:span[1]].strip(" ,.")))
    content = [t for t in sent if content_start <= t.idx < content_end]
    quoted = any(content_start <= q[0] and q[1] <= content_end for q in quotes)
    return [Claim(
        speaker=speaker,
        verb="according to",
        stance=_sharpen("assert", content, according),
        text=context.text[content_start:content_end].strip(" ,"),
        quote=quoted,
        places=places_in(context.mentions, content_start, content_end, speaker_starts),
        sources=(source_of(sent, context.text),),
    )]


def _no_comment(verb: Token) -> bool:
    """ "declined to comment": says nothing."""
    return verb.lemma_.casefold() in ("decline", "refuse") and any(
        c.dep_ == "xcomp" and c.lemma_.casefold() in ("comment", "say", "confirm", "elaborate") for c in verb.children)


def _subject(verb: Token) -> Token | None:
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
        if agent is not None:
            return next((c for c in agent.children if c.dep_ == "pobj"), None)
        subject = next((c for c in node.children if c.dep_ in SUBJECTS and c.dep_ != "nsubjpass"), None)
        if subject is not None:
            if subject.lemma_.casefold() in ("who", "which", "that") and node.dep_ == "relcl":
                return node.head
            return subject
        absolute = _with_subject(node)
        if absolute is not None:
            return absolute
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


def _speaker(context: _Context, subject: Token) -> tuple[Actor | None, set[int]]:
    """The actor a subject names, and the offsets of place mentions that belong to the speaker's name."""
    doc, mentions = context.doc, context.mentions
    phrase = [t for t in subject.subtree if not _in_clause(t, subject)]
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    inside = [m for m in mentions if start <= m.start and m.end <= end]
    lemma = subject.lemma_.casefold()
    words_at = {t.idx for t in phrase}
    persons = [e for e in doc.ents if e.label_ == "PERSON" and e.start_char in words_at and e.end_char <= end
               and not any(m.start <= e.start_char < m.end for m in mentions)]
    if persons:
        return context.actors.person(persons[0].text, persons[0].start_char), {m.start for m in inside}
    if subject.pos_ == "PRON" or (lemma in ANAPHORA and all(t.i == subject.i or t.pos_ in ("DET", "PRON", "PUNCT")
                                                           for t in phrase)):
        if lemma in PERSON_PRONOUNS:
            return context.pronoun("she" if lemma in ("she", "her") else "he"), set()
        if lemma == "they" and context.last_speaker is not None and context.last_speaker.kind == "person":
            return None, set()  # "they" is not the one person who spoke last
        return context.last_speaker, set()
    if any(c.dep_ == "det" and c.lower_ in ("a", "an", "another", "some", "one") for c in subject.children):
        # "a Kurdish militia spokesman says": not a named speaker; "a State Department spokesman": the department
        return _spokesperson_of(context, subject, inside), set()
    words = _name_words(subject)
    organisation = next((e for e in doc.ents if e.label_ == "ORG" and e.start <= subject.i < e.end
                         and not any(m.start <= e.start_char and e.end_char <= m.end for m in mentions)), None)
    if organisation is not None:
        words = [t for t in organisation if t.pos_ not in ("DET", "PUNCT") and t.dep_ != "case"]
    head_is_org = lemma in ORG_HEADS or organisation is not None
    if inside and not head_is_org and ((subject.idx >= inside[0].start and subject.idx < inside[-1].end)
                                       or lemma in ANONYMOUS or lemma in ("government", "capital")):
        return _government(inside[-1]), {m.start for m in inside}
    if lemma in ANONYMOUS:
        return None, set()
    titled = context.actors.by_title({t.text.casefold() for t in words if t.pos_ != "PROPN" or t.text.istitle()})
    if titled is not None and not head_is_org:
        return titled, {m.start for m in inside}
    if inside and lemma in OFFICE_HEADS:  # no one known by that title: the jurisdiction speaks
        return _government(inside[-1]), {m.start for m in inside}
    if subject.pos_ == "PROPN" or head_is_org:
        name = _written(words)
        known = context.actors.person(name, subject.idx) if subject.pos_ == "PROPN" and len(words) <= 3 else None
        if known is not None and known.name != clean_person(name):
            return known, {m.start for m in inside}
        if name:
            country = inside[0].place_id if inside else None
            return Actor(name, "organisation", country), {m.start for m in inside}
    return None, set()


def _government(place: Mention) -> Actor:
    """The government a place (or its demonym: "Armenian officials") stands for, named as written."""
    return Actor(place.text if place.metonym or not place.demonym else place.place_name, "government", place.place_id)


def _spokesperson_of(context: _Context, subject: Token, inside: list[Mention]) -> Actor | None:
    """The organisation or government an unnamed spokesperson speaks for, when named before the title: an ORG
    entity ("a State Department spokesman") or a place standing for its government ("a Kremlin spokeswoman"), never a
    people ("a Kurdish militia spokesman")."""
    if subject.lemma_.casefold() not in SPOKESPEOPLE:
        return None
    modifiers = {t.i for c in subject.children if c.dep_ == "compound" for t in c.subtree}
    organisation = next((e for e in context.doc.ents if e.label_ == "ORG" and modifiers >= set(range(e.start, e.end))
                         and not any(m.start <= e.start_char and e.end_char <= m.end for m in context.mentions)),
                        None)
    if organisation is not None:
        return Actor(_written([t for t in organisation if t.pos_ not in ("DET", "PUNCT")]), "organisation")
    place = next((m for m in inside if not m.demonym and any(context.doc[i].idx == m.start for i in modifiers)), None)
    return _government(place) if place is not None else None


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
    return words


def _name_part(child: Token, node: Token, taken: set[int]) -> bool:
    if child.dep_ == "prep":
        return child.lower_ == "of" and node.lemma_.casefold() in ORG_HEADS
    if child.dep_ == "pobj":
        return node.dep_ == "prep" and node.i in taken
    return child.dep_ in NAME_PARTS and not child.is_space and \
        (child.is_alpha or child.text[:1].isalnum() or child.dep_ == "case")


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


def _content(sent: Span, verb: Token, subject: Token | None, quotes: list[tuple[int, int]]) -> tuple[int, int, bool]:
    """The quotation next to the verb, or the clause it governs. A short quotation inside that clause ("made
    »significant progress»") is a phrase the reporter marks, not the statement: the clause is the content."""
    governed = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "oprd", "prep", "advcl")
                and (subject is None or c.i != subject.i) and not _circumstance(c)]
    clause = None
    if governed:
        tokens = [t for c in governed for t in c.subtree]
        clause = (min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
    near = [q for q in quotes if q[0] - QUOTE_REACH <= verb.idx <= q[1] + QUOTE_REACH]
    if clause is not None and near and all(clause[0] <= q[0] and q[1] <= clause[1] for q in near):
        quoted = sum(q[1] - q[0] for q in near)
        return clause[0], clause[1], quoted * 2 >= clause[1] - clause[0]
    if near:
        return near[0][0], near[-1][1], True
    if clause is not None:
        return clause[0], clause[1], False
    return sent.start_char, sent.end_char, False


def _circumstance(child: Token) -> bool:
    """ "said in a statement issued by London police", "told reporters at a news conference": where and when it was
    said, not what was said."""
    return (child.dep_ == "prep" and child.lower_ in CIRCUMSTANCES) or (child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before", "while", "when", "as") for c in child.children))


def _sharpen(stance: str, content: list[Token], verb: Token) -> str:
    """Content cues that make a plain statement sharper: the reported verb's own stance, a modal, a "violation"; a
    rejection of "the claims" or "the allegations" is a denial of them."""
    lemmas = {t.lemma_.casefold() for t in content}
    if stance == "reject" and any(c.dep_ == "dobj" and c.lemma_.casefold() in DENIED_OBJECTS for c in verb.children):
        return "deny"
    if stance != "assert":
        return stance
    if lemmas & DENIAL_WORDS:
        return "deny"
    for token in content:
        if token.lemma_.casefold() == "say" and \
                any(c.dep_ in ("dobj", "intj") and c.lower_ == "no" for c in token.children):
            return "reject"  # "I'll say no"
        if token.dep_ == "acomp" and token.head.lemma_ == "be" and token.lemma_.casefold() in STANCE_ADJECTIVES:
            return STANCE_ADJECTIVES[token.lemma_.casefold()]  # "said ... the governor was unwilling to commit"
    for token in content:
        if token.dep_ == "ccomp" and token.tag_ == "VB" and not any(c.dep_ == "aux" for c in token.children):
            return "propose"  # "insists that the CSTO condemn": a demand in the mandative subjunctive
        if token.dep_ in ("ccomp", "ROOT") or not content[0].i <= token.head.i <= content[-1].i:
            reported = _verb_stance(token)
            if reported not in (None, "assert") and not any(c.dep_ == "neg" for c in token.children):
                return reported
    if lemmas & ACCUSATION_WORDS:
        return "accuse"
    if lemmas & PROPOSAL_MODALS:
        return "propose"
    return stance
