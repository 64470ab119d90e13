"""Dates in article text: find them, resolve them, and infer when an article was published.

Absolute dates ("January 18", "9 November 2020", "since May 2021") are read with our own patterns because they are
cheap and their precision is plain from the words. A day or month whose year neither the text nor the input gives
keeps what is known in ISO 8601's truncated form without a year ("--03-04", "--03"): the map cannot place it in time,
but the reader still learns it happened on March 4. Relative ones ("on Monday", "last month") go to dateparser with
the publication date as `RELATIVE_BASE` — but only when the input gave that date: resolving against a date we merely
inferred would print a precise-looking day that is a guess built on a guess, so those stay unresolved.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import dateparser

from extract.vocabulary import DatePrecision

REPORT_LAG_DAYS = 7  # how long before its report an event dated only by the report may have happened

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_MONTH_ABBR = {name[:3]: number for number, name in enumerate(_MONTHS, start=1)} | {"sept": 9}
_MONTH = r"(?P<month>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?" \
         r"|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_DAY = r"(?P<{}>[0-3]?\d)(?:st|nd|rd|th)?"
_ABSOLUTE = re.compile(
    rf"\b(?:{_DAY.format('day1')}\s+(?:of\s+)?)?{_MONTH}(?:\s+{_DAY.format('day2')}\b)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b",
    re.IGNORECASE,
)
_YEAR = re.compile(r"\b(?P<year>(?:19|20)\d\d)\b(?![-–/]\d|\s*%)")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_RELATIVE = re.compile(
    r"\b(?:(?:last|this|earlier this|late last|early last)\s+(?P<unit>week|month|year)"
    r"|(?P<word>today|yesterday|tonight|this (?:morning|afternoon|evening))"
    r"|(?P<ago>(?:\d{1,2}|an?|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?:day|week)s?\s+ago)"
    r"|(?:(?:on|last|this|next|since|late|early)\s+)?(?P<weekday>" + "|".join(_WEEKDAYS) + r")s?(?:\s+night)?)\b",
    re.IGNORECASE,
)
_WEEKDAY_GAP = re.compile(r"[\s,(\u2013\u2014-]{1,4}(?:the\s+|a\s+)?")  # between "Friday" and "3 March" or "March 3"
# A month name alone is too ambiguous ("May", "March") unless a word like "in" or "since" marks it as a time.
_MONTH_ALONE_CUE = re.compile(r"\b(?:in|since|of|early|late|mid|until|by|last|from|during|through)\s*-?\s*$",
                              re.IGNORECASE)


# "The following year", "a day later": a year or a day counted from the last one the text stated before.
_COUNTED = re.compile(
    r"\b(?:the\s+(?P<after>following|next|previous|preceding)\s+(?P<unit1>year|day)"
    r"|an?\s+(?P<unit2>year|day)\s+(?P<when>later|earlier|before))\b",
    re.IGNORECASE,
)
_BACKWARD = frozenset({"previous", "preceding", "earlier", "before"})  # words that count back


@dataclass(frozen=True, slots=True)
class DateExpression:
    start: int
    end: int
    text: str
    year: int | None
    month: int | None
    day: int | None
    relative: bool  # needs the publication date to mean anything
    counted: bool = False  # counted from a date stated before it ("the following year")

    @property
    def precision(self) -> DatePrecision:
        if self.relative:
            return _relative_precision(self.text)
        return DatePrecision.DAY if self.day else DatePrecision.MONTH if self.month else DatePrecision.YEAR


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpression]:
    """Date expressions in text[start:end], in order, with offsets into `text`."""
    end = len(text) if end is None else end
    found = _stated(text, start, end)
    absolute = sorted((d.start, d.end) for d in found if d.month)
    found += _counted(text, start, end)
    for match in _RELATIVE.finditer(text, start, end):
        if match.group("weekday") and _beside_a_date(text, match.start(), match.end(), absolute):
            continue  # "on Friday (3 March)", "Friday, March 3": the explicit date says the day
        found.append(DateExpression(match.start(), match.end(), match.group(0), None, None, None, relative=True))
    return sorted(found, key=lambda d: d.start)


def _stated(text: str, start: int, end: int) -> list[DateExpression]:
    """The dates text[start:end] states outright: a day or month with or without a year, or a year alone."""
    found: list[DateExpression] = []
    taken: list[tuple[int, int]] = []
    for match in _ABSOLUTE.finditer(text, start, end):
        day = match.group("day1") or match.group("day2")
        year = match.group("year")
        word = match.group("month")
        if not day and not year and (word.casefold() == "may" or not _MONTH_ALONE_CUE.search(text, 0, match.start())
                                     or text[match.start()].islower()):
            continue
        if word[0].islower() and word.casefold() != "sept":
            continue  # "march" as a verb, "may" as a modal
        day_number = int(day) if day else None
        if day_number is not None and not 1 <= day_number <= 31:
            continue
        found.append(DateExpression(match.start(), match.end(), match.group(0), int(year) if year else None,
                                    _MONTH_ABBR[word.casefold()[:4] if word.casefold().startswith("sept")
                                                else word.casefold()[:3]], day_number, relative=False))
        taken.append((match.start(), match.end()))
    for match in _YEAR.finditer(text, start, end):
        if not any(a <= match.start() < b for a, b in taken):
            found.append(DateExpression(match.start(), match.end(), match.group(0), int(match.group("year")), None,
                                        None, relative=False))
    return found


def _counted(text: str, start: int, end: int) -> list[DateExpression]:
    """ "In 2014 ... The following year", "on 3 March ... the next day": the year or day after (or before) the last
    one stated earlier in the text. Nothing when none was stated."""
    counted = []
    for match in _COUNTED.finditer(text, start, end):
        unit = (match.group("unit1") or match.group("unit2")).casefold()
        step = -1 if (match.group("after") or match.group("when")).casefold() in _BACKWARD else 1
        usable = [d for d in _stated(text, 0, match.start()) if (d.year if unit == "year" else d.month and d.day)]
        if not usable:
            continue
        base = max(usable, key=lambda d: d.start)
        if any(_RELATIVE.finditer(text, base.end, match.start())):
            continue  # "on 3 March ... on Monday ... the next day": counted from a day this module cannot place
        if unit == "year":
            year, month, day = base.year + step, None, None
        else:
            try:
                moved = date(base.year or 2000, base.month, base.day) + timedelta(days=step)  # 2000: a leap year
            except ValueError:
                continue
            year, month, day = (moved.year if base.year else None), moved.month, moved.day
        counted.append(DateExpression(match.start(), match.end(), match.group(0), year, month, day, relative=False,
                                      counted=True))
    return counted


def _beside_a_date(text: str, start: int, end: int, dates: list[tuple[int, int]]) -> bool:
    """Whether a day and month stand right after (or right before) a weekday, with only punctuation between."""
    return any(_WEEKDAY_GAP.fullmatch(text[end:a]) or _WEEKDAY_GAP.fullmatch(text[b:start]) for a, b in dates)


def infer_publication(text: str) -> date | None:
    """The latest absolute date the text states (a day without a year gets the year of the text's other dates)."""
    expressions = [d for d in find_dates(text) if not d.relative and d.month and (d.year or d.day)]
    default_year = default_year_of(text)
    if default_year is None:
        return None
    best: date | None = None
    for expression in expressions:
        resolved = resolve(expression, date(default_year, 12, 31), anchored=False)
        if resolved is None:
            continue
        day = _first_day(*resolved)
        if day is not None and (best is None or day > best):
            best = day
    return best


def default_year_of(text: str) -> int | None:
    """The year a yearless "January 18" most likely has: after the latest dated month the text mentions."""
    dated = [(d.year, d.month or 0) for d in find_dates(text) if not d.relative and d.year]
    if not dated:
        return None
    latest_year, latest_month = max(dated)
    yearless_months = [d.month for d in find_dates(text) if not d.relative and d.month and d.year is None]
    if yearless_months and latest_month and min(yearless_months) < latest_month:
        return latest_year + 1  # "January 18" in a text whose latest dated month is May 2021 is after it
    return latest_year


def resolve(expression: DateExpression, published: date | None,
            anchored: bool) -> tuple[str, DatePrecision] | None:
    """(ISO date cut to its precision, precision) or None when it cannot be placed in time.

    `anchored`: the publication date came with the input, so relative expressions may be resolved against it."""
    if expression.relative:
        return _relative(expression.text.casefold(), published) if published and anchored else None
    year = expression.year
    if year is None and expression.month and published is not None:
        year = published.year
        if (expression.month, expression.day or 1) > (published.month, published.day):
            year -= 1  # news reports the past: "December 20" in a January article is last year's
    if year is None:
        if expression.month is None:
            return None
        if expression.day is None:
            return f"--{expression.month:02d}", DatePrecision.MONTH
        return f"--{expression.month:02d}-{expression.day:02d}", DatePrecision.DAY
    if expression.month is None:
        return f"{year:04d}", DatePrecision.YEAR
    if expression.day is None:
        return f"{year:04d}-{expression.month:02d}", DatePrecision.MONTH
    try:
        return date(year, expression.month, expression.day).isoformat(), DatePrecision.DAY
    except ValueError:
        return None


def _relative_precision(text: str) -> DatePrecision:
    lowered = text.casefold().removesuffix(" ago").removesuffix("s")  # "three weeks ago" is known to the week
    for unit in (DatePrecision.WEEK, DatePrecision.MONTH, DatePrecision.YEAR):
        if lowered.endswith(unit):
            return unit
    return DatePrecision.DAY


@lru_cache(maxsize=4096)
def _relative(text: str, published: date) -> tuple[str, DatePrecision] | None:
    precision = _relative_precision(text)
    phrase = text.removeprefix("on ").removeprefix("since ").removesuffix(" night").removesuffix("s")
    for prefix in ("earlier this ", "late last ", "early last "):
        if phrase.startswith(prefix):
            phrase = ("last " if "last" in prefix else "this ") + phrase.removeprefix(prefix)
    if phrase == "tonight":
        phrase = "today"
    weekday = phrase.split()[-1] if phrase.split() and phrase.split()[-1] in _WEEKDAYS else None
    if weekday is not None:
        return _weekday(phrase, weekday, published).isoformat(), DatePrecision.DAY
    if phrase.startswith("this "):
        parsed: datetime | None = datetime.combine(published, datetime.min.time())
    else:
        parsed = dateparser.parse(
            phrase,
            languages=["en"],
            settings={"RELATIVE_BASE": datetime.combine(published, datetime.min.time()),
                      "PREFER_DATES_FROM": "past"},
        )
    if parsed is None:
        return None
    day = parsed.date()
    if precision == DatePrecision.MONTH:
        return day.strftime("%Y-%m"), DatePrecision.MONTH
    if precision == DatePrecision.YEAR:
        return f"{day.year:04d}", DatePrecision.YEAR
    if precision == DatePrecision.WEEK:
        monday = day - timedelta(days=day.weekday())
        return monday.isoformat(), DatePrecision.WEEK
    return day.isoformat(), DatePrecision.DAY


def _weekday(phrase: str, weekday: str, published: date) -> date:
    """News reports what has happened: "on Tuesday" in an article of a Tuesday is that day, and otherwise the latest
    Tuesday before it; "last Tuesday" is the one before the day of publication, "next Tuesday" the one after."""
    back = (published.weekday() - _WEEKDAYS.index(weekday)) % 7
    if phrase.startswith("last ") and back == 0:
        back = 7
    if phrase.startswith("next "):
        return published + timedelta(days=(7 - back) % 7 or 7)
    return published - timedelta(days=back)


def has_year(iso: str | None) -> bool:
    return iso is not None and not iso.startswith("--")


def _first_day(iso: str, _precision: str) -> date | None:
    if not has_year(iso):
        return None
    parts = [int(p) for p in iso.split("-")]
    try:
        return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        return None


def period(iso: str | None, precision: str | None, reported: bool = False) -> tuple[date, date] | None:
    """First and last day of a date at its precision, for range filters (None for a date without a year).
    `reported`: the date is that of the report of the event, which happened in the REPORT_LAG_DAYS before it."""
    if iso is None or precision is None:
        return None
    first = _first_day(iso, precision)
    if first is None:
        return None
    if precision == DatePrecision.DAY:
        return (first - timedelta(days=REPORT_LAG_DAYS) if reported else first), first
    if precision == DatePrecision.WEEK:
        return first, first + timedelta(days=6)
    if precision == DatePrecision.MONTH:
        following = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
        return first, following - timedelta(days=1)
    return first, date(first.year, 12, 31)
