"""The names a country is written under, and the plural of a demonym.

Natural Earth's country records get GeoNames' short English name ("China", not "People's Republic of China") and
ISO 3166-1 alpha-3 code, and countryinfo's alternative spellings and demonym. A demonym also names its people in the
plural ("Armenians"), except where English does not add an s; the curated demonyms of other places take the same rule.
"""

from __future__ import annotations

import re

from gazetteer.sources import country_facts
from gazetteer.sources.record import NameType, Record

_NO_PLURAL = re.compile(r"(s|sh|ch|ese|x|z|i)$")


def name_countries(country_by_iso: dict[str, Record], facts: dict[str, country_facts.CountryFacts],
                   gn_countries: dict[str, dict]) -> None:
    for iso, record in country_by_iso.items():
        if iso in gn_countries:  # GeoNames' short English name ("China", not "People's Republic of China")
            record.name = gn_countries[iso]["name"]
            record.add_names([record.name], NameType.PREFERRED)
            iso3 = gn_countries[iso].get("iso3")
            record.add_names([iso3], NameType.ABBREVIATION, case_sensitive=True)
        fact = facts.get(iso)
        if fact is None:
            continue
        record.add_names(s for s in fact.alt_spellings if not (s.isupper() and len(s) <= 3))
        if fact.demonym:
            add_demonym(record, fact.demonym)


def add_demonym(record: Record, form: str) -> None:
    record.add_names([form], NameType.DEMONYM)
    if not _NO_PLURAL.search(form):
        record.add_names([form + "s"], NameType.DEMONYM)
