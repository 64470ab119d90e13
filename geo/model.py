"""What the geoparser hands to later stages (extract, store, serve).

Offsets always index the stored original text, so that an excerpt can be highlighted exactly where the reader sees it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Mention:
    start: int  # character offsets into the original (stored) text, Python string indices
    end: int
    text: str  # surface text, == original[start:end]
    place_id: str  # gazetteer id
    place_name: str
    kind: str
    lat: float
    lon: float
    score: float  # 0..1 confidence in the resolution
    reason: str  # human-readable why this place was chosen
    demonym: bool = False  # "Armenian" standing for Armenia
    metonym: bool = False  # "Yerevan insists", "the Kremlin said": a place standing for its government
    country_codes: tuple[str, ...] = ()  # ISO 3166-1 alpha-2 of the country (or countries) the place lies in
