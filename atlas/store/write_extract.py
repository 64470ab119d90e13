"""Writes an article's events and claims, merged with what the store already holds. Called by the store writer
inside the article's transaction, so an article is stored with all its events and claims or not at all.

An event or claim that matches a stored one (extract.merge: same type, shared actor, compatible date, same place;
same speaker, stance and wording) gains a source instead of becoming a second row and keeps the higher of the two
reports' confidences. A merged event's reasons are those of what it ended up with (extract.merge.combine: the date's
reasons come with the date, the place's with the place), as within an article; a claim keeps every reason either
report gave, since its two reports say the same thing of the same speaker.
"""

from __future__ import annotations

import json
from datetime import date, timedelta

import sqlalchemy as sa
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from atlas.store.schema import (
    articles,
    claim_places,
    claim_sources,
    claims,
    contested,
    event_actors,
    event_sources,
    events,
    places,
)
from extract.dates import period
from extract.merge import combine, opposed, same_claim, same_event
from extract.model import Actor, Claim, Event, Extraction, PlaceRef, Source

CANDIDATE_LIMIT = 500  # stored rows compared with one new item; the indexed columns narrow them first
REPORT_WINDOW = timedelta(days=7)


def store_extraction(conn: sa.Connection, article_id: int, extraction: Extraction, published: date | None) -> None:
    """`published`: the article's publication date as its input gave it (None when unknown or inferred)."""
    nesting = Nesting(conn)
    for event in extraction.events:
        _store_event(conn, article_id, event, published, nesting)
    claim_ids = [_store_claim(conn, article_id, claim) for claim in extraction.claims]
    for number, claim in enumerate(extraction.claims):
        for other in claim.contested_with:
            _link(conn, claim_ids[number], claim_ids[other])
        for stored_id, stored in _stored_claims_about(conn, claim):
            if stored_id not in claim_ids and (opposed(stored, claim) or opposed(claim, stored)):
                _link(conn, claim_ids[number], stored_id)


def _store_event(conn: sa.Connection, article_id: int, event: Event, published: date | None,
                 nesting: Nesting) -> int:
    candidates = _stored_events_like(conn, event)
    reported = _reported_between(conn, [i for i, _ in candidates])
    match = next(((i, stored) for i, stored in candidates
                  if _reported_near(stored, event, reported.get(i), published) and (same_event(stored, event) or (
                      same_event(stored, event, nested=True) and nesting.nested(stored.place, event.place)))), None)
    event_id = match[0] if match else None
    if match is not None:
        _refine(conn, match[0], match[1], event)
    else:
        first_last = period(event.date, event.date_precision, "date.reported" in event.reasons)
        event_id = conn.execute(events.insert().values(
            type=event.type, label=event.label, date=event.date, date_precision=event.date_precision,
            date_first=first_last[0] if first_last else None, date_last=first_last[1] if first_last else None,
            place_id=event.place.place_id if event.place else None, geo_precision=event.geo_precision,
            confidence=event.confidence, reasons=_codes(event.reasons),
        )).inserted_primary_key[0]
    known = set(conn.execute(sa.select(event_actors.c.actor_key).where(event_actors.c.event_id == event_id)).scalars())
    rows = [{"event_id": event_id, "actor_key": a.key, "name": a.name, "kind": a.kind, "country": a.country}
            for a in dict.fromkeys(event.actors) if a.key not in known and not known.add(a.key)]
    if rows:
        conn.execute(event_actors.insert(), rows)
    conn.execute(event_sources.insert(), [_source_row("event_id", event_id, article_id, s) for s in event.sources])
    return event_id


class Nesting:
    """Whether one place lies inside the other (a town and the region it is in): compatible places for one event
    that two outlets report, one more precisely. Read from the stored geometries (asked only for an event that agrees
    with a stored one in everything else): a point inside a polygon, or a polygon's representative point inside the
    other. One per article stored: each geometry is parsed once and each pair decided once, so a long article of many
    events does not parse a country's outline for each of them."""

    def __init__(self, conn: sa.Connection) -> None:
        self.conn = conn
        self.shapes: dict[str, BaseGeometry | None] = {}
        self.answers: dict[frozenset[str], bool] = {}

    def nested(self, a: PlaceRef | None, b: PlaceRef | None) -> bool:
        if a is None or b is None or a.place_id == b.place_id:
            return False
        pair = frozenset((a.place_id, b.place_id))
        if pair not in self.answers:
            first, second = self._shape(a.place_id), self._shape(b.place_id)
            self.answers[pair] = first is not None and second is not None and _inside_one_another(first, second)
        return self.answers[pair]

    def _shape(self, place_id: str) -> BaseGeometry | None:
        if place_id not in self.shapes:
            text = self.conn.execute(sa.select(places.c.geometry).where(places.c.id == place_id)).scalar()
            self.shapes[place_id] = shape(json.loads(text)) if text else None
        return self.shapes[place_id]


