"""What a claim says: the stretch of text that is its content, and the places named in it.

The content is the quotation next to the reporting verb, or else the clause the verb governs, with the parser's usual
misreadings of news syntax undone (a speaker tagged on after the clause, a parenthetical "he said", a quotation whose
closing mark hangs on the verb). Its places are the place mentions inside it, less those that only say who acts
("Armenian forces") or describe a person ("Florida Senator Marco Rubio"), plus "the city" or "the region" read back to
the last place of that kind. Kept apart from `extract.claims`, which decides whether a verb makes a claim and whose.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from extract.attach import last_named, pointing_back
from extract.model import PlaceRef
from extract.reading import CLOSING_QUOTES, distinct, lemma_of, mention_root, place_ref, places_in
from extract.speaker_context import SpeakerContext
from extract.verbs import CIRCUMSTANCES, REPORTING_VERBS
from geo.model import Mention
from text.parse import text_of

QUOTE_REACH = 80  # characters between a quotation and its reporting verb ("..., the State Department said")


def content_span(sent: Span, verb: Token, subject: Token | None,
                 quotes: list[tuple[int, int]]) -> tuple[int, int, bool]:
    """The quotation next to the verb, or the clause it governs. A short quotation inside that clause ("made
    »significant progress»") is a phrase the reporter marks, not the statement: the clause is the content. "This was
    reported by the Border Service": what was reported is the sentence before."""
    if sent.start > 0 and any(c.dep_ == "nsubjpass" and c.lower_ in ("this", "that") for c in verb.children):
        before = sent.doc[sent.start - 1].sent
        return before.start_char, before.end_char, False
    told = _told_after(verb)
    if told is not None:
        return told[0], told[1], False
    governed = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp", "dobj", "oprd", "prep", "advcl")
                and (subject is None or c.i != subject.i) and not _circumstance(c)]
    if not governed and verb.dep_ == "parataxis" and verb.head.pos_ in ("VERB", "AUX"):
        governed = [verb.head]  # "which, he said, had violated a ceasefire": the clause the verb interrupts
    if verb.dep_ == "csubj" and [c.lower_ for c in governed] == ["what"]:
        # "after what Moscow has said was a truck bomb": what was said is the rest of the clause it is the subject of
        last = max(t.i for t in verb.subtree)
        rest = [t for t in verb.head.subtree if t.i > last and not t.is_punct]
        if rest:
            return rest[0].idx, rest[-1].idx + len(rest[-1]), False
    clause = None
    if governed:
        tokens = [t for c in governed for t in c.subtree]
        clause = (min(t.idx for t in tokens), max(t.idx + len(t) for t in tokens))
    near = [q for q in quotes if q[0] - QUOTE_REACH <= verb.idx <= q[1] + QUOTE_REACH]
    if clause is not None and near and all(clause[0] <= q[0] and _ends_within(sent, q[1], clause[1]) for q in near):
        quoted = sum(q[1] - q[0] for q in near)
        return clause[0], clause[1], quoted * 2 >= clause[1] - clause[0]
    if near:
        added = _added_after(verb, near)
        return near[0][0], added if added is not None else near[-1][1], True
    if clause is not None:
        return clause[0], clause[1], False
    return sent.start_char, sent.end_char, False


def _told_after(verb: Token) -> tuple[int, int] | None:
    """ "Wad Madani has fallen to the RSF, the paramilitary group announced": the parser makes the speaker a modifier
    of the main verb (or an apposition to the last noun) and the reporting verb a clause on the speaker; what was
    said is the main clause before them."""
    speaker = verb.head
    if verb.dep_ != "acl" or speaker.dep_ not in ("npadvmod", "appos"):
        return None
    main = next((t for t in speaker.ancestors if t.pos_ in ("VERB", "AUX")), None)
    if main is None or main.i > speaker.i:
        return None
    said = [t for t in main.subtree if t.i < speaker.left_edge.i and not t.is_punct]
    return (said[0].idx, said[-1].idx + len(said[-1])) if said else None


