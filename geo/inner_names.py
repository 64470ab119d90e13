"""Place names inside other names: which of them are mentions of the place.

A place named as part of a longer name is, as a rule, no mention of it ("the Minsk Group", "Mississippi River"); these
readers find the exceptions, where the name still points at a state or a place: a list NER joined into one entity
("Thruxton, Hampshire"), a public body's jurisdiction ("the Russian Foreign Ministry"), the place an organisation is
named after (kept as a metonym, "the Washington Post"), a currency's country ("US dollars") and a hyphenated modifier
("Moscow-led"). `geo.recognize` decides when to ask them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Doc

from gazetteer import Kind
from geo.context import MAX_NAME_TOKENS
from geo.lexicon import (
    AREA_MODIFIERS,
    BODY_MODIFIERS,
    CURRENCIES,
    GENERIC_SUFFIXES,
    MEETING_HEADS,
    PUBLIC_BODIES,
    UNIT_WORDS,
)
from geo.place_names import PlaceNames, is_acronym
from geo.spans import Span, span_at

NAMED_AFTER_AREAS = frozenset({Kind.ADMIN1, Kind.REGION, Kind.DISPUTED_AREA})


def inner_places(names: PlaceNames, doc: Doc, start: int, end: int, evidence: str,
                 lists_only: bool = False) -> list[Span]:
    """Known names inside an entity that is not itself known: "north west London", "Sichuan province",
    "Thruxton, Hampshire", "Ingham or Townsville", "Karabakh for Armenia". Only when everything else in the
    entity is a direction, a generic word or a separator between names (`lists_only`: only separators), and no
    two names touch: "Mississippi River", "Manila Cathedral" or "Claude Joseph Villars" are not about the places
    they contain."""
    found: list[tuple[int, int]] = []
    i = start
    while i < end:
        if found and found[-1][1] == i == end - 1 and doc[i].lower_ in UNIT_WORDS:
            i += 1  # "Sagaing Region": the unit word, though some place somewhere is also called "Region"
            continue
        for j in range(min(end, i + MAX_NAME_TOKENS), i, -1):
            single_code = j - i == 1 and is_acronym(doc[i].text)
            if doc[i].text[:1].isupper() and not single_code and names.known(doc[i:j].text):
                if found and found[-1][1] == i:
                    return []
                found.append((i, j))
                i = j
                break
        else:
            token = doc[i]
            # "from Karabakh to Armenia", "leave Karabakh for Armenia": NER joins such pairs into one entity
            separator = token.text in (",", ";", "/", "&") or token.lower_ in ("and", "or", "to", "for", "from")
            modifier = token.lower_ in AREA_MODIFIERS or token.lower_ in GENERIC_SUFFIXES
            if not (separator or (modifier and not lists_only)):
                return []
            i += 1
    if lists_only and len(found) < 2:
        return []
    return [span_at(doc, i, j, evidence) for i, j in found]


def public_body(names: PlaceNames, doc: Doc, start: int, end: int) -> Iterator[Span]:
    """'the Russian Foreign Ministry', 'Kentucky State Police', 'the Central Bank of Malta', 'Manitoba Premier
    Brian Pallister': a place (or its demonym) naming a public body or office stands for the jurisdiction."""
    for k in range(min(end - 1, start + MAX_NAME_TOKENS), start, -1):
        j = k
        while j < end and doc[j].lower_ in BODY_MODIFIERS:
            j += 1
        if j < end and doc[j].lower_ in PUBLIC_BODIES and names.jurisdiction(doc[start:k].text):
            yield span_at(doc, start, k, "names the jurisdiction of a public body")
            break
    for i in range(end - 2, start, -1):  # the last "of": "Deputy Minister of Defence of Azerbaijan"
        if doc[i].lower_ == "of" and any(t.lower_ in PUBLIC_BODIES for t in doc[start:i]):
            if names.jurisdiction(doc[i + 1:end].text):
                yield span_at(doc, i + 1, end, "names the jurisdiction of a public body")
            break


