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
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise

import shapely
from geopy.distance import great_circle
from shapely.geometry.base import BaseGeometry

from gazetteer import Candidate, Gazetteer, Kind, Place
from gazetteer.normalize import normalize
from geo.anchor import anchored_mentions
from geo.borders import border_mentions
from geo.evidence import (
    AREA_KINDS,
    Bonus,
    Context,
    Reading,
    Weights,
    contains_mentioned,
    country_share,
    inside_mentioned,
    mentioned_elsewhere,
    proximity,
    written_with_area,
)
from geo.fallback import NominatimFallback
from geo.model import Mention
from geo.place_names import case_fits, is_acronym
from geo.spans import AREA, TOWN, Span

MATCH_WEIGHT = {"exact": 1.0, "normalized": 0.97, "abbreviation": 0.95, "demonym": 0.95, "alternate": 0.9}
KIND_PROMINENCE = {Kind.COUNTRY: 1.0, Kind.WATER_BODY: 0.95, Kind.DISPUTED_AREA: 0.95, Kind.CORRIDOR: 0.95,
                   Kind.REGION: 0.95, Kind.LANDMARK: 0.9, Kind.ADMIN1: 0.78, Kind.ADMIN2: 0.55}
# Records whose name, when a text uses it, means them unless a local pattern says otherwise ("China, Texas").
DOMINANT_KINDS = frozenset({Kind.COUNTRY, Kind.ADMIN1, Kind.WATER_BODY, Kind.DISPUTED_AREA, Kind.CORRIDOR, Kind.REGION})
TOWN_KINDS = frozenset({Kind.POPULATED_PLACE, Kind.CAPITAL, Kind.ADMIN2})
OUTLINE_CACHE_SIZE = 2000
PATTERN_LIMIT = 100  # candidates searched for the first name of "Churchill, Manitoba"
ROUNDS = 3
WEAK_PRIOR = 0.6  # an exact name of a town of about 4,000 people or fewer (or of unknown size)
WEAK_UNNAMED_PRIOR = 0.7  # an exact name of a town of about 200,000 people, when the NER did not call it a place
WEAK_INDIRECT_PRIOR = 0.7  # an alternate name of a town of about 400,000 people
FOREIGN_KM = 161  # the accuracy radius: a weak town in an unmentioned country, further than this, abstains
KM_PER_DEGREE = 111.0  # of latitude; enough for a border test
FAR_KM = 1000  # a town reached by an alternate name this far from every other named place abstains


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
        # a name the gazetteer lacks is not looked up in it (a namesake would be a worse guess than none): it is
        # asked of the online fallback, if there is one, else placed where the text ties it (geo.anchor)
        known = [s for s in spans if s.unknown_kind is None]
        # a site offered beside the known name it shares ("Evin prison", geo.recognize) is never looked up itself
        looked_up = known + [s for s in spans if s.unknown_kind is not None and self.fallback is not None
                             and not _overlaps(s, known)]
        keys = _group_keys(text, looked_up)
        groups = self._groups(looked_up, keys)
        grouped = {id(s) for g in groups for s in g.spans}  # unknown names the fallback found
        unknown = [s for s in spans if s.unknown_kind is not None and id(s) not in grouped]
        if not groups:
            return []
        patterns = self._pattern_bonuses(text, looked_up, keys, groups)
        for group in groups:
            group.scores = [prior(c) for c in group.candidates]
            group.choice = max(range(len(group.scores)), key=lambda i: (group.scores[i], -i))
        for _ in range(ROUNDS):
            for group in groups:
                self._rescore(group, groups, patterns)
        kept = [g for g in groups if not _stray(g, groups, patterns, self._near_country)]
        mentions = self._mentions(text, kept)
        unknown = [s for s in unknown if not _overlaps(s, mentions)]  # a site only where the known reading fell
        mentions += anchored_mentions(text, unknown, mentions, self.gaz) + border_mentions(text, mentions, self.gaz)
        return sorted(mentions, key=lambda m: (m.start, m.end))

    def _groups(self, spans: list[Span], keys: list[str]) -> list[_Group]:
        by_key: dict[str, list[Span]] = defaultdict(list)
        for span, key in zip(spans, keys, strict=True):
            by_key[key].append(span)
        groups = []
        for key, members in by_key.items():
            candidates = _at_level(members, _plausible(members, self.gaz.lookup(members[0].text, limit=self.limit)))
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
        context = Context.of([Reading(g.chosen, g.spans[0].text, len(g.spans)) for g in groups if g is not group])
        area_prior = _area_prior(group.candidates, context)
        scored = [self._score(candidate, patterns.get((group.key, candidate.place.id)), context, area_prior)
                  for candidate in group.candidates]
        group.scores, group.notes = [score for score, _ in scored], [why for _, why in scored]
        group.choice = max(range(len(group.scores)), key=lambda i: (group.scores[i], -i))

    def _score(self, candidate: Candidate, pattern: str | None, context: Context,
               area_prior: float) -> tuple[float, list[str]]:
        """The prior plus each kind of evidence, in a fixed order, with the note each one leaves."""
        w, place = self.weights, candidate.place
        score, why = prior(candidate), [_describe(candidate)]
        score, why = _add(score, why, written_with_area(place, pattern, w))
        if place.kind in TOWN_KINDS and score < area_prior:
            # A lesser town named like a country, state or sea ("China, Texas", "Florida, New York") is meant
            # only when written so: the document's other mentions do not lift it over the area.
            return score, why
        for bonus in (country_share(place, context, w), proximity(place, context, w),
                      contains_mentioned(candidate, context, w, self._contains),
                      mentioned_elsewhere(place, context, w), inside_mentioned(candidate, context, w, self._contains)):
            score, why = _add(score, why, bonus)
        return score, why

    def _contains(self, area: Candidate, candidate: Candidate) -> bool:
        """Whether `area` (a country, region or admin unit) contains the candidate place."""
        outer, inner = area.place, candidate.place
        if outer.id == inner.id or outer.kind not in AREA_KINDS:
            return False
        if outer.kind == Kind.COUNTRY:
            return bool(set(outer.country_codes) & set(inner.country_codes)) and inner.kind != Kind.COUNTRY
        if not set(outer.country_codes) & set(inner.country_codes):
            return False
        outline = self._outline(outer.id)
        return outline is not None and bool(shapely.contains_xy(outline, inner.lon, inner.lat))

    def _near_country(self, country: Place, place: Place) -> bool:
        """Whether the place lies within about FOREIGN_KM of the country's outline (in degrees: a border test)."""
        outline = self._outline(country.id)
        return outline is not None and bool(shapely.dwithin(outline, shapely.Point(place.lon, place.lat),
                                                            FOREIGN_KM / KM_PER_DEGREE))

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


