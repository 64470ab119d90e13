"""Choose, for every place span of a document, one gazetteer record, using the whole document as context.

Each candidate starts from a prior: how the name matched (exact, alias, code, demonym) times how prominent the record
is (countries and seas, then capitals, then states and provinces about level with a city of a million, then towns by
population). The document then votes, over a few rounds, with what its other mentions currently resolve to:
  * country coherence - the share of the other mentions that lie in the candidate's country ("Georgia" next to
    Tbilisi and Armenia is the country; next to Atlanta it is the US state);
  * proximity - how close a town is to the other mentioned towns (great-circle distance, via geopy);
  * containment - the candidate lies in a mentioned state or region, or a state contains mentioned towns;
  * local pattern - "Paris, Texas", "Baku, Azerbaijan": a name, a comma and a larger unit that contains it.
A lesser town named like a country, a sea or a state of a country the text is about gets no help from the document
("China" in a story about Texas is still China): only the explicit pattern can choose it. All mentions with the same
name share one reading (one sense per document), and every factor that moved the choice is written into `reason`.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import pairwise

import shapely
from geopy.distance import great_circle
from shapely.geometry.base import BaseGeometry

from gazetteer import Candidate, Gazetteer
from gazetteer.normalize import normalize
from geo.fallback import NominatimFallback
from geo.model import Mention
from geo.recognize import Span, case_fits, is_acronym

AREA_KINDS = frozenset({"country", "admin-1", "admin-2", "region", "disputed area", "corridor", "water body"})
MATCH_WEIGHT = {"exact": 1.0, "normalized": 0.97, "abbreviation": 0.95, "demonym": 0.95, "alternate": 0.9}
KIND_PROMINENCE = {"country": 1.0, "water body": 0.95, "disputed area": 0.95, "corridor": 0.95, "region": 0.95,
                   "landmark": 0.9, "admin-1": 0.78, "admin-2": 0.55}
# Records whose name, when a text uses it, means them unless a local pattern says otherwise ("China, Texas").
DOMINANT_KINDS = frozenset({"country", "admin-1", "water body", "disputed area", "corridor", "region"})
TOWN_KINDS = frozenset({"populated place", "capital", "admin-2"})
SUBNATIONAL_AREAS = frozenset({"admin-1", "admin-2", "region", "disputed area"})
OUTLINE_CACHE_SIZE = 2000
PATTERN_LIMIT = 100  # candidates searched for the first name of "Churchill, Manitoba"
ROUNDS = 3


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


@dataclass
class _Group:
    """All mentions of one name in a document: they share candidates and, in the end, one reading."""

    key: str
    spans: list[Span]
    candidates: list[Candidate]
    scores: list[float] = field(default_factory=list)
    notes: list[list[str]] = field(default_factory=list)
    choice: int = 0

    @property
    def chosen(self) -> Candidate:
        return self.candidates[self.choice]


class Resolver:
    def __init__(self, gazetteer: Gazetteer, weights: Weights | None = None, limit: int = 15,
                 fallback: NominatimFallback | None = None) -> None:
        self.gaz = gazetteer
        self.weights = weights or Weights()
        self.limit = limit
        self.fallback = fallback  # asked only for names the gazetteer has no candidate for
        self._outlines: dict[str, BaseGeometry | None] = {}  # prepared area outlines, reused across documents

    def resolve(self, text: str, spans: list[Span]) -> list[Mention]:
        keys = _group_keys(text, spans)
        groups = self._groups(spans, keys)
        if not groups:
            return []
        patterns = self._pattern_bonuses(text, spans, keys, groups)
        for group in groups:
            group.scores = [prior(c) for c in group.candidates]
            group.choice = max(range(len(group.scores)), key=lambda i: (group.scores[i], -i))
        for _ in range(ROUNDS):
            for group in groups:
                self._rescore(group, groups, patterns)
        return self._mentions(text, groups)

    def _groups(self, spans: list[Span], keys: list[str]) -> list[_Group]:
        by_key: dict[str, list[Span]] = defaultdict(list)
        for span, key in zip(spans, keys, strict=True):
            by_key[key].append(span)
        groups = []
        for key, members in by_key.items():
            candidates = _plausible(members, self.gaz.lookup(members[0].text, limit=self.limit))
            if not candidates and self.fallback is not None:
                online = self.fallback.lookup(members[0].text)
                candidates = [online] if online is not None else []
            if candidates:
                groups.append(_Group(key, members, candidates))
        return groups

    def _pattern_bonuses(self, text: str, spans: list[Span], keys: list[str],
                         groups: list[_Group]) -> dict[tuple[str, str], str]:
        """'Paris, Texas', 'Baku, Azerbaijan': a name, a comma, then a larger unit. Every reading of the pair in
        which the second contains the first is marked, for both names: (group key, place id) -> note."""
        by_key = {g.key: g for g in groups}
        marks: dict[tuple[str, str], str] = {}
        for (first, second), (first_key, second_key) in zip(pairwise(spans), pairwise(keys), strict=True):
            if not _comma_between(text, first, second):
                continue
            inner, outer = by_key.get(first_key), by_key.get(second_key)
            if inner is None or outer is None or inner is outer:
                continue
            # small places ("Churchill, Man.") may rank below the look-up limit: search deeper for this pair
            known = {c.place.id for c in inner.candidates}
            deeper = [c for c in self.gaz.lookup(first.text, limit=PATTERN_LIMIT) if c.place.id not in known]
            for area in outer.candidates:
                if area.place.kind not in AREA_KINDS:
                    continue
                for place in inner.candidates + deeper:
                    if self._contains(area, place):
                        if place.place.id not in known:
                            inner.candidates.append(place)
                            known.add(place.place.id)
                        marks[(inner.key, place.place.id)] = f"written as '{first.text}, {second.text}'"
                        marks[(outer.key, area.place.id)] = f"written as '{first.text}, {second.text}'"
        return marks

    def _rescore(self, group: _Group, groups: list[_Group], patterns: dict[tuple[str, str], str]) -> None:
        w = self.weights
        others = [g for g in groups if g is not group]
        weight_total = sum(len(g.spans) for g in others)
        country_weight: dict[str, float] = defaultdict(float)
        for other in others:
            for code in set(other.chosen.place.country_codes):
                country_weight[code] += len(other.spans)
        points = [(o.chosen.place.lat, o.chosen.place.lon, o.chosen.place.name, o.chosen.place.id) for o in others
                  if o.chosen.place.kind not in AREA_KINDS]
        containers = [o for o in others if o.chosen.place.kind in AREA_KINDS]
        area_prior = max((prior(c) for c in group.candidates if c.place.kind in DOMINANT_KINDS and (
            c.place.kind != "admin-1" or any(country_weight.get(code) for code in c.place.country_codes))),
            default=0.0)  # a state or province dominates only when its country is in the text
        scores, notes = [], []
        for candidate in group.candidates:
            place = candidate.place
            score, why = prior(candidate), [_describe(candidate)]
            if (group.key, place.id) in patterns:
                score += w.pattern
                why.append(f"+{w.pattern:.2f} {patterns[(group.key, place.id)]}")
            if place.kind in TOWN_KINDS and score < area_prior:
                # A lesser town named like a country, state or sea ("China, Texas", "Florida, New York") is meant
                # only when written so: the document's other mentions do not lift it over the area.
                scores.append(score)
                notes.append(why)
                continue
            if weight_total and place.country_codes:
                share = max(country_weight.get(code, 0.0) for code in place.country_codes) / weight_total
                if share > 0:
                    score += w.country * share
                    why.append(f"+{w.country * share:.2f} country {'/'.join(place.country_codes)} shared by "
                               f"{share:.0%} of the other mentions")
            near = [(great_circle((place.lat, place.lon), (lat, lon)).km, name)
                    for lat, lon, name, other_id in points if other_id != place.id]
            if near and place.kind not in AREA_KINDS:
                km, near_name = min(near)
                closeness = math.exp(-km / w.proximity_km)
                if closeness > 0.05:
                    score += w.proximity * closeness
                    why.append(f"+{w.proximity * closeness:.2f} {km:.0f} km from {near_name}")
            if place.kind in SUBNATIONAL_AREAS:
                inside = [o for o in others
                          if o.chosen.place.kind not in AREA_KINDS and self._contains(candidate, o.chosen)]
                if inside:
                    bonus = w.contains
                    score += bonus
                    why.append(f"+{bonus:.2f} contains mentioned {', '.join(o.chosen.place.name for o in inside[:3])}")
            elsewhere = next((o for o in others if o.chosen.place.id == place.id), None)
            if elsewhere is not None:
                score += w.containment
                why.append(f"+{w.containment:.2f} also mentioned as '{elsewhere.spans[0].text}'")
            for other in containers:
                if other.chosen.place.kind != "country" and self._contains(other.chosen, candidate):
                    score += w.containment
                    why.append(f"+{w.containment:.2f} inside mentioned {other.chosen.place.name}")
                    break
            scores.append(score)
            notes.append(why)
        group.scores, group.notes = scores, notes
        group.choice = max(range(len(scores)), key=lambda i: (scores[i], -i))

    def _contains(self, area: Candidate, candidate: Candidate) -> bool:
        """Whether `area` (a country, region or admin unit) contains the candidate place."""
        outer, inner = area.place, candidate.place
        if outer.id == inner.id or outer.kind not in AREA_KINDS:
            return False
        if outer.kind == "country":
            return bool(set(outer.country_codes) & set(inner.country_codes)) and inner.kind != "country"
        if not set(outer.country_codes) & set(inner.country_codes):
            return False
        outline = self._outline(outer.id)
        return outline is not None and bool(shapely.contains_xy(outline, inner.lon, inner.lat))

    def _outline(self, place_id: str) -> BaseGeometry | None:
        """An area's outline, prepared once: containment tests then cost microseconds."""
        if place_id not in self._outlines:
            geometry = self.gaz.geometry(place_id)
            if geometry is None or geometry.geom_type in ("Point", "MultiPoint"):
                geometry = None
            else:
                shapely.prepare(geometry)
            if len(self._outlines) >= OUTLINE_CACHE_SIZE:
                self._outlines.clear()
            self._outlines[place_id] = geometry
        return self._outlines[place_id]

    def _mentions(self, text: str, groups: list[_Group]) -> list[Mention]:
        mentions = []
        for group in groups:
            chosen = group.chosen
            place = chosen.place
            top = group.scores[group.choice]
            confidence = 1.0 / sum(math.exp((s - top) / self.weights.temperature) for s in group.scores)
            runner_up = sorted(group.scores, reverse=True)[1] if len(group.scores) > 1 else None
            reason = "; ".join(group.notes[group.choice])
            if runner_up is not None:
                reason += f"; beat {len(group.scores) - 1} other candidates (margin {top - runner_up:.2f})"
            for span in group.spans:
                mentions.append(Mention(
                    start=span.start, end=span.end, text=text[span.start:span.end], place_id=place.id,
                    place_name=place.name, kind=place.kind, lat=place.lat, lon=place.lon, score=round(confidence, 3),
                    reason=f"{span.evidence}; {reason}", demonym=chosen.reason == "demonym", metonym=span.metonym,
                    country_codes=place.country_codes,
                ))
        mentions.sort(key=lambda m: (m.start, m.end))
        return mentions


