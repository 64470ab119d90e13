"""The one key under which names are stored and looked up.

Everything that compares names (the index build, look-ups, the geoparser's phrase matching) goes through `normalize`,
so that "Laçın", "LACHIN" and "Lachin" meet, as do "U.S." and "US" or "Nagorno Karabakh" and "Nagorno-Karabakh".
"""

from __future__ import annotations

import re
import unicodedata

from unidecode import unidecode

# unidecode maps the Azerbaijani schwa to "@"; English-language sources write it "a" (Xankəndi -> Xankandi).
_PRE_TRANSLITERATION = str.maketrans({"ə": "a", "Ə": "A"})
_APOSTROPHES_AND_DOTS = re.compile(r"[.'’`ʼʻ]")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
_LEADING_ARTICLE = re.compile(r"^the ")
_ARTICLE_AFTER_OF = re.compile(r" of the ")  # "Democratic Republic of (the) Congo", "Republic of (the) Gambia"


def normalize(name: str) -> str:
    """Fold case, diacritics and punctuation; drop a leading "the" and one after "of". Returns "" for names with
    nothing to match."""
    name = name.encode("utf-8", "ignore").decode("utf-8")  # lone surrogates from undecodable input carry nothing
    text = unidecode(name.translate(_PRE_TRANSLITERATION)).casefold()
    text = _APOSTROPHES_AND_DOTS.sub("", text)
    text = _NOT_ALNUM.sub(" ", text).strip()
    return _ARTICLE_AFTER_OF.sub(" of ", _LEADING_ARTICLE.sub("", text))


def is_latin_script(name: str) -> bool:
    """True when every letter is Latin: other scripts are of no use for English text and would bloat the index."""
    return all(unicodedata.name(char, "").startswith("LATIN") for char in name if char.isalpha())
