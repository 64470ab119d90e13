"""The claim rules added for recall and precision: each test is one rule and the mistake it prevents.

Who speaks (named, anonymous, a body, a document, an outlet citing someone), with which stance, and about which places.
"""

from __future__ import annotations

from extract.pipeline import extract_article
from tests.extract_helpers import mentions_for
from text.parse import parse


def _extract(text: str):
    return extract_article(text, mentions_for(text), None)


def test_a_headline_line_is_its_own_sentence():
    text = "Blinken Looks To Ease Tensions Between Armenia And Azerbaijan\n\nAzerbaijan denies the accusation."
    doc = parse(text)
    starts = [s.start_char for s in doc.sents]
    assert text.index("Azerbaijan denies") in starts
    claims = _extract(text).claims
    assert [(c.speaker.name, c.stance) for c in claims] == [("Azerbaijan", "deny")]


def test_no_sentence_starts_right_after_a_word():
    """The parser cut '"..." declared | RSF commander ...' into two sentences, so the claim had no speaker."""
    text = ("Clips shared online by the militia appeared to show them inside the town.\n\n\u201cThis is a proud and "
            "historic moment,\u201d declared RSF commander Gen Mohamed Dagalo in a statement on Tuesday.")
    doc = parse(text)
    assert not [s for s in doc.sents if s.start > 0 and doc[s.start - 1].is_alpha]
    assert [c.speaker.name for c in _extract(text).claims] == ["Gen Mohamed Dagalo"]


def test_a_long_single_line_text_has_no_headline():
    text = ("Armenia accuses Azerbaijan of blocking the Lachin Corridor and of shelling villages near the border "
            "in what officials in Yerevan describe as a campaign of pressure on the population that lives there -")
    claims = _extract(text).claims
    assert [(c.speaker.name, c.stance) for c in claims] == [("Armenia", "accuse")]


def test_rejecting_allegations_is_a_denial_and_declining_to_comment_is_nothing():
    claims = _extract("Azerbaijan rejected the allegations. Armenia declined to comment.").claims
    assert [(c.speaker.name, c.stance) for c in claims] == [("Azerbaijan", "deny")]


def test_two_speakers_of_one_verb_make_two_claims():
    claims = _extract("Armenia and Azerbaijan said the talks in Tbilisi were useful.").claims
    assert sorted(c.speaker.name for c in claims) == ["Armenia", "Azerbaijan"]
    assert all([p.name for p in c.places] == ["Tbilisi"] for c in claims)


def test_one_claim_per_speaker_and_sentence_with_the_sharper_stance():
    text = "Armenia condemned the checkpoint on the Lachin Corridor and said Azerbaijan broke its word."
    claims = _extract(text).claims
    assert len(claims) == 1 and claims[0].stance == "condemn" and claims[0].speaker.kind == "government"
    assert {p.name for p in claims[0].places} == {"Lachin Corridor", "Azerbaijan"}


def test_an_indefinite_speaker_is_anonymous():
    assert _extract("A militia spokesman says Azerbaijan has shelled a city in Armenia.").claims == []


def test_saying_no_and_being_unwilling_are_rejections_and_hoping_is_proposing():
    claims = _extract('"If Russia asks me to send troops to Armenia, I will say no," Nikol Pashinian said. '
                      "Sergei Lavrov said Armenia was unwilling to commit. "
                      "Antony Blinken hoped that Azerbaijan would reopen the Lachin Corridor.").claims
    assert [(c.speaker.name, c.stance) for c in claims] == [
        ("Nikol Pashinian", "reject"), ("Sergei Lavrov", "reject"), ("Antony Blinken", "propose")]


def test_a_stance_noun_owned_by_a_speaker_is_a_claim():
    text = "Armenia's condemnation of the checkpoint on the Lachin Corridor came quickly."
    claims = _extract(text).claims
    assert [(c.speaker.name, c.stance, [p.name for p in c.places]) for c in claims] == [
        ("Armenia", "condemn", ["Lachin Corridor"])]
    assert _extract("Antony Blinken expressed Washington's readiness to help Armenia.").claims[0].speaker.name \
        == "Antony Blinken"  # the light verb reads the noun; its owner is not a second speaker


