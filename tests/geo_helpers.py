"""Finding the geoparser's mentions of one surface in a test text, shared by the geoparser's test modules."""

from __future__ import annotations

from geo.model import Mention


def mentions_of(mentions: list[Mention], surface: str) -> list[Mention]:
    return [m for m in mentions if m.text == surface]


def only(mentions: list[Mention], surface: str) -> Mention:
    found = mentions_of(mentions, surface)
    assert len(found) == 1, f"{surface!r}: {[(m.text, m.start, m.place_id) for m in mentions]}"
    return found[0]