def _comma_between(text: str, first: Span, second: Span) -> bool:
    return re.fullmatch(r"\s*,\s*", text[first.end:second.start]) is not None


def _group_keys(text: str, spans: list[Span]) -> list[str]:
    """One key per span: its normalised name, except that "Washington, D.C." or "Paris, Texas" - a name qualified
    by the unit after it - is read on its own, apart from the text's other, unqualified uses of the name."""
    keys = [normalize(span.text) for span in spans]
    for i, (first, second) in enumerate(pairwise(spans)):
        if _comma_between(text, first, second):
            keys[i] = f"{keys[i]}, {normalize(second.text)}"
    return keys


def _plausible(spans: list[Span], candidates: list[Candidate]) -> list[Candidate]:
    """Readings the surface form allows: an adjective found as a demonym means its country, not a town that happens
    to be called 'Canadian'; a short all-capitals code means what the code stands for, not a village spelled so."""
    if any("demonym" in s.evidence for s in spans):
        demonyms = [c for c in candidates if c.reason == "demonym"]
        if demonyms:
            return demonyms
    text = spans[0].text
    if is_acronym(text):
        return [c for c in candidates if case_fits(text, c)]
    return candidates


def prior(candidate: Candidate) -> float:
    """How likely the reading is before context: how the name matched x how prominent the place is.

    Countries, seas and named regions first; capitals next; an admin-1 unit ranks with a city of about a million
    (so "Georgia" is the country, "Washington" the capital, "Florida" the state rather than a Cuban town, while New
    York City still beats New York State); other towns by the logarithm of their population."""
    place = candidate.place
    if candidate.reason == "fuzzy":
        return candidate.score  # the gazetteer's score already includes how close the spelling is
    match = MATCH_WEIGHT[candidate.reason]
    if place.kind in KIND_PROMINENCE:
        return match * KIND_PROMINENCE[place.kind]
    by_population = min(0.92, 0.3 + 0.6 * math.log10((place.population or 0) + 1) / 7) if place.population else 0.45
    return match * (max(0.88, by_population) if place.kind == "capital" else by_population)


def _describe(candidate: Candidate) -> str:
    place = candidate.place
    population = f", pop {place.population:,}" if place.population else ""
    where = f" in {'/'.join(place.country_codes)}" if place.country_codes else ""
    return f"{candidate.reason} match '{candidate.matched_name}' -> {place.kind}{where}{population} " \
           f"(prior {prior(candidate):.2f})"
