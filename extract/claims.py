"""Claims: who said what, with which stance, about which places.

A claim is a reporting or stance verb (see `extract.verbs`) whose subject names a speaker (see `extract.speakers`):
a person, an organisation, or a government named by a place ("Yerevan insists", "the Kremlin said"). The content is the
quotation in the sentence, or else the clause the verb governs; its places are the place mentions inside the content,
not the speaker's own name and not where it was said (both read by `extract.claim_content`). Verbs inside a
quotation, and verbs reported by another verb of the same sentence ("said the CSTO should condemn"), are content, not
claims of their own. Every rule is local and explains its output: the verb gives the stance, and a few content cues
sharpen it (a "should" makes a proposal, a "violation" an accusation).
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Span, Token

from extract.actors import ActorIndex
from extract.claim_content import content_places, content_span
from extract.model import Actor, Claim, PlaceRef
from extract.reading import (
    distinct,
    headline_end,
    lemma_of,
    negated,
    quote_spans,
    source_of,
)
from extract.speaker_context import SpeakerContext
from extract.speaker_names import is_press
from extract.speakers import Speaker, speaker_of, subject_of
from extract.stance import noun_stance, sharpen, verb_stance
from extract.verbs import EVALUATIVE_WORDS, TELLING_VERBS
from extract.vocabulary import ActorKind, Stance
from gazetteer import Kind
from geo.model import Mention
from text.parse import text_of

SPEECH_NOT_MADE = frozenset({"can", "could", "may", "might", "will", "'ll", "shall", "should", "must"})


def extract_claims(doc: Doc, text: str, mentions: list[Mention], actors: ActorIndex) -> list[Claim]:
    context = SpeakerContext(doc, text, mentions, actors)
    claims: list[Claim] = []
    last_sentence = -2  # the sentence of the last claim
    body = headline_end(text)
    for sent in doc.sents:
        quotes = quote_spans(text, sent.start_char, sent.end_char)
        in_sentence: list[Claim] = []
        verbs: dict[str, Token] = {}  # speaker key -> the word that reported its claim in this sentence
        unnamed: list[Token] = []  # words of speaking whose speaker is no one the map names
        for token in sent:
            if token.lower_ == "according" and token.idx >= body and not _inside(token.idx, quotes):
                found = _according_to(context, sent, token, quotes)
            else:
                stance = verb_stance(token) or noun_stance(token)
                if stance is None or token.idx < body or _reported_by_another(token) or \
                        (_inside(token.idx, quotes) and not _quoted_verb_of_outside_subject(token, quotes)
                         and not _speaker_goes_on(context, sent, token, stance, quotes)):
                    continue
                found = _claims(context, sent, token, stance, quotes)
                if not found and subject_of(token) is not None:
                    unnamed.append(token)  # "A Turkish official said ..., Slate reported"
            for claim in found:
                verbs.setdefault(claim.speaker.key, token)
                in_sentence = _one_per_speaker(in_sentence, claim)
                context.last_speaker = claim.speaker
                context.last_claim_sentence = context.sentence
                if claim.speaker.kind == ActorKind.PERSON:
                    context.remember(claim.speaker)
                else:
                    context.bodies.append(claim.speaker)
        for claim in _without_relays(in_sentence, verbs, unnamed):
            if claims and last_sentence == context.sentence - 1 and _goes_on(claims[-1], claim):
                claims[-1] = replace(claims[-1], sources=(*claims[-1].sources, *claim.sources))
            else:
                claims.append(claim)
            last_sentence = context.sentence
        context.remember_sentence(sent)
        context.sentence += 1
    return claims


def _goes_on(last: Claim, claim: Claim) -> bool:
    """ "'They want a massacre,' he said. 'I can't describe it,' he added.": the same speaker asserting again in the
    next sentence, about the same places, goes on with one statement, which readers (and the annotators) count once.
    A sharper stance, or other places, is a statement of its own."""
    return last.speaker.key == claim.speaker.key and last.stance == claim.stance == Stance.ASSERT and \
        set(last.places) == set(claim.places)


def _without_relays(claims: list[Claim], verbs: dict[str, Token], unnamed: list[Token]) -> list[Claim]:
    """ "Peskov confirmed the withdrawal, according to Meduza": an outlet in a sentence where someone else speaks,
    named or not, outside what the outlet reports or before it ("A Turkish official said ..., Slate reported"), only
    relays what they said ("Interfax reported that Yulia had phoned, saying ..." is the outlet's own report, with her
    words inside it). `verbs`: the speaking word of each claim's speaker; `unnamed`: those of unnamed speakers."""
    def relays(claim: Claim) -> bool:
        verb = verbs[claim.speaker.key]
        if not (is_press(claim.speaker.name) or _press_speaks(verb)):
            return False
        own = {t.i for t in verb.subtree}
        others = [v for key, v in verbs.items() if key != claim.speaker.key] + unnamed
        return any(v.i not in own or _told_before(v, verb) for v in others)
    return [c for c in claims if not relays(c)]