def _inside_one_another(a: BaseGeometry, b: BaseGeometry) -> bool:
    small, big = (a, b) if a.area <= b.area else (b, a)
    return big.area > 0 and big.covers(small.representative_point())


def _refine(conn: sa.Connection, event_id: int, stored: Event, report: Event) -> None:
    """A new report may name, date or place the event more precisely than the stored ones did, or be surer of it."""
    merged = combine(stored, report)
    first_last = period(merged.date, merged.date_precision, "date.reported" in merged.reasons)
    conn.execute(events.update().where(events.c.id == event_id).values(
        label=merged.label, date=merged.date, date_precision=merged.date_precision,
        date_first=first_last[0] if first_last else None, date_last=first_last[1] if first_last else None,
        place_id=merged.place.place_id if merged.place else None, geo_precision=merged.geo_precision,
        # the stored row does not carry its sources, so combine cannot see that there are now several
        confidence=max(stored.confidence, report.confidence), reasons=_codes((*merged.reasons, "reports.several")),
    ))


def _confirmed(stored: Claim, report: Claim) -> dict[str, object]:
    """One more report of a stored claim: it is as sure as its surest report. The confidence is not recomputed from
    the joined reasons, which no fit has seen together."""
    return {"confidence": max(stored.confidence, report.confidence), "reasons": _codes(stored.reasons + report.reasons)}


def _codes(reasons: tuple[str, ...]) -> str:
    return json.dumps(list(dict.fromkeys(reasons)))


def _stored_events_like(conn: sa.Connection, event: Event) -> list[tuple[int, Event]]:
    rows = conn.execute(
        sa.select(events, places.c.name, places.c.kind, places.c.lat, places.c.lon)
        .select_from(events.outerjoin(places))
        .where(events.c.type == event.type)
        .order_by(events.c.id.desc()).limit(CANDIDATE_LIMIT)
    ).all()
    if not rows:
        return []
    actors: dict[int, list[Actor]] = {}
    for row in conn.execute(sa.select(event_actors).where(event_actors.c.event_id.in_([r.id for r in rows]))):
        actors.setdefault(row.event_id, []).append(Actor(row.name, row.kind, row.country))
    return [(r.id, Event(r.type, r.label, tuple(actors.get(r.id, ())), r.date, r.date_precision,
                         PlaceRef(r.place_id, r.name, r.kind, r.lat, r.lon, r.name) if r.place_id else None,
                         r.geo_precision, (), reasons=tuple(json.loads(r.reasons)), confidence=r.confidence))
            for r in rows]


def _reported_between(conn: sa.Connection, event_ids: list[int]) -> dict[int, tuple[date, date]]:
    """The first and last publication date of each stored event's reports, where the input gave the date (a date
    inferred from the text may be that of an old event it recalls)."""
    if not event_ids:
        return {}
    query = sa.select(event_sources.c.event_id, sa.func.min(articles.c.published), sa.func.max(articles.c.published)) \
        .select_from(event_sources.join(articles)) \
        .where(event_sources.c.event_id.in_(event_ids), articles.c.published_inferred.is_(False)) \
        .group_by(event_sources.c.event_id)
    return {event_id: (first, last) for event_id, first, last in conn.execute(query) if first is not None}


def _reported_near(stored: Event, event: Event, reported: tuple[date, date] | None, published: date | None) -> bool:
    """An event without a date of its own is only known to have happened shortly before it was reported: across
    articles it is one with another event only if their reports came out within REPORT_WINDOW of each other (two
    undated meetings reported six weeks apart are two meetings). Unknown publication dates prove nothing either way."""
    if (stored.date is not None and event.date is not None) or reported is None or published is None:
        return True
    first, last = reported
    return first - REPORT_WINDOW <= published <= last + REPORT_WINDOW


