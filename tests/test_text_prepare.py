"""Text is prepared for spaCy without moving a character, and long text is cut where lines end."""

from __future__ import annotations

from itertools import pairwise

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
