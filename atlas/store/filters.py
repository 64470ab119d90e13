"""What a view is: the visible area, a date range and a set of outlets; and which events and claims it shows.

The store answers every layer (places, events, claims) and both exports from these two plain values, so "export what
I see" is the same filter by construction. The web package builds them from request parameters (atlas.web.params).
The date range bounds publication dates, except for an event with a date of its own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class ViewFilter:
    bbox: tuple[float, float, float, float] | None = None  # west, south, east, north; west > east crosses 180°
    date_from: date | None = None
    date_to: date | None = None
    outlets: tuple[str, ...] = ()

    @property
    def dated(self) -> bool:
        """Undated articles cannot be placed in a date range, so any date bound leaves them out."""
        return self.date_from is not None or self.date_to is not None


@dataclass(frozen=True, slots=True)
class ItemFilter:
    types: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # lower-cased names or surnames
    speakers: tuple[str, ...] = ()
    # events and claims at least this sure (extract.confidence); None: all; DEFAULT_THRESHOLD: each layer's own
    # default threshold, which is what the map shows unless asked for the uncertain too
    min_confidence: float | str | None = None
    # only the items with no place, which no map area holds: the list beside the map shows them under the same filters
    unplaced: bool = False


DEFAULT_THRESHOLD = "default"


ALL_ITEMS = ItemFilter()  # no item filter: every event and claim of the view