def _speakers(text: str) -> list[tuple[str, str]]:
    return [(c.speaker.name, c.stance) for c in _extract(text).claims]


def test_an_unnamed_spokesman_of_a_named_body_speaks_for_the_body_and_of_a_people_for_no_one():
    assert _speakers("A State Department spokesman said the checkpoint must go.") == [("State Department", "propose")]
    assert _speakers("An Armenian spokesman said the road was closed.") == []


def test_an_office_without_a_known_holder_speaks_for_its_jurisdiction():
    (claim,) = _extract("The governors of Armenia and Azerbaijan backed the move.").claims  # one of the two speaks
    assert (claim.speaker.name, claim.speaker.kind, claim.stance) in {
        ("Armenia", "government", "support"), ("Azerbaijan", "government", "support")}
    assert _speakers("The governor backed the move.") == []  # no jurisdiction, no one known by the title


def test_the_doer_of_an_absolute_with_clause_is_the_speaker_not_the_sentence_subject():
    text = ("Nikol Pashinian said talks were over. Both are critics of Mr Pashinian, with Mrs Haley once saying "
            "she was not a fan.")
    assert ("Haley", "assert") in _speakers(text) and ("Nikol Pashinian", "assert") in _speakers(text)
    assert len([s for s in _speakers(text) if s[0] == "Nikol Pashinian"]) == 1


def test_citing_unnamed_sources_or_a_reason_is_no_claim_of_the_outlet():
    # the words are the unnamed sources', and anonymous speakers are not annotated (the gold's guideline)
    assert _speakers("Focus magazine cited security sources as saying the boy was radicalised.") == []
    assert _speakers("Focus magazine cited security as its main concern.") == []


def test_according_to_a_named_source_is_its_claim_but_according_to_an_agreement_or_reports_is_not():
    said = _extract("Baku was shelled on Monday, according to the Armenian Foreign Ministry.").claims
    assert [(c.speaker.name, c.verb, c.text, [p.name for p in c.places]) for c in said] == [
        ("Armenian Foreign Ministry", "according to", "Baku was shelled on Monday", ["Baku"])]
    accused = _extract("According to Nikol Pashinian, Azerbaijan violated the ceasefire.").claims
    assert [(c.speaker.name, c.stance) for c in accused] == [("Nikol Pashinian", "accuse")]
    assert _extract("According to the agreement, Russia guards the Lachin Corridor.").claims == []
    assert _extract("According to reports, Baku was shelled.").claims == []


def test_the_one_quoted_as_saying_is_the_speaker_never_the_outlet():
    pashinian, ministry = "Nikol Pashinian", "Armenian Foreign Ministry"
    for text, speaker in (("Nikol Pashinian was quoted as saying that Baku had shelled Yerevan.", pashinian),
                          ("Interfax cited Nikol Pashinian as saying that Baku had shelled Yerevan.", pashinian),
                          ("Interfax quoted the Armenian Foreign Ministry as saying that Baku had shelled Yerevan.",
                           ministry)):
        assert _speakers(text) == [(speaker, "accuse")], text  # the other side shelled: an accusation


def test_a_body_named_by_its_kind_is_the_one_named_before_with_more_of_its_name():
    """ "The health ministry" after "the Armenian Health Ministry" is that ministry, with its country; a ministry of
    another kind is not it."""
    text = ("The Armenian Health Ministry said that Baku had shelled Yerevan. Later the health ministry, which runs "
            "the hospitals, said at least 50 people had been killed in Yerevan.")
    claims = _extract(text).claims
    assert [c.speaker.name for c in claims] == ["Armenian Health Ministry", "Armenian Health Ministry"]
    assert claims[1].speaker.country == "ne0:ARM"
    other = "The Armenian Foreign Ministry said that Baku had shelled Yerevan. The health ministry said 50 had died."
    assert [c.speaker.name for c in _extract(other).claims] == ["Armenian Foreign Ministry", "health ministry"]


