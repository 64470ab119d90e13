from extract.pipeline import extract_article
from tests.extract_helpers import mentions_for


def _events(text: str):
    return extract_article(text, mentions_for(text), None).events


def test_place_is_the_one_the_preposition_ties_to_the_event():
    text = "Azerbaijan set up a checkpoint on the Azerbaijan-Armenia border. Russian troops were deployed in Baku."
    by_label = {e.label: e for e in _events(text)}
    assert by_label["checkpoint established"].place is None  # the border, not either country
    assert by_label["deployment"].place.name == "Baku"


def test_place_hung_on_a_word_of_the_event_phrase_is_the_event_place():
    # the parser attaches "in Tbilisi" to "ministers"; the ministers are part of the talks phrase
    text = "Blinken welcomed talks held by the Armenian and Azerbaijani foreign ministers in Tbilisi on July 16, 2022."
    (talks,) = _events(text)
    assert talks.place.name == "Tbilisi" and talks.date == "2022-07-16"


def test_events_one_side_claims_are_not_reported_as_events():
    text = "Armenia accuses Azerbaijan of capturing territory in a series of incursions since May 2021."
    assert _events(text) == []


def test_date_belongs_to_the_event_word_nearest_in_the_parse():
    text = ("Nearly 7,000 people died in the war in 2020. Armenia said the blockade violated the agreement signed in "
            "November 2020, which stopped the fighting.")
    (war,) = [e for e in _events(text) if e.type == "ASSAULT"]
    assert war.date == "2020"  # not November 2020: that date is the agreement's


def test_back_reference_merges_into_the_earlier_event():
    text = ("Antony Blinken talked by phone with Nikol Pashinian on January 18, 2023. "
            "This call came after weeks of tension.")
    calls = [e for e in _events(text) if e.type == "CONSULT"]
    assert len(calls) == 1 and len(calls[0].sources) == 2


def test_headline_is_not_read_as_an_event():
    text = "Blinken Talks With Armenian Leader\n\nThe weather was fine in Yerevan."
    assert _events(text) == []
