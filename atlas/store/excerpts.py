"""The sentence around a mention, cut from the stored text so that its offsets stay valid for highlighting."""

from __future__ import annotations

import re

MAX_EXCERPT = 320  # characters: a long run-on "sentence" is cut around the mention instead of shown whole

_SENTENCE_END = re.compile(r"[.!?][\"'»”’)\]]*\s+|\n\s*\n|\n")


def sentence_around(text: str, start: int, end: int) -> tuple[int, str]:
    """Return (offset of the excerpt in `text`, excerpt) for the sentence holding text[start:end]."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, 0, start):
        begin = match.end()
    stop = len(text)
    match = _SENTENCE_END.search(text, end)
    if match:
        stop = match.start() + 1 if text[match.start()] in ".!?" else match.start()
    if stop - begin > MAX_EXCERPT:
        half = (MAX_EXCERPT - (end - start)) // 2
        begin = max(begin, start - half)
        stop = min(stop, end + half)
    while begin < start and text[begin].isspace():
        begin += 1
    while stop > end and text[stop - 1].isspace():
        stop -= 1
    return begin, text[begin:stop]
