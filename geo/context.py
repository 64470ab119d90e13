"""What the words around a capitalised name say about it: token-level tests on a spaCy Doc.

Each function answers one question about a position in the text (is the name after "in"? followed by "said"? at the
start of a line in capitals?) so that the recogniser's rules read as sentences.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from geo.lexicon import (
    AREA_DIRECTIONS,
    AREA_NOUNS,
    ATTACK_NOUNS,
    AUXILIARIES,
    DIRECTIONS,
    LANGUAGE_CUES,
    LANGUAGE_FOLLOWERS,
    LOCATIVE_PREPOSITIONS,
    NAME_ARTICLES,
    NAME_CONNECTORS,
    PERSON_PREPOSITIONS,
    PERSON_TITLES,
    PLACE_CLASS_NOUNS,
    STANCE_ADJECTIVES,
    STANCE_VERBS,
    TOWN_NOUNS,
)

MAX_NAME_TOKENS = 6
RUN_CONNECTORS = NAME_CONNECTORS | {"-", "&"}  # what may join the words of one name ("Bosnia and Herzegovina")
_POSSESSIVE = re.compile(r"^['\u2019]s?$", re.IGNORECASE)


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ == "the" or doc[start].is_punct):
        start += 1
    while end > start:
        last = doc[end - 1]
        if not (_POSSESSIVE.match(last.text) or (last.is_punct and last.text != ".")):
            break
        end -= 1
    return start, end


def is_name_token(token: Token) -> bool:
    text = token.text
    return (text[:1].isupper() and any(c.isalpha() for c in text) and not token.is_stop) or token.text in ("St.", "Ft.")


def article_before(doc: Doc, start: int) -> int:
    """Where the name begins once a lower-case Arabic article joined to it by a hyphen is counted ("al-Hasakah",
    "el-Obeid": the article is part of the name as written), or `start` when there is none."""
    if start >= 2 and doc[start - 1].text == "-" and doc[start - 2].lower_ in NAME_ARTICLES \
            and doc[start - 2].is_lower and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        return start - 2
    return start


def capitalised_runs(doc: Doc, claimed: list[bool], *, connectors: frozenset[str] = RUN_CONNECTORS,
                     with_article: bool = True) -> Iterator[tuple[int, int]]:
    """Maximal runs of unclaimed capitalised tokens, allowing `connectors` inside ('of', '-', '&'), each with the
    lower-case article joined to its start ("al-Mukha") if `with_article`."""
    i, n = 0, len(doc)
    while i < n:
        if claimed[i] or not is_name_token(doc[i]):
            i += 1
            continue
        first = article_before(doc, i) if with_article else i
        if any(claimed[first:i]):
            first = i
        j = i + 1
        while j < n and not claimed[j]:
            if is_name_token(doc[j]):
                j += 1
            elif doc[j].lower_ in connectors and j + 1 < n and not claimed[j + 1] and is_name_token(doc[j + 1]):
                j += 2
            else:
                break
        if j - i <= MAX_NAME_TOKENS:
            yield first, j
        i = j


def lines_of(ent: SpacySpan) -> list[SpacySpan]:
    """The parts of an entity separated by line breaks, each keeping the entity's label."""
    parts, start = [], ent.start
    for token in ent:
        if "\n" in token.text or "\n" in token.whitespace_:
            end = token.i if token.is_space else token.i + 1
            if end > start:
                parts.append(SpacySpan(ent.doc, start, end, label=ent.label_))
            start = token.i + 1
    if ent.end > start:
        parts.append(SpacySpan(ent.doc, start, ent.end, label=ent.label_))
    return parts


def dateline(doc: Doc, start: int, end: int) -> bool:
    """'BANTAM — A Danbury mason...', 'EDMONTON, Ky (WBKO) --', 'OKLAHOMA CITY The Latest': a place in capitals
    opening a line or a sentence of news, followed by a dash, a comma, a bracket or the story itself."""
    upper = all(t.is_upper or not t.is_alpha for t in doc[start:end]) and any(t.is_alpha for t in doc[start:end])
    if not upper or end >= len(doc) or not sentence_initial(doc, start):
        return False
    after = doc[end].text
    at_line_start = start == 0 or "\n" in doc[start - 1].whitespace_ or doc[start - 1].is_space
    return after[:1] in ("\u2014", "\u2013", "-", ",", "(") or (at_line_start and after[:1].isupper())


def sentence_initial(doc: Doc, i: int) -> bool:
    if i == 0:
        return True
    prev = doc[i - 1]
    return prev.text in (".", "!", "?", ":", "\u2022", "\"", "\u201c", "'", "\u2018", "(") or "\n" in prev.text \
        or "\n" in prev.whitespace_ or prev.is_space


def locative_before(doc: Doc, start: int, *, against_person: bool = False) -> bool:
    """Whether a locative preposition governs the name; `against_person` asks for one that also outweighs the name
    being a person's (so not "between", "of", "to")."""
    i = start - 1
    if i >= 0 and doc[i].lower_ in DIRECTIONS:  # "in eastern Ghouta"
        i -= 1
    if i >= 0 and doc[i].lower_ == "the":
        i -= 1
    if i < 0 or doc[i].lower_ not in LOCATIVE_PREPOSITIONS:
        return False
    return not (against_person and doc[i].lower_ in PERSON_PREPOSITIONS)


def said_to_be_a_place(doc: Doc, start: int, end: int) -> bool:
    """The words around the name make it a place: a locative preposition before it, a kind of place after it, or an
    act of war it names the site of ("the Ben Guerdane attack")."""
    return locative_before(doc, start) or place_class_after(doc, end) or site_of_attack(doc, start, end)


