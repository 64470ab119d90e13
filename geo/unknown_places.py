"""Names of places the gazetteer lacks, when the words around them say they are places.

The gazetteer stops at towns of 500 people and has no camps, hospitals or bridges, yet these are what conflict
reports are often about ("a jet bombed Pa Zi Gyi village", "shelling of the Zamzam camp"). The NER is no help alone:
it calls such names persons as often as places. A name is taken here only when the text says what kind of place it
is, with a noun after it ("Pa Zi Gyi Village", "the Okhmatdyt children's hospital", "Koe Tan Kauk police post") or
in an apposition (", a village north of Sittwe"), or when the NER itself calls it a place. What is found is only a
candidate: the resolver keeps it when the text also ties it to a place the gazetteer knows (geo.anchor).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from spacy.tokens import Doc

from gazetteer import Kind
from geo.context import capitalised_runs, trim
from geo.lexicon import LOWER_CASE_SITE_NOUNS, SETTLEMENT_NOUNS, SITE_NOUNS

MODIFIER_TOKENS = 3  # lower-case words between a name and its kind noun ("children's hospital", "border guard post")
# What the NER calls a place is taken without a kind noun only for towns and areas: its buildings and streets
# ("Le Bernardin", "Collins Avenue") are rarely where a reported event is placed.
NER_PLACES = frozenset({"GPE", "LOC"})
CALENDAR_ENTITIES = frozenset({"DATE", "TIME", "EVENT"})  # what a market or a camp is named after is no place then
NOT_PLACE_HEADS = frozenset({"operation"})  # "the headquarters of Operation Lafiya Dole in Maiduguri"
# Words that make a name an address or an institution, not a place an event is placed at ("2700 North Fourth
# Street", "Carbon School District").
NOT_PLACE_WORDS = frozenset({"street", "avenue", "road", "boulevard", "lane", "drive", "school", "college"})
MAX_TOKENS = 5
HYPHEN = frozenset({"-"})
KIND_NOUNS_AFTER = SETTLEMENT_NOUNS | LOWER_CASE_SITE_NOUNS  # "Zamzam camp", "Koe Tan Kauk police post"
KIND_NOUNS_APPOSED = SETTLEMENT_NOUNS | SITE_NOUNS  # ", a town in Idlib province"


def kind_of(noun: str) -> str:
    return Kind.POPULATED_PLACE if noun in SETTLEMENT_NOUNS else Kind.LANDMARK


def unknown_names(doc: Doc, known: Iterable[tuple[int, int]],
                  is_known: Callable[[str], bool]) -> Iterator[tuple[int, int, str, str, int]]:
    """(start, end, full name, kind, anchor_from) in characters for each name of a place the gazetteer lacks: the
    span covers the name proper ("Pa Zi Gyi"), the full name adds its kind noun ("Pa Zi Gyi Village"), and
    `anchor_from` is where the words that may say where it lies begin. `known`: character spans already taken by
    gazetteer names; `is_known`: whether the gazetteer knows a name."""
    taken = sorted(known)
    text = doc.text  # spaCy builds it anew on every access
    ner_places = {(e.start_char, e.end_char) for e in doc.ents if e.label_ in NER_PLACES}
    # joined only by hyphens (not "of": "Kanbalu Township of Sagaing Region" is two), the article read apart
    for start, end in capitalised_runs(doc, [False] * len(doc), connectors=HYPHEN, with_article=False):
        start, end = trim(doc, start, end)
        if end <= start or end - start > MAX_TOKENS:
            continue
        first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        if any(a < last and first < b for a, b in taken):
            continue
        found = _kind_phrase(doc, start, end, (first, last) in ner_places)
        if found is None:
            continue
        name_end, full_end, kind = found
        # a known name the recognizer did not take is still a site's name when a site noun follows it ("the Kalma
        # camp near Nyala", "Evin prison": the gazetteer knows them only as namesakes in Iowa and France); the site
        # stands where the text ties it, like any name the gazetteer lacks
        site = kind == Kind.LANDMARK and full_end > name_end and \
            not any(t.ent_type_ in CALENDAR_ENTITIES for t in doc[start:name_end])  # not "a Christmas market"
        if name_end <= start or (not site and (is_known(doc[start:end].text) or is_known(doc[start:name_end].text))):
            continue
        name_last = doc[name_end - 1].idx + len(doc[name_end - 1])
        full = text[first:doc[full_end - 1].idx + len(doc[full_end - 1])]
        yield first, name_last, full, kind, doc[full_end - 1].idx + len(doc[full_end - 1])


def kind_noun_after(doc: Doc, end: int) -> tuple[int, str] | None:
    """(the token end of the phrase, the noun) when a lower-case kind noun follows a name, after at most a few
    modifiers ("children's hospital", "border guard post"); not "RSF attacked the town" (the geoparser's parse has no
    part-of-speech tags: a past tense or a function word ends the modifiers), nor a possessive ("Hamas's base":
    whose, not which)."""
    if end < len(doc) and doc[end].lower_ in ("'s", "\u2019s"):
        return None
    for k in range(end, min(len(doc), end + MODIFIER_TOKENS + 1)):
        token = doc[k]
        if token.is_lower and token.lower_ in KIND_NOUNS_AFTER:
            return k + 1, token.lower_
        modifier = token.is_lower and token.is_alpha and not token.is_stop and not token.lower_.endswith("ed")
        if not modifier and token.lower_ not in ("'s", "\u2019s"):
            return None
    return None


def _kind_phrase(doc: Doc, start: int, end: int, ner_place: bool) -> tuple[int, int, str] | None:
    """(end of the name proper, end of the full name, kind) in tokens, or None when nothing says it is a place."""
    if doc[start].lower_ in NOT_PLACE_HEADS or any(t.lower_ in NOT_PLACE_WORDS for t in doc[start:end]):
        return None
    last = doc[end - 1].lower_
    if end - start >= 2 and last in SETTLEMENT_NOUNS:
        return end - 1, end, kind_of(last)  # "Pa Zi Gyi Village": the unit word is left out, as for known names
    if end - start >= 2 and last in SITE_NOUNS:
        return end, end, kind_of(last)  # "Al-Ahli Arabi Hospital": all of it is the name
    after = kind_noun_after(doc, end)
    if after is not None:
        return end, after[0], kind_of(after[1])  # "Zamzam camp", "Okhmatdyt children's hospital"
    if end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].lower_ in ("a", "an"):
        for k in range(end + 2, min(len(doc), end + 2 + MODIFIER_TOKENS)):
            if doc[k].lower_ in KIND_NOUNS_APPOSED:
                return end, end, kind_of(doc[k].lower_)  # "Kafr Nabl, a town in Idlib province"
            if not doc[k].is_lower:
                break
    return (end, end, Kind.POPULATED_PLACE) if ner_place else None
