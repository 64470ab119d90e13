"""The optional online fallback: used only for names the gazetteer lacks, never reached over the network here."""

from __future__ import annotations

import pytest
from geopy.exc import GeocoderServiceError
from geopy.location import Location

from geo.fallback import NominatimFallback
from geo.parser import Geoparser
from geo.resolve import Resolver
from geo.spans import Span


class FakeNominatim:
    """Stands in for geopy's Nominatim: answers from a dict and counts the calls."""

    def __init__(self, answers: dict[str, Location | Exception]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    def geocode(self, query: str, **_options) -> Location | None:
        self.calls.append(query)
        answer = self.answers.get(query)
        if isinstance(answer, Exception):
            raise answer
        return answer


def location(name: str, lat: float, lon: float) -> Location:
    raw = {"osm_type": "node", "osm_id": 42, "name": name, "addresstype": "village"}
    return Location(f"{name}, Somewhere", (lat, lon), raw)


@pytest.fixture(scope="module")
def gazetteer():
    return Geoparser().gaz


def test_unknown_name_is_resolved_online_once(gazetteer):
    fake = FakeNominatim({"Qwertyvale": location("Qwertyvale", 40.5, 45.1)})
    fallback = NominatimFallback(geocoder=fake, min_delay_seconds=0)
    resolver = Resolver(gazetteer, fallback=fallback)
    text = "Shelling hit Qwertyvale and then Qwertyvale again."
    spans = [Span(13, 23, "Qwertyvale", "NER GPE, not in the gazetteer"),
             Span(33, 43, "Qwertyvale", "NER GPE, not in the gazetteer")]
    mentions = resolver.resolve(text, spans)
    assert [(m.start, m.place_id, m.kind, m.lat) for m in mentions] == [
        (13, "osm:node/42", "populated place", 40.5), (33, "osm:node/42", "populated place", 40.5)]
    assert fake.calls == ["Qwertyvale"]


def test_names_the_gazetteer_knows_never_go_online(gazetteer):
    fake = FakeNominatim({})
    resolver = Resolver(gazetteer, fallback=NominatimFallback(geocoder=fake, min_delay_seconds=0))
    mentions = resolver.resolve("Talks in Yerevan.", [Span(9, 16, "Yerevan", "NER GPE")])
    assert mentions[0].place_name == "Yerevan" and fake.calls == []


def test_service_errors_and_empty_answers_give_no_candidate():
    fake = FakeNominatim({"Downtown": GeocoderServiceError("503")})
    fallback = NominatimFallback(geocoder=fake, min_delay_seconds=0)
    assert fallback.lookup("Downtown") is None
    assert fallback.lookup("Nowhere at all") is None


def test_geoparser_passes_unknown_ner_places_to_the_fallback(gazetteer):
    fake = FakeNominatim({"Dorvakhan": location("Dorvakhan", 39.9, 45.6)})
    parser = Geoparser(gazetteer, fallback=NominatimFallback(geocoder=fake, min_delay_seconds=0))
    mentions = parser.parse("Fighting broke out in the town of Dorvakhan, officials in Yerevan said.")
    assert fake.calls == ["Dorvakhan"]
    assert {m.text: m.place_id for m in mentions}["Dorvakhan"] == "osm:node/42"
    assert "Yerevan" in {m.text for m in mentions}