def site_of_attack(doc: Doc, start: int, end: int) -> bool:
    """ "the Ben Guerdane attack in March 2016": "the", the name, then an attack noun."""
    return start > 0 and doc[start - 1].lower_ == "the" and end < len(doc) and doc[end].lower_ in ATTACK_NOUNS


def place_class_after(doc: Doc, end: int) -> bool:
    """Whether the text goes on to say what kind of place the name is: "Qamishli and other towns", "Douma, a city
    near Damascus" (a Hearst pattern: NER often calls an unfamiliar town an organisation), "Bure town", "Hodeidah
    port city", "Luhansk region" (a lower-case class noun right after the name)."""
    words = [t.lower_ for t in doc[end:end + 4]]
    if end < len(doc) and doc[end].is_lower and (words[0] in PLACE_CLASS_NOUNS or words[0] in AREA_NOUNS or (
            words[0] == "port" and (len(words) == 1 or not doc[end + 1].is_alpha or words[1] in PLACE_CLASS_NOUNS))):
        return True
    if area_head_after(doc, end):
        return True
    if words[:2] in (["and", "other"], ["or", "other"]):
        return len(words) > 2 and _singular(words[2]) in PLACE_CLASS_NOUNS
    if words[:2] in ([",", "a"], [",", "the"]):  # the class noun, or one adjective before it
        return any(word in PLACE_CLASS_NOUNS for word in words[2:4])
    return False


def area_head_after(doc: Doc, end: int) -> bool:
    """Whether a lower-case unit noun says the name is an administrative unit or region: "Luhansk region", "Idlib
    governorate", or, for every name of a coordinated list, the plural head after its last name: "the Kherson and
    Zaporizhzhia regions", "Donetsk, Luhansk and Kherson oblasts". A capitalised unit noun that ends the name
    ("Sagaing Region", "Donetsk Oblast") says so too."""
    if end < len(doc) and doc[end].lower_ in AREA_NOUNS and doc[end].text[:1].isupper() and \
            (end + 1 == len(doc) or not is_name_token(doc[end + 1])):
        return True
    i, coordinated = end, False
    while i < len(doc) and i - end <= 2 * MAX_NAME_TOKENS:
        token = doc[i]
        if token.lower_ in ("and", "or", ","):
            coordinated = True
        elif not (is_name_token(token) or token.text == "-"):
            break
        i += 1
    if i >= len(doc) or not doc[i].is_lower:
        return False
    word = doc[i].lower_
    if coordinated:
        return word != _singular(word) and _singular(word) in AREA_NOUNS
    return i == end and word in AREA_NOUNS


def town_noun_around(doc: Doc, start: int, end: int) -> bool:
    """'the city of Kherson', 'Bure town', 'Hodeidah port city': the text says the name is a town."""
    before = [t.lower_ for t in doc[max(0, start - 2):start]]
    after = [t.lower_ for t in doc[end:end + 3]] + ["", "", ""]
    if before[-2:] in (["city", "of"], ["town", "of"], ["village", "of"], ["port", "of"]):
        return True
    noun = 1 if after[0] == "port" and after[1] in TOWN_NOUNS else 0
    return after[noun] in TOWN_NOUNS and after[noun + 1] != "of"  # "the Hunan city of Yueyang": Hunan is no town


def area_direction_before(doc: Doc, start: int) -> bool:
    """'northern Rakhine', 'in southern Lebanon': a part of an area, named by its direction."""
    return start > 0 and doc[start - 1].lower_ in AREA_DIRECTIONS


def _singular(word: str) -> str:
    """Enough for the class nouns: "cities" -> "city", "towns" -> "town"."""
    return word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")


def stance_verb(doc: Doc, end: int) -> str | None:
    """The verb of speaking or acting a place is the subject of ('Yerevan insists', 'Washington and Paris stopped',
    'the Kremlin is ready'), or None."""
    i = end
    if i < len(doc) and doc[i].lower_ in ("and", ","):  # coordinated subjects: skip the second name
        j = i + 1
        while j < len(doc) and doc[j].text[:1].isupper():
            j += 1
        if j > i + 1:
            i = j
    auxiliary = False
    while i < len(doc) and doc[i].lower_ in AUXILIARIES:
        i += 1
        auxiliary = True
    if i >= len(doc):
        return None
    word = doc[i].lower_
    return doc[end:i + 1].text if word in STANCE_VERBS or (auxiliary and word in STANCE_ADJECTIVES) else None


def stance_after(doc: Doc, end: int) -> bool:
    return stance_verb(doc, end) is not None


def after_title(doc: Doc, start: int) -> bool:
    i = start - 1
    if i >= 0 and doc[i].text == ".":
        i -= 1
    return i >= 0 and doc[i].lower_.rstrip(".") in PERSON_TITLES


def before_common_noun(doc: Doc, end: int) -> bool:
    return end < len(doc) and doc[end].is_lower and doc[end].is_alpha and not doc[end].is_stop


def used_as_language(doc: Doc, start: int, end: int) -> bool:
    """'speaks French', 'printed in Chinese,' - the demonym names a language, not a country."""
    before = doc[start - 1].lower_ if start > 0 else ""
    after = doc[end] if end < len(doc) else None
    ends_phrase = after is None or (after.is_punct and not after.is_quote) \
        or after.lower_ in ("and", "or", "as", "with", "at", "to")
    followed = after is not None and after.lower_ in LANGUAGE_FOLLOWERS
    return before in LANGUAGE_CUES or followed or (before in ("in", "into", "of") and ends_phrase)