def _store_claim(conn: sa.Connection, article_id: int, claim: Claim) -> int:
    candidates = conn.execute(
        sa.select(claims.c.id, claims.c.text, claims.c.confidence, claims.c.reasons, claims.c.speaker,
                  claims.c.speaker_kind, claims.c.speaker_country, claims.c.speaker_key, claims.c.speaker_core)
        .where(claims.c.speaker_core == claim.speaker.core_key, claims.c.stance == claim.stance)
        .limit(CANDIDATE_LIMIT)
    ).all()
    refs = _place_refs(conn, [r.id for r in candidates], named=False)
    stored = {r.id: Claim(_stored_speaker(r), claim.verb, claim.stance, r.text, claim.quote, refs.get(r.id, ()), (),
                          reasons=tuple(json.loads(r.reasons)), confidence=r.confidence) for r in candidates}
    claim_id = next((stored_id for stored_id, known in stored.items() if same_claim(known, claim)), None)
    if claim_id is not None:
        conn.execute(claims.update().where(claims.c.id == claim_id).values(**_confirmed(stored[claim_id], claim)))
    else:
        claim_id = conn.execute(claims.insert().values(
            speaker=claim.speaker.name, speaker_key=claim.speaker.key, speaker_core=claim.speaker.core_key,
            speaker_kind=claim.speaker.kind,
            speaker_country=claim.speaker.country, verb=claim.verb, stance=claim.stance, text=claim.text,
            quote=claim.quote, place_id=claim.places[0].place_id if claim.places else None,
            confidence=claim.confidence, reasons=_codes(claim.reasons),
        )).inserted_primary_key[0]
        if claim.places:
            conn.execute(claim_places.insert(), [{"claim_id": claim_id, "place_id": p.place_id, "position": n}
                                                 for n, p in enumerate(claim.places)])
    conn.execute(claim_sources.insert(), [_source_row("claim_id", claim_id, article_id, s) for s in claim.sources])
    return claim_id


def _stored_speaker(row: sa.Row) -> Actor:
    """The stored speaker as extract.model.same_speaker needs it: its country's words are what its key has beyond
    its core."""
    qualifier = row.speaker.split()[:len(row.speaker_key.split()) - len(row.speaker_core.split())]
    return Actor(row.speaker, row.speaker_kind, row.speaker_country, " ".join(qualifier))


def _place_refs(conn: sa.Connection, claim_ids: list[int], named: bool) -> dict[int, tuple[PlaceRef, ...]]:
    """The places of each stored claim, in their order, read in one query (`named`: with their names and points,
    for the opposition rules; else ids alone, for `same_claim`)."""
    if not claim_ids:
        return {}
    found: dict[int, list[PlaceRef]] = {}
    query = sa.select(claim_places.c.claim_id, places.c.id, places.c.name, places.c.kind, places.c.lat,
                      places.c.lon).select_from(claim_places.join(places)) \
        .where(claim_places.c.claim_id.in_(claim_ids)).order_by(claim_places.c.claim_id, claim_places.c.position)
    for row in conn.execute(query):
        ref = PlaceRef(row.id, row.name, row.kind, row.lat, row.lon, row.name) if named else \
            PlaceRef(row.id, "", "", 0.0, 0.0, "")
        found.setdefault(row.claim_id, []).append(ref)
    return {claim_id: tuple(refs) for claim_id, refs in found.items()}


def _stored_claims_about(conn: sa.Connection, claim: Claim) -> list[tuple[int, Claim]]:
    """Stored claims that share a place with this one or are about its speaker's country: the only ones it can
    oppose."""
    keys = {p.place_id for p in claim.places} | ({claim.speaker.country} if claim.speaker.country else set())
    if not keys:
        return []
    ids = conn.execute(sa.select(sa.distinct(claim_places.c.claim_id)).where(claim_places.c.place_id.in_(keys))
                       .limit(CANDIDATE_LIMIT)).scalars().all()
    refs = _place_refs(conn, ids, named=True)
    return [(row.id, Claim(Actor(row.speaker, row.speaker_kind, row.speaker_country), row.verb, row.stance, row.text,
                           row.quote, refs.get(row.id, ()), ()))
            for row in conn.execute(sa.select(claims).where(claims.c.id.in_(ids)))]


def _link(conn: sa.Connection, first: int, second: int) -> None:
    if first == second:
        return
    low, high = sorted((first, second))
    exists = conn.execute(sa.select(contested.c.claim_id).where(contested.c.claim_id == low,
                                                                contested.c.other_id == high)).first()
    if exists is None:
        conn.execute(contested.insert().values(claim_id=low, other_id=high))


def _source_row(owner: str, owner_id: int, article_id: int, source: Source) -> dict:
    return {owner: owner_id, "article_id": article_id, "start": source.start, "end": source.end,
            "excerpt": source.excerpt}
