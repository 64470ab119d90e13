"""What the extract stage hands to the store: events, claims and article metadata, each with its evidence.

Offsets index the article text exactly as stored, like the geoparser's mentions, so every excerpt can be found again.
Dates are ISO strings cut to their precision ("2023", "2023-01", "2023-01-18") because a month is not a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from unidecode import unidecode

from extract.vocabulary import ActorKind


@dataclass(frozen=True, slots=True)
class Source:
    start: int  # the sentence (or quote) in the article that reports the item
    end: int
    excerpt: str


@dataclass(frozen=True, slots=True)
class Actor:
    name: str  # canonical within the article: "Antony Blinken" for "Blinken", "Secretary Blinken"
    kind: str  # an ActorKind
    country: str | None = None  # gazetteer place id of the country the actor belongs to or speaks for
    qualifier: str = ""  # the words of an organisation's name that name its country: "US" in "US State Department"

    @property
    def key(self) -> str:
        """What makes two actors one across articles: a person's surname (spelling-folded), otherwise the whole name,
        lower-cased."""
        words = self.name.casefold().split()
        return surname_key(words[-1]) if self.kind == ActorKind.PERSON and words else " ".join(words)

    @property
    def core_key(self) -> str:
        """The key without the country's words: "state department" for "US State Department" and for an outlet's
        bare "State Department" (which of two bodies of that name it is, their countries tell: see same_speaker)."""
        qualifier = self.qualifier.casefold().split()
        words = self.key.split()
        return " ".join(words[len(qualifier):]) if qualifier and words[:len(qualifier)] == qualifier else self.key


def same_speaker(a: Actor, b: Actor) -> bool:
    """One speaker: the same key, or an organisation named with its country in one report and without it in another
    ("US State Department" / "State Department"); two countries' bodies of one name ("Russian Defence Ministry" /
    "Ukrainian Defence Ministry") stay two."""
    if a.key == b.key:
        return True
    return a.kind == b.kind == ActorKind.ORGANISATION and a.core_key == b.core_key and \
        (a.country is None or b.country is None or a.country == b.country)


def surname_key(surname: str) -> str:
    """One key for the spellings outlets give one surname: "Pashinyan" and "Pashinian", "Aliyev" and "Aliev",
    "Erdoğan" and "Erdogan" (transliteration swaps y and i and doubles letters; diacritics come and go)."""
    folded = unidecode(surname.casefold()).replace("y", "i")
    return re.sub(r"(.)\1+", r"\1", folded)


@dataclass(frozen=True, slots=True)
class PlaceRef:
    place_id: str
    name: str
    kind: str
    lat: float
    lon: float
    surface: str  # as written in the article
    country_codes: tuple[str, ...] = ()  # where the gazetteer puts it; empty when not known (e.g. read from the store)


@dataclass(frozen=True, slots=True)
class Event:
    type: str  # an EventType (a PLOVER category)
    label: str
    actors: tuple[Actor, ...]
    date: str | None
    date_precision: str | None  # a DatePrecision
    place: PlaceRef | None
    geo_precision: int | None  # UCDP where_prec: 1 exact place ... 4 first-order region ... 6 country
    sources: tuple[Source, ...]
    trigger: str = ""  # the word that made it an event, for explaining the output
    reasons: tuple[str, ...] = ()  # codes of extract.confidence.EVENT_REASONS and its type
    confidence: float = 0.0  # extract.confidence.confidence of the reasons; set by the pipeline


@dataclass(frozen=True, slots=True)
class Claim:
    speaker: Actor
    verb: str
    stance: str  # a Stance
    text: str
    quote: bool
    places: tuple[PlaceRef, ...]
    sources: tuple[Source, ...]
    contested_with: tuple[int, ...] = ()  # indices of opposing claims in the same extraction
    reasons: tuple[str, ...] = ()  # codes of extract.confidence.CLAIM_REASONS and its stance
    confidence: float = 0.0  # extract.confidence.confidence of the reasons; set by the pipeline


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    title: str | None
    outlet: str | None
    published: date | None
    published_inferred: bool


@dataclass(frozen=True, slots=True)
class Extraction:
    meta: ArticleMeta
    events: list[Event] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
