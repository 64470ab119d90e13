"""Request parameters -> the store's filters, in one place for the map, the API, both exports and the CLI.

The same parsers read every endpoint's query string, so "export what I see" is the same filter by construction. Bad
values raise `BadParameter`, which the app turns into its one JSON error shape. Parsing is strict, so that a value is
read one way only: numbers and dates in ASCII digits (Python's int() and float() also take Arabic-Indic and other
digits), dates as YYYY-MM-DD only (not the other ISO 8601 forms date.fromisoformat takes, such as 20230101 or
2023-W01-1), and a parameter that takes one value given once (`limit=5&limit=-1` is an error, not whichever came
first). Parameters that take several values (outlet, type, stance, actor, speaker) may be repeated or comma-separated.
`min_confidence` (events and claims) is a number from 0 to 1, or `default` for each layer's default threshold (what
the map shows unless "Show uncertain" is ticked); without it every item is given, so that an API user sees
everything unless they ask.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from datetime import date

from werkzeug.datastructures import MultiDict

from atlas.store.filters import DEFAULT_THRESHOLD, ItemFilter, ViewFilter
from extract.model import surname_key
from extract.vocabulary import EventType, Stance

VIEW_PARAMETERS = frozenset({"bbox", "from", "to", "outlet"})
MAX_LIMIT = 20000
SINGLE_VALUED = frozenset({"bbox", "from", "to", "limit", "include", "q", "min_confidence", "unplaced"})
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)")
_LIMIT = re.compile(r"[0-9]{1,9}")


class BadParameter(ValueError):
    """A request parameter that cannot be used; the message is shown to the client as is."""


def parse_view(args: MultiDict, allowed: Collection[str] = VIEW_PARAMETERS) -> ViewFilter:
    unknown = sorted(set(args.keys()) - set(allowed))
    if unknown:
        raise BadParameter(f"unknown parameter(s): {', '.join(unknown)}; allowed: {', '.join(sorted(allowed))}")
    repeated = sorted(name for name in SINGLE_VALUED & set(args.keys()) if len(args.getlist(name)) > 1)
    if repeated:
        raise BadParameter(f"parameter(s) given more than once: {', '.join(repeated)}; each takes one value")
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
    if not all(_NUMBER.fullmatch(p.strip()) for p in parts):
        raise BadParameter("'bbox' must be four numbers: west,south,east,north")
    west, south, east, north = (float(p) for p in parts)
    if not all(-180 <= lon <= 180 for lon in (west, east)) or not all(-90 <= lat <= 90 for lat in (south, north)):
        raise BadParameter("'bbox' is out of range: longitudes within -180..180, latitudes within -90..90")
    if south > north:
        raise BadParameter("'bbox' south must not be greater than north")
    return west, south, east, north


def parse_date(raw: str | None, name: str) -> date | None:
    if raw is None or raw == "":
        return None
    try:
        if not _DATE.fullmatch(raw):
            raise ValueError
        return date.fromisoformat(raw)
    except ValueError:
        raise BadParameter(f"'{name}' must be a date as YYYY-MM-DD, got {raw[:40]!r}") from None


def parse_limit(raw: str | None, default: int | None) -> int | None:
    if raw is None or raw == "":
        return default
    if not _LIMIT.fullmatch(raw) or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadParameter(f"'limit' must be a whole number from 1 to {MAX_LIMIT}")
    return int(raw)


ITEM_PARAMETERS = frozenset({"type", "stance", "actor", "speaker", "min_confidence", "unplaced"})  # events, claims


def parse_items(args: MultiDict) -> ItemFilter:
    """type (PLOVER category), stance, actor, speaker: each repeatable or comma-separated; bad values are errors.
    The types and stances accepted are those the extractor can produce (extract.vocabulary). min_confidence: once.
    unplaced=true: the items with no place instead of those in an area, so it cannot come with a bbox."""

    def values(name: str) -> tuple[str, ...]:
        return tuple(sorted({v.strip() for raw in args.getlist(name) for v in raw.split(",") if v.strip()}))

    types = tuple(t.upper() for t in values("type"))
    unknown = sorted(set(types) - set(EventType))
    if unknown:
        raise BadParameter(f"'type' must be PLOVER categories ({', '.join(sorted(EventType))}); got {unknown}")
    stances = values("stance")
    if set(stances) - set(Stance):
        raise BadParameter(f"'stance' must be one of {', '.join(Stance)}")
    unplaced = args.get("unplaced", "false")
    if unplaced not in ("true", "false"):
        raise BadParameter(f"'unplaced' must be true or false, got {unplaced[:40]!r}")
    if unplaced == "true" and args.get("bbox"):
        raise BadParameter("'unplaced' asks for the items with no place: it cannot come with a 'bbox'")
    return ItemFilter(types, stances, _name_keys(values("actor")), _name_keys(values("speaker")),
                      _confidence(args.get("min_confidence")), unplaced == "true")


def _confidence(raw: str | None) -> float | str | None:
    if raw is None or raw == "":
        return None
    if raw == DEFAULT_THRESHOLD:
        return raw
    if not _NUMBER.fullmatch(raw) or not 0 <= float(raw) <= 1:
        raise BadParameter(f"'min_confidence' must be a number from 0 to 1 or '{DEFAULT_THRESHOLD}', got {raw[:40]!r}")
    return float(raw)


def _name_keys(names: tuple[str, ...]) -> tuple[str, ...]:
    """A name as written (an organisation's key) and its surname key (a person's): "Pashinyan" finds "Pashinian"."""
    keys = {name.casefold() for name in names} | {surname_key(name.split()[-1]) for name in names}
    return tuple(sorted(keys))
