"""What the gazetteer says about a name as it is written in the text.

Recognition asks the same few questions of every candidate span: is this a known name at all (short all-capitals
forms only as codes: "NATO" is not the town Nato), a demonym, a place prominent enough to count without locative
context, the jurisdiction of a public body, a country? `PlaceNames` answers them from the index, so the recognizer
(`geo.recognize`) reads as decisions about the text and not as look-ups; the resolver shares `case_fits` and
`is_acronym`, so a short all-capitals form means the same at both stages.
"""

from __future__ import annotations

from gazetteer import Candidate, Gazetteer, Kind
from gazetteer.normalize import normalize
from geo.lexicon import DIRECTIONS

# Kinds that have public bodies of their own (a ministry, a police force, a court).
JURISDICTION_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2, Kind.CAPITAL, Kind.DISPUTED_AREA})
# Kinds whose names, capitalised, are read as the place without further evidence. Landmarks and water bodies are
# curated records ("the Kremlin", "Atlantic"), not the millions of village names a capitalised word can collide with.
_PROMINENT_KINDS = frozenset({Kind.COUNTRY, Kind.CAPITAL, Kind.DISPUTED_AREA, Kind.CORRIDOR, Kind.REGION, Kind.LANDMARK,
                              Kind.WATER_BODY})


class PlaceNames:
    """Look-ups of written names in one gazetteer, with the population a bare town name needs to count alone."""

    def __init__(self, gazetteer: Gazetteer, min_population: int = 200_000) -> None:
        self.gaz = gazetteer
        self.min_population = min_population  # a bare capitalised town name needs this many people to count alone

    def known(self, text: str) -> bool:
        """Whether the gazetteer has a record for this name as written (short all-capitals forms only as codes)."""
        key = normalize(text)
        if sum(c.isalpha() for c in text) < 2 or not key or not self.gaz.is_known(key):
            return False  # one letter names nothing: "ª«¬" in binary junk matched Italy's one-letter alternate "Ã"
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

    def typo_of_prominent(self, text: str) -> bool:
        """'Nagorno-Krabakh': NER is sure it is a place and a typo-tolerant look-up finds a prominent one."""
        candidates = self.gaz.lookup(text, limit=3, fuzzy=True)
        return bool(candidates) and candidates[0].reason == "fuzzy" and candidates[0].place.kind in _PROMINENT_KINDS

    def jurisdiction(self, text: str) -> bool:
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

    def is_country(self, text: str) -> bool:
        top = self.best(text)
        return top is not None and top.place.kind == Kind.COUNTRY and top.reason != "demonym" and case_fits(text, top)


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