def _quoted_verb_of_outside_subject(verb: Token, quotes: list[tuple[int, int]]) -> bool:
    """ "Pashinian “reaffirmed his commitment to the peace agenda”": the quotation starts at the verb and the speaker
    stands before it, so the verb is the speaker's act, not words inside someone's statement."""
    subject = subject_of(verb)
    quote = next((q for q in quotes if q[0] < verb.idx < q[1]), None)
    return subject is not None and quote is not None and subject.idx < quote[0] and \
        not text_of(verb.doc)[quote[0] + 1:verb.idx].strip()


def _speaker_goes_on(context: SpeakerContext, sent: Span, verb: Token, stance: str,
                     quotes: list[tuple[int, int]]) -> bool:
    """A sentence that is all quotation, right after a claim, goes on with that speaker's words: its "I'm deeply
    troubled" or "we condemn" is the speaker's stance (a plain "I said" inside it is just more of the quotation)."""
    if stance == Stance.ASSERT or context.last_claim_sentence != context.sentence - 1:
        return False
    whole = next((q for q in quotes if q[0] <= sent.start_char + 1 and q[1] >= sent.end_char - 2), None)
    subject = subject_of(verb)
    return whole is not None and subject is not None and subject.lower_ in ("i", "we")


def _one_per_speaker(claims: list[Claim], claim: Claim) -> list[Claim]:
    """A sentence gives one claim per speaker: "spoke ... to underscore the importance of peace and pledged support"
    is a pledge of support about all the places, not an assertion beside it. The sharper stance wins; two of one
    stance ("called it a horrific massacre, adding that ... brutal") are one claim."""
    same = next((n for n, kept in enumerate(claims) if kept.speaker.key == claim.speaker.key
                 and (Stance.ASSERT in (kept.stance, claim.stance) or kept.stance == claim.stance)), None)
    if same is None:
        return [*claims, claim]
    kept = claims[same]
    sharper, other = (claim, kept) if kept.stance == Stance.ASSERT else (kept, claim)
    places = distinct(sharper.places + other.places)
    return [*claims[:same], replace(sharper, places=places), *claims[same + 1:]]


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start < offset < end for start, end in spans)


def _reported_by_another(token: Token) -> bool:
    """A stance verb governed (through clauses) by another stance verb is part of that one's content; a conjoined
    verb shares what governs its first conjunct ("he said China and Russia welcome and support ...": "support" is
    content), but is not reported by that conjunct itself ("said and added" are two claims). A parenthetical "he
    said" tells who says the clause it interrupts ("the army, which, he said, had violated a ceasefire")."""
    if token.dep_ == "parataxis" and any(c.dep_ == "nsubj" for c in token.children):
        return False
    node = token
    while node.dep_ == "conj" and node.head.i != node.i:
        node = node.head
    while node.head.i != node.i:
        node = node.head
        if verb_stance(node) is not None:
            return not _told_before(token, node)
        while node.dep_ == "conj" and node.head.i != node.i:
            node = node.head
    return False


def _told_before(token: Token, governing: Token) -> bool:
    """ "Armenia said Baku shelled Yerevan, Interfax reported": a statement told, with its speaker, before an
    outlet's verb that governs it is that speaker's; the outlet only says where it read it (`_without_relays`). Not
    a fronted quote ("Azerbaijan welcomes the talks, Aliyev said": "welcomes" tells nothing), nor a statement someone
    other than an outlet reports ("Russia claimed it took Bakhmut, Zelensky said": Zelensky's claim). "According to
    the minister, ..., TASS says" tells its speaker too."""
    told = (lemma_of(token) in TELLING_VERBS and subject_of(token) is not None) or token.lower_ == "according"
    return governing.i > token.i and told and _press_speaks(governing)


def _press_speaks(verb: Token) -> bool:
    """An outlet's word: its subject is an outlet, or a body that "reported" what someone said (an outlet the list
    of outlets lacks, "A Turkish official said ..., Slate reported"; "Armenia said ..., the ministry reported").
    A person or a state that reports still speaks."""
    subject = subject_of(verb)
    return subject is not None and (is_press(" ".join(t.text for t in subject.subtree)) or (
        lemma_of(verb) == "report" and subject.pos_ in ("PROPN", "NOUN")
        and subject.ent_type_ not in ("PERSON", "GPE", "NORP")))