def _add(score: float, why: list[str], bonus: Bonus | None) -> tuple[float, list[str]]:
    if bonus is None:
        return score, why
    return score + bonus[0], [*why, bonus[1]]


def _area_prior(candidates: list[Candidate], context: Context) -> float:
    """The strongest prior among the readings as a country, state, sea or region; a state or province counts only
    when its country is in the text. A town below it is not lifted by the document (see `Resolver._score`)."""
    return max((prior(c) for c in candidates if c.place.kind in DOMINANT_KINDS and (
        c.place.kind != Kind.ADMIN1 or any(context.country_mentions.get(code) for code in c.place.country_codes))),
        default=0.0)


def _stray(group: _Group, groups: list[_Group], patterns: dict[tuple[str, str], str],
           near_country: Callable[[Place, Place], bool]) -> bool:
    """A weak reading far from everything else the text names abstains: "not a place" (an organisation or a
    person named like a town) or a village the gazetteer lacks is likelier than a namesake abroad ("the Wagner
    group" in a story about Ukraine is no Brazilian hamlet; a Kosovan village is no Bulgarian town).

    Weak: a town below a city's size reached only by an alternate or misspelt name (big cities are often written
    so: "Hodeidah", "New York"), or a small one (prior below WEAK_PRIOR; below WEAK_UNNAMED_PRIOR, a town of some
    tens of thousands, when the NER never called the name a place: "the Wagner private army"). Far: in a
    country no other name of the text lies in and more than FOREIGN_KM from every other named place, or, for an
    alternate or misspelt name, more than FAR_KM from every other named place. A text with no other place gives
    no measure and keeps the reading, as does one written with its area ("Paris, Texas") and a town near the border
    of a country the text names ("Qamishli" beside "Turkey")."""
    chosen = group.chosen
    place = chosen.place
    if place.kind not in TOWN_KINDS or (group.key, place.id) in patterns:
        return False
    indirect = chosen.reason in ("alternate", "fuzzy") and prior(chosen) < WEAK_INDIRECT_PRIOR
    named_place = any(span.ner_place for span in group.spans)
    if not indirect and prior(chosen) >= (WEAK_PRIOR if named_place else WEAK_UNNAMED_PRIOR):
        return False
    others = [g.chosen.place for g in groups if g is not group]
    if not others:
        return False
    same_country = any(set(o.country_codes) & set(place.country_codes) for o in others)
    located = [o for o in others if o.kind != Kind.COUNTRY]
    nearest = min((great_circle((place.lat, place.lon), (o.lat, o.lon)).km for o in located), default=math.inf)
    if not same_country:
        return nearest > FOREIGN_KM and not any(near_country(o, place) for o in others if o.kind == Kind.COUNTRY)
    return indirect and nearest > FAR_KM and bool(located)


