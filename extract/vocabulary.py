"""The closed sets of values the extractor writes: event types, stances, date precisions and actor kinds.

Each is written once here. The values are stored in the store and appear in the API, the exports and the map's
query parameters, so a value once written never changes; a StrEnum member equals its string, so values read back from
the store compare with the members as they are.
"""

from __future__ import annotations

from enum import StrEnum


class EventType(StrEnum):
    """The PLOVER categories the event dictionaries (extract.verbs) can produce, in PLOVER's order; PLOVER has more
    (SUPPORT, AID, THREATEN, ...), which no trigger word here reports, so the map offers no filter for them."""

    AGREE = "AGREE"  # an agreement or ceasefire concluded
    CONSULT = "CONSULT"  # talks, meetings, calls, visits
    RETREAT = "RETREAT"  # withdrawal, evacuation
    PROTEST = "PROTEST"  # demonstrations, riots
    SANCTION = "SANCTION"  # sanctions, expulsions, recalled ambassadors
    MOBILIZE = "MOBILIZE"  # mobilisation, deployment of troops
    COERCE = "COERCE"  # blockades, checkpoints, arrests, curfews
    ASSAULT = "ASSAULT"  # attacks, clashes, shelling, killings


class Stance(StrEnum):
    """What a claim does with its content; the order is the one the map's stance filter lists them in."""

    ASSERT = "assert"
    ACCUSE = "accuse"
    DENY = "deny"
    CONDEMN = "condemn"
    WARN = "warn"
    EXPRESS_CONCERN = "express concern"
    SUPPORT = "support"
    PROPOSE = "propose"
    REJECT = "reject"


class DatePrecision(StrEnum):
    """How much of a date the text gives, finest first: two reports of one event keep the finer date."""

    DAY = "day"
    WEEK = "week"  # "last week": the ISO date is that week's Monday
    MONTH = "month"
    YEAR = "year"


class ActorKind(StrEnum):
    """Who an actor is. A government is named by its country or capital ("Yerevan said"), so its `country` is the
    gazetteer id of that place; this is not the gazetteer's Kind, although a government stands for a country."""

    PERSON = "person"
    ORGANISATION = "organisation"
    GOVERNMENT = "government"