def test_saying_another_side_backs_an_armed_group_accuses_it():
    """Backing a side is aid, and saying another state gives it is an accusation; backing a plan, one's own side
    doing it, or denying it is not."""
    for text in ("Armenia said the separatist militia is backed by Azerbaijan.",
                 "Azerbaijan says Russia supports the separatists."):
        assert [stance for _, stance in _speakers(text)] == ["accuse"], text
    for text in ("Armenian officials said the plan is backed by Russia.",
                 "Armenia said Armenian volunteers back the militia.",
                 "Armenia said the militia is not backed by Russia."):
        assert [stance for _, stance in _speakers(text)] == ["assert"], text


def test_a_body_placed_by_an_in_phrase_keeps_the_place_in_its_name():
    """ "The defense ministry in Armenia said": shown as only "defense ministry", no one could tell whose it is."""
    (claim,) = _extract("The defense ministry in Armenia said that Baku had shelled Yerevan.").claims
    assert (claim.speaker.name, claim.speaker.country) == ("defense ministry in Armenia", "ne0:ARM")
    (claim,) = _extract("Ruben Vardanyan was detained at the checkpoint. This was reported by the Border Service of "
                        "Azerbaijan.").claims  # NER leaves "of Azerbaijan" out of the body's name
    assert (claim.speaker.name, claim.speaker.country) == ("Border Service of Azerbaijan", "ne0:AZE")


def test_a_body_named_down_a_chain_of_of_phrases_keeps_the_whole_chain():
    """ "The press office of the President of Azerbaijan" was shown as "press office of President": whose?"""
    (claim,) = _extract("The press office of the President of Azerbaijan said that Armenia had shelled Baku.").claims
    assert (claim.speaker.name, claim.speaker.country) == ("press office of President of Azerbaijan", "ne0:AZE")


def test_a_title_with_its_country_before_it_names_the_person_given_it():
    """ "Armenia's Foreign Minister Ararat Mirzoyan" then "said Armenia's minister": the minister, not the state."""
    text = ("According to Armenia's Foreign Minister Ararat Mirzoyan, the talks in Yerevan went well. Russia will "
            "help, said Armenia's minister on Monday.")
    assert [c.speaker.name for c in _extract(text).claims] == ["Ararat Mirzoyan", "Ararat Mirzoyan"]


def test_an_outlet_saying_what_someone_said_according_to_them_only_relays_it():
    text = "According to Armenian Foreign Minister Ararat Mirzoyan, Baku shelled Yerevan on Monday, Interfax says."
    assert [c.speaker.name for c in _extract(text).claims] == ["Ararat Mirzoyan"]


def test_coming_under_fire_by_the_other_side_is_an_accusation():
    for text in ("Azerbaijan said Baku came under rocket fire by the Armenian armed forces overnight.",
                 "Azerbaijan said Baku came under heavy shelling from Armenian positions."):
        assert _speakers(text) == [("Azerbaijan", "accuse")], text
    assert _speakers("Azerbaijan said Baku came under fire overnight.") == [("Azerbaijan", "assert")]  # by no one


def test_what_someone_said_in_a_free_relative_is_the_rest_of_its_clause():
    (claim,) = _extract("Traffic on the bridge to Yerevan stopped after what Baku has said was a truck bomb.").claims
    assert (claim.speaker.name, claim.text) == ("Baku", "was a truck bomb")  # not "what"


def test_a_document_speaks_for_whoever_issued_it():
    for text in ("A statement from the Armenian Foreign Ministry said Baku had shelled Yerevan.",
                 "The Armenian Foreign Ministry's statement said Baku had shelled Yerevan."):
        assert _speakers(text) == [("Armenian Foreign Ministry", "accuse")], text
    assert _speakers("A statement said Baku had shelled Yerevan.") == []  # issued by no one named


def test_complaints_fears_and_promises_have_their_stances():
    assert _speakers("Nikol Pashinian complained that Baku had closed the Lachin Corridor.") == [
        ("Nikol Pashinian", "condemn")]
    assert _speakers("Nikol Pashinian fears that Baku will close the Lachin Corridor.") == [
        ("Nikol Pashinian", "express concern")]
    assert _speakers("Nikol Pashinian promised that Yerevan would keep the peace.") == [("Nikol Pashinian", "support")]


