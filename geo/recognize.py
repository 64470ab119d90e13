"""Find the spans of a text that name places.

spaCy's small English NER is a good start but not a place detector: it calls Yerevan a PERSON, Tamil Nadu a PERSON,
the EU an ORG, and misses names it has never seen. So every span is checked against the gazetteer, and spans come
from three sources:
  * NER place entities (GPE, LOC, FAC), trimmed of "the" and possessives; when the whole entity is not a known name
    ("north west London", "Sichuan province"), the known names inside it;
  * demonyms the gazetteer knows ("Armenian" -> Armenia), unless they name a language or a group of people;
  * names NER labelled otherwise or missed: runs of capitalised words that are exactly a known name, accepted when
    the context is locative ("in", "from"; a stance verb after a state-sized place: "Yerevan insists"), the place
    is prominent (a country, capital, named region or a large city), or the same name is accepted elsewhere in the
    text (one sense per document); datelines ("BANTAM -") count too.
Place names that are only part of the name of an organisation, person or work ("the Minsk Group", "the Washington
Post", "Abraham Lincoln") are not mentions of the place: a known name must be the whole capitalised run or entity.
Exceptions keep the state in view: a place or demonym naming one of its public bodies ("the Russian Foreign
Ministry", "Kentucky State Police", "the Central Bank of Malta"), a place before "-led" ("Moscow-led"), and a
currency's country ("US dollars").
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from gazetteer import Candidate, Gazetteer, Kind
from gazetteer.normalize import normalize
from geo.context import (
    MAX_NAME_TOKENS,
    after_title,
    before_common_noun,
    capitalised_runs,
    dateline,
    lines_of,
    locative_before,
    said_to_be_a_place,
    sentence_initial,
    stance_after,
    stance_verb,
    trim,
    used_as_language,
)
from geo.lexicon import (
    AREA_MODIFIERS,
    BODY_MODIFIERS,
    CURRENCIES,
    DIRECTIONS,
    GENERIC_SUFFIXES,
    PUBLIC_BODIES,
)

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_EXTENSION = 4  # tokens a known name may run past the entity or run NER found
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})

# Kinds that have public bodies of their own (a ministry, a police force, a court).
JURISDICTION_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2, Kind.CAPITAL, Kind.DISPUTED_AREA})
# Kinds whose names, capitalised, are read as the place without further evidence. Landmarks and water bodies are
# curated records ("the Kremlin", "Atlantic"), not the millions of village names a capitalised word can collide with.
_PROMINENT_KINDS = frozenset({Kind.COUNTRY, Kind.CAPITAL, Kind.DISPUTED_AREA, Kind.CORRIDOR, Kind.REGION, Kind.LANDMARK,
                              Kind.WATER_BODY})


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text that names a place, before resolution."""

    start: int  # character offsets into the text that was parsed (same as the stored original)
    end: int
    text: str
    evidence: str  # how it was found, kept for the mention's reason
    metonym: bool = False


