"""When an event happened: the dates the parse ties to its trigger word, and the most precise of them.

A sentence may date several events ("the agreement of November 2020, which stopped the fighting"); each date goes to
the trigger it is closest to in the parse tree (`extract.attach.date_owner`), never across a line break, and an event
takes the most precise of its own dates that can be placed in time.

A date that only reaches an event through a reporting verb dates the report ("the group announced on Tuesday that it
had captured the city"). An event with no date of its own takes it: it happened by then, and news reports what just
happened. The reason code (`date.reported`) says so, and the calibration weighs it.
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Doc, Span, Token

from extract.attach import date_owner, report_date_owner
from extract.dates import DateExpression, has_year, resolve
from extract.vocabulary import DatePrecision
from text.parse import text_of

Dated = dict[int, list[DateExpression]]  # trigger token -> its dates


def dates_by_trigger(doc: Doc, triggers: list[Token], dates: list[DateExpression]) -> tuple[Dated, Dated]:
    """Each trigger's own dates, and the dates of the reports of those triggers that have none of their own."""
    owned: Dated = {}
    unowned: list[tuple[DateExpression, Span, list[Token]]] = []
    for expression in dates:
        span = _span_of(doc, expression)
        if span is None:
            continue
        same_line = [t for t in triggers if "\n" not in text_of(doc)[min(t.idx, expression.start):
                                                                max(t.idx, expression.start)]]
        owner = date_owner(span, same_line)
        if owner is not None:
            owned.setdefault(owner.i, []).append(expression)
        else:
            unowned.append((expression, span, same_line))
    reported: Dated = {}
    for expression, span, same_line in unowned:
        owner = report_date_owner(span, same_line)
        if owner is not None and owner.i not in owned:
            reported.setdefault(owner.i, []).append(expression)
    return owned, reported


def dates_of_verb(doc: Doc, verb: Token, dates: list[DateExpression]) -> list[DateExpression]:
    """The dates that modify a verb that is no event word ("fighting ceased on Tuesday"), directly or by a
    preposition."""
    found = []
    for expression in dates:
        span = _span_of(doc, expression)
        if span is None:
            continue
        head = span.root.head
        if head.dep_ == "prep" and head.i != verb.i:
            head = head.head
        if head.i == verb.i and span.root.i != verb.i:
            found.append(expression)
    return found


def _span_of(doc: Doc, expression: DateExpression) -> Span | None:
    """The tokens of a date expression, or None where no token of the parse covers it."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    return span if span is not None and len(span) else None


def event_date(dates: list[DateExpression], published: date | None, anchored: bool,
               reported: bool = False) -> tuple[str | None, DatePrecision | None, str]:
    """The most precise of the dates that can be placed in time (one with a year beats one without), and the reason
    code (extract.confidence) saying how it was found. `reported`: they are the dates of the report of the event."""
    resolved = [(r, d) for d in dates if (r := resolve(d, published, anchored)) is not None]
    if not resolved:
        return None, None, "date.none"
    (iso, precision), expression = max(resolved, key=lambda pair: (has_year(pair[0][0]), len(pair[0][0])))
    reason = "date.reported" if reported else "date.relative" if expression.relative else \
        "date.counted" if expression.counted else "date.stated" if has_year(iso) else "date.yearless"
    return iso, precision, reason