def test_a_quotation_ending_the_reported_clause_leaves_the_clause_as_content():
    text = "A State Department spokesman said it had called on Azerbaijan to “reopen the Lachin Corridor at once.”"
    (claim,) = _extract(text).claims
    assert claim.stance == "propose" and [p.name for p in claim.places] == ["Azerbaijan", "Lachin Corridor"]
    assert claim.text.startswith("it had called on Azerbaijan")


def test_a_quoted_i_is_a_person_not_the_government_that_spoke_last():
    text = ("Britain has blamed the attack on Russia. Moscow denies any involvement. "
            "\u201cI woke up over a week ago and am glad to say my strength is growing daily. I am grateful for the "
            "messages,\u201d Yulia Skripal said in a statement.")
    claims = _extract(text).claims
    assert [c.speaker.name for c in claims if c.stance == "deny"] == ["Moscow"]
    assert not [c for c in claims if c.speaker.name == "Moscow" and c.stance != "deny"]
    assert any(c.speaker.name == "Yulia Skripal" for c in claims)


def test_a_quotation_sentence_after_a_claim_gives_that_speaker_its_stance():
    text = ("Governor Kate Brown said there had been no request to Oregon. \u201cIf he asks me to deploy Oregon Guard "
            "troops to the border, I will say no,\u201d she tweeted. \u201cAs Commander of Oregon\u2019s Guard, "
            "I\u2019m deeply troubled by the plan to militarise our border.\u201d")
    claims = _extract(text).claims
    concern = [c for c in claims if c.stance == "express concern"]
    assert [c.speaker.name for c in concern] == ["Kate Brown"] and concern[0].quote
    alone = _extract("\u201cI\u2019m deeply troubled by the plan to militarise our border.\u201d").claims
    assert alone == []  # no claim before it: nobody to credit


def test_a_place_that_only_describes_a_named_person_is_not_what_the_claim_is_about():
    def places(text: str) -> list[list[str]]:
        return [[p.name for p in claim.places] for claim in _extract(text).claims]

    assert places("Antony Blinken said he backed Yerevan Mayor Tigran Avinyan.") == [[]]
    assert places("Antony Blinken praised Baku Mayor Eldar Azizov for his work in Baku.") == [["Baku"]]
    assert places("Antony Blinken said he supported Armenia.") == [["Armenia"]]


def test_the_city_in_what_was_said_is_the_town_named_before_and_the_country_is_no_place_of_the_claim():
    text = ("Fighting raged in Bakhmut, Ukraine, for months. Yevgeny Prigozhin said on Saturday that his men had "
            "taken full control of the city. Syrskyi said soldiers would be welcomed back to the country.")
    taken, welcome = _extract(text).claims
    assert [p.name for p in taken.places] == ["Bakhmut"]
    assert welcome.places == ()  # "the country" in what someone says is rarely a place the statement is about


def test_backing_done_by_someone_else_is_not_the_speakers_support():
    (claim,) = _extract("Armenia says the separatists are backed by Russia.").claims
    assert claim.speaker.name == "Armenia" and claim.stance != "support"


def test_what_will_happen_unless_someone_gives_way_is_a_warning():
    (claim,) = _extract("Azerbaijan said its attacks will not stop unless Armenia withdraws from the border.").claims
    assert claim.stance == "warn"
    (plain,) = _extract("Azerbaijan said its troops will stay at the border until spring.").claims
    assert plain.stance == "assert"


def test_a_town_taken_is_claimed_not_blamed():
    (claim,) = _extract("Russia said its forces had captured Bakhmut.").claims
    assert claim.stance == "assert"


def test_a_place_named_twice_in_what_was_said_is_one_place_of_the_claim():
    text = ("Fighting raged in Bakhmut for months. Russia said its forces had entered the city and that the city "
            "had fallen.")
    (claim,) = _extract(text).claims
    assert [p.name for p in claim.places] == ["Bakhmut"]


def test_an_answer_in_deeds_is_no_claim_and_an_answer_in_words_is():
    assert _extract("Russia responded with airstrikes on Bakhmut.").claims == []
    (claim,) = _extract("Armenia responded with a statement that Azerbaijan had violated the ceasefire.").claims
    assert claim.speaker.name == "Armenia"


