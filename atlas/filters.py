"""What a view is: the visible area, a date range and a set of outlets; and which events and claims it shows.

The map, the API and both exports read the same query parameters through `parse_view` and `parse_items`, so "export
what I see" is the same filter by construction. Bad values raise `BadParameter`, which every endpoint turns into one
JSON error shape. The date range bounds publication dates, except for an event with a date of its own.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import date

from werkzeug.datastructures import MultiDict

from extract.vocabulary import EventType

VIEW_PARAMETERS = frozenset({"bbox", "from", "to", "outlet"})
MAX_LIMIT = 20000


class BadParameter(ValueError):
    """A request parameter that cannot be used; the message is shown to the client as is."""


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


def parse_view(args: MultiDict, allowed: Collection[str] = VIEW_PARAMETERS) -> ViewFilter:
    unknown = sorted(set(args.keys()) - set(allowed))
    if unknown:
        raise BadParameter(f"unknown parameter(s): {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    date_from = parse_date(args.get("from"), "from")
    date_to = parse_date(args.get("to"), "to")
    if date_from and date_to and date_from > date_to:
        raise BadParameter("'from' must not be after 'to'")
    outlets = tuple(sorted({o.strip() for value in args.getlist("outlet") for o in value.split(",") if o.strip()}))
    return ViewFilter(parse_bbox(args.get("bbox")), date_from, date_to, outlets)


def parse_bbox(raw: str | None) -> tuple[float, float, float, float] | None:
    if raw is None or raw == "":
        return None
    parts = raw.split(",")
    if len(parts) != 4:
        raise BadParameter("'bbox' must be four numbers: west,south,east,north")
    try:
        west, south, east, north = (float(p) for p in parts)
    except ValueError:
        raise BadParameter("'bbox' must be four numbers: west,south,east,north") from None
    if not all(-180 <= lon <= 180 for lon in (west, east)) or not all(-90 <= lat <= 90 for lat in (south, north)):
        raise BadParameter("'bbox' is out of range: longitudes within -180..180, latitudes within -90..90")
    if south > north:
        raise BadParameter("'bbox' south must not be greater than north")
    return west, south, east, north


def parse_date(raw: str | None, name: str) -> date | None:
    if raw is None or raw == "":
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(f"'{name}' must be a date as YYYY-MM-DD, got {raw!r}") from None


def parse_limit(raw: str | None, default: int | None) -> int | None:
    if raw is None or raw == "":
        return default
    if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadParameter(f"'limit' must be a whole number from 1 to {MAX_LIMIT}")
    return int(raw)


ITEM_PARAMETERS = frozenset({"type", "stance", "actor", "speaker"})  # events and claims add these to a view
EVENT_TYPES = frozenset(event_type.value for event_type in EventType)  # only what the extractor can produce


@dataclass(frozen=True, slots=True)
class ItemFilter:
    types: tuple[str, ...] = ()
    stances: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()  # lower-cased names or surnames
    speakers: tuple[str, ...] = ()


ALL_ITEMS = ItemFilter()  # no item filter: every event and claim of the view


def parse_items(args: MultiDict) -> ItemFilter:
    """type (PLOVER category), stance, actor, speaker: each repeatable or comma-separated; bad values are errors."""
    from extract.vocabulary import Stance

    def values(name: str) -> tuple[str, ...]:
        return tuple(sorted({v.strip() for raw in args.getlist(name) for v in raw.split(",") if v.strip()}))

    types = tuple(t.upper() for t in values("type"))
    unknown = sorted(set(types) - EVENT_TYPES)
    if unknown:
        raise BadParameter(f"'type' must be PLOVER categories ({', '.join(sorted(EVENT_TYPES))}); got {unknown}")
    stances = values("stance")
    if set(stances) - set(Stance):
        raise BadParameter(f"'stance' must be one of {', '.join(Stance)}")
    return ItemFilter(types, stances, _name_keys(values("actor")), _name_keys(values("speaker")))


def _name_keys(names: tuple[str, ...]) -> tuple[str, ...]:
    """A name as written (an organisation's key) and its surname key (a person's): "Pashinyan" finds "Pashinian"."""
    from extract.model import surname_key

    keys = {name.casefold() for name in names} | {surname_key(name.split()[-1]) for name in names}
    return tuple(sorted(keys))
