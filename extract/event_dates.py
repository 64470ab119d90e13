"""When an event happened: the dates the parse ties to its trigger word, and the most precise of them.

A sentence may date several events ("the agreement of November 2020, which stopped the fighting"); each date goes to
the trigger it is closest to in the parse tree (`extract.attach.date_owner`), never across a line break, and an event
takes the most precise of its own dates that can be placed in time.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Token

from extract.attach import date_owner
from extract.dates import DateExpression, has_year, resolve
from extract.vocabulary import DatePrecision
from text.parse import text_of


def dates_by_trigger(doc: Doc, triggers: list[Token], dates: list[DateExpression]) -> dict[int, list[DateExpression]]:
    owned: dict[int, list[DateExpression]] = {}
    for expression in dates:
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        same_line = [t for t in triggers if "\n" not in text_of(doc)[min(t.idx, expression.start):
                                                                max(t.idx, expression.start)]]
        owner = date_owner(span, same_line) if span is not None and len(span) else None
        if owner is not None:
            owned.setdefault(owner.i, []).append(expression)
    return owned


def event_date(dates: list[DateExpression], published: date | None,
               anchored: bool) -> tuple[str | None, DatePrecision | None, str]:
    """The most precise of the trigger's own dates that can be placed in time (one with a year beats one without),
    and the reason code (extract.confidence) saying how it was found."""
    resolved = [(r, d) for d in dates if (r := resolve(d, published, anchored)) is not None]
    if not resolved:
        return None, None, "date.none"
    (iso, precision), expression = max(resolved, key=lambda pair: (has_year(pair[0][0]), len(pair[0][0])))
    reason = "date.relative" if expression.relative else "date.counted" if expression.counted else \
        "date.stated" if has_year(iso) else "date.yearless"
    return iso, precision, reason
