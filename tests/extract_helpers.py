"""Hand-made place mentions for extractor tests, so they test the extractor and not the geoparser."""

from __future__ import annotations

from geo.model import Mention

COUNTRIES = {"Armenia": "ne0:ARM", "Azerbaijan": "ne0:AZE", "Russia": "ne0:RUS", "United States": "ne0:USA",
             "Ukraine": "ne0:UKR"}
CODES = {"Armenia": "AM", "Azerbaijan": "AZ", "Russia": "RU", "United States": "US", "Yerevan": "AM", "Baku": "AZ",
         "Tbilisi": "GE", "Lachin Corridor": "AZ", "Ukraine": "UA", "Bakhmut": "UA", "Kherson": "UA",
         "Zaporizhzhia": "UA", "Kirants": "AM"}  # ISO 3166-1 alpha-2, as the gazetteer gives them
DEMONYMS = {"Armenian": "Armenia", "Azerbaijani": "Azerbaijan", "Russian": "Russia"}
CITIES = {"Yerevan": ("geonames:616052", "capital"), "Baku": ("geonames:587084", "capital"),
          "Tbilisi": ("geonames:611717", "capital"), "Bakhmut": ("geonames:712165", "populated place"),
          "Kherson": ("ne1:UA-65", "admin-1"), "Zaporizhzhia": ("ne1:UA-23", "admin-1"),
          "Kirants": ("test:kirants", "populated place")}
CORRIDOR = "Lachin Corridor"


def mentions_for(text: str) -> list[Mention]:
    """Every occurrence of the known names above, as the geoparser would report them."""
    found: list[Mention] = []
    names = [*COUNTRIES, *DEMONYMS, *CITIES, CORRIDOR]
    for name in names:
        start = text.find(name)
        while start >= 0:
            end = start + len(name)
            if not text[end:end + 1].isalpha() and not any(m.start <= start < m.end for m in found):
                found.append(_mention(text, start, end, name))
            start = text.find(name, end)
    return sorted(found, key=lambda m: m.start)


def _mention(text: str, start: int, end: int, name: str) -> Mention:
    metonym = name in CITIES and text[end:end + 8].lstrip().split(" ")[0] in ("insists", "accuses", "says", "said")
    if name in COUNTRIES:
        return Mention(start, end, name, COUNTRIES[name], name, "country", 40.0, 45.0, 0.9, "test",
                       country_codes=(CODES[name],))
    if name in DEMONYMS:
        country = DEMONYMS[name]
        return Mention(start, end, name, COUNTRIES[country], country, "country", 40.0, 45.0, 0.9, "test",
                       demonym=True, country_codes=(CODES[country],))
    if name in CITIES:
        place_id, kind = CITIES[name]
        return Mention(start, end, name, place_id, name, kind, 40.1, 44.5, 0.9, "test", metonym=metonym,
                       country_codes=(CODES[name],))
    return Mention(start, end, name, "curated:lachin-corridor", name, "corridor", 39.6, 46.4, 0.9, "test",
                   country_codes=(CODES[name],))
