"""The five demo articles: every mention of the conflict's places is found and resolved to the right record.

The expectations live here, in the test; the geoparser knows nothing about these articles.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from geo.parser import Geoparser
from text.cleaning import strip_boilerplate

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))

# surface pattern -> (kind, ISO country code) the mention must resolve to; "Washington, DC" may resolve to the
# District itself (an admin-1 unit) instead of the city, which is the same place.
EXPECTED = {
    r"\bArmenia\b": ("country", "AM"),
    r"\bAzerbaijan\b": ("country", "AZ"),
    r"\bNagorno[- ]Kr?arabakh\b|\bNagorno-Krabakh\b": ("disputed area", "AZ"),
    r"\bLachin [Cc]orridor\b": ("corridor", "AZ"),
    r"\bYerevan\b": ("capital", "AM"),
    r"\bBaku\b": ("capital", "AZ"),
    r"\bTbilisi\b": ("capital", "GE"),
    r"\bMoscow\b": ("capital", "RU"),
    r"\bKremlin\b": ("landmark", "RU"),
    r"\bWashington\b": ("capital", "US"),
    r"\bRussia\b": ("country", "RU"),
    r"\bTurkey\b": ("country", "TR"),
    r"\bFrance\b": ("country", "FR"),
    r"\bParis\b": ("capital", "FR"),
    r"\bUkraine\b": ("country", "UA"),
    r"\bBelarus\b": ("country", "BY"),
    r"\bKazakhstan\b": ("country", "KZ"),
    r"\bKyrgyzstan\b": ("country", "KG"),
    r"\bTajikistan\b": ("country", "TJ"),
}


@pytest.fixture(scope="module")
def parser() -> Geoparser:
    return Geoparser()


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_every_conflict_place_is_found_and_resolved(parser, path):
    text = path.read_text(encoding="utf-8")
    article = strip_boilerplate(text)  # places in navigation lines are not expected (and must not be found)
    mentions = parser.parse(text)
    checked = 0
    for pattern, (kind, country) in EXPECTED.items():
        for match in re.finditer(pattern, article):
            covering = [m for m in mentions if m.start <= match.start() and match.end() <= m.end]
            assert covering, f"{match.group()} at {match.start()} not found"
            place = parser.gaz.get(covering[0].place_id)
            district = kind == "capital" and place.kind == "admin-1" and "DC" in covering[0].text
            assert (place.kind == kind or district) and country in place.country_codes, (match.group(), place)
            checked += 1
    assert checked >= 10


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_no_minsk_and_nothing_from_boilerplate(parser, path):
    text = path.read_text(encoding="utf-8")
    article = strip_boilerplate(text)
    for mention in parser.parse(text):
        assert mention.place_name != "Minsk"
        assert article[mention.start:mention.end] == mention.text  # not inside a blanked line