def named_after(names: PlaceNames, doc: Doc, start: int, end: int) -> Iterator[Span]:
    """'the Washington Post', 'Sudan Tribune', 'Syrian Observatory for Human Rights', 'the Culinary Institute of
    America', 'Radio Free Asia': the state, region or large city an organisation is named after, at the head of
    its name or after its last 'of' (a country or region also at its end). A reader (and the corpora) count the
    place word, but it stands for the organisation, not for where anything happens (nor does a meeting's city in
    'the Minsk Group'): marked a metonym, so that no event is placed there (extract.attach). The caller holds a
    name that is neither prominent nor a demonym until the text names it as a place elsewhere."""
    def named(text: str) -> bool:
        if not text[:1].isupper() or names.is_people_plural(text):
            return False
        if is_acronym(text):  # "EU Aviation", "US Special Forces"; longer initials are the organisation's own
            top = names.best(text)  # ("GTM Research", not Guatemala's ISO code)
            return sum(c.isalpha() for c in text) <= 2 and top is not None and top.reason == "abbreviation"
        top = names.best(text)  # a building or street names its owner or trade ("Wall Street Journal")
        if top is None or top.place.kind == Kind.LANDMARK:
            return False
        # an older or other name of a province or region ("the Arakan Army", Arakan being Rakhine) is held like a
        # small town: taken only when the text names that place as well
        return names.jurisdiction(text) or names.prominent(text) or \
            (top.reason == "alternate" and top.place.kind in NAMED_AFTER_AREAS)

    if doc[end - 1].lower_ in MEETING_HEADS:  # "the Minsk Group": named after a meeting, not an organisation
        return
    for k in range(min(end - 1, start + MAX_NAME_TOKENS), start, -1):
        if doc[k].text[:1].isupper() and not doc[k - 1].is_punct and named(doc[start:k].text):
            yield replace(span_at(doc, start, k, "an organisation is named after it"), metonym=True)
            return
    for i in range(end - 2, start, -1):
        if doc[i].lower_ == "of":
            if doc[i + 1].text[:1].isupper() and not names.is_demonym(doc[i + 1:end].text) \
                    and named(doc[i + 1:end].text):
                yield replace(span_at(doc, i + 1, end, "an organisation is named after it"), metonym=True)
            return
    for k in range(max(start + 1, end - MAX_NAME_TOKENS), end):
        # "Radio Free Asia", "Air France": at the end of the name only a country or a continent-sized region
        # (a town there is more often a surname: "Morgan Stanley")
        top = names.best(doc[k:end].text)
        if doc[k - 1].text[:1].isupper() and top is not None and top.place.kind in (Kind.COUNTRY, Kind.REGION) \
                and top.reason != "demonym" and named(doc[k:end].text):
            yield replace(span_at(doc, k, end, "an organisation is named after it"), metonym=True)
            return


def currency_country(names: PlaceNames, doc: Doc, start: int, end: int) -> Iterator[Span]:
    """'11 billion US dollars', '8,000 Egyptian pounds': the currency's country."""
    for i in range(start, end - 1):
        country = names.is_demonym(doc[i].text) or names.is_country(doc[i].text)
        if country and doc[i + 1].lower_.rstrip("s") in CURRENCIES:
            yield span_at(doc, i, i + 1, "currency of a country")


def hyphen_modifiers(names: PlaceNames, doc: Doc, start: int, end: int) -> Iterator[Span]:
    """'Moscow-led', 'U.S.-backed', 'Turkish-Russian': names joined by hyphens inside a longer entity."""
    for i in range(start, end):
        nxt = doc[i + 1] if i + 1 < len(doc) else None
        prev = doc[i - 1] if i > 0 else None
        joined_after = nxt is not None and nxt.text in "-\u2013" and not doc[i].whitespace_
        joined_before = prev is not None and prev.text in "-\u2013" and not prev.whitespace_
        text = doc[i].text
        if (joined_after or joined_before) and text[:1].isupper() and names.known(text) \
                and (names.is_demonym(text) or names.is_country(text) or names.prominent(text)):
            yield span_at(doc, i, i + 1, "hyphenated modifier")


def fused_modifiers(names: PlaceNames, doc: Doc, claimed: list[bool]) -> Iterator[Span]:
    """'the U.S.-led coalition': a country before '-led' or '-backed' that the tokenizer kept in one token with
    its suffix (it splits 'Saudi-led', which hyphen_modifiers reads)."""
    for token in doc:
        name, dash, rest = token.text.rpartition("-")
        if claimed[token.i] or not dash or not rest.islower() or not name[:1].isupper():
            continue
        if names.is_country(name) or names.is_demonym(name):
            yield Span(token.idx, token.idx + len(name), name, "hyphenated modifier")
