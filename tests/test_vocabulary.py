"""The closed vocabularies (gazetteer kinds, event types, stances, date precisions, actor kinds) and who uses them.

Their values are stored and exported, so they are pinned here as strings; and the map's filters must offer exactly
what the extractor can produce, no more.
"""

from __future__ import annotations

import re

import pytest
from werkzeug.datastructures import MultiDict

from atlas.web.params import BadParameter, parse_items
from extract.verbs import COMPANION_TRIGGERS, EVENT_TRIGGERS, REPORTING_VERBS, STANCE_NOUNS, STATED_NOUNS
from extract.vocabulary import ActorKind, DatePrecision, EventType, Stance
from gazetteer import Kind


def test_values_are_the_stored_strings() -> None:
    assert [k.value for k in Kind] == ["populated place", "capital", "country", "admin-1", "admin-2", "region",
                                       "corridor", "landmark", "disputed area", "water body", "border"]
    assert [t.value for t in EventType] == ["AGREE", "CONSULT", "RETREAT", "PROTEST", "SANCTION", "MOBILIZE",
                                            "COERCE", "ASSAULT"]
    assert [s.value for s in Stance] == ["assert", "accuse", "deny", "condemn", "warn", "express concern", "support",
                                         "propose", "reject"]
    assert [p.value for p in DatePrecision] == ["day", "week", "month", "year"]
    assert [a.value for a in ActorKind] == ["person", "organisation", "government"]
    assert Kind.WATER_BODY == "water body" and f"{Stance.EXPRESS_CONCERN}" == "express concern"


def test_event_types_are_exactly_what_the_triggers_produce() -> None:
    produced = {kind for kind, _ in EVENT_TRIGGERS.values()} | {kind for _, (kind, _) in COMPANION_TRIGGERS.values()}
    assert produced == set(EventType)


def test_every_stance_word_maps_to_a_stance() -> None:
    for table in (REPORTING_VERBS, STANCE_NOUNS, STATED_NOUNS):
        assert set(table.values()) <= set(Stance)


@pytest.mark.parametrize("event_type", list(EventType))
def test_the_type_filter_takes_every_type_the_extractor_makes(event_type: EventType) -> None:
    assert parse_items(MultiDict({"type": event_type.value.lower()})).types == (event_type.value,)


@pytest.mark.parametrize("other", ["AID", "SUPPORT", "THREATEN", "REQUEST"])
def test_the_type_filter_refuses_plover_categories_the_extractor_never_makes(other: str) -> None:
    with pytest.raises(BadParameter, match="must be PLOVER categories"):
        parse_items(MultiDict({"type": other}))


def test_the_stance_filter_lists_the_stances_in_order() -> None:
    assert parse_items(MultiDict({"stance": "express concern,deny"})).stances == ("deny", "express concern")
    with pytest.raises(BadParameter) as raised:
        parse_items(MultiDict({"stance": "maybe"}))
    assert str(raised.value) == ("'stance' must be one of assert, accuse, deny, condemn, warn, express concern, "
                                 "support, propose, reject")


def test_the_map_offers_the_extractors_types_and_stances(client) -> None:
    page = client.get("/").get_data(as_text=True)
    types = re.search(r'<select id="filter-type".*?</select>', page, re.S).group(0)
    assert re.findall(r'<option value="([A-Z]+)">([a-z]+)</option>', types) == [
        (t, t.lower()) for t in sorted(EventType)]
    stances = re.search(r'<select id="filter-stance".*?</select>', page, re.S).group(0)
    assert re.findall(r'<option value="([a-z ]+)">', stances) == [s.value for s in Stance]
