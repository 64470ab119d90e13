"""The border between two countries as a line: the common edge of their Natural Earth outlines.

Border clashes, crossings and closures are placed "on the Armenia-Azerbaijan border": neither country's polygon
says where, and no installable dataset lists borders. Two neighbours' outlines share their edge, so the part of one
outline that lies within about two kilometres of the other is the border, built when asked for, not stored. Like
an anchored place (gazetteer.anchored), a border's id says everything about it: ``border:<id of one>|<id of the
other>``, the two country ids in sorted order, so that one border has one id however a text names it.
"""

from __future__ import annotations

from shapely.geometry import LineString, MultiLineString
from shapely.geometry.base import BaseGeometry
from shapely.ops import linemerge

from gazetteer.model import Kind, Place

PREFIX = "border:"
EDGE_DEGREES = 0.02  # about 2 km: how far apart Natural Earth draws the two sides of one border
MIN_DEGREES = 0.05  # a shorter common edge is a corner where outlines touch, not a border to draw


def border_id(one: Place, other: Place) -> str:
    first, second = sorted((one.id, other.id))
    return f"{PREFIX}{first}|{second}"


def border_countries(place_id: str) -> tuple[str, str] | None:
    """The two country ids of a border id; None for any other id."""
    if not place_id.startswith(PREFIX):
        return None
    first, bar, second = place_id[len(PREFIX):].partition("|")
    return (first, second) if first and bar and second and first != second else None


def border_line(one: BaseGeometry, other: BaseGeometry) -> BaseGeometry | None:
    """The part of one outline along the other: a (multi)line, or None when the two do not share an edge."""
    shared = one.boundary.intersection(other.buffer(EDGE_DEGREES))
    parts = [g for g in getattr(shared, "geoms", [shared]) if isinstance(g, LineString) and not g.is_empty]
    if not parts:
        return None
    line = linemerge(MultiLineString(parts))
    return line if line.length >= MIN_DEGREES else None


def border_place(place_id: str, one: Place, other: Place, line: BaseGeometry) -> Place:
    """The record of a border: named after its two countries, at the middle of its line."""
    first, second = sorted((one, other), key=lambda place: place.name)
    middle = line.interpolate(0.5, normalized=True) if isinstance(line, LineString) else \
        max(line.geoms, key=lambda part: part.length).interpolate(0.5, normalized=True)
    return Place(
        id=place_id, name=f"{first.name}\u2013{second.name} border", kind=Kind.BORDER,
        country_codes=tuple(sorted({*one.country_codes, *other.country_codes})), population=None,
        lat=round(middle.y, 6), lon=round(middle.x, 6), geometry_type=line.geom_type,
        source=f"the common edge of the Natural Earth outlines of {first.name} and {second.name}",
        licence="public domain (Natural Earth)",
    )
