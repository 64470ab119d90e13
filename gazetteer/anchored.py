"""Places the gazetteer lacks, placed where the text says they are ("Pa Zi Gyi village in Kanbalu Township",
"the Zamzam camp near El Fasher").

A village of a few hundred people, a camp, a hospital or a bridge is often the very place a conflict report is
about, and no installable dataset has them. When the text ties such a name to a place the gazetteer knows, the name is
kept as a record of its own, standing at that known place and marked approximate: the map can show "Zamzam camp,
somewhere near El Fasher" instead of nothing, and says that it is a guess. Everything about the record is written
into its id, so that any stage holding the id (the store, the export) gets the same record back without a table of
its own: ``anchored:<kind>:<kind of the known place>:<name>@<id of the known place>``.
"""

from __future__ import annotations

from dataclasses import dataclass

from gazetteer.model import Kind, Place

PREFIX = "anchored:"


@dataclass(frozen=True, slots=True)
class Anchoring:
    """What an anchored id says: the place's name and kind, and the known place it stands at."""

    name: str
    kind: str
    anchor_id: str
    anchor_kind: str


MAX_NAME = 100  # characters of the name kept in the id: the store's id columns hold 200


def anchored_id(name: str, kind: str, anchor: Place) -> str:
    clean = " ".join(name.replace("@", " ").replace(":", " ").split())
    if len(clean) > MAX_NAME:
        clean = clean[:MAX_NAME].rsplit(" ", 1)[0]
    return f"{PREFIX}{kind}:{anchor.kind}:{clean}@{anchor.id}"


def anchoring(place_id: str) -> Anchoring | None:
    """The parts of an anchored id; None for any other id."""
    if not place_id.startswith(PREFIX):
        return None
    kind, _, rest = place_id[len(PREFIX):].partition(":")
    anchor_kind, _, rest = rest.partition(":")
    name, at, anchor_id = rest.partition("@")  # the name holds no "@" (anchored_id removes it)
    if not (kind and anchor_kind and name and at and anchor_id) or anchor_id.startswith(PREFIX):
        return None
    return Anchoring(name, kind, anchor_id, anchor_kind)


def anchored_place(place_id: str, anchor: Place) -> Place:
    """The record for an anchored id: the known place's point, in its country, marked approximate."""
    parts = anchoring(place_id)
    if parts is None or parts.anchor_id != anchor.id:
        raise ValueError(f"{place_id!r} is not anchored at {anchor.id!r}")
    return Place(
        id=place_id, name=parts.name, kind=parts.kind, country_codes=anchor.country_codes, population=None,
        lat=anchor.lat, lon=anchor.lon, geometry_type="Point",
        source=f"not in the gazetteer: shown at {anchor.name}, where the article places it",
        licence=anchor.licence, approximate=True, located_in=anchor.id, label=anchor.label,
    )


# Kinds of place an unknown name may be anchored at: a known point or a unit small enough to say where it is. A
# country or a sea says too little ("a village in Sudan"), and a whole region is kept, with its precision, for the
# reader to see.
ANCHOR_KINDS = frozenset({Kind.POPULATED_PLACE, Kind.CAPITAL, Kind.ADMIN2, Kind.LANDMARK, Kind.ADMIN1, Kind.REGION,
                          Kind.DISPUTED_AREA, Kind.CORRIDOR})
