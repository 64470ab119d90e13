"""The one entry point of the extract stage."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from extract.actors import ActorIndex
from extract.articles import article_meta
from extract.claims import extract_claims
from extract.confidence import confidence
from extract.events import extract_events
from extract.merge import contested_links
from extract.model import ArticleMeta, Claim, Event, Extraction, Source
from geo.model import Mention
from text.parse import parse, text_of


def extract_article(text: str, mentions: list[Mention], published: date | None, doc: Doc | None = None,
                    meta: ArticleMeta | None = None) -> Extraction:
    """Events, claims and metadata of one article. `mentions` come from the geoparser (this stage never looks
    places up itself); `published` is the date the input gave, None to infer it; `doc` is a parse of `text` made
    with `text.parse.COMPONENTS` (or more), so the ingest can share one parse with the geoparser; `meta`, when
    given, is the article's metadata as already found (a section of a long article is dated by the article)."""
    if not text.strip():
        return Extraction(meta or article_meta(text, published))
    doc = doc if doc is not None else parse(text)
    if len(text_of(doc)) != len(text):
        raise ValueError("the parse must be of the same-length text, so that offsets stay valid")
    meta = meta or article_meta(text_of(doc), published)  # the parsed text has boilerplate blanked: no feed as title
    actors = ActorIndex.build(doc, mentions)
    events = extract_events(doc, text, mentions, actors, meta.published, anchored=not meta.published_inferred)
    claims = _link(extract_claims(doc, text, mentions, actors))
    return Extraction(meta, [replace(e, confidence=confidence("event", e.reasons)) for e in events],
                      [replace(c, confidence=confidence("claim", c.reasons)) for c in claims])


def extract_sections(text: str, mentions: list[Mention], published: date | None,
                     sections: Iterable[tuple[int, Doc]]) -> Extraction:
    """`extract_article` for an article too long to parse whole, read a section at a time (text.parse.parse_sections):
    each section's events and claims, with offsets into the whole text. The article's metadata comes from its
    first section, where the headline, the credit line and the dateline are."""
    meta: ArticleMeta | None = None
    events: list[Event] = []
    claims: list[Claim] = []
    starts = [m.start for m in mentions]  # the geoparser gives mentions in order: each section's are found by bisection
    for offset, doc in sections:
        end = offset + len(text_of(doc))
        inside = mentions[bisect_left(starts, offset):bisect_left(starts, end)]
        local = [replace(m, start=m.start - offset, end=m.end - offset) for m in inside if m.end <= end]
        part = extract_article(text[offset:end], local, published, doc, meta)
        meta = part.meta
        base = len(claims)
        events.extend(replace(e, sources=_shifted(e.sources, offset)) for e in part.events)
        claims.extend(replace(c, sources=_shifted(c.sources, offset),
                              contested_with=tuple(base + i for i in c.contested_with)) for c in part.claims)
    return Extraction(meta or article_meta(text, published), events, claims)


def _shifted(sources: tuple[Source, ...], offset: int) -> tuple[Source, ...]:
    return tuple(replace(s, start=s.start + offset, end=s.end + offset) for s in sources)


def _link(claims: list[Claim]) -> list[Claim]:
    """Contested links both ways; a bare denial ("Azerbaijan denies the allegations") is about what it denies."""
    partners: dict[int, list[int]] = {}
    for earlier, later in contested_links(claims):
        partners.setdefault(earlier, []).append(later)
        partners.setdefault(later, []).append(earlier)
    linked = []
    for number, claim in enumerate(claims):
        others = tuple(sorted(partners.get(number, ())))
        places, reasons = claim.places, claim.reasons
        if not places and claim.stance in ("deny", "reject") and others and claims[others[0]].places:
            places = claims[others[0]].places
            reasons = (*(r for r in reasons if r != "places.none"), "places.answered")
        linked.append(replace(claim, contested_with=others, places=places,
                              reasons=(*reasons, f"stance.{claim.stance}")))
    return linked
