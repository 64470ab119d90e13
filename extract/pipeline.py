"""The one entry point of the extract stage."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from spacy.tokens import Doc

from extract.actors import ActorIndex
from extract.articles import article_meta
from extract.claims import extract_claims
from extract.events import extract_events
from extract.merge import contested_links
from extract.model import Claim, Extraction
from geo.model import Mention
from text.parse import parse


def metadata_only(text: str, published: date | None) -> Extraction:
    """Title, outlet and date without events or claims, for input too long to parse whole."""
    return Extraction(article_meta(text, published))


def extract_article(text: str, mentions: list[Mention], published: date | None, doc: Doc | None = None) -> Extraction:
    """Events, claims and metadata of one article. `mentions` come from the geoparser (this stage never looks
    places up itself); `published` is the date the input gave, None to infer it; `doc` is a parse of `text` made
    with `text.parse.COMPONENTS` (or more), so the ingest can share one parse with the geoparser."""
    if not text.strip():
        return Extraction(article_meta(text, published))
    doc = doc if doc is not None else parse(text)
    if len(doc.text) != len(text):
        raise ValueError("the parse must be of the same-length text, so that offsets stay valid")
    meta = article_meta(doc.text, published)  # the parsed text has boilerplate blanked: no headline feed as title
    actors = ActorIndex.build(doc, mentions)
    events = extract_events(doc, text, mentions, actors, meta.published, anchored=not meta.published_inferred)
    claims = _link(extract_claims(doc, text, mentions, actors))
    return Extraction(meta, events, claims)


def _link(claims: list[Claim]) -> list[Claim]:
    """Contested links both ways; a bare denial ("Azerbaijan denies the allegations") is about what it denies."""
    partners: dict[int, list[int]] = {}
    for earlier, later in contested_links(claims):
        partners.setdefault(earlier, []).append(later)
        partners.setdefault(later, []).append(earlier)
    linked = []
    for number, claim in enumerate(claims):
        others = tuple(sorted(partners.get(number, ())))
        places = claim.places
        if not places and claim.stance in ("deny", "reject") and others:
            places = claims[others[0]].places
        linked.append(replace(claim, contested_with=others, places=places))
    return linked
