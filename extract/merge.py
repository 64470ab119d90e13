"""When two reports are one event or one claim, how the reports of one event become one, and when two claims
oppose each other.

The same rules serve within an article and across articles at store time, so an event merged in one place is merged
in the other. Dates are compatible when one is unknown or one contains the other ("2023-01" and "2023-01-18");
places when they are equal or one is unknown (within an article also a country and a place in it); actors when they
share someone (by surname for people). Across articles two reports must also name the same place or the same date, or
else share a person: a shared government with nothing else known in common proves nothing.

Within an article `merge_within_article` also joins what only the article's wording ties together ("this meeting",
an event in a "when" clause of another); `combine` keeps the most specific of two reports, and the store uses it too.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from extract.dates import REPORT_LAG_DAYS, has_year
from extract.model import Actor, Claim, Event, PlaceRef, same_speaker
from extract.verbs import GENERIC_LABELS, HELD_OUTCOME, LASTING_LABELS, TAKEN_OUTCOME
from extract.vocabulary import ActorKind, DatePrecision, EventType, Stance
from gazetteer import Kind

_WORD = re.compile(r"[a-z]{4,}")
SIMILAR_CONTENT = 0.5  # Jaccard overlap of content words for two wordings of one claim
# Two outlets' paraphrases of one statement about the same places ("accused Baku of supporting the protesters" /
# "of backing protesters") share fewer words; distinct statements of one speaker about those places share fewer still.
PARAPHRASED_CONTENT = 0.3
SHORT_ANSWER = 3  # content words of a reply too short to compare by wording


def dates_compatible(a: str | None, b: str | None) -> bool:
    """Unknown, or one contains the other; a year-less "--01-18" fits any January 18 and any January."""
    if a is None or b is None:
        return True
    if a.startswith("--") or b.startswith("--"):
        a, b = _without_year(a), _without_year(b)
        if not a or not b:
            return True
    return a.startswith(b) or b.startswith(a)


def _without_year(iso: str) -> str:
    """ "2022-01-18" and "--01-18" -> "-01-18"; a bare year -> ""."""
    return iso[1:] if iso.startswith("--") else iso[4:]


def labels_compatible(a: str, b: str) -> bool:
    """ "talks" and "phone call" may name one consultation; "visit" and "phone call" never do."""
    return a == b or a in GENERIC_LABELS or b in GENERIC_LABELS


def specific_label(a: str, b: str) -> str:
    return a if b in GENERIC_LABELS else b if a in GENERIC_LABELS else a


def same_event(a: Event, b: Event, within_article: bool = False, nested: bool = False) -> bool:
    """`nested`: the caller found that one event's place lies inside the other's (Stepanakert in Nagorno-Karabakh),
    which makes two places compatible as equal ones are."""
    if a.type != b.type or not labels_compatible(a.label, b.label) or \
            not (dates_compatible(a.date, b.date) or _reported_after(a, b)):
        return False
    place_a, place_b = (a.place.place_id if a.place else None), (b.place.place_id if b.place else None)
    if place_a != place_b and place_a is not None and place_b is not None and not nested and \
            not (within_article and country_and_place_in_it(a.place, b.place)):
        return False
    if within_article:
        return True  # one article reporting one kind of act again; whether the people agree is the caller's check
    keys_a, keys_b = {x.key for x in a.actors}, {x.key for x in b.actors}
    if not keys_a & keys_b:
        return False
    if (place_a is not None and (place_a == place_b or nested)) or a.date == b.date is not None:
        return True
    # nothing known in common but someone: a person is evidence ("Blinken's call" in two outlets), a government is
    # not (an undated meeting with Armenia's minister is not the dated call with Armenia another outlet reported)
    return bool(person_keys(a) & person_keys(b))


def _reported_after(a: Event, b: Event) -> bool:
    """ "The Houthis said on Monday they had fired at a ship" and "the attack occurred on Sunday": the date of a
    report bounds the event from above, so an earlier date the article gives it fits (within a week)."""
    for reported, other in ((a, b), (b, a)):
        if "date.reported" in reported.reasons and "date.reported" not in other.reasons and \
                reported.date and other.date and len(reported.date) == len(other.date) == 10:  # both whole days
            gap = (date.fromisoformat(reported.date) - date.fromisoformat(other.date)).days
            return 0 <= gap <= REPORT_LAG_DAYS
    return False


def country_and_place_in_it(a: PlaceRef, b: PlaceRef) -> bool:
    """ "detained in October" in Turkey and "detained in Izmir": within one article the country is the same event's
    place told less precisely. Across articles the stored places carry no country codes, and two outlets naming a
    country and a town in it may well mean two acts."""
    country, other = (a, b) if a.kind == Kind.COUNTRY else (b, a)
    return country.kind == Kind.COUNTRY and other.kind != Kind.COUNTRY and bool(country.country_codes) and \
        set(country.country_codes) <= set(other.country_codes)


def person_keys(event: Event) -> set[str]:
    return {x.key for x in event.actors if x.kind == ActorKind.PERSON}


def merge_within_article(events: list[Event], back_references: set[int], simultaneous: dict[int, int]) -> list[Event]:
    """Reports of one event merge; "this meeting" or "the same talks" is the latest event of its type so far, an event
    in a "when" clause of another of its kind is one occasion with it, and two consultations between the same two
    people are one whatever word reports them ("talked with", "the call")."""
    merged: list[Event] = []
    position: dict[int, int] = {}  # event number -> index in merged
    for number, event in enumerate(events):
        target = position.get(simultaneous[number]) if number in simultaneous else None
        if target is None:
            target = next((n for n, kept in enumerate(merged) if kept.label == event.label
                           and same_event(kept, event, within_article=True) and _people_agree(kept, event)), None)
        if target is None and event.type == EventType.AGREE:
            target = next((n for n, kept in enumerate(merged) if same_event(kept, event, within_article=True)), None)
        if target is None and number in back_references:
            target = next((n for n in range(len(merged) - 1, -1, -1) if merged[n].type == event.type), None)
        if target is None and event.type == EventType.CONSULT:
            target = next((n for n, kept in enumerate(merged) if same_event(kept, event, within_article=True)
                           and _same_people(kept, event)), None)
        if target is None:
            merged.append(event)
            target = len(merged) - 1
        else:
            merged[target] = combine(merged[target], event)
        position[number] = target
    return merged


def _people_agree(a: Event, b: Event) -> bool:
    """Two reports naming people are of one event only if they share someone (two visits to one city are two)."""
    people_a, people_b = person_keys(a), person_keys(b)
    return not people_a or not people_b or bool(people_a & people_b)


def _same_people(a: Event, b: Event) -> bool:
    people = person_keys(a) & person_keys(b)
    return len(people) >= 2


def combine(kept: Event, other: Event) -> Event:
    """One event from two reports of it: the more specific label and the more precise date and place win, actors
    and sources add up."""
    actors = dict.fromkeys(kept.actors) | dict.fromkeys(other.actors)
    sources = tuple(dict.fromkeys(kept.sources + other.sources))
    date_from = min((kept, other), key=lambda e: (not has_year(e.date), _rank(e.date_precision),
                                                  "date.reported" in e.reasons))
    place_from = kept if (kept.geo_precision or 9) <= (other.geo_precision or 9) else other
    reasons = _field_reasons(date_from, "date.") + _field_reasons(place_from, "place.")
    if "report.hearsay" in kept.reasons and "report.hearsay" in other.reasons:  # one plain report is enough
        reasons += ("report.hearsay",)
    return with_reasons(replace(kept, label=specific_label(kept.label, other.label), actors=tuple(actors),
                                sources=sources, date=date_from.date, date_precision=date_from.date_precision,
                                place=place_from.place, geo_precision=place_from.geo_precision, reasons=reasons))


def with_reasons(event: Event) -> Event:
    """The reasons (extract.confidence) that follow from what an event ended up with. How its date and its place
    were found stays with them, from the report that gave them; the rest is read off the event."""
    reasons = [*_field_reasons(event, "date."), *_field_reasons(event, "place."), f"type.{event.type}",
               "actors.named" if event.actors else "actors.none"]
    if "report.hearsay" in event.reasons:
        reasons.append("report.hearsay")
    if event.place is not None and event.place.kind == Kind.COUNTRY:
        reasons.append("place.country")
    if len(event.sources) > 1:
        reasons.append("reports.several")
    if event.label in GENERIC_LABELS:
        reasons.append("label.generic")
    if event.label in LASTING_LABELS:
        reasons.append("label.lasting")
    # the date of the statement that mentions it ("told reporters on Monday that talks had stalled") is not its own,
    # and a topic is not dated by it
    if not ((event.date and "date.reported" not in event.reasons) or event.place or event.actors):
        reasons = ["date.none" if r == "date.reported" else r for r in reasons] + ["report.topic"]
        return replace(event, date=None, date_precision=None, reasons=tuple(reasons))
    return replace(event, reasons=tuple(reasons))


def _field_reasons(event: Event, prefix: str) -> tuple[str, ...]:
    return tuple(c for c in event.reasons if c.startswith(prefix) and c != "place.country")[:1]


def _rank(precision: str | None) -> int:
    return list(DatePrecision).index(precision) if precision else 9


def content_words(text: str) -> set[str]:
    return set(_WORD.findall(text.casefold()))


def same_claim(a: Claim, b: Claim) -> bool:
    """Same speaker and stance, and the same wording (content-word overlap; less of it when the places are the same
    or one side's are a part of the other's) or, for a short answer ("denies the allegations" / "denies the
    accusation"), the same places."""
    if not same_speaker(a.speaker, b.speaker) or a.stance != b.stance:
        return False
    words_a, words_b = content_words(a.text), content_words(b.text)
    overlap = len(words_a & words_b) / len(words_a | words_b) if words_a and words_b else 0.0
    places_a, places_b = {p.place_id for p in a.places}, {p.place_id for p in b.places}
    nested = bool(places_a and places_b) and (places_a <= places_b or places_b <= places_a)
    if overlap >= SIMILAR_CONTENT or (nested and overlap >= PARAPHRASED_CONTENT):
        return True
    return min(len(words_a), len(words_b)) <= SHORT_ANSWER and bool(places_a) and places_a == places_b


def opposed(a: Claim, b: Claim) -> bool:
    """b answers a: a denial or rejection by the party a accuses, or an opposing reading of the same act (a defends
    what another condemns, sharing a specific place such as a corridor, not just a country)."""
    if same_speaker(a.speaker, b.speaker) or a.stance not in (Stance.ACCUSE, Stance.CONDEMN):
        return False
    about_a = {p.place_id for p in a.places}
    targeted = b.speaker.country in about_a
    if b.stance in (Stance.DENY, Stance.REJECT):
        return targeted
    if b.stance in (Stance.ASSERT, Stance.SUPPORT):
        specific = {p.place_id for p in a.places if p.kind not in (Kind.COUNTRY, Kind.CAPITAL)}
        return targeted and bool(specific & {p.place_id for p in b.places})
    return False


def opposite_outcomes(a: Claim, b: Claim) -> bool:
    """Two sides' opposite accounts of one act: one says a place was taken, the other that the assault on it was
    repelled, and both name that place (a town or an area, not just a country)."""
    if same_speaker(a.speaker, b.speaker) or (a.speaker.country and a.speaker.country == b.speaker.country):
        return False
    shared = {p.place_id for p in a.places if p.kind not in (Kind.COUNTRY, Kind.CAPITAL)} & \
        {p.place_id for p in b.places}
    if not shared:
        return False
    taken_a, held_a = bool(TAKEN_OUTCOME.search(a.text)), bool(HELD_OUTCOME.search(a.text))
    taken_b, held_b = bool(TAKEN_OUTCOME.search(b.text)), bool(HELD_OUTCOME.search(b.text))
    return (taken_a and not held_a and held_b) or (held_a and not taken_a and taken_b)


ANSWER_REACH = 60


def _one_side(a: Actor, b: Actor) -> bool:
    """Two speakers of one country ("the Syrian army spokesman", "the Syrian army command"): a denial by one does not
    answer the other."""
    return a.country is not None and a.country == b.country


def contested_links(claims: list[Claim]) -> list[tuple[int, int]]:
    """Pairs (earlier, later) of opposing claims in one article. Each claim answers at most the nearest claim it
    opposes, among the ANSWER_REACH claims before it (a news article rarely reports more; the bound keeps a text of
    thousands of claims from costing the square of their number); a bare denial or rejection (no places of its own)
    answers the nearest earlier claim by someone else, of another side when both sides are known."""
    pairs = []
    for later, claim in enumerate(claims):
        for earlier in range(later - 1, max(-1, later - 1 - ANSWER_REACH), -1):
            other = claims[earlier]
            bare_answer = claim.stance in (Stance.DENY, Stance.REJECT) and not claim.places and \
                not same_speaker(other.speaker, claim.speaker) and not _one_side(other.speaker, claim.speaker)
            if bare_answer or opposed(other, claim) or opposed(claim, other) or opposite_outcomes(other, claim):
                pairs.append((earlier, later))
                break
    return pairs