def test_thanks_and_help_promised_are_support_but_readiness_and_help_refused_are_not():
    (grateful,) = _extract("Armenia said it was grateful for the messages of goodwill from Georgia.").claims
    assert grateful.stance == "support"
    (protect,) = _extract("Samvel Shahramanyan said his men would protect all civilians in Stepanakert.").claims
    assert protect.stance == "support"
    (refused,) = _extract("Azerbaijan said it would not help the residents of Stepanakert.").claims
    assert refused.stance != "support"
    (ready,) = _extract("Lavrov said the Kremlin is ready to send a mission to the border.").claims
    assert ready.stance == "assert"


def test_an_act_called_a_massacre_is_condemned():
    (claim,) = _extract("Armenia called the strike on the hospital a horrific massacre.").claims
    assert claim.stance == "condemn"
    (plain,) = _extract("Armenia called the strike on the hospital an Azerbaijani operation.").claims
    assert plain.stance == "assert"


def test_a_verb_after_a_subject_set_off_by_commas_is_no_participle_when_it_has_an_object():
    # the parser takes "called" for a participle describing Hezbollah; a passive participle takes no object
    text = ("Hezbollah, whose raid last month killed dozens of villagers, called Monday's market bombing \"a horrific "
            "massacre,\" adding in a statement that most of the dead were women.")
    assert [(c.speaker.name, c.stance) for c in _extract(text).claims] == [("Hezbollah", "condemn")]
    described = _extract("Armenia, backed by Russia, opened the talks. Baku said nothing new.").claims
    assert [c.speaker.name for c in described] == ["Baku"]


def test_what_a_speaker_adds_after_a_quotation_is_said_too():
    text = ("\u201cThe convoy was badly damaged and stopped,\u201d said Pashinyan, adding the convoy is now at risk "
            "of attack near Bakhmut.")
    (claim,) = _extract(text).claims
    assert claim.stance == "warn" and [p.name for p in claim.places] == ["Bakhmut"]
    (plain,) = _extract("\u201cThe convoy was badly damaged and stopped,\u201d said Pashinyan on Monday.").claims
    assert plain.stance == "assert" and plain.places == ()


def test_a_speaker_reporting_its_own_sides_attack_blames_no_one():
    (own,) = _extract("Yerevan said Armenian forces shelled a depot near Bakhmut.").claims
    assert own.stance == "assert"
    (other,) = _extract("Yerevan said Azerbaijani forces shelled a depot near Bakhmut.").claims
    assert other.stance == "accuse"


def test_indiscriminate_or_brutal_acts_described_are_condemned():
    (claim,) = _extract("Pashinyan described widespread panic caused by indiscriminate shelling of Yerevan.").claims
    assert claim.stance == "condemn"
    (plain,) = _extract("Pashinyan described widespread panic caused by the shelling of Yerevan.").claims
    assert plain.stance == "assert"


def test_a_modal_on_a_verb_of_saying_is_no_demand():
    (sad,) = _extract('Armenia said: "It is with great sadness that we must confirm that a soldier died."').claims
    assert sad.stance == "assert"
    (demand,) = _extract("Armenia said Azerbaijan must withdraw its troops.").claims
    assert demand.stance == "propose"


def test_what_is_necessary_to_do_is_a_proposal_and_what_is_vital_because_is_not():
    (obligatory,) = _extract("Armenia said it is reasonable and obligatory to address the concerns of Baku.").claims
    assert obligatory.stance == "propose"
    (necessary,) = _extract("Armenia said it was necessary for Russia to reopen the Lachin Corridor.").claims
    assert necessary.stance == "propose"
    (vital,) = _extract("Armenia said the Lachin Corridor was vital because it links Yerevan to Baku.").claims
    assert vital.stance == "assert"


def test_speaking_with_someone_about_something_is_a_conversation_not_a_claim():
    assert _extract("Pashinyan spoke with Putin about the situation at the border with Azerbaijan.").claims == []
    (claim,) = _extract("Pashinyan spoke about the situation at the border with Azerbaijan.").claims
    assert claim.stance == "assert"


def test_this_was_reported_by_someone_reports_the_sentence_before():
    text = "Border guards detained a former minister in the Lachin Corridor. This was reported by the Azerbaijani " \
        "Border Service."
    (claim,) = _extract(text).claims
    assert claim.text.startswith("Border guards detained") and [p.name for p in claim.places] == ["Lachin Corridor"]


