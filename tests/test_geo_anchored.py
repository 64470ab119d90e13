"""Places the gazetteer lacks, placed at the known place the text ties them to (geo.anchor, gazetteer.anchored).

Texts written for these tests; they run the real spaCy pipeline and the real gazetteer index.
"""

from __future__ import annotations

from datetime import date

import pytest

from atlas.ingest.analysis import PlaceCatalog
from extract.pipeline import extract_article
from gazetteer import Kind
from gazetteer.anchored import anchored_id, anchoring
from geo.parser import Geoparser
from tests.geo_helpers import mentions_of, only
from text import nlp


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser()


def test_a_village_in_a_known_township_stands_at_it_marked_approximate(parser):
    mentions = parser.parse("At least 20 villagers were killed when a jet bombed Ta Kon Gyi Village in Kanbalu "
                            "Township of Sagaing Region on Monday.")
    village, kanbalu = only(mentions, "Ta Kon Gyi"), only(mentions, "Kanbalu")
    assert village.place_name == "Ta Kon Gyi Village" and village.kind == Kind.POPULATED_PLACE
    assert (village.lat, village.lon) == (kanbalu.lat, kanbalu.lon)
    assert village.score <= 0.5 and "not in the gazetteer" in village.reason
    place = parser.gaz.get(village.place_id)
    assert place.approximate and place.located_in == kanbalu.place_id and place.name == "Ta Kon Gyi Village"


def test_a_camp_with_words_between_it_and_the_town_near_it(parser):
    mentions = parser.parse("Shelling hit the Abu Shouk camp for displaced people near El Fasher on Sunday.")
    camp = only(mentions, "Abu Shouk")
    assert camp.place_name == "Abu Shouk camp" and camp.kind == Kind.LANDMARK
    assert anchoring(camp.place_id).anchor_id == only(mentions, "El Fasher").place_id


def test_a_site_owned_by_a_city_and_one_placed_by_bearing(parser):
    hospital = only(parser.parse("A missile hit Kyiv's Okhmatdyt hospital on Monday."), "Okhmatdyt")
    assert hospital.place_name == "Okhmatdyt hospital" and hospital.country_codes == ("UA",)
    post = only(parser.parse("The rebels attacked the Koe Tan Kauk border guard police station at a large coastal "
                             "village several miles north of Sittwe on Thursday."), "Koe Tan Kauk")
    assert post.place_name == "Koe Tan Kauk border guard police station" and post.country_codes == ("MM",)


def test_a_name_said_to_be_near_a_place_just_named_lies_near_it(parser):
    mentions = parser.parse("The RSF attacked the town of Abu Zureiga, south of El Fasher and near Zamzam camp, "
                            "killing 20. The RSF shelled Zamzam camp again on Sunday.")
    camps = mentions_of(mentions, "Zamzam")
    assert len(camps) == 2 and {c.place_name for c in camps} == {"Zamzam camp"}
    assert anchoring(camps[0].place_id).anchor_id == only(mentions, "El Fasher").place_id


def test_every_occurrence_of_an_anchored_name_shares_its_place(parser):
    mentions = parser.parse("A jet bombed Ta Kon Gyi Village in Kanbalu Township on Monday. Survivors left Ta Kon "
                            "Gyi Village on Tuesday.")
    assert len({m.place_id for m in mentions_of(mentions, "Ta Kon Gyi")}) == 1
    assert len(mentions_of(mentions, "Ta Kon Gyi")) == 2


def test_a_name_the_text_ties_to_no_known_place_is_left_out(parser):
    text = "The Zamzam camp, home to thousands of displaced people, was shelled on Sunday."
    spans = parser.recognizer.spans(nlp.pipeline(parser.components)(text))
    assert [(s.text, s.unknown_name) for s in spans if s.unknown_kind] == [("Zamzam", "Zamzam camp")]
    assert not mentions_of(parser.parse(text), "Zamzam")


def test_a_name_tied_to_a_later_unknown_name_stands_where_that_one_does(parser):
    mentions = parser.parse("A jet bombed Ta Kon Gyi village near Moe Gyo village in Kanbalu Township on Monday.")
    first, second = only(mentions, "Ta Kon Gyi"), only(mentions, "Moe Gyo")
    assert anchoring(first.place_id).anchor_id == anchoring(second.place_id).anchor_id == \
        only(mentions, "Kanbalu").place_id


def test_a_name_unknown_to_the_gazetteer_is_not_resolved_to_a_namesake(parser):
    # without the tie, a near-spelling namesake ("fuzzy") would be a guess shown as a place
    assert not mentions_of(parser.parse("Fighters seized Bakhmuta village on Monday."), "Bakhmuta")


