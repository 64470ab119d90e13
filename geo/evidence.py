"""What the rest of a document says for one reading of a place name: one function per kind of evidence.

Each function returns the bonus it adds to a candidate's score with the note that explains it in the mention's
`reason`, or None when it has nothing to say. The resolver adds them up in one fixed order; keeping them apart lets
each be read, tested and weighed on its own (see `Weights`).
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from geopy.distance import great_circle

from gazetteer import Candidate, Kind, Place

AREA_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.ADMIN2, Kind.REGION, Kind.DISPUTED_AREA, Kind.CORRIDOR,
                        Kind.WATER_BODY})
SUBNATIONAL_AREAS = frozenset({Kind.ADMIN1, Kind.ADMIN2, Kind.REGION, Kind.DISPUTED_AREA})
# Proximity fades as exp(-km / Weights.proximity_km); below this (about 450 km at 150 km) a town is not "near".
MIN_CLOSENESS = 0.05
CONTAINED_NAMES_SHOWN = 3  # how many of the mentioned places inside an area its note names

Bonus = tuple[float, str]  # what a piece of evidence adds to the score, and the note saying why
Contains = Callable[[Candidate, Candidate], bool]  # whether the first (an area) contains the second


@dataclass(frozen=True)
class Weights:
    """How much each kind of document evidence counts against the prior. A grid search on half of GeoWebNews moved
    Acc@161 by less than 0.005 across sensible values; these sit in the flat middle."""

    country: float = 0.3
    proximity: float = 0.25
    proximity_km: float = 150.0
    containment: float = 0.2
    contains: float = 0.2
    pattern: float = 0.8
    temperature: float = 0.08  # softmax temperature turning score margins into a 0..1 confidence


@dataclass(frozen=True)
class Reading:
    """Another name of the document as it is currently read."""

    chosen: Candidate
    written: str  # its first mention, as written
    mentions: int  # how many times the document names it


@dataclass(frozen=True)
class Context:
    """The other names of a document, seen from the one being scored, with the tallies every candidate reuses."""

    readings: list[Reading]
    mentions: int  # all mentions of the other names
    country_mentions: dict[str, float]  # ISO2 -> mentions of other names read as lying in that country
    points: list[tuple[float, float, str, str]]  # lat, lon, name, id of the other names read as points (towns)
    areas: list[Reading]  # the other names read as areas

    @classmethod
    def of(cls, readings: list[Reading]) -> Context:
        country_mentions: dict[str, float] = defaultdict(float)
        for reading in readings:
            for code in set(reading.chosen.place.country_codes):
                country_mentions[code] += reading.mentions
        points = [(r.chosen.place.lat, r.chosen.place.lon, r.chosen.place.name, r.chosen.place.id) for r in readings
                  if r.chosen.place.kind not in AREA_KINDS]
        areas = [r for r in readings if r.chosen.place.kind in AREA_KINDS]
        return cls(readings, sum(r.mentions for r in readings), country_mentions, points, areas)


def written_with_area(place: Place, note: str | None, weights: Weights) -> Bonus | None:
    """ "Paris, Texas": the name followed by a comma and an area that contains this reading (`note` says how it was
    written, None when it was not)."""
    return None if note is None else (weights.pattern, f"+{weights.pattern:.2f} {note}")


def country_share(place: Place, context: Context, weights: Weights) -> Bonus | None:
    """The share of the other mentions lying in the candidate's country: "Georgia" next to Tbilisi is the country."""
    if not context.mentions or not place.country_codes:
        return None
    share = max(context.country_mentions.get(code, 0.0) for code in place.country_codes) / context.mentions
    if share <= 0:
        return None
    return weights.country * share, (f"+{weights.country * share:.2f} country {'/'.join(place.country_codes)} "
                                     f"shared by {share:.0%} of the other mentions")


def proximity(place: Place, context: Context, weights: Weights) -> Bonus | None:
    """How close a town is to the nearest other mentioned town (great-circle distance)."""
    near = [(great_circle((place.lat, place.lon), (lat, lon)).km, name)
            for lat, lon, name, other_id in context.points if other_id != place.id]
    if not near or place.kind in AREA_KINDS:
        return None
    km, near_name = min(near)
    closeness = math.exp(-km / weights.proximity_km)
    if closeness <= MIN_CLOSENESS:
        return None
    return weights.proximity * closeness, f"+{weights.proximity * closeness:.2f} {km:.0f} km from {near_name}"


def contains_mentioned(candidate: Candidate, context: Context, weights: Weights, contains: Contains) -> Bonus | None:
    """A state, district or region that contains towns the document names."""
    if candidate.place.kind not in SUBNATIONAL_AREAS:
        return None
    inside = [r for r in context.readings
              if r.chosen.place.kind not in AREA_KINDS and contains(candidate, r.chosen)]
    if not inside:
        return None
    names = ", ".join(r.chosen.place.name for r in inside[:CONTAINED_NAMES_SHOWN])
    return weights.contains, f"+{weights.contains:.2f} contains mentioned {names}"


def mentioned_elsewhere(place: Place, context: Context, weights: Weights) -> Bonus | None:
    """The same place named another way in the document ("Yerevan" and "the Armenian capital")."""
    elsewhere = next((r for r in context.readings if r.chosen.place.id == place.id), None)
    if elsewhere is None:
        return None
    return weights.containment, f"+{weights.containment:.2f} also mentioned as '{elsewhere.written}'"


def inside_mentioned(candidate: Candidate, context: Context, weights: Weights, contains: Contains) -> Bonus | None:
    """The candidate lies in an area the document names; a country is left to `country_share`."""
    for area in context.areas:
        if area.chosen.place.kind != Kind.COUNTRY and contains(area.chosen, candidate):
            return weights.containment, f"+{weights.containment:.2f} inside mentioned {area.chosen.place.name}"
    return None
