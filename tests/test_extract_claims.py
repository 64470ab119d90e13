from extract.actors import clean_person
from extract.pipeline import extract_article
from tests.extract_helpers import mentions_for

SEED_LIKE = (
    "U.S. Secretary of State Antony J. Blinken spoke with Armenian Prime Minister Nikol Pashinian. "
    "Secretary Blinken warned that the blockade must end, the State Department said. "
    "Blinken said the talks were useful. "
    "Yerevan accuses the Azerbaijani government of backing the protesters on the Lachin Corridor. "
    "Azerbaijan denies the accusation. "
    "Russian Foreign Minister Sergei Lavrov said the Kremlin was ready to send a mission to Armenia."
)


def _claims(text: str):
    return extract_article(text, mentions_for(text), None).claims


def test_person_names_lose_titles_and_initials():
    assert clean_person("Secretary Antony J. Blinken's") == "Antony Blinken"
    assert clean_person("Prime Minister Nikol Pashinian") == "Nikol Pashinian"


def test_speaker_variants_are_one_actor_with_a_country():
    claims = _claims(SEED_LIKE)
    blinken = [c.speaker for c in claims if c.speaker.name.endswith("Blinken")]
    assert blinken and {s.name for s in blinken} == {"Antony Blinken"}
    lavrov = next(c.speaker for c in claims if "Lavrov" in c.speaker.name)
    assert lavrov.name == "Sergei Lavrov" and lavrov.country == "ne0:RUS"


def test_metonym_speaker_and_stances():
    by_speaker = {(c.speaker.name, c.stance) for c in _claims(SEED_LIKE)}
    assert ("Yerevan", "accuse") in by_speaker
    assert ("Azerbaijan", "deny") in by_speaker
    assert ("Sergei Lavrov", "assert") in by_speaker
    assert ("Antony Blinken", "assert") in by_speaker


def test_accusation_places_exclude_the_speaker():
    accusation = next(c for c in _claims(SEED_LIKE) if c.stance == "accuse")
    assert {p.name for p in accusation.places} == {"Azerbaijan", "Lachin Corridor"}


def test_quote_is_the_content_and_marked_direct():
    text = '"We are deeply concerned about the Lachin Corridor," the State Department said in a statement.'
    (claim,) = _claims(text)
    assert claim.quote and claim.text.startswith('"We are deeply concerned')
    assert claim.speaker.name == "State Department"
    assert [p.name for p in claim.places] == ["Lachin Corridor"]


def test_light_verb_and_modal_sharpen_the_stance():
    text = ("Blinken expressed deep concern about the Lachin Corridor. "
            "Lavrov said that Armenia should accept the document.")
    stances = {c.speaker.name: c.stance for c in _claims(text)}
    assert stances == {"Blinken": "express concern", "Lavrov": "propose"}


def test_anonymous_speakers_and_negated_verbs_make_no_claim():
    text = "Officials said the road to Armenia was open. Azerbaijan did not say anything about Armenia."
    assert _claims(text) == []


def test_denial_is_linked_to_the_accusation_and_inherits_its_places():
    claims = _claims(SEED_LIKE)
    accusation = next(i for i, c in enumerate(claims) if c.stance == "accuse")
    denial = next(i for i, c in enumerate(claims) if c.stance == "deny")
    assert claims[denial].contested_with == (accusation,)
    assert claims[accusation].contested_with == (denial,)
    assert {p.name for p in claims[denial].places} == {"Azerbaijan", "Lachin Corridor"}


def test_opposing_readings_of_one_act_are_linked():
    text = ("President Ilham Aliyev of Azerbaijan said the checkpoint on the Lachin Corridor was set up in "
            "accordance with Azerbaijan's sovereign rights. French Foreign Minister Catherine Colonna declared "
            "that Azerbaijan's installation of a checkpoint in the Lachin Corridor violates the agreements.")
    mentions = mentions_for(text)
    claims = extract_article(text, mentions, None).claims
    colonna = next(c for c in claims if "Colonna" in c.speaker.name)
    assert colonna.stance == "accuse"
    aliyev = next(i for i, c in enumerate(claims) if "Aliyev" in c.speaker.name)
    assert aliyev in colonna.contested_with


def test_pronoun_is_the_last_speaker_not_a_person_named_as_an_object():
    text = ("Armenia should talk, Sergei Lavrov told reporters after his talks with Ararat Mirzoyan. "
            "Azerbaijan must also talk, he said.")
    speakers = [c.speaker.name for c in _claims(text)]
    assert speakers == ["Sergei Lavrov", "Sergei Lavrov"]


def test_pronoun_gender_skips_a_person_of_the_other_gender():
    text = ("Mr Tom Brandt praised Mrs Anna Keller. Mrs Keller said Armenia was safe. "
            "Mr Brandt said the talks went well. She said Azerbaijan was calm.")
    assert _claims(text)[-1].speaker.name == "Anna Keller"


def test_two_people_sharing_a_surname_stay_two():
    text = "Yulia Skripal said she was well. Viktoria Skripal said she would travel to Russia."
    assert [c.speaker.name for c in _claims(text)] == ["Yulia Skripal", "Viktoria Skripal"]


def test_scare_quote_inside_the_reported_clause_is_not_the_content():
    text = 'Blinken stressed that Armenia and Azerbaijan made "significant progress" in Tbilisi.'
    (claim,) = _claims(text)
    assert claim.text.startswith("that Armenia") and not claim.quote
    assert {p.name for p in claim.places} == {"Armenia", "Azerbaijan", "Tbilisi"}


def test_where_it_was_said_is_not_what_it_is_about():
    text = "Blinken said in a statement issued in Yerevan that the road must reopen."
    (claim,) = _claims(text)
    assert claim.places == ()