def _comma_between(text: str, first: Span, second: Span) -> bool:
    return re.fullmatch(r"\s*,\s*", text[first.end:second.start]) is not None


def _group_keys(text: str, spans: list[Span]) -> list[str]:
    """One key per span: its normalised name, except that "Washington, D.C." or "Paris, Texas" - a name qualified
    by the unit after it - is read on its own, apart from the text's other, unqualified uses of the name; so is a
    name the text calls an area ("Kherson region" beside the city of Kherson)."""
    keys = [normalize(span.text) + (f" ({span.level})" if span.level else "") for span in spans]
    for i, (first, second) in enumerate(pairwise(spans)):
        if _comma_between(text, first, second):
            keys[i] = f"{keys[i]}, {normalize(second.text)}"
    return keys


def _at_level(spans: list[Span], candidates: list[Candidate]) -> list[Candidate]:
    """'Luhansk region', 'the Kherson and Zaporizhzhia regions', 'northern Rakhine': when the text says the name is
    an area, only the areas of that name remain (the town the unit is named after is another place), and when it
    says it is a town ('the city of Kherson'), only the towns; when the gazetteer has nothing at that level, the
    text's word is not enough to drop the other readings."""
    levels = {span.level for span in spans}
    if levels == {AREA}:
        return [c for c in candidates if c.place.kind in AREA_KINDS] or candidates
    if levels == {TOWN}:
        return [c for c in candidates if c.place.kind in TOWN_KINDS] or candidates
    return candidates


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
    return match * (max(0.88, by_population) if place.kind == Kind.CAPITAL else by_population)


def _describe(candidate: Candidate) -> str:
    place = candidate.place
    population = f", pop {place.population:,}" if place.population else ""
    where = f" in {'/'.join(place.country_codes)}" if place.country_codes else ""
    return f"{candidate.reason} match '{candidate.matched_name}' -> {place.kind}{where}{population} " \
           f"(prior {prior(candidate):.2f})"


def _overlaps(span: Span, others: list) -> bool:
    """Whether a span shares characters with any of `others` (spans or mentions)."""
    return any(other.start < span.end and span.start < other.end for other in others)
