"""Article text made ready for spaCy without moving a character, and cut into pieces spaCy can take.

Every offset the later stages report (a place mention, an event's trigger, a claim's verb) must point into the text
as stored, so preparation only ever replaces one character by one: boilerplate lines (text.cleaning) and control
characters or junk code points that would confuse the tokenizer by spaces, and marks the small English tagger
misreads (a typographic apostrophe after a plural, guillemets) by their plain forms. Very long input is parsed in
chunks, cut where a paragraph or line ends so that no sentence is split when it need not be.
"""

from __future__ import annotations

import re

from text.cleaning import strip_boilerplate

CHUNK_CHARS = 50_000  # well under spaCy's max_length; keeps NER memory flat on multi-megabyte input
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")
# "the countries’ shared border": a typographic apostrophe after a plural, which the tagger takes for a closing quote
# (and then parses "clashes ... on the countries" as the subject of "shared border"). Not after an opening quote
# still open on the line ("‘independent users’ of").
_PLURAL_POSSESSIVE = re.compile(r"(?<=[a-z]s)\u2019(?=\s+[a-z])")
# Guillemets, which European outlets quote with either way round («...», »...«): the small English tagger reads a
# closing one as a noun ("a «border post» in" parsed "post" as a modifier of "»"). Plain quotes tell it what they are.
_GUILLEMETS = str.maketrans({"\u00ab": '"', "\u00bb": '"'})


def prepare(text: str) -> str:
    """Same-length text ready for the parser: boilerplate blanked, control characters and junk turned to spaces,
    misread marks made plain."""
    return _plain_plural_possessives(_CONTROL.sub(" ", strip_boilerplate(text))).translate(_GUILLEMETS)


def _plain_plural_possessives(text: str) -> str:
    def apostrophe(match: re.Match[str]) -> str:
        line_start = text.rfind("\n", 0, match.start()) + 1
        quote_open = text.rfind("\u2018", line_start, match.start()) > text.rfind("\u2019", 0, match.start())
        return match.group() if quote_open else "'"

    return _PLURAL_POSSESSIVE.sub(apostrophe, text)


def chunk_bounds(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut points at paragraph or line breaks (else at a space) so no sentence is split without need."""
    bounds, start = [], 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            window = text[start + size // 2:end]
            for sep in ("\n\n", "\n", " "):
                cut = window.rfind(sep)
                if cut >= 0:
                    end = start + size // 2 + cut + len(sep)
                    break
        bounds.append((start, end))
        start = end
    return bounds
