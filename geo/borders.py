"""The border two countries share, when the text names it: "on the Armenia-Azerbaijan border", "the
Armenian-Azerbaijani border", "the border between Israel and Lebanon", "Sudan's border with Chad".

The word "border" becomes a mention of its own, of the line gazetteer.borders draws, beside the two countries'
mentions (which stay what they are): an event on the border is then placed on that line, not in either country.
Only neighbours have a border; "the US-Iran border" names none and gives no mention.
"""

from __future__ import annotations

import re
from itertools import pairwise

from gazetteer import Gazetteer, Kind
from geo.model import Mention

# "Armenia-Azerbaijan border", "Armenian–Azerbaijani frontier", "Israel/Lebanon boundary"
_JOINED = re.compile(r"^\s*[-\u2013\u2014/]\s*$")
_WORD_AFTER = re.compile(r"\s+(border|frontier|boundary)\b", re.IGNORECASE)  # matched at a position
# "the border between Israel and Lebanon"
_WORD_BEFORE = re.compile(r"\b(border|frontier|boundary)\s+between\s+(?:the\s+)?$", re.IGNORECASE)
_AND = re.compile(r"^\s+and\s+(?:the\s+)?$", re.IGNORECASE)
# "Sudan's border with Chad", "Armenia's frontier with Turkey"
_WITH = re.compile(r"^(?:['\u2019]s)?\s+(border|frontier|boundary)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
# "the (two) countries' (shared) border", "their common frontier", "the shared border": the two are named before it
_SHARED = re.compile(
    r"\b(?:the\s+(?:two\s+)?(?:countries|nations|states|neighbou?rs)['\u2019]\s+(?:(?:shared|common)\s+)?"
    r"|(?:the|their)\s+(?:shared|common)\s+)(border|frontier|boundary)\b", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?]\s|\n")


def border_mentions(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """A mention of the border word for each pair of neighbouring countries the text joins into a border."""
    countries = [m for m in mentions if m.kind == Kind.COUNTRY and not m.metonym]
    found: list[Mention] = []
    for one, other in pairwise(countries):
        if one.place_id == other.place_id:
            continue
        between = text[one.end:other.start]
        word = None
        if _JOINED.match(between):
            after = _WORD_AFTER.match(text, other.end)
            word = (after.start(1), after.end(1)) if after else None
        elif _AND.match(between):
            before = _WORD_BEFORE.search(text, max(0, one.start - 40), one.start)
            word = (before.start(1), before.end(1)) if before else None
        elif (with_ := _WITH.match(between)) is not None:
            word = (one.end + with_.start(1), one.end + with_.end(1))
        if word is None:
            continue
        mention = _border(text, word, one, other, gaz)
        if mention is not None:
            found.append(mention)
    return found + _shared_borders(text, countries, gaz)


def _shared_borders(text: str, countries: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """The border of the two countries the sentence names before a "shared border": exactly two, or it is unknown
    whose border it is."""
    found: list[Mention] = []
    for match in _SHARED.finditer(text):
        ends = [end.end() for end in _SENTENCE_END.finditer(text, 0, match.start())]
        sentence_start = ends[-1] if ends else 0
        named: dict[str, Mention] = {}
        for mention in countries:
            if sentence_start <= mention.start and mention.end <= match.start():
                named.setdefault(mention.place_id, mention)
        if len(named) == 2:
            one, other = named.values()
            mention = _border(text, match.span(1), one, other, gaz)
            if mention is not None:
                found.append(mention)
    return found


def _border(text: str, word: tuple[int, int], one: Mention, other: Mention, gaz: Gazetteer) -> Mention | None:
    first, second = gaz.get(one.place_id), gaz.get(other.place_id)
    border = gaz.border(first, second) if first is not None and second is not None else None
    if border is None:
        return None
    start, end = word
    return Mention(
        start=start, end=end, text=text[start:end], place_id=border.id, place_name=border.name, kind=border.kind,
        lat=border.lat, lon=border.lon, score=min(one.score, other.score),
        reason=f"the border of {first.name} and {second.name}, as written: "
               f"'{text[min(start, one.start):max(end, other.end)]}'",
        country_codes=border.country_codes,
    )
