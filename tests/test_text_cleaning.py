"""Boilerplate is blanked by line shape, without moving any character, and article prose is left alone."""

from __future__ import annotations

from pathlib import Path

from text.cleaning import strip_boilerplate

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

PAGE = """\u2022 3 minutes Oil majors report record profits
  \u2022 2 hours Why Texas is building more wind farms
  \u2022 7 days The United States produced more crude oil than any nation.

Talks Between Armenia And Azerbaijan Resume

The foreign ministers met in Washington on Monday.
Fighting was reported near the border with
Istanbul.

ADVERTISEMENT

Leave a comment
Share
We use cookies to improve your experience. By continuing you accept our cookie policy.
Home | World | Business | Sport
EXXON Mobil -0.35
Open57.81 Trading Vol.6.96M Previous Vol.241.7B
BUY 57.15
Oilprice - The No. 1 Source for Oil & Energy News
"""


def blanked_lines(text: str) -> list[str]:
    cleaned = strip_boilerplate(text)
    return [a.strip() for a, b in zip(text.splitlines(), cleaned.splitlines(), strict=True) if a != b]


def test_same_length_and_newlines_kept():
    cleaned = strip_boilerplate(PAGE)
    assert len(cleaned) == len(PAGE)
    assert [i for i, c in enumerate(cleaned) if c == "\n"] == [i for i, c in enumerate(PAGE) if c == "\n"]
    assert all(c == o or c == " " for c, o in zip(cleaned, PAGE, strict=True))


def test_navigation_ticker_and_calls_to_action_are_blanked():
    blanked = blanked_lines(PAGE)
    assert "\u2022 7 days The United States produced more crude oil than any nation." in blanked
    assert "\u2022 2 hours Why Texas is building more wind farms" in blanked
    for line in ("ADVERTISEMENT", "Leave a comment", "Share", "Home | World | Business | Sport",
                 "EXXON Mobil -0.35", "Open57.81 Trading Vol.6.96M Previous Vol.241.7B", "BUY 57.15",
                 "Oilprice - The No. 1 Source for Oil & Energy News"):
        assert line in blanked, line
    assert any(line.startswith("We use cookies") for line in blanked)


def test_article_prose_is_kept():
    cleaned = strip_boilerplate(PAGE)
    for line in ("Talks Between Armenia And Azerbaijan Resume", "The foreign ministers met in Washington on Monday.",
                 "Fighting was reported near the border with", "Istanbul."):
        assert line in cleaned


def test_photo_caption_with_copyright_keeps_its_places():
    caption = "Jailed journalist released from prison, Baku, Azerbaijan, April 5, 2018. \u00a9 2018 RFE/RL\n"
    assert strip_boilerplate(caption) == caption
    assert strip_boilerplate("Copyright 2018 Scripps Media, Inc. All rights reserved.\n").strip() == ""


def test_seed_headline_list_and_ticker_are_blanked():
    text = (SEEDS / "001_cfee6d18c5fdc5a8.txt").read_text(encoding="utf-8")
    cleaned = strip_boilerplate(text)
    assert "United States produced more crude oil" not in cleaned
    assert "EXXON" not in cleaned and "Trading Vol" not in cleaned and "Leave a comment" not in cleaned
    assert "Blinken Looks To Ease Tensions Between Armenia And Azerbaijan" in cleaned
    assert "Nagorno-Karabakh is internationally recognized as part of Azerbaijan." in cleaned


def test_empty_and_junk_text():
    assert strip_boilerplate("") == ""
    junk = "\x00\x01\x02\ufffd\n\u2028\x0b 1.2 3.4\n"
    assert len(strip_boilerplate(junk)) == len(junk)
