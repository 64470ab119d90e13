"""The one excerpt rule: the parse's sentence around a span, cut from the original, trimmed, capped around the span."""

from __future__ import annotations

from text.excerpts import MAX_EXCERPT, SentenceIndex, excerpts_of
from text.parse import parse, parse_sections
from text.prepare import CHUNK_CHARS, prepare


def excerpt(text: str, surface: str, occurrence: int = 0):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    (found,) = excerpts_of(text, parse(text), [(start, start + len(surface))])
    assert text[found.start:found.start + len(found.text)] == found.text  # offsets into the original
    return found.text


def test_an_abbreviation_does_not_end_the_sentence():
    text = "U.S. Secretary of State Antony Blinken spoke with officials in Yerevan. Talks resume in Baku."
    assert excerpt(text, "Yerevan") == "U.S. Secretary of State Antony Blinken spoke with officials in Yerevan."
    assert excerpt(text, "Baku") == "Talks resume in Baku."


def test_a_headline_is_its_own_excerpt():
    text = "Blinken Looks To Ease Tensions In Baku\n\nThe envoy met officials in Yerevan on Monday."
    assert excerpt(text, "Baku") == "Blinken Looks To Ease Tensions In Baku"


def test_a_run_on_sentence_is_cut_to_a_window_around_the_mention():
    text = "Convoys moved " + ", ".join(["past the checkpoint"] * 40) + " to Stepanakert, " + \
        ", ".join(["under escort"] * 40) + "."
    cut = excerpt(text, "Stepanakert")
    assert len(cut) <= MAX_EXCERPT and "Stepanakert" in cut
    middle = cut.index("Stepanakert") + len("Stepanakert") / 2
    assert abs(middle - len(cut) / 2) < 20  # centred on the mention


def test_blanked_boilerplate_is_trimmed_off_the_excerpt():
    text = "Share on Facebook\nTroops left Lachin on Friday."
    assert prepare(text).startswith(" " * len("Share on Facebook"))
    assert excerpt(text, "Lachin") == "Troops left Lachin on Friday."


def test_sections_of_a_long_article_give_the_same_excerpts_as_a_whole_parse():
    paragraph = "Officials in Yerevan said talks would resume. The convoy waited at the Lachin checkpoint.\n\n"
    text = paragraph * (2 * CHUNK_CHARS // len(paragraph) + 3)
    sections = list(parse_sections(text))
    assert len(sections) >= 3 and sections[0][0] == 0
    index = SentenceIndex(text, prepare(text))
    for offset, doc in sections:
        index.add(offset, doc)
    for offset, _doc in sections[1:]:
        start = text.index("Lachin", offset)
        found = index.excerpt(start, start + len("Lachin"))
        assert found.text == "The convoy waited at the Lachin checkpoint."
        assert text[found.start:found.start + len(found.text)] == found.text