def _claims(context: SpeakerContext, sent: Span, verb: Token, stance: str,
            quotes: list[tuple[int, int]]) -> list[Claim]:
    """The claim of each speaker of the verb: "criticized by Yerevan and Moscow" is two governments' claims."""
    if negated(verb) or _no_comment(verb):
        return []
    if any(c.dep_ == "aux" and c.lower_ in SPEECH_NOT_MADE for c in verb.children):
        return []  # "Russia can only respond by ...", "Lavrov will say": what may or will be said is not said yet
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod") and not _misread_as_participle(verb):
        return []  # "Assad, backed by Russia and Iran": a description of someone, not what anyone said
    subject = subject_of(verb)
    if subject is None:
        return []
    found = []
    for who in (subject, *(c for c in subject.conjuncts if c.pos_ == "PROPN" and c.i > subject.i)):
        speaker = speaker_of(context, who)
        if speaker.actor is None:
            if who.pos_ != "PRON":
                # "The government claims ... It said:": whoever spoke last is no longer who "it" is
                context.last_speaker = None
            continue
        content_start, content_end, quoted = content_span(sent, verb, subject, quotes)
        content_tokens = [t for t in sent if content_start <= t.idx < content_end]
        sharpened = sharpen(stance, content_tokens, verb, _own_side(context, speaker.actor), context.mentions)
        places = content_places(context, content_start, content_end, speaker.place_starts)
        found.append(Claim(
            speaker=speaker.actor,
            verb=verb.text,
            stance=sharpened,
            text=context.text[content_start:content_end].strip(),
            quote=quoted,
            places=places,
            sources=(source_of(sent, context.text),),
            reasons=_reasons(speaker, "via.verb" if verb.pos_ != "NOUN" else "via.noun", stance, sharpened,
                             content_tokens, quoted, places),
        ))
    if len({claim.speaker.key for claim in found}) < len(found):
        return found[:1]
    return found


def _misread_as_participle(verb: Token) -> bool:
    """ "Hamas, whose attack killed hundreds, called the strike a massacre": after a long subject set off by commas
    the parser may take the main verb for a participle describing it, but a participle of the passive takes no
    direct object."""
    return verb.i > 0 and verb.doc[verb.i - 1].text == "," and any(c.dep_ == "dobj" for c in verb.children)


def _according_to(context: SpeakerContext, sent: Span, according: Token, quotes: list[tuple[int, int]]) -> list[Claim]:
    """ "..., according to the Armenian Foreign Ministry": the source named after "according to" states the rest of
    the sentence. "According to the agreement" or "according to reports" names no speaker (see speaker_of)."""
    to = next((c for c in according.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if source is None:
        return []
    speaker = speaker_of(context, source)
    if speaker.actor is None:
        return []
    phrase = list(according.subtree)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    before, after = (sent.start_char, start), (end, sent.end_char)
    content_start, content_end = max((before, after), key=lambda span: len(context.text[span[0]:span[1]].strip(" ,.")))
    content = [t for t in sent if content_start <= t.idx < content_end]
    quoted = any(content_start <= q[0] and q[1] <= content_end for q in quotes)
    stance = sharpen(Stance.ASSERT, content, according, _own_side(context, speaker.actor), context.mentions)
    places = content_places(context, content_start, content_end, speaker.place_starts)
    return [Claim(
        speaker=speaker.actor,
        verb="according to",
        stance=stance,
        text=context.text[content_start:content_end].strip(" ,"),
        quote=quoted,
        places=places,
        sources=(source_of(sent, context.text),),
        reasons=_reasons(speaker, "via.according", Stance.ASSERT, stance, content, quoted, places),
    )]


def _reasons(speaker: Speaker, via: str, verb_stance: Stance, stance: Stance, content: list[Token], quoted: bool,
             places: tuple[PlaceRef, ...]) -> tuple[str, ...]:
    """How the claim was read (extract.confidence); its stance and whether its places were borrowed are added once
    the claims of the article are linked."""
    reasons = [speaker.how, via, "places.content" if places else "places.none"]
    if stance != verb_stance:
        evaluative = stance == Stance.CONDEMN and {t.lower_ for t in content} & EVALUATIVE_WORDS
        reasons.append("stance.evaluative" if evaluative else "stance.sharpened")
    if quoted:
        reasons.append("quote")
    return tuple(reasons)


def _no_comment(verb: Token) -> bool:
    """ "declined to comment": says nothing."""
    return verb.lemma_.casefold() in ("decline", "refuse") and any(
        c.dep_ == "xcomp" and c.lemma_.casefold() in ("comment", "say", "confirm", "elaborate") for c in verb.children)


def _own_side(context: SpeakerContext, speaker: Actor) -> list[Mention]:
    """The mentions of the speaker's country in the text ("Ukraine's", "Ukrainian" when Kyiv speaks)."""
    if speaker.country is None:
        return []
    codes = {c for m in context.mentions if m.place_id == speaker.country for c in m.country_codes}
    return [m for m in context.mentions if m.kind == Kind.COUNTRY and set(m.country_codes) & codes]
