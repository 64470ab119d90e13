"""An article's title from its text: the first line with text, heading marks dropped, long lines cut at a word."""

from __future__ import annotations

from text.title import MAX_TITLE, UNTITLED, title_of


def test_the_first_non_blank_line_without_markdown_heading_marks():
    assert title_of("\n  \n## Talks resume in Baku  \nThe ministers met.") == "Talks resume in Baku"
    assert title_of("Talks resume\r\nin Baku") == "Talks resume"


def test_a_long_first_line_is_cut_at_a_word_boundary():
    line = "word " * 60
    title = title_of(line)
    assert title is not None and title.endswith("…") and len(title) <= MAX_TITLE + 1
    assert line.startswith(title[:-1]) and not title[:-1].endswith(" ")
    assert title_of("x" * 200) == "x" * MAX_TITLE + "…"  # no space to cut at: cut at the limit


def test_no_title_is_none_and_callers_name_it_untitled():
    assert title_of("") is None and title_of(" \n\t\n") is None and title_of("###\nText") is None
    assert (title_of("") or UNTITLED) == "untitled"
