"""The build-time form of a gazetteer record: a Place plus its geometry and every name it answers to."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntEnum

from shapely.geometry.base import BaseGeometry

from gazetteer.model import Kind


class NameType(IntEnum):
    """Stored with each name; decides the look-up `reason` and how strongly a match counts."""

    PREFERRED = 0
    ALTERNATE = 1
    ABBREVIATION = 2
    DEMONYM = 3


@dataclass(slots=True)
class Name:
    text: str
    type: NameType
    case_sensitive: bool = False  # all-caps codes such as "US" must not match the English word "us"


@dataclass(slots=True)
class Record:
    id: str
    name: str
    kind: Kind
    country_codes: tuple[str, ...]
    population: int | None
    lat: float
    lon: float
    geometry: BaseGeometry
    source: str
    licence: str
    approximate: bool = False
    located_in: str | None = None
    admin1: str | None = None
    feature_code: str | None = None
    label: tuple[float, float] | None = None  # (lat, lon) where a map pins it, when not (lat, lon): see labels.py
    names: list[Name] = field(default_factory=list)

    def add_names(self, texts, type_: NameType = NameType.ALTERNATE, case_sensitive: bool = False) -> None:
        for text in texts:
            if text and isinstance(text, str) and text.strip():
                text = text.strip()
                dotted = type_ == NameType.ALTERNATE and _DOTTED_ABBREVIATION.match(text)
                # "Ill." must not match the word "ill": a dotted alias is an abbreviation and keeps its dots
                self.names.append(Name(text, NameType.ABBREVIATION if dotted else type_, case_sensitive))


_DOTTED_ABBREVIATION = re.compile(r"^(?:[A-Za-z]{1,5}\.\s?)+$")
