"""Place a name the gazetteer lacks at the known place the text ties it to (see gazetteer.anchored).

"Pa Zi Gyi Village in Kanbalu Township of Sagaing Region", "the Zamzam camp near El Fasher", "Kyauk Taw police
post, a village north of Sittwe", "Kyiv's Okhmatdyt hospital": the words between the name and a resolved mention say
that one lies in or near the other. Such a name becomes a mention of its own, at the known place's point, marked
approximate, with a score no higher than ANCHORED_SCORE: a reader sees where the text puts it and that it is not a
gazetteer fact. A name with no such tie is dropped, as before: a namesake in the gazetteer would be a worse guess
than nothing, so such names are never looked up in it. Names are anchored from the last to the first, so that a name
tied to a later unknown name that is itself anchored ("Ta Kon Gyi village near Moe Gyo village in Kanbalu Township")
stands where that one does; other occurrences of an anchored name (same name, same kind) share its place.
"""

from __future__ import annotations

import re
from dataclasses import replace

from gazetteer import Gazetteer
from gazetteer.anchored import ANCHOR_KINDS, anchored_id, anchoring
from gazetteer.normalize import normalize
from geo.model import Mention
from geo.spans import Span

ANCHORED_SCORE = 0.5
MAX_GAP = 70  # characters between a name (with its kind noun) and the place it is tied to
# ", a small village (located) some 10 km north-west of", " in", " near the", " on the outskirts of"
_TIE = re.compile(r"""^\s*
    (?:for\s+(?:[a-z'\u2019-]+\s+){1,3}?)?  # "the Abu Shouk camp for displaced people near El Fasher"
    (?:,\s*)?
    (?:(?:at|in)\s+(?=(?:a|an)\s))?  # "the Koe Tan Kauk police station at a large coastal village north of Sittwe"
    (?:(?:a|an|the)\s+(?:[a-z'\u2019-]+\s+){1,3}?)?
    (?:(?:which|that)\s+(?:is|lies)\s+)?
    (?:(?:located|situated|lying|just|about|some|roughly|approximately|around)\s+)*
    (?:(?:[\d.,]+|several|a\s+few)\s*(?:-\s*)?(?:km|kilometres|kilometers|miles|nautical\s+miles)\s+)?
    (?:in|near|outside|at|of|close\s+to|on\s+the\s+outskirts\s+of
       |(?:north|south|east|west)(?:[\s-]?(?:east|west))?(?:ern)?\s+of)
    \s+(?:the\s+)?
    (?:(?:central|(?:north|south|east|west)(?:[\s-]?(?:east|west))?(?:ern)?)\s+)?  # "in central Gaza"
    $""", re.VERBOSE | re.IGNORECASE)
_POSSESSIVE = re.compile(r"^['\u2019]s\s+(?:the\s+)?$")
# "Abu Zureiga, south of El Fasher and near Zamzam camp": nearness runs both ways, so a name near a place just named
# before it lies near that place.
_NEAR_AFTER = re.compile(r"^\s*(?:,\s*)?(?:and\s+)?(?:near|next\s+to|close\s+to|not\s+far\s+from)\s+(?:the\s+)?$",
                         re.IGNORECASE)


def anchored_mentions(text: str, unknown: list[Span], mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """Mentions for the unknown names that the text ties to a resolved mention (or to an unknown name already
    anchored); the rest are dropped. Every occurrence of an anchored name shares its reading."""
    anchors = sorted((m for m in mentions if _can_anchor(m)), key=lambda m: m.start)
    placed: dict[tuple[str, str | None], Mention] = {}  # (full name, kind) -> its anchored mention
    found: list[Mention] = []
    for span in sorted(unknown, key=lambda s: s.start, reverse=True):
        anchor = _tied_after(text, span, anchors + found) or _tied_before(text, span, anchors + found)
        if anchor is None:
            continue
        mention = _mention(span, anchor, gaz)
        if mention is not None:
            found.append(mention)
            placed[_key(span)] = mention
    found += [replace(placed[key], start=s.start, end=s.end, text=s.text)
              for s in unknown if (key := _key(s)) in placed and all(m.start != s.start for m in found)]
    return sorted(found, key=lambda m: m.start)


def _key(span: Span) -> tuple[str, str | None]:
    """What makes two occurrences one place: "the Abu Shouk camp" and "the Abu Shouk market" are two."""
    return normalize(span.unknown_name), span.unknown_kind


def _can_anchor(mention: Mention) -> bool:
    return not (mention.demonym or mention.metonym) and mention.kind in ANCHOR_KINDS


def _tied_after(text: str, span: Span, anchors: list[Mention]) -> Mention | None:
    after = [m for m in anchors if span.anchor_from <= m.start <= span.anchor_from + MAX_GAP]
    first = min(after, key=lambda m: m.start, default=None)
    return first if first is not None and _TIE.match(text[span.anchor_from:first.start]) else None


def _tied_before(text: str, span: Span, anchors: list[Mention]) -> Mention | None:
    """ "Kyiv's Okhmatdyt hospital", "El Fasher and near Zamzam camp": the place the name belongs to or lies near,
    written just before it."""
    before = [m for m in anchors if span.start - MAX_GAP <= m.end <= span.start]
    last = max(before, key=lambda m: m.end, default=None)
    if last is None:
        return None
    between = text[last.end:span.start]
    return last if _POSSESSIVE.match(between) or _NEAR_AFTER.match(between) else None


def _mention(span: Span, anchor: Mention, gaz: Gazetteer) -> Mention | None:
    kind = span.unknown_kind
    if kind is None:
        return None
    root = anchoring(anchor.place_id)
    place = gaz.get(root.anchor_id if root is not None else anchor.place_id)
    if place is None:
        return None
    place_id = anchored_id(span.unknown_name, kind, place)
    return Mention(
        start=span.start, end=span.end, text=span.text, place_id=place_id, place_name=anchoring(place_id).name,
        kind=kind, lat=anchor.lat, lon=anchor.lon, score=min(anchor.score, ANCHORED_SCORE),
        reason=f"not in the gazetteer ({span.evidence}); shown at {place.name}, where the text places it",
        country_codes=anchor.country_codes,
    )
