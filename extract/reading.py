"""Shared reading helpers: quotation spans, place mentions inside a range, the sentence around a token."""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span, Token

from extract.model import PlaceRef, Source
from extract.verbs import FUTURE
from geo.model import Mention
from text.excerpts import sentence_bounds

# Straight, curly and guillemet quotes, in the pairs newsrooms use (» … » and « … » both occur).
_QUOTE = re.compile(r'"[^"\n]{3,}?"|“[^”\n]{3,}?”|»[^»«\n]{3,}?[»«]|«[^«»\n]{3,}?[»«]|‘[^’\n]{12,}?’(?!\w)')
CLOSING_QUOTES = '"\u201d\u2019\u00bb\u00ab'  # the marks that can end a quotation matched by _QUOTE


# Forms the small English model lemmatises wrongly ("hoped", "hoping" -> "hop"), corrected where the written form
# shows it. wrong lemma -> (the written forms that are slips, right lemma); spaCy leaves contractions with a curly
# apostrophe as written
_LEMMA_SLIPS = {"hop": (re.compile(r"hope|hoping"), "hope"), "\u2019m": (re.compile("\u2019m"), "be"),
                "\u2019re": (re.compile("\u2019re"), "be")}


def mention_root(doc: Doc, mention: Mention) -> Token | None:
    """The parse's head word of a place mention (the mention widened to whole tokens), or None where no token is."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def lemma_of(token: Token) -> str:
    lemma = token.lemma_.casefold()
    slip = _LEMMA_SLIPS.get(lemma)
    return slip[1] if slip and slip[0].match(token.lower_) else lemma


def nominal(token: Token) -> bool:
    """A noun, or a word the small tagger calls an adjective where only a noun can stand ("Ukraine's
    counteroffensive began": its subject)."""
    return token.pos_ in ("NOUN", "PROPN") or (token.pos_ == "ADJ" and token.dep_ in ("nsubj", "nsubjpass", "dobj",
                                                                                       "pobj"))


def quote_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each quotation inside text[start:end], quotation marks included."""
    return [(m.start(), m.end()) for m in _QUOTE.finditer(text, start, end)]


def negated(token: Token) -> bool:
    """A "not" or "never" hangs on the word ("did not shell", "will not protect")."""
    return any(c.dep_ == "neg" for c in token.children)


def in_future(verb: Token) -> bool:
    """An auxiliary of what is yet to happen hangs on the word ("will be held", "would protect")."""
    return any(c.dep_ == "aux" and c.lower_ in FUTURE for c in verb.children)


def places_in(mentions: list[Mention], start: int, end: int, exclude: set[int] | None = None) -> tuple[PlaceRef, ...]:
    """Places mentioned in text[start:end], each once, in order of first mention."""
    return distinct(place_ref(m) for m in mentions
                    if start <= m.start and m.end <= end and m.start not in (exclude or set()))


def distinct(places: Iterable[PlaceRef]) -> tuple[PlaceRef, ...]:
    """Each place once, at its first reference: one place written two ways ("Wad Madani", "the city") is one place
    of a claim, and the store keeps a claim's places as a set."""
    seen: dict[str, PlaceRef] = {}
    for place in places:
        seen.setdefault(place.place_id, place)
    return tuple(seen.values())


def place_ref(m: Mention) -> PlaceRef:
    return PlaceRef(m.place_id, m.place_name, m.kind, m.lat, m.lon, m.text, m.country_codes)


def source_of(sent: Span, original: str) -> Source:
    """The sentence as evidence, by the one excerpt rule (text.excerpts)."""
    start, end = sentence_bounds(sent, original)
    return Source(start, end, original[start:end])


HEADLINE_WORDS = 25  # a first line longer than this is prose, whatever its last character


def headline_end(text: str) -> int:
    """End offset of the headline (a short first line without closing punctuation, with text after it), 0 when the
    text starts with prose. Headlines compress the story into capitalised fragments the parser misreads ("Blinken
    Talks To ..."), and the body reports the same facts with their attribution, so the extractor reads from the body.
    A text that is one long line (some corpora flatten articles) has no headline."""
    start = len(text) - len(text.lstrip())
    end = text.find("\n", start)
    if end < 0 or not text[end:].strip():
        return 0
    first = text[start:end].rstrip()
    return 0 if first.endswith((".", "!", "?", '"', "”")) or len(first.split()) > HEADLINE_WORDS else end