def test_a_site_named_like_a_faraway_namesake_stands_where_the_text_ties_it(parser):
    """The gazetteer knows "Kalma" only as another name of Calmar, Iowa: with "camp" after it, it is a camp's name,
    placed at the town it is near; "in central Gaza" ties a camp to Gaza."""
    kalma = only(parser.parse("Gunmen raided the Kalma camp near Nyala on Monday."), "Kalma")
    assert (kalma.place_name, kalma.country_codes) == ("Kalma camp", ("SD",))
    camp = only(parser.parse("The army shelled Nuseirat refugee camp in central Gaza."), "Nuseirat")
    assert (camp.kind, camp.country_codes) == (Kind.LANDMARK, ("PS",))
    assert not mentions_of(parser.parse("A boy tried to bomb the Christmas market in Ludwigshafen."), "Christmas")


def test_a_site_whose_name_the_gazetteer_reads_as_a_faraway_town_stands_where_the_text_ties_it(parser):
    """ "at Evin": the locative makes "Evin" a known town, in France; far from Tehran that reading falls, and the
    prison the text names stands in Tehran. Where the town reading holds, it is the only mention."""
    evin = only(parser.parse("Police detained him at Evin prison in Tehran."), "Evin")
    assert (evin.place_name, evin.country_codes) == ("Evin prison", ("IR",))
    (nyala,) = mentions_of(parser.parse("Rebels shelled Nyala airport in South Darfur."), "Nyala")
    assert nyala.kind == Kind.POPULATED_PLACE


def test_two_sites_sharing_a_name_are_two_places(parser):
    mentions = parser.parse("Shelling hit the Abu Shouk camp near El Fasher. Later looters raided the Abu Shouk "
                            "market.")
    (camp,) = mentions_of(mentions, "Abu Shouk")
    assert camp.place_name == "Abu Shouk camp"


def test_what_only_looks_like_a_place_name_is_left_out(parser):
    texts = ["In a separate incident, the RSF attacked the town of Abu Zureiga, south of El Fasher.",
             "He was superintendent of Carbon School District in Price, Utah.",
             "Hamas's base in Gaza was hit."]
    found = {m.text for text in texts for m in parser.parse(text)}
    assert not found & {"RSF", "Carbon School", "Hamas"}


def test_the_store_and_the_export_get_the_anchored_record_back(parser):
    camp = only(parser.parse("Shelling hit the Abu Shouk camp near El Fasher."), "Abu Shouk")
    record = PlaceCatalog()[camp.place_id]
    assert record.approximate and record.name == "Abu Shouk camp" and (record.lat, record.lon) == (camp.lat, camp.lon)
    assert record.geometry == {"type": "Point", "coordinates": [camp.lon, camp.lat]}
    assert "not in the gazetteer" in record.source


def test_anchored_ids_round_trip_and_others_are_not_anchored(parser):
    el_fasher = parser.gaz.lookup("El Fasher")[0].place
    place_id = anchored_id("Abu Shouk: camp@", Kind.LANDMARK, el_fasher)
    parts = anchoring(place_id)
    assert (parts.name, parts.kind, parts.anchor_id, parts.anchor_kind) == \
        ("Abu Shouk camp", Kind.LANDMARK, el_fasher.id, Kind.POPULATED_PLACE)
    assert anchoring(el_fasher.id) is None and anchoring("anchored:landmark") is None
    assert anchoring(f"anchored:landmark:landmark:camp@{place_id}") is None  # no anchor at an anchored place
    assert len(anchored_id("Camp " * 100, Kind.LANDMARK, el_fasher)) <= 200  # the store's id columns
    assert parser.gaz.get(f"anchored:landmark:populated place:Nowhere@{el_fasher.id}x") is None


def test_an_attack_on_a_named_site_is_placed_at_the_site(parser):
    text = "The RSF shelled the Abu Shouk camp near El Fasher on 1 December 2024."
    (shelling,) = extract_article(text, parser.parse(text), None).events
    assert shelling.place.name == "Abu Shouk camp"
    text = "A missile struck the Kyiv hospital on 8 July 2024."
    (strike,) = extract_article(text, parser.parse(text), None).events
    assert strike.place.name == "Kyiv"


def test_an_attack_on_a_site_named_with_several_nouns_is_placed_at_the_site(parser):
    text = ("The rebels began an attack on the Koe Tan Kauk border guard police station at a large coastal village "
            "several miles north of Sittwe on 8 February 2024.")
    (attack,) = extract_article(text, parser.parse(text), None).events
    assert attack.place.name == "Koe Tan Kauk border guard police station"


def test_an_event_at_an_anchored_place_is_placed_there_near_its_anchor(parser):
    text = "A regime jet fighter bombed Ta Kon Gyi Village in Kanbalu Township on Tuesday, killing 20 people."
    events = extract_article(text, parser.parse(text), date(2023, 4, 12)).events
    bombing = next(e for e in events if e.type == "ASSAULT")
    assert bombing.place.name == "Ta Kon Gyi Village" and bombing.geo_precision == 2