def test_a_countrys_rebels_or_media_are_not_its_government_but_its_officials_are():
    (rebels,) = _extract("Armenian rebels said they had captured the Lachin Corridor.").claims
    assert rebels.speaker.name == "Armenian rebels" and rebels.speaker.kind != "government"
    assert _extract("According to Azerbaijani media reports, the Lachin Corridor was closed.").claims == []
    (officials,) = _extract("Armenian officials said the Lachin Corridor was closed.").claims
    assert officials.speaker.name == "Armenia"


def test_a_named_observer_is_a_speaker_without_the_possessive():
    (claim,) = _extract("According to Lachin Corridor Observer's posts, the road was closed.").claims
    assert claim.speaker.name == "Lachin Corridor Observer"


def test_what_can_or_will_be_said_is_not_a_claim():
    assert _extract("Russia can only respond to this by closing the Lachin Corridor.").claims == []
    assert _extract("Armenia will announce its decision on the Lachin Corridor next week.").claims == []
    (said,) = _extract("Armenia has announced its decision on the Lachin Corridor.").claims
    assert said.speaker.name == "Armenia"


def test_a_people_named_between_two_places_is_not_the_government_of_either():
    # the subject lies between two mentions without being one: not "Azerbaijan said"
    assert _extract("The Armenian population of Azerbaijan said it feared for its safety.").claims == []
    (capital,) = _extract("Yerevan said the talks were useful.").claims
    assert capital.speaker.name == "Yerevan"


def test_a_group_named_by_a_people_or_a_name_speaks_for_itself_not_for_the_state():
    (group,) = _extract("The Armenian rebels announced that they had captured the Lachin Corridor.").claims
    assert (group.speaker.name, group.speaker.kind) == ("Armenian rebels", "organisation")
    assert _extract("Rebels announced that they had captured the Lachin Corridor.").claims == []


def test_unnamed_spokesmen_and_governments_of_no_country_are_no_one_but_a_bodys_spokesman_is_the_body():
    assert _extract("Rebel spokesmen said the Lachin Corridor had been closed.").claims == []
    assert _extract("The governments of Western countries announced sanctions on Russia.").claims == []
    (army,) = _extract("The Armenian army spokesman said the Lachin Corridor had been closed.").claims
    assert army.speaker.name == "Armenian army"


def test_a_person_the_speakers_are_opponents_of_is_not_the_speaker():
    text = "President Ilham Aliyev spoke in Baku. Opponents of President Ilham Aliyev accused the government of fraud."
    assert all(c.speaker.name != "Ilham Aliyev" or c.stance != "accuse" for c in _extract(text).claims)


def test_a_danger_pointed_out_is_a_warning():
    (claim,) = _extract("Armenia said the drones posed a threat to the Lachin Corridor.").claims
    assert claim.stance == "warn"
    (plain,) = _extract("Armenia said the drones flew over the Lachin Corridor.").claims
    assert plain.stance == "assert"


def test_an_outlet_that_relays_someone_elses_statement_is_not_a_second_speaker():
    text = "Armenia has begun withdrawing troops from the Lachin Corridor, Pashinyan confirmed, according to Reuters."
    assert [c.speaker.name for c in _extract(text).claims] == ["Pashinyan"]
    text = "Reuters reported that Pashinyan had phoned Aliyev, saying the Lachin Corridor would reopen."
    assert "Reuters" in [c.speaker.name for c in _extract(text).claims]


def test_whoever_reports_a_statement_told_before_it_only_relays_it():
    text = "Armenia said Azerbaijan had shelled Yerevan, Interfax reported."
    assert [(c.speaker.name, c.stance) for c in _extract(text).claims] == [("Armenia", "accuse")]
    text = "An Armenian official said Azerbaijan had shelled Yerevan, the newspaper Slate reported."
    assert _extract(text).claims == []  # the official is unnamed; the newspaper only tells where it read it
    text = "An Armenian official said Azerbaijan had shelled Yerevan, Hetq reported."  # an outlet no list names
    assert _extract(text).claims == []
    text = "Armenia said Azerbaijan had shelled Yerevan, the ministry reported."  # a body no one names relays too
    assert [(c.speaker.name, c.stance) for c in _extract(text).claims] == [("Armenia", "accuse")]
    text = "Azerbaijan welcomes the talks in Yerevan, Ilham Aliyev said."  # a fronted quote: the words are Aliyev's
    assert [c.speaker.name for c in _extract(text).claims] == ["Ilham Aliyev"]
    text = "Russia claimed it had captured Bakhmut, Volodymyr Zelensky said."  # not an outlet: Zelensky speaks
    assert [c.speaker.name for c in _extract(text).claims] == ["Volodymyr Zelensky"]


