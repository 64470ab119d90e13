"""Who acts and who speaks: person names made canonical within an article, and governments named by a place.

"Blinken", "Antony Blinken", "Secretary Blinken" and "Antony J. Blinken" are one actor: titles and middle initials
are dropped, and a surname alone is read as the fullest name with that surname introduced before it (the first one
when none was). Two full names sharing a surname ("Yulia Skripal", "Viktoria Skripal") stay two people. A title
without a name ("the Turkish president") is read as the person the article introduced with those title words. A person's
country is the country or demonym written just before the name ("Russian Foreign Minister Sergei Lavrov").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from extract.model import Actor, surname_key
from extract.vocabulary import ActorKind
from gazetteer import Kind
from geo.model import Mention
from text.parse import text_of

TITLE_WORDS = frozenset((
    "secretary", "president", "minister", "prime", "foreign", "defence", "defense", "state", "general", "gov",
    "governor", "mr", "mrs", "ms", "dr", "premier", "chancellor", "senator", "spokesman", "spokeswoman",
    "spokesperson", "director", "ambassador", "chief", "commander", "lt", "colonel", "king", "queen", "pastor",
    "judge", "deputy", "assistant", "vice", "chairman", "chairwoman", "head", "leader", "envoy", "sen", "rep",
    "representative", "mayor", "official", "counsel", "councillor", "councilor", "economy", "trade", "interior",
    "justice", "finance", "cia", "fbi", "sir", "lord", "of", "the",
))
COUNTRY_WINDOW = 60  # characters before a name searched for the country ("Armenian Prime Minister ...")
_INITIAL = re.compile(r"^[A-Z]\.?$")


def clean_person(text: str) -> str:
    """Title words, possessives, middle initials and editors' brackets dropped: "Secretary Antony J. Blinken's" and
    "[Prime Minister] Antony Blinken" -> "Antony Blinken"."""
    text = re.sub(r"\[[^\]]*\]?|^[^\[]*\]", " ", text.strip())  # "[Prime Minister]", or its tail "] Nikol"
    text = re.sub(r"['’]s?$", "", text.strip())
    words = [w.strip("()[]{}\"“”") for w in text.replace(",", " ").split()]
    words = [w for w in words if w.strip(".")]
    if words and len(words[-1]) > 4 and words[-1].endswith("."):  # "Le Drian." at a sentence's end; not "Jr."
        words[-1] = words[-1][:-1]
    while words and (words[0].casefold().strip(".") in TITLE_WORDS or words[0][0].islower()):
        words.pop(0)
    if len(words) > 1:
        words = [*[w for w in words[:-1] if not _INITIAL.match(w)], words[-1]]
    return " ".join(words)


@dataclass
class ActorIndex:
    """The people of one article, built from the NER's PERSON entities and the place mentions around them."""

    full_names: dict[str, list[tuple[int, str]]] = field(default_factory=dict)  # surname -> (offset, full name)
    countries: dict[str, str] = field(default_factory=dict)  # canonical name -> country place id
    titles: list[tuple[frozenset[str], str]] = field(default_factory=list)  # title words -> canonical name
    accepted: set[int] = field(default_factory=set)  # start offsets of the PERSON entities taken as people
    written: dict[int, str] = field(default_factory=dict)  # entity start offset -> the whole name written there

    @classmethod
    def build(cls, doc: Doc, mentions: list[Mention]) -> ActorIndex:
        index = cls()
        countries = [m for m in mentions if m.kind == Kind.COUNTRY or m.demonym]
        for ent in doc.ents:
            if ent.label_ != "PERSON" or any(m.start <= ent.start_char < m.end for m in mentions) \
                    or _in_headline(text_of(doc), ent.start_char) or _before_title(doc, ent) \
                    or _named_as_place(ent, mentions):
                continue
            name = clean_person(_whole_name(doc, ent, mentions).text)
            if not name:
                continue
            index.accepted.add(ent.start_char)
            index.written[ent.start_char] = name
            known = index.full_names.setdefault(surname_key(name.split()[-1]), [])
            canonical = index.person(name, ent.start_char).name
            if len(name.split()) > len(canonical.split()) or \
                    (canonical == name and name not in {full for _, full in known}):
                known.append((ent.start_char, name))
                canonical = name
            country = _country_of(text_of(doc), ent, countries)
            if country and canonical not in index.countries:
                index.countries[canonical] = country
            title = _title_words(doc, ent)
            if title:
                index.titles.append((title, canonical))
        return index

    def person(self, text: str, at: int | None = None) -> Actor | None:
        """The canonical person a name written at offset `at` refers to (NER's entity there may be cut short)."""
        name = self.written.get(at) or clean_person(text)
        if not name:
            return None
        known = self.full_names.get(surname_key(name.split()[-1]), [])
        canonical = name
        if known and len(name.split()) == 1:
            before = [full for offset, full in known if at is None or offset <= at]
            canonical = before[-1] if before else known[0][1]
        elif any(full.endswith(name) for _, full in known):
            canonical = next(full for _, full in known if full.endswith(name))
        return Actor(canonical, ActorKind.PERSON, self.countries.get(canonical))

    def knows_surname(self, word: str) -> bool:
        return surname_key(word) in self.full_names

    def by_title(self, words: set[str]) -> Actor | None:
        """The latest-introduced person whose title words include all of these ("Turkish president")."""
        if not words:
            return None
        for title, name in reversed(self.titles):
            if words <= title:
                return Actor(name, ActorKind.PERSON, self.countries.get(name))
        return None


