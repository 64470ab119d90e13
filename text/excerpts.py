"""The sentence as evidence: the one rule for cutting excerpts, used for place mentions and for the sources of events
and claims alike.

An excerpt is a sentence of the article's parse, cut from the original text so that its offsets stay exact (the
reader sees the mention highlighted where it stands). Its ends are trimmed where either text is blank: whitespace,
or boilerplate that the cleaner blanked in the parsed text (a ticker glued to the sentence). A run-on "sentence"
longer than MAX_EXCERPT is cut to a window around the mention instead of being shown whole.

Sentences are looked up by binary search over their start offsets, collected in one pass over the parse, so cutting
the excerpts of every mention costs time in proportion to the article's length plus its mentions, however long the
article is.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.tokens import Doc, Span

from text.parse import text_of

MAX_EXCERPT = 320  # characters


@dataclass(frozen=True, slots=True)
class Excerpt:
    start: int  # offset of the excerpt in the original text
    text: str


def trimmed(original: str, parsed: str, start: int, end: int, keep: tuple[int, int] | None = None) -> tuple[int, int]:
    """`start`..`end` without blank ends in either text; `keep` (a mention's bounds) is never trimmed into."""
    low, high = keep if keep is not None else (end, start)
    while start < min(end, low) and (parsed[start].isspace() or original[start].isspace()):
        start += 1
    while end > max(start, high) and (parsed[end - 1].isspace() or original[end - 1].isspace()):
        end -= 1
    return start, end


def sentence_bounds(sent: Span, original: str) -> tuple[int, int]:
    """A parsed sentence's bounds in the original text, trimmed."""
    return trimmed(original, text_of(sent.doc), sent.start_char, sent.end_char)


class SentenceIndex:
    """The sentences of an article's parse, which may come in sections (a long article is parsed piece by piece):
    `add` each section's parse as it is made, then ask for excerpts. `parsed` is the text the parser read
    (text.prepare.prepare of the original: same length, boilerplate blanked)."""

    def __init__(self, original: str, parsed: str) -> None:
        if len(parsed) != len(original):
            raise ValueError("the parsed text must have the original's length, so that offsets stay valid")
        self._original, self._parsed = original, parsed
        self._starts: list[int] = []
        self._ends: list[int] = []

    def add(self, offset: int, doc: Doc) -> None:
        """The sentences of the section of the article that starts at `offset` (sections come in order)."""
        for sent in doc.sents:
            self._starts.append(offset + sent.start_char)
            self._ends.append(offset + sent.end_char)

    def excerpt(self, start: int, end: int) -> Excerpt:
        """The sentence holding original[start:end], cut to a window around it when the sentence is too long."""
        number = bisect_right(self._starts, start) - 1
        if number < 0 or self._ends[number] <= start:  # between sections or sentences: the mention alone
            begin, stop = start, end
        else:
            begin, stop = self._starts[number], max(self._ends[number], end)
        if stop - begin > MAX_EXCERPT:
            half = (MAX_EXCERPT - (end - start)) // 2
            begin, stop = max(begin, start - half), min(stop, end + half)
        begin, stop = trimmed(self._original, self._parsed, begin, stop, keep=(start, end))
        return Excerpt(begin, self._original[begin:stop])


def excerpts_of(original: str, doc: Doc, spans: Iterable[tuple[int, int]]) -> list[Excerpt]:
    """The excerpt of each (start, end) span of a text parsed whole (`doc` is its parse)."""
    sentences = SentenceIndex(original, text_of(doc))
    sentences.add(0, doc)
    return [sentences.excerpt(start, end) for start, end in spans]