def test_an_open_question_of_who_struck_blames_no_one():
    text = "Armenia said it is unclear whether Yerevan was hit by an Azerbaijani strike or a failed Armenian launch."
    (claim,) = _extract(text).claims
    assert claim.stance != "accuse"


def test_it_after_a_subject_no_one_could_name_is_no_one_not_the_speaker_before():
    text = ("Armenia calls for a ceasefire. The government claims it still controls the Lachin Corridor. It said the "
            "army holds the airport.")
    assert [c.speaker.name for c in _extract(text).claims] == ["Armenia"]


def test_backing_a_side_is_aid_not_a_statement_but_backing_a_plan_is_support():
    assert _extract("Along with Russia, Armenia backs the rebel groups fighting in Azerbaijan.").claims == []
    assert _extract("Azerbaijan supports the government in Yerevan.").claims == []
    assert _extract("Russia openly backs Armenia in the conflict.").claims == []  # a state is a side too
    (plan,) = _extract("Armenia backs the peace plan for the Lachin Corridor.").claims
    assert plan.stance == "support"


def test_declaring_a_state_of_emergency_or_responding_to_a_threat_is_an_act_not_words():
    assert _extract("The attacks forced Armenia to declare a state of emergency in Yerevan.").claims == []
    assert _extract("Armenia has strengthened its ties with Georgia, responding to the threat in Yerevan.").claims == []
    assert [c.stance for c in _extract("Armenia declared that Azerbaijan had shelled Yerevan.").claims] == ["accuse"]
    assert [c.speaker.name for c in _extract("Armenia responded to the accusations about Yerevan.").claims] == [
        "Armenia"]
    answered = _extract("Armenia responded to Azerbaijan's threats by warning it would defend Yerevan.").claims
    assert [(c.speaker.name, c.stance) for c in answered] == [("Armenia", "warn")]


def test_someone_known_only_by_a_role_is_no_speaker_even_when_capitalised():
    for text in ("The dead soldier's Commanding Officer said the attack on Yerevan was cowardly.",
                 "The Chief Prosecutor said the boy was detained in Yerevan."):
        assert _extract(text).claims == [], text
    assert [c.speaker.name for c in _extract("The Border Service reported that a man was detained in Yerevan."
                                             ).claims] == ["Border Service"]


def test_a_byline_is_no_claim_and_backing_some_of_a_side_is_aid():
    text = "Armenia accused Baku of shelling Yerevan. Jane Soguel reported from Tbilisi."
    assert [c.speaker.name for c in _extract(text).claims] == ["Armenia"]
    assert _extract("Russia backs some of the rebel groups fighting in Azerbaijan.").claims == []


def test_a_people_in_the_plural_speaks_for_no_one_even_when_tagged_a_singular_name():
    claims = _extract("The mayor hung a banner on the Town Hall to show Parisians' solidarity. "
                      "Armenians say the corridor must reopen.").claims
    assert not claims  # the tagger calls "Parisians" a singular proper noun


def test_a_demand_or_denial_of_another_side_told_by_the_speaker_is_the_speakers_report():
    """ "Armenia said Azerbaijan denies shelling Yerevan" is not Armenia's denial, nor is NATO's demand Zbidi's."""
    assert _speakers("Armenia said Azerbaijan denies shelling Yerevan.") == [("Armenia", "assert")]
    assert [s for _, s in _speakers("The minister Ararat Mirzoyan said NATO had demanded access to the base.")] == \
        ["assert"]
    # the speaker's own side, or its own official, still gives the speaker's stance
    assert _speakers("Armenia said Armenian forces support the ceasefire.") == [("Armenia", "support")]
    assert _speakers("The State Department said Blinken expressed deep concern about Armenia.") == \
        [("State Department", "express concern")]