def _country_of(text: str, ent: Span, countries: list[Mention]) -> str | None:
    """ "President Ilham Aliyev of Azerbaijan", else the nearest country or demonym before the name in its sentence
    ("Russian Foreign Minister Sergei Lavrov")."""
    after = next((m for m in countries if ent.end_char < m.start <= ent.end_char + 5
                  and text[ent.end_char:m.start].strip() == "of"), None)
    if after is not None:
        return after.place_id
    before = [m for m in countries if ent.start_char - COUNTRY_WINDOW <= m.start < ent.start_char
              and not re.search(r"[.!?\n]", text[m.end:ent.start_char])]
    return before[-1].place_id if before else None


def _whole_name(doc: Doc, ent: Span, mentions: list[Mention]) -> Span:
    """NER sometimes leaves a given name out ("Antony [J. Blinken]") or a surname ("[Prime Minister] Nikol
    [Pashinian]"): a capitalised word next to it is in, unless it is a title or names a place ("the President of
    Azerbaijan Ilham Aliyev")."""
    def name_word(token: Token) -> bool:
        return token.pos_ == "PROPN" and token.text.istitle() and token.lower_ not in TITLE_WORDS and \
            not token.ent_type_ and not any(m.start <= token.idx < m.end for m in mentions)

    start, end = ent.start, ent.end
    while start > ent.sent.start and start > ent.start - 2 and name_word(doc[start - 1]):
        start -= 1
    if end < ent.sent.end and sum(t.is_alpha for t in ent) == 1 and name_word(doc[end]):
        end += 1
    return doc[start:end]


SETTLEMENT_WORDS = frozenset({"village", "villages", "town", "towns", "city", "cities", "settlement", "settlements",
                              "district", "districts", "region", "province", "camp", "hamlet"})


def _named_as_place(ent: Span, mentions: list[Mention]) -> bool:
    """NER takes a village the gazetteer lacks for a person: "the villages of Kirants and Voskepar", "Berdavan,
    Kirants and Baghanis" beside places the geoparser found. A name listed with places, or after a settlement word,
    is a place."""
    root = ent.root
    listed = [root.head] if root.dep_ == "conj" else []
    listed += [c for c in root.children if c.dep_ == "conj"]
    if any(m.start <= t.idx < m.end for t in listed for m in mentions):
        return True
    node = root
    while node.dep_ == "conj":
        node = node.head
    head = node.head if node.dep_ == "pobj" and node.head.lower_ == "of" else node
    settlement = head.head if head is not node else (node.head if node.dep_ in ("appos", "compound") else None)
    return settlement is not None and settlement.lower_ in SETTLEMENT_WORDS


def _before_title(doc: Doc, ent: Span) -> bool:
    """ "Azerbaijani President Ilham Aliyev": a single word before a title is a nationality, not a person."""
    return len(ent) == 1 and ent.end < len(doc) and doc[ent.end].lower_ in TITLE_WORDS


def _in_headline(text: str, offset: int) -> bool:
    """Headlines capitalise every word, so NER finds people there ("Blinken Talks"); their names recur below."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    words = text[start: end if end >= 0 else len(text)].split()
    capitalised = sum(w[:1].isupper() for w in words)
    return len(words) >= 4 and capitalised >= 0.6 * len(words) and not text[start:end].rstrip().endswith(".")


def _title_words(doc: Doc, ent: Span) -> frozenset[str]:
    """Lower-cased words of the title run just before a name: "Turkish President" in "Turkish President X"."""
    words: list[str] = []
    token: Token | None = doc[ent.start - 1] if ent.start > 0 else None
    # a capitalised common noun opening the sentence is no title ("Opponents of President Bashar Assad")
    while token is not None and token.sent == ent.sent:
        if token.lower_ in ("'s", "\u2019s") and token.i > 0 and doc[token.i - 1].text[:1].isupper():
            token = doc[token.i - 1]  # "Venezuela's Mining Minister X": whose minister is part of the title
            continue
        if not token.is_alpha or not (token.text.casefold() in TITLE_WORDS or
                                      (token.text[:1].isupper() and token.pos_ in ("PROPN", "ADJ"))):
            break
        words.append(token.text.casefold())
        token = doc[token.i - 1] if token.i > 0 else None
    return frozenset(words)
