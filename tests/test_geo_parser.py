"""The geoparser on short texts: what counts as a place mention, how it is resolved, and what bad input gives.

These run the real spaCy pipeline and the real gazetteer index (built by `make gazetteer`).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from geo.parser import Geoparser
from tests.geo_helpers import mentions_of, only
from text.prepare import CHUNK_CHARS, chunk_bounds

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser()


def test_offsets_point_into_the_original_text(parser):
    text = "  Talks resumed in Yerevan.\n\nThe delegation later flew to Baku, Azerbaijan."
    mentions = parser.parse(text)
    assert [m.text for m in mentions] == ["Yerevan", "Baku", "Azerbaijan"]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_metonyms_resolve_to_the_place_and_are_flagged(parser):
    text = ("Yerevan insists that the CSTO condemn the incursion. The Kremlin said it was ready to help. "
            "Moscow says Washington and Paris stopped working with it in that format.")
    mentions = parser.parse(text)
    yerevan, kremlin = only(mentions, "Yerevan"), only(mentions, "Kremlin")
    assert (yerevan.place_name, yerevan.kind, yerevan.metonym) == ("Yerevan", "capital", True)
    assert kremlin.kind == "landmark" and kremlin.metonym
    for name in ("Moscow", "Washington", "Paris"):
        assert only(mentions, name).metonym, name
    assert only(mentions, "Paris").place_id == parser.gaz.lookup("Paris")[0].place.id  # the French capital


def test_plain_locations_are_not_metonyms(parser):
    mentions = parser.parse("The ministers met in Tbilisi on Friday.")
    assert not only(mentions, "Tbilisi").metonym


def test_demonyms_count_as_their_country(parser):
    mentions = parser.parse("Armenia accuses Azerbaijan of seizing sovereign Armenian territory.")
    armenian = only(mentions, "Armenian")
    assert armenian.demonym and armenian.kind == "country"
    assert armenian.place_id == only(mentions, "Armenia").place_id
    assert not only(mentions, "Azerbaijan").demonym


def test_people_and_languages_are_not_demonym_mentions(parser):
    mentions = parser.parse("Many Mexicans crossed the border. She speaks French fluently.")
    assert mentions_of(mentions, "Mexicans") == [] and mentions_of(mentions, "French") == []


def test_places_inside_meeting_and_person_names_are_not_places(parser):
    text = ("The United States, Russia and France co-chair the Minsk Group. The Washington Post reported that a "
            "statue of Abraham Lincoln was unveiled.")
    mentions = parser.parse(text)
    names = {m.text for m in mentions}
    assert {"United States", "Russia", "France"} <= names
    assert not names & {"Minsk", "Lincoln"}
    # the city a newspaper is named after is counted (as the corpora do), as a metonym no event is placed at
    assert [m.metonym for m in mentions if m.text == "Washington"] == [True]


def test_a_persons_name_used_alone_stays_a_person(parser):
    text = ("Nine-year-old Georgia Stevens began skating at four. Today Georgia skates in Red Deer, and much of "
            "her success comes from Georgia's hard work.")
    mentions = parser.parse(text)
    assert mentions_of(mentions, "Georgia") == []
    assert only(mentions, "Red Deer").kind == "populated place"


def test_a_person_surname_after_a_preposition_people_take_stays_a_person(parser):
    # Brunson is also a village in South Carolina; "between" and "of" take people as readily as places
    text = ("Evangelical leaders pressed for the release of American pastor Andrew Brunson. Brunson, a North "
            "Carolina native, is held in Turkey. An official said there is no connection between Brunson and the "
            "network. He was detained in Izmir.")
    mentions = parser.parse(text)
    assert mentions_of(mentions, "Brunson") == []
    assert only(mentions, "Izmir").kind == "populated place"


def test_a_country_naming_a_state_institution_is_the_state(parser):
    mentions = parser.parse("The Russian Foreign Ministry dismissed the assurances of the US State Department.")
    assert only(mentions, "Russian").place_name == "Russia"
    assert only(mentions, "US").kind == "country"


def test_georgia_by_context(parser):
    caucasus = parser.parse("Georgia hosted talks in Tbilisi between Armenia and Azerbaijan.")
    assert only(caucasus, "Georgia").kind == "country"
    south = parser.parse("The storm hit Atlanta and Savannah before leaving Georgia.")
    georgia = only(south, "Georgia")
    assert georgia.kind == "admin-1" and "US" in parser.gaz.get(georgia.place_id).country_codes


def test_congo_by_context_and_unsure_without_it(parser):
    east = parser.parse("M23 rebels advanced on Goma in eastern Congo on Sunday.")
    assert only(east, "Congo").country_codes == ("CD",)
    west = parser.parse("Protests erupted in Brazzaville, the capital of Congo.")
    assert only(west, "Congo").country_codes == ("CG",)
    alone = parser.parse("Fighting in Congo displaced thousands.")
    assert only(alone, "Congo").score < 0.6  # two countries go by the name: a guess, and marked as one
    full = parser.parse("Beni lies in the Democratic Republic of Congo.")
    assert only(full, "Democratic Republic of Congo").country_codes == ("CD",)


def test_korea_alone_is_south_korea_not_a_village_of_that_name(parser):
    korea = only(parser.parse("Delegates from Korea met in Tokyo on Sunday, officials said."), "Korea")
    assert (korea.kind, korea.country_codes) == ("country", ("KR",))


def test_washington_by_context(parser):
    capital = parser.parse("The Azerbaijani foreign minister held talks in Washington with US officials.")
    assert only(capital, "Washington").kind == "capital"
    state = parser.parse("A cake studio in Tacoma, Washington shares tips; Seattle bakers agree.")
    assert only(state, "Washington").kind == "admin-1"


def test_paris_france_or_paris_texas(parser):
    france = parser.parse("The summit in Paris drew leaders from Berlin and Brussels.")
    assert "FR" in parser.gaz.get(only(france, "Paris").place_id).country_codes
    texas = parser.parse("The tornado struck Paris, Texas, north of Dallas.")
    paris = only(texas, "Paris")
    assert "US" in parser.gaz.get(paris.place_id).country_codes
    assert "written as 'Paris, Texas'" in paris.reason


def test_names_the_ner_cut_short_are_read_whole(parser):
    """A name grows word by word past what NER found only while some known name starts with the words so far; that
    shortcut must not stop 'Port' before 'of Spain', 'Trinidad' before 'and Tobago' or 'Lachin' before 'corridor'."""
    found = parser.parse("Ships left Port of Spain for Trinidad and Tobago, then queued at the Lachin corridor.")
    assert {"Port of Spain", "Trinidad and Tobago", "Lachin corridor"} <= {m.text for m in found}


def test_a_name_said_to_be_a_town_is_a_place_whatever_ner_called_it(parser):
    """NER calls Qamishli an organisation here; "and other towns" says what it is."""
    found = parser.parse("Nureddine Mehmud says Turkey fired on Qamishli and other towns along the border.")
    assert "Qamishli" in {m.text for m in found}
    assert "Qamishli" not in {m.text for m in parser.parse("He joined Qamishli and other clubs.")}


def test_every_choice_has_a_reason_and_a_score(parser):
    for mention in parser.parse("Blinken spoke with Pashinian in Yerevan about the Lachin Corridor."):
        assert mention.reason and 0.0 <= mention.score <= 1.0
        assert mention.place_id and -90 <= mention.lat <= 90 and -180 <= mention.lon <= 180


def test_seed_boilerplate_yields_no_place(parser):
    text = (SEEDS / "001_cfee6d18c5fdc5a8.txt").read_text(encoding="utf-8")
    title = text.index("Blinken Looks To Ease Tensions")
    tail = text.index("By RFE/RL")
    mentions = parser.parse(text)
    assert mentions and all(title <= m.start < tail for m in mentions)
    assert not mentions_of(mentions, "United States")


def test_empty_and_non_text_input(parser):
    assert parser.parse("") == []
    assert parser.parse("   \n\n  ") == []
    assert parser.parse(None) == []  # type: ignore[arg-type]


def test_binary_junk_does_not_crash(parser):
    junk = bytes(range(256)).decode("latin-1") * 40 + "\ufffd\x00 The convoy reached Baku.\x07"
    mentions = parser.parse(junk)
    assert [m.text for m in mentions] == ["Baku"]
    assert junk[mentions[0].start:mentions[0].end] == "Baku"


def test_five_megabytes_are_parsed_in_chunks_with_exact_offsets(parser):
    filler = ("-" * 99 + "\n") * 50_000  # 5,000,000 characters that hold no names
    text = "Talks resumed in Yerevan.\n\n" + filler + "Fighting continued near Baku, Azerbaijan.\n"
    assert len(chunk_bounds(text)) >= len(text) // CHUNK_CHARS
    mentions = parser.parse(text)
    assert [m.text for m in mentions] == ["Yerevan", "Baku", "Azerbaijan"]
    assert all(text[m.start:m.end] == m.text for m in mentions)


def test_parse_many_matches_parse_in_order(parser):
    texts = ["Talks in Yerevan.", "", "Protests in Tbilisi and Baku."]
    assert list(parser.parse_many(texts)) == [parser.parse(t) for t in texts]


def test_no_online_fallback_by_default(parser):
    assert parser.resolver.fallback is None


def test_conflict_regions_news_names_are_places_of_their_countries(parser):
    for name, codes in (("Donbas", ("UA",)), ("Donbass", ("UA",)), ("Darfur", ("SD",)), ("Sinai", ("EG",))):
        found = only(parser.parse(f"Fighting was reported in {name} on Sunday, officials said."), name)
        assert (found.kind, found.country_codes) == ("region", codes), name
    strait = only(parser.parse("The Houthis fired at a ship near Bab el-Mandeb."), "Bab el-Mandeb")
    assert strait.kind == "water body"


def test_a_name_after_in_that_the_ner_took_for_a_date_is_a_place_but_a_month_is_not(parser):
    amhara = only(parser.parse("Fighting was reported in Amhara on Sunday, officials said."), "Amhara")
    assert amhara.country_codes == ("ET",)
    assert parser.parse("The delegation arrived in March and left in May.") == []
    for text in ("Troops were deployed in Summer.", "The ceasefire collapsed in Spring.", "Attacks rose in Ramadan."):
        assert parser.parse(text) == [], text  # a season or a feast with no date after it
