"""A stretch of text that names a place, as the recognizer hands it to the resolver.

Besides where it is, a span keeps how it was found and what the words around it say: that it stands for a government
("Yerevan insists"), or that the text calls it an area or a town ("Luhansk region", "the city of Kherson"), which the
resolver weighs when a name is both.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from geo.context import area_direction_before, area_head_after, stance_verb, town_noun_around

AREA, TOWN = "area", "town"  # what the words around a name may say it is (Span.level)


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of the text that names a place, before resolution."""

    start: int  # character offsets into the text that was parsed (same as the stored original)
    end: int
    text: str
    evidence: str  # how it was found, kept for the mention's reason
    metonym: bool = False
    level: str | None = None  # AREA or TOWN when the text says which ("Luhansk region", "the city of Kherson")
    ner_place: bool = False  # the NER itself called it a place (GPE, LOC, FAC)
    # a name the gazetteer lacks (geo.unknown_places): its kind, its name with the kind noun ("Zamzam camp"), and
    # where the words that may say where it lies begin (geo.anchor)
    unknown_kind: str | None = None
    unknown_name: str = ""
    anchor_from: int = 0


def span_at(doc: Doc, start: int, end: int, evidence: str) -> Span:
    """The span of tokens start..end, with what the words around it say about it added to its evidence."""
    span, verb = doc[start:end], stance_verb(doc, end)
    if verb is not None:
        evidence += f"; metonym: stands for its government or people ('{span.text} {verb}')"
    level = AREA if area_head_after(doc, end) or area_direction_before(doc, start) else \
        TOWN if town_noun_around(doc, start, end) else None
    if level is not None:
        evidence += f"; the text calls it a{'n' if level == AREA else ''} {level}"
    return Span(span.start_char, span.end_char, span.text, evidence, verb is not None, level)