class Recognizer:
    def __init__(self, gazetteer: Gazetteer, min_population: int = 200_000, keep_unknown: bool = False) -> None:
        self.gaz = gazetteer
        self.min_population = min_population  # a bare capitalised town name needs this many people to count alone
        self.keep_unknown = keep_unknown  # keep NER places the gazetteer lacks (for an online fallback to resolve)

    # -- gazetteer helpers --------------------------------------------------------------------------------------
    def known(self, text: str) -> bool:
        """Whether the gazetteer has a record for this name as written (short all-capitals forms only as codes)."""
        key = normalize(text)
        if not key or not self.gaz.is_known(key):
            return False
        if all(word in DIRECTIONS for word in key.split()):
            # "the West", "North": a bare direction names a place only as a curated region or sea
            top = self.best(text)
            return top is not None and top.place.kind in (Kind.REGION, Kind.WATER_BODY)
        return not is_acronym(text) or any(case_fits(text, c) for c in self.gaz.lookup(text, limit=10, fuzzy=False))

    def best(self, text: str) -> Candidate | None:
        candidates = self.gaz.lookup(text, limit=5, fuzzy=False)
        return candidates[0] if candidates else None

    def is_demonym(self, text: str) -> bool:
        candidates = self.gaz.lookup(text, limit=5, fuzzy=False)
        return bool(candidates) and candidates[0].reason == "demonym"

    def is_people_plural(self, text: str) -> bool:
        """'Mexicans', 'Canadians': people, not their country (the corpora and readers do not map them)."""
        return text.endswith("s") and not text.endswith("ss") and self.is_demonym(text[:-1])

    def prominent(self, text: str) -> bool:
        """A name that, written with a capital and without locative context, most likely means a place: a country,
        capital or named region, or a city large enough that a capitalised homonym is rarer than the city."""
        top = self.best(text)
        if top is None or top.reason in ("demonym", "fuzzy") or not case_fits(text, top):
            return False
        if top.reason == "alternate" and (top.place.kind not in _PROMINENT_KINDS or text.endswith(".")):
            return False  # GeoNames alternate names include codes and local words ("Inc.", "Jul") for big places
        return top.place.kind in _PROMINENT_KINDS or (top.place.population or 0) >= self.min_population

    # -- main entry ---------------------------------------------------------------------------------------------
    def spans(self, doc: Doc, offset: int = 0) -> list[Span]:
        """Place spans in `doc` (character offsets shifted by `offset`), sorted, without overlaps.

        Names that were held back only for want of evidence (a bare "Nelson" NER took for a person) are accepted
        when the same name is accepted elsewhere in the text: one sense per document."""
        claimed = [False] * len(doc)  # tokens already explained by an entity decision
        person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" and len(e) > 1 and not self.known(e.text)
                        for t in e}
        found: list[Span] = []
        held: list[Span] = []
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                claimed[i] = True
            for part in lines_of(ent):  # NER sometimes runs a name on into the next paragraph
                self._from_entity(doc, part, person_words, found, held)
        self._from_phrases(doc, claimed, person_words, found, held)
        accepted = {normalize(s.text) for s in found}
        found += [replace(s, evidence=s.evidence + "; same name is a place elsewhere in the text")
                  for s in held if normalize(s.text) in accepted]
        found.sort(key=lambda s: (s.start, -s.end))
        kept: list[Span] = []
        for span in found:
            if not kept or span.start >= kept[-1].end:
                kept.append(span)
        return [replace(span, start=span.start + offset, end=span.end + offset) for span in kept]

    # -- entities -----------------------------------------------------------------------------------------------
    def _from_entity(self, doc: Doc, ent: SpacySpan, person_words: set[str], found: list[Span],
                     held: list[Span]) -> None:
        start, end = trim(doc, ent.start, ent.end)
        if start >= end:
            return
        end = self._extend_right(doc, start, end)
        text = doc[start:end].text
        label = ent.label_
        if label in PLACE_LABELS:
            if self.known(text):
                # "Georgia" after "Georgia Stevens, 9, skates...": a person's name used alone, unless "in Georgia"
                # (not "from Georgia's hard work": a possessive after the preposition is the person again)
                possessive = end < len(doc) and doc[end].lower_ in ("'s", "\u2019s")
                named_person = any(t.lower_ in person_words for t in doc[start:end]) and (
                    possessive or not locative_before(doc, start, against_person=True))
                (held if named_person else found).append(self._span(doc, start, end, f"NER {label}"))
            elif self._typo_of_prominent(text):
                found.append(self._span(doc, start, end, f"NER {label}, spelling variant"))
            else:
                inner = self._inner_places(doc, start, end, f"inside NER {label}")
                if inner or not self.keep_unknown:
                    found.extend(inner)
                elif label != "FAC":
                    found.append(self._span(doc, start, end, f"NER {label}, not in the gazetteer"))
        elif self.is_demonym(text) and (label == "NORP" or before_common_noun(doc, end)):
            # NER calls some demonyms persons ("Azerbaijani soldiers"): an adjective before a noun is a demonym
            if not self.is_people_plural(text) and not used_as_language(doc, start, end):
                found.append(self._span(doc, start, end, f"demonym (NER {label})"))
        elif label in NUMERIC_LABELS:
            if label == "MONEY":
                found.extend(self._currency_country(doc, start, end))
        elif not self.known(text) and locative_before(doc, start) and self._typo_of_prominent(text):
            found.append(self._span(doc, start, end, f"spelling variant in locative context (NER said {label})"))
        elif self.known(text) and not self.is_demonym(text):
            if after_title(doc, start) or any(t.lower_ in person_words for t in doc[start:end]):
                return
            if label == "NORP" and not self.prominent(text):
                return  # a nationality or group NER is sure of ("the English Premier League") is no town
            # a person says things too: for NER's persons, only a state-sized place may be the speaker
            speaker = stance_after(doc, end) and (label != "PERSON" or self._jurisdiction(text))
            if said_to_be_a_place(doc, start, end) or speaker or self.prominent(text) \
                    or self._qualifies_previous_name(doc, start, text):
                found.append(self._span(doc, start, end, f"gazetteer name (NER said {label})"))
            else:
                held.append(self._span(doc, start, end, f"gazetteer name (NER said {label})"))
        else:
            inner = self._inner_places(doc, start, end, f"places listed in NER {label}", lists_only=True)
            found.extend(inner or self._public_body(doc, start, end))
            found.extend(self._hyphen_modifiers(doc, start, end))

    def _extend_right(self, doc: Doc, start: int, end: int) -> int:
        """The longest known name that starts here and runs past `end` on the same line: 'the Lachin corridor',
        'Trinidad and Tobago' or 'Baja California' that NER cut in two, 'Washington, D.C.'; and 'Man.' whose
        period the tokenizer took for a full stop (an abbreviation stored with its period)."""
        if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_:
            dotted = doc[start:end].text + "."
            if any(c.reason == "abbreviation" and c.matched_name == dotted for c in self.gaz.lookup(dotted, limit=5)):
                return end + 1
        longest = end
        key = normalize(doc[start:end].text)
        if key != "the" and not self.gaz.runs_on(key):
            # no longer name is known either: normalize folds character by character, so the key of a longer
            # text starts with the key of its beginning, except for "the", which it drops before a name
            return longest
        for stop in range(end + 1, min(len(doc), end + MAX_EXTENSION) + 1):
            if "\n" in doc[stop - 2].whitespace_ or doc[stop - 1].is_space:
                break
            last = doc[stop - 1]
            if last.is_alpha and (last.is_lower or last.text[:1].isupper()) and self.known(doc[start:stop].text):
                longest = stop
        return longest

    def _typo_of_prominent(self, text: str) -> bool:
        """'Nagorno-Krabakh': NER is sure it is a place and a typo-tolerant look-up finds a prominent one."""
        candidates = self.gaz.lookup(text, limit=3, fuzzy=True)
        return bool(candidates) and candidates[0].reason == "fuzzy" and candidates[0].place.kind in _PROMINENT_KINDS

    def _inner_places(self, doc: Doc, start: int, end: int, evidence: str, lists_only: bool = False) -> list[Span]:
        """Known names inside an entity that is not itself known: "north west London", "Sichuan province",
        "Thruxton, Hampshire", "Ingham or Townsville". Only when everything else in the entity is a direction, a
        generic word or a separator between names (`lists_only`: only separators), and no two names touch:
        "Mississippi River", "Manila Cathedral" or "Claude Joseph Villars" are not about the places they contain."""
        found: list[tuple[int, int]] = []
        i = start
        while i < end:
            for j in range(min(end, i + MAX_NAME_TOKENS), i, -1):
                single_code = j - i == 1 and is_acronym(doc[i].text)
                if doc[i].text[:1].isupper() and not single_code and self.known(doc[i:j].text):
                    if found and found[-1][1] == i:
                        return []
                    found.append((i, j))
                    i = j
                    break
            else:
                token = doc[i]
                separator = token.text in (",", ";", "/", "&") or token.lower_ in ("and", "or")
                modifier = token.lower_ in AREA_MODIFIERS or token.lower_ in GENERIC_SUFFIXES
                if not (separator or (modifier and not lists_only)):
                    return []
                i += 1
        if lists_only and len(found) < 2:
            return []
        return [self._span(doc, i, j, evidence) for i, j in found]

    def _public_body(self, doc: Doc, start: int, end: int) -> Iterator[Span]:
        """'the Russian Foreign Ministry', 'Kentucky State Police', 'the Central Bank of Malta', 'Manitoba Premier
        Brian Pallister': a place (or its demonym) naming a public body or office stands for the jurisdiction."""
        for k in range(min(end - 1, start + MAX_NAME_TOKENS), start, -1):
            j = k
            while j < end and doc[j].lower_ in BODY_MODIFIERS:
                j += 1
            if j < end and doc[j].lower_ in PUBLIC_BODIES and self._jurisdiction(doc[start:k].text):
                yield self._span(doc, start, k, "names the jurisdiction of a public body")
                break
        for i in range(end - 2, start, -1):  # the last "of": "Deputy Minister of Defence of Azerbaijan"
            if doc[i].lower_ == "of" and any(t.lower_ in PUBLIC_BODIES for t in doc[start:i]):
                if self._jurisdiction(doc[i + 1:end].text):
                    yield self._span(doc, i + 1, end, "names the jurisdiction of a public body")
                break

    def _jurisdiction(self, text: str) -> bool:
        """A country, state, county or sizeable town: "Supreme Court" or "Ministry of Commerce" do not name
        Supreme, Louisiana or Commerce, California."""
        if not self.known(text):
            return False
        if self.is_demonym(text):
            return True
        top = self.best(text)
        if top is None or not case_fits(text, top) or (top.reason == "alternate" and top.place.kind != Kind.COUNTRY):
            return False
        return top.place.kind in JURISDICTION_KINDS or (top.place.population or 0) >= self.min_population // 4

    def _currency_country(self, doc: Doc, start: int, end: int) -> Iterator[Span]:
        """'11 billion US dollars', '8,000 Egyptian pounds': the currency's country."""
        for i in range(start, end - 1):
            country = self.is_demonym(doc[i].text) or self._is_country(doc[i].text)
            if country and doc[i + 1].lower_.rstrip("s") in CURRENCIES:
                yield self._span(doc, i, i + 1, "currency of a country")

    def _hyphen_modifiers(self, doc: Doc, start: int, end: int) -> Iterator[Span]:
        """'Moscow-led', 'U.S.-backed', 'Turkish-Russian': names joined by hyphens inside a longer entity."""
        for i in range(start, end):
            nxt = doc[i + 1] if i + 1 < len(doc) else None
            prev = doc[i - 1] if i > 0 else None
            joined_after = nxt is not None and nxt.text in "-\u2013" and not doc[i].whitespace_
            joined_before = prev is not None and prev.text in "-\u2013" and not prev.whitespace_
            text = doc[i].text
            if (joined_after or joined_before) and text[:1].isupper() and self.known(text) \
                    and (self.is_demonym(text) or self._is_country(text) or self.prominent(text)):
                yield self._span(doc, i, i + 1, "hyphenated modifier")

    def _qualifies_previous_name(self, doc: Doc, start: int, text: str) -> bool:
        """'CAMP MURRAY, Wash.', 'Churchill, Man.', 'Gatineau, Que.': a state or country written after a comma that
        follows a capitalised name qualifies that name, as in an address or a dateline."""
        if start < 2 or doc[start - 1].text != "," or not doc[start - 2].text[:1].isupper():
            return False
        top = self.best(text)
        return top is not None and case_fits(text, top) and top.place.kind in (Kind.ADMIN1, Kind.COUNTRY)

    def _is_country(self, text: str) -> bool:
        top = self.best(text)
        return top is not None and top.place.kind == Kind.COUNTRY and top.reason != "demonym" and case_fits(text, top)

    # -- capitalised runs the NER did not claim ------------------------------------------------------------------
    def _from_phrases(self, doc: Doc, claimed: list[bool], person_words: set[str], found: list[Span],
                      held: list[Span]) -> None:
        for start, end in capitalised_runs(doc, claimed):
            end = self._extend_right(doc, start, end)
            text = doc[start:end].text
            if not self.known(text) and doc[end - 1].lower_ in GENERIC_SUFFIXES and end - start > 1:
                end -= 1  # "Sichuan Province" stays a mention of Sichuan
                text = doc[start:end].text
            if not self.known(text):
                found.extend(self._public_body(doc, start, end))
                continue
            if self.is_demonym(text):
                if not used_as_language(doc, start, end) and not self.is_people_plural(text):
                    found.append(self._span(doc, start, end, "demonym (gazetteer)"))
                continue
            if dateline(doc, start, end):
                found.append(self._span(doc, start, end, "dateline"))
                continue
            if after_title(doc, start) or any(t.lower_ in person_words for t in doc[start:end]):
                continue
            if said_to_be_a_place(doc, start, end) or (not sentence_initial(doc, start) and stance_after(doc, end)):
                found.append(self._span(doc, start, end, "gazetteer name in locative context"))
            elif self.prominent(text):
                found.append(self._span(doc, start, end, "prominent gazetteer name"))
            elif self._qualifies_previous_name(doc, start, text):
                found.append(self._span(doc, start, end, "state or country after a place name"))
            else:
                held.append(self._span(doc, start, end, "gazetteer name"))

    def _span(self, doc: Doc, start: int, end: int, evidence: str) -> Span:
        span, verb = doc[start:end], stance_verb(doc, end)
        if verb is not None:
            evidence += f"; metonym: stands for its government or people ('{span.text} {verb}')"
        return Span(span.start_char, span.end_char, span.text, evidence, verb is not None)


def is_acronym(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return 0 < len(letters) <= 4 and all(c.isupper() for c in letters)


def case_fits(text: str, candidate: Candidate) -> bool:
    """'NATO' is not the Philippine town Nato, nor 'TPA' the airport code GeoNames lists for Tampa: a short
    all-capitals form counts only as a curated abbreviation, or as a code a country or state is listed under
    letter for letter ('USA', 'N.J.', 'WA')."""
    if not is_acronym(text) or candidate.reason == "abbreviation":
        return True
    same_letters = candidate.matched_name.replace(".", "") == text.replace(".", "")
    return candidate.reason == "alternate" and same_letters and candidate.place.kind in (Kind.COUNTRY, Kind.ADMIN1)