def test_one_speaker_asserting_on_in_the_next_sentence_is_one_statement():
    text = "Nikol Pashinyan said the talks were long. He added that the ministers would meet again soon."
    (claim,) = _extract(text).claims
    assert claim.speaker.name == "Nikol Pashinyan" and len(claim.sources) == 2  # both sentences are its excerpts
    sharper = _extract("Nikol Pashinyan said the talks were long. He said Azerbaijan had shelled Yerevan.").claims
    assert [c.stance for c in sharper] == ["assert", "accuse"]  # a new stance is a statement of its own
    elsewhere = _extract("Nikol Pashinyan said the talks were long. He said Baku was far from Yerevan.").claims
    assert len(elsewhere) == 2  # so is one about other places


def test_a_parenthetical_he_said_is_the_claim_of_the_subject_named_earlier_in_its_sentence():
    """ "Rwanda's envoy, X, regretted that the army, which, he said, had violated a ceasefire, ...": the accusation is
    the envoy's, though his words are inside what another verb reports, and "he" is the subject named before it."""
    text = ("Antony Blinken met the press on Monday. Rwanda's envoy, Ernest Rwamucyo, regretted that the Congolese "
            "army, which, he said, had violated a ceasefire, was not condemned.")
    claims = [(c.speaker.name, c.stance) for c in _extract(text).claims]
    assert ("Ernest Rwamucyo", "accuse") in claims
    assert not [name for name, _ in claims if name == "Antony Blinken"]


def test_the_group_that_tells_a_fact_after_it_is_the_organisation_just_named():
    text = ("The town of Bakhmut has fallen to the Wagner Group, the paramilitary group announced on Tuesday, "
            "opening a new front.")
    claims = [(c.speaker.name, [p.name for p in c.places]) for c in _extract(text).claims]
    assert claims == [("Wagner Group", ["Bakhmut"])]  # what it said is the clause before it, with the town
    state_body = _extract("The Russian Defence Ministry spoke on Monday. The group said Bakhmut had fallen.").claims
    assert not [c for c in state_body if c.speaker.name.endswith("Ministry") and "Bakhmut" in c.text]


def test_a_body_named_by_its_people_refers_back_to_that_countrys_body():
    text = ("The Armenia Border Guard Service said the road to Yerevan was closed. "
            "Later the Armenian border service said it had reopened.")
    assert {c.speaker.name for c in _extract(text).claims} == {"Armenia Border Guard Service"}


def test_a_bare_denial_answers_the_other_side_not_its_own():
    text = ("Armenia accused Azerbaijan of shelling Yerevan. The Azerbaijani army spokesman said the Lachin Corridor "
            "was open. The Azerbaijani army command denied it.")
    denial = next(c for c in _extract(text).claims if c.stance == "deny")
    assert [p.name for p in denial.places] == ["Azerbaijan", "Yerevan"]  # what Armenia said, not its own army's words


def test_a_spokesperson_of_a_body_known_by_its_initials_speaks_for_it():
    (claim,) = _extract("An IDF spokesperson said the rockets were launched from Lebanon.").claims
    assert claim.speaker.name == "IDF"


def test_firing_a_weapon_by_another_side_is_an_accusation_and_firing_a_minister_no_attack():
    claims = _extract("Russia said a barrage of rockets was fired by Ukrainian forces.").claims
    assert [(c.speaker.name, c.stance) for c in claims] == [("Russia", "accuse")]
    assert not [e for e in _extract("Armenia fired the minister of defence.").events if e.type == "ASSAULT"]


def test_the_rebels_who_speak_again_are_the_rebels_who_spoke_and_a_report_is_its_publishers():
    text = ("The Syrian rebels announced on Sunday that they had taken Homs. "
            "\"Our attacks will go on,\" the rebels warned.")
    assert [(c.speaker.name, c.stance) for c in _extract(text).claims] == \
        [("Syrian rebels", "assert"), ("Syrian rebels", "warn")]
    (claim,) = _extract("Amnesty International published a report stating that Russia had shelled Kherson.").claims
    assert claim.speaker.name == "Amnesty International"