def _added_after(verb: Token, quotes: list[tuple[int, int]]) -> int | None:
    """ "“The ship is damaged,” said Sarea, adding the ship is at risk of sinking": what the speaker adds after a
    quotation that comes before the verb is said too; where it ends, or None when nothing is added."""
    if any(q[1] > verb.idx for q in quotes):
        return None
    added = [t for c in verb.children if c.dep_ in ("advcl", "conj", "xcomp") and c.i > verb.i
             and lemma_of(c) in REPORTING_VERBS for t in c.subtree]
    return max(t.idx + len(t) for t in added) if added else None


def _ends_within(sent: Span, quote_end: int, clause_end: int) -> bool:
    """A quotation ends inside the clause, or past it only by the full stop and closing mark the parser hangs on the
    reporting verb ('called on Turkey to “resolve his case in a timely manner.”')."""
    return quote_end <= clause_end or not text_of(sent.doc)[clause_end:quote_end].strip(".,;:!?' " + CLOSING_QUOTES)


def _circumstance(child: Token) -> bool:
    """ "said in a statement issued by London police", "told reporters at a news conference": where and when it was
    said, not what was said."""
    return (child.dep_ == "prep" and child.lower_ in CIRCUMSTANCES | {"according"}) or (child.dep_ == "advcl" and any(
        c.dep_ == "mark" and c.lower_ in ("after", "before", "while", "when", "as") for c in child.children))


def content_places(context: SpeakerContext, start: int, end: int, speaker_starts: set[int]) -> tuple[PlaceRef, ...]:
    """The places the content names, less those that only describe a person it names ("backed Florida Senator Marco
    Rubio" is about a senator, not about Florida) and the peoples it names as actors."""
    describing = {m.start for m in context.mentions if start <= m.start < end and
                  (_names_a_people(context.doc, m) or _describes_person(context.doc, m))}
    return distinct((*places_in(context.mentions, start, end, speaker_starts | describing),
                     *_pointed_back_to(context, start, end)))


# "the country" in what someone says is mostly their own country in general ("welcomed the return to the country"), not
# a place the statement is about
COUNTRY_NOUNS = frozenset({"country", "nation"})


def _pointed_back_to(context: SpeakerContext, start: int, end: int) -> tuple[PlaceRef, ...]:
    """ "had taken full control of the city": "the city", "the town" or "the region" in what was said is the last place
    of that kind the article named before it (extract.attach reads events' places the same way)."""
    found = []
    for token in context.doc.char_span(start, end, alignment_mode="expand") or ():
        kinds = pointing_back(token)
        if kinds is None or token.lemma_.casefold() in COUNTRY_NOUNS or token.tag_ == "NNS":
            continue
        place = last_named(token, kinds, context.mentions)
        if place is not None:
            found.append(place_ref(place))
    return tuple(found)


# Head nouns after which a demonym stands for its country: its land ("Armenian territory") or its state ("the
# Azerbaijani government"), which a claim is about as much as "Azerbaijan" would be.
COUNTRY_HEADS = frozenset({
    "territory", "territories", "soil", "land", "lands", "border", "borders", "airspace", "waters", "region", "regions",
    "village", "villages", "town", "towns", "city", "cities", "government", "authorities", "state", "side",
    "leadership", "regime",
})


def _names_a_people(doc: Doc, mention: Mention) -> bool:
    """ "Armenian forces", "Israeli officials": a demonym names who acts, not a place the claim is about; "sovereign
    Armenian territory" or "the Azerbaijani government" is its country."""
    if not mention.demonym:
        return False
    root = mention_root(doc, mention)
    return root is None or root.head.lemma_.casefold() not in COUNTRY_HEADS


def _describes_person(doc: Doc, mention: Mention) -> bool:
    root = mention_root(doc, mention)
    return root is not None and root.dep_ in ("compound", "amod", "nmod", "poss") and root.head.ent_type_ == "PERSON"
