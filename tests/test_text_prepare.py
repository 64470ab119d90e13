"""Text is prepared for spaCy without moving a character, and long text is cut where lines end."""

from __future__ import annotations

from itertools import pairwise

from extract.pipeline import extract_article
from geo.model import Mention
from tests.extract_helpers import mentions_for
from text.prepare import chunk_bounds, prepare


def test_preparation_keeps_the_length_and_blanks_control_characters_and_boilerplate():
    text = "Advertisement\nTalks resumed\x00 in Baku.\x07\r\nFighting\ufffe went on.\n"
    prepared = prepare(text)
    assert len(prepared) == len(text)
    assert prepared == " " * 13 + "\nTalks resumed  in Baku. \r\nFighting  went on.\n"


def test_chunks_cover_the_text_and_cut_at_line_breaks():
    text = ("A sentence about Baku.\n" * 10_000)
    bounds = chunk_bounds(text, size=1000)
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in pairwise(bounds))
    assert all(text[end - 1] == "\n" for _, end in bounds)


def test_a_typographic_apostrophe_after_a_plural_is_read_as_one_not_as_a_closing_quote():
    prepared = prepare("Clashes on the countries\u2019 shared border; they want \u2018independent users\u2019 of it.")
    assert "countries' shared" in prepared  # the tagger took the curly mark for a quote and misparsed the clause
    assert "\u2018independent users\u2019 of" in prepared  # a quote opened on the line is closed, not possessive


def test_a_clash_on_the_countries_shared_border_is_placed_there_whatever_the_apostrophe():
    text = "Soldiers were wounded in clashes with Armenian troops on the countries\u2019 shared border."
    border = text.index("border")
    on_border = Mention(border, border + 6, "border", "test:am-az-border", "Armenia–Azerbaijan border", "border",
                        40.0, 45.5, 0.8, "test")
    clash = next(e for e in extract_article(text, [*mentions_for(text), on_border], None).events if e.type == "ASSAULT")
    assert clash.place is not None and clash.place.name == "Armenia–Azerbaijan border"


def test_guillemets_are_parsed_as_quotes_so_a_quoted_border_post_is_still_a_checkpoint():
    text = "Tensions rose due to Baku's decision to install a \u00abborder post\u00bb in the Lachin Corridor."
    assert prepare(text) == text.replace("\u00ab", '"').replace("\u00bb", '"')
    events = extract_article(text, mentions_for(text), None).events
    assert [(e.label, e.place.name if e.place else None) for e in events if e.type == "COERCE"] == \
        [("checkpoint established", "Lachin Corridor")]  # the tagger made "»" a noun that "post" modified
