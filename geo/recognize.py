"""Find the spans of a text that name places.

spaCy's small English NER is a good start but not a place detector: it calls Yerevan a PERSON, Tamil Nadu a PERSON,
the EU an ORG, and misses names it has never seen. So every span is checked against the gazetteer, and spans come
from three sources:
  * NER place entities (GPE, LOC, FAC), trimmed of "the" and possessives; when the whole entity is not a known name
    ("north west London", "Sichuan province"), the known names inside it;
  * demonyms the gazetteer knows ("Armenian" -> Armenia), unless they name a language or a group of people;
  * names NER labelled otherwise or missed: runs of capitalised words that are exactly a known name, accepted when
    the context is locative ("in", "from"; a stance verb after a state-sized place: "Yerevan insists"), the place
    is prominent (a country, capital, named region or a large city), or the same name is accepted elsewhere in the
    text (one sense per document); datelines ("BANTAM -") count too.
Place names that are only part of the name of an organisation, person or work ("the Minsk Group", "the Washington
Post", "Abraham Lincoln") are not mentions of the place: a known name must be the whole capitalised run or entity.
Exceptions keep the state in view: a place or demonym naming one of its public bodies ("the Russian Foreign
Ministry", "Kentucky State Police", "the Central Bank of Malta"), a place before "-led" ("Moscow-led"), and a
currency's country ("US dollars").

What the gazetteer says about each candidate name (known, a demonym, prominent, a jurisdiction) is asked of
`geo.place_names`; the exceptions inside longer names are read by `geo.inner_names`; this module decides from the
text around a name.
"""

from __future__ import annotations

import calendar
from dataclasses import replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from gazetteer import Gazetteer, Kind
from gazetteer.normalize import normalize
from geo.context import (
    after_title,
    article_before,
    before_common_noun,
    capitalised_runs,
    dateline,
    lines_of,
    locative_before,
    place_class_after,
    said_to_be_a_place,
    sentence_initial,
    stance_after,
    trim,
    used_as_language,
)
from geo.inner_names import (
    currency_country,
    fused_modifiers,
    hyphen_modifiers,
    inner_places,
    named_after,
    public_body,
)
from geo.lexicon import (
    GENERIC_SUFFIXES,
    NAME_PARTICLES,
    ORGANISATION_HEADS,
    UNIT_SUFFIXES,
)
from geo.place_names import PlaceNames, case_fits
from geo.spans import Span, span_at
from geo.unknown_places import kind_noun_after, kind_of, unknown_names

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
MAX_EXTENSION = 4  # tokens a known name may run past the entity or run NER found
SPELLED_AREA_HEADS = frozenset({"corridor"})  # a misspelt "X corridor" is read as a whole (see _extend_right)
NUMERIC_LABELS = frozenset({"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"})


class Recognizer:
    def __init__(self, gazetteer: Gazetteer, min_population: int = 200_000) -> None:
        self.gaz = gazetteer
        self.names = PlaceNames(gazetteer, min_population)  # min_population: what a bare capitalised town name needs

    # -- main entry ---------------------------------------------------------------------------------------------
    def spans(self, doc: Doc, offset: int = 0) -> list[Span]:
        """Place spans in `doc` (character offsets shifted by `offset`), sorted, without overlaps.

        Names that were held back only for want of evidence (a bare "Nelson" NER took for a person) are accepted
        when the same name is accepted elsewhere in the text: one sense per document."""
        claimed = [False] * len(doc)  # tokens already explained by an entity decision
        # words of people's names ("Robin Forestier-Walker": not its hyphen, which "Nagorno-Karabakh" shares, nor a
        # particle such as "al", which "al-Mukha" shares)
        person_words = {t.lower_ for e in doc.ents if e.label_ == "PERSON" for t in self._unknown_person(doc, e)
                        if not t.is_punct and t.lower_ not in NAME_PARTICLES}
        found: list[Span] = []
        held: list[Span] = []
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                claimed[i] = True
            for part in lines_of(ent):  # NER sometimes runs a name on into the next paragraph
                self._from_entity(doc, part, person_words, found, held)
        self._from_phrases(doc, claimed, person_words, found, held)
        found += fused_modifiers(self.names, doc, claimed)
        accepted = {normalize(s.text) for s in found}
        found += [replace(s, evidence=s.evidence + "; same name is a place elsewhere in the text")
                  for s in held if normalize(s.text) in accepted]
        held = [s for s in held if normalize(s.text) not in accepted]
        named_after = self._named_after_a_place_in_the_story(found, held)
        found += named_after
        found += self._listed_with_places(doc.text, found, [s for s in held if s not in named_after])
        found.sort(key=lambda s: (s.start, -s.end))
        kept: list[Span] = []
        for span in found:
            if not kept or span.start >= kept[-1].end:
                kept.append(span)
        text = doc.text
        # a known name a site noun follows ("at Evin prison") may be a site's name, not its namesake town in France:
        # it is offered as a site too, which stands only if the gazetteer reading does not (geo.resolve)
        kept += [Span(start, end, text[start:end], "a place the gazetteer lacks",
                      unknown_kind=kind, unknown_name=full, anchor_from=anchor_from)
                 for start, end, full, kind, anchor_from in unknown_names(
                     doc, ((s.start, s.end) for s in kept if not self._site_follows(doc, s)), self.names.known)]
        kept.sort(key=lambda s: s.start)
        return [replace(span, start=span.start + offset, end=span.end + offset,
                        anchor_from=span.anchor_from + offset if span.unknown_kind else 0) for span in kept]

    @staticmethod
    def _site_follows(doc: Doc, span: Span) -> bool:
        tokens = doc.char_span(span.start, span.end, alignment_mode="expand")
        after = kind_noun_after(doc, tokens.end) if tokens is not None else None
        return after is not None and kind_of(after[1]) == Kind.LANDMARK

    def _named_after_a_place_in_the_story(self, found: list[Span], held: list[Span]) -> list[Span]:
        """An organisation named after a place that the text names elsewhere under another name ("the Kyiv
        Independent" in a story that spells the city "Kiev"): the same place, so the same evidence as the same name."""
        waiting = [s for s in held if s.metonym]
        if not waiting:
            return []
        places = {top.place.id for s in found if (top := self.names.best(s.text)) is not None}
        return [replace(s, evidence=s.evidence + "; the same place is named elsewhere in the text")
                for s in waiting if (top := self.names.best(s.text)) is not None and top.place.id in places]

    def _unknown_person(self, doc: Doc, ent: SpacySpan) -> SpacySpan:
        """The tokens of a person's name of two words or more that is no known place ("Wad Madani's" is the
        town with a possessive, not a person), or nothing."""
        start, end = trim(doc, ent.start, ent.end)
        return doc[start:start] if end - start < 2 or self.names.known(doc[start:end].text) else doc[start:end]

    @staticmethod
    def _listed_with_places(text: str, found: list[Span], held: list[Span]) -> list[Span]:
        """Names held for want of evidence that a conjunction joins to an accepted place ("in Sagaing and Chin
        State", "Hilversum and Almelo"): a pair of names shares what it names. Bare commas are not enough: lists of
        people ("Helen, Clarence, Irene") are as common as lists of places."""
        taken: list[Span] = []
        edges = {(s.start, s.end) for s in found}
        waiting = list(held)
        while waiting:
            joined = [s for s in waiting if any(_listed(text, s, start, end) for start, end in edges)]
            if not joined:
                break
            taken += [replace(s, evidence=s.evidence + "; listed with a place") for s in joined]
            edges |= {(s.start, s.end) for s in joined}
            waiting = [s for s in waiting if s not in joined]
        return taken

    # -- entities -----------------------------------------------------------------------------------------------
    def _from_entity(self, doc: Doc, ent: SpacySpan, person_words: set[str], found: list[Span],
                     held: list[Span]) -> None:
        start, end = trim(doc, ent.start, ent.end)
        if start >= end:
            return
        end = self._extend_right(doc, start, end)
        if end - start > 1 and doc[end - 1].is_lower and doc[end - 1].lower_ in UNIT_SUFFIXES and \
                self._same_place(doc[start:end - 1].text, doc[start:end].text):
            end -= 1  # "West Gojjam zone": the unit word only says what the name already names
        with_article = article_before(doc, start)
        if with_article < start and self.names.known(doc[with_article:end].text):
            start = with_article  # NER left out the lower-case article: "al-Hasakah" is the name as written
        text = doc[start:end].text
        label = ent.label_
        if label in PLACE_LABELS:
            if self.names.known(text):
                # "Georgia" after "Georgia Stevens, 9, skates...": a person's name used alone, unless "in Georgia"
                # (not "from Georgia's hard work": a possessive after the preposition is the person again)
                possessive = end < len(doc) and doc[end].lower_ in ("'s", "\u2019s")
                named_person = any(t.lower_ in person_words for t in doc[start:end]) and (
                    possessive or not locative_before(doc, start, against_person=True))
                (held if named_person else found).append(replace(span_at(doc, start, end, f"NER {label}"),
                                                                 ner_place=True))
            elif self.names.typo_of_prominent(text):
                found.append(span_at(doc, start, end, f"NER {label}, spelling variant"))
            else:
                found.extend(inner_places(self.names, doc, start, end, f"inside NER {label}"))
        elif self.names.is_demonym(text) and (label == "NORP" or before_common_noun(doc, end)):
            # NER calls some demonyms persons ("Azerbaijani soldiers"): an adjective before a noun is a demonym
            if not self.names.is_people_plural(text) and not used_as_language(doc, start, end):
                found.append(span_at(doc, start, end, f"demonym (NER {label})"))
        elif label in ("DATE", "TIME") and _not_calendar_words(text) and self.names.known(text) and \
                all(t.is_title and not t.is_stop for t in doc[start:end]) and start > 0 and \
                doc[start - 1].lower_ in ("in", "near", "across", "throughout") and _date_follows(doc, end):
            found.append(span_at(doc, start, end, f"gazetteer name in locative context (NER said {label})"))
        elif label in NUMERIC_LABELS:
            if label == "MONEY":
                found.extend(currency_country(self.names, doc, start, end))
        elif not self.names.known(text) and locative_before(doc, start) and self.names.typo_of_prominent(text):
            found.append(span_at(doc, start, end, f"spelling variant in locative context (NER said {label})"))
        elif self.names.known(text) and not self.names.is_demonym(text):
            if after_title(doc, start) or any(t.lower_ in person_words for t in doc[start:end]):
                return
            strong_context = locative_before(doc, start, against_person=True) or place_class_after(doc, end)
            if label == "NORP" and not self.names.prominent(text) and not strong_context:
                return  # a nationality or group NER is sure of ("the English Premier League") is no town
            # a person or an organisation says things too: for NER's persons and organisations, only a place with
            # public bodies may be the speaker ("Yerevan said"; "Hamas said" is no town called so in some language)
            speaker = stance_after(doc, end) and (label not in ("PERSON", "ORG") or self.names.jurisdiction(text))
            if said_to_be_a_place(doc, start, end) or speaker or self.names.prominent(text) \
                    or self._qualifies_previous_name(doc, start, text):
                found.append(span_at(doc, start, end, f"gazetteer name (NER said {label})"))
            else:
                held.append(span_at(doc, start, end, f"gazetteer name (NER said {label})"))
        else:
            inner = inner_places(self.names, doc, start, end, f"places listed in NER {label}", lists_only=True)
            parts = inner or list(public_body(self.names, doc, start, end))
            organisation = label == "ORG" or (label == "PERSON" and doc[end - 1].lower_ in ORGANISATION_HEADS)
            if not parts and organisation:
                for span in named_after(self.names, doc, start, end):
                    # a state or town ("Virginia Rail Express", "Orange Drugs") only when named as a place elsewhere
                    sure = self.names.prominent(span.text) or self.names.is_demonym(span.text)
                    (found if sure else held).append(span)
            found.extend(parts)
            found.extend(hyphen_modifiers(self.names, doc, start, end))

    def _extend_right(self, doc: Doc, start: int, end: int) -> int:
        """The longest known name that starts here and runs past `end` on the same line: 'the Lachin corridor',
        'Trinidad and Tobago' or 'Baja California' that NER cut in two, 'Washington, D.C.'; and 'Man.' whose
        period the tokenizer took for a full stop (an abbreviation stored with its period)."""
        if end < len(doc) and doc[end].text == "." and not doc[end - 1].whitespace_:
            dotted = doc[start:end].text + "."
            if any(c.reason == "abbreviation" and c.matched_name == dotted for c in self.gaz.lookup(dotted, limit=5)):
                return end + 1
        if end < len(doc) and doc[end].lower_ in SPELLED_AREA_HEADS and "\n" not in doc[end - 1].whitespace_ \
                and not self.names.known(doc[start:end + 1].text) \
                and self.names.typo_of_prominent(doc[start:end + 1].text):
            return end + 1  # "the Lachyn corridor": a spelling of the corridor, not the town it is named after
        longest = end
        key = normalize(doc[start:end].text)
        if key != "the" and not self.gaz.runs_on(key):
            # no longer name is known either: normalize folds character by character, so the key of a longer
            # text starts with the key of its beginning, except for "the", which it drops before a name
            return longest
        for stop in range(end + 1, min(len(doc), end + MAX_EXTENSION) + 1):
            if "\n" in doc[stop - 2].whitespace_ or doc[stop - 1].is_space:
                break
            last = doc[stop - 1]
            if last.is_alpha and (last.is_lower or last.text[:1].isupper()) and self.names.known(doc[start:stop].text):
                if last.is_lower and self._same_place(doc[start:longest].text, doc[start:stop].text):
                    continue  # "Heathrow airport": the common noun only describes what the name already names
                longest = stop
        return longest

    def _same_place(self, name: str, longer: str) -> bool:
        short, long = self.names.best(name), self.names.best(longer)
        return short is not None and long is not None and short.place.id == long.place.id

    def _qualifies_previous_name(self, doc: Doc, start: int, text: str) -> bool:
        """'CAMP MURRAY, Wash.', 'Churchill, Man.', 'Gatineau, Que.': a state or country written after a comma that
        follows a capitalised name qualifies that name, as in an address or a dateline."""
        if start < 2 or doc[start - 1].text != "," or not doc[start - 2].text[:1].isupper():
            return False
        top = self.names.best(text)
        return top is not None and case_fits(text, top) and top.place.kind in (Kind.ADMIN1, Kind.COUNTRY)

    # -- capitalised runs the NER did not claim ------------------------------------------------------------------
    def _from_phrases(self, doc: Doc, claimed: list[bool], person_words: set[str], found: list[Span],
                      held: list[Span]) -> None:
        runs = list(capitalised_runs(doc, claimed))
        while runs:
            start, end = runs.pop(0)
            if start + 2 < end and doc[start].is_lower and not self.names.known(doc[start:end].text):
                start += 2  # the article is no part of any known name here: read the name without it
            end = self._extend_right(doc, start, end)
            text = doc[start:end].text
            if not self.names.known(text) and doc[end - 1].lower_ in GENERIC_SUFFIXES and end - start > 1:
                end -= 1  # "Sichuan Province" stays a mention of Sichuan
                text = doc[start:end].text
            if not self.names.known(text):
                parts = _hyphen_parts(doc, start, end)
                if len(parts) > 1:  # "the Kyiv-Odesa road": a compound of names is read name by name
                    runs[:0] = parts
                    continue
                if end - start > 1 and locative_before(doc, start) and self.names.typo_of_prominent(text):
                    # "through the Lachine Corridor": a misspelt corridor or region the NER did not see
                    found.append(span_at(doc, start, end, "spelling variant in locative context"))
                    continue
                found.extend(public_body(self.names, doc, start, end))
                continue
            if self.names.is_demonym(text):
                if not used_as_language(doc, start, end) and not self.names.is_people_plural(text):
                    found.append(span_at(doc, start, end, "demonym (gazetteer)"))
                continue
            if dateline(doc, start, end):
                found.append(span_at(doc, start, end, "dateline"))
                continue
            if after_title(doc, start) or any(t.lower_ in person_words for t in doc[start:end]):
                continue
            if said_to_be_a_place(doc, start, end) or (not sentence_initial(doc, start) and stance_after(doc, end)):
                found.append(span_at(doc, start, end, "gazetteer name in locative context"))
            elif self.names.prominent(text):
                found.append(span_at(doc, start, end, "prominent gazetteer name"))
            elif self._qualifies_previous_name(doc, start, text):
                found.append(span_at(doc, start, end, "state or country after a place name"))
            else:
                held.append(span_at(doc, start, end, "gazetteer name"))


_CALENDAR_WORDS = frozenset(w.casefold() for w in (*calendar.month_name, *calendar.month_abbr, *calendar.day_name,
                                                    *calendar.day_abbr) if w)


def _not_calendar_words(text: str) -> bool:
    """ "in Amhara on Sunday": the NER may take a name right after "in" next to a date for a date; no digit and no
    month or day name means it is none (the caller asks for capitalised words after "in", then a real date)."""
    words = text.casefold().replace(",", " ").split()
    return not any(ch.isdigit() for ch in text) and not any(w.rstrip(".") in _CALENDAR_WORDS for w in words)


def _date_follows(doc: Doc, end: int) -> bool:
    """A date right after the name ("in Amhara on Sunday"), which the NER took it with; a season or a feast alone
    ("in Summer", "in Ramadan") is no place."""
    after = [t for t in doc[end:end + 3] if not t.is_punct]
    return len(after) >= 2 and after[0].lower_ in ("on", "in", "last", "this", "since", "early", "late") and \
        (after[1].like_num or after[1].lower_ in _CALENDAR_WORDS or after[1].lower_ in ("week", "month", "year"))


def _listed(text: str, span: Span, start: int, end: int) -> bool:
    """Whether only a conjunction, or a hyphen or dash joining the two into a compound ("the Israel-Gaza war", "the
    Damascus-Homs highway"), separates the span from the stretch start:end, on one line; an abbreviation ("Dr.",
    "Inc.") is no place of a list."""
    between = text[end:span.start] if end <= span.start else text[span.end:start]
    joined = between.strip() in ("and", "or", ", and", ", or") or between in ("-", "\u2013")
    return joined and "\n" not in between and not span.text.endswith(".")


def _hyphen_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of a run between the hyphens or dashes written without spaces inside it."""
    parts, first = [], start
    for i in range(start, end):
        if doc[i].text in ("-", "\u2013") and not doc[i - 1].whitespace_ and not doc[i].whitespace_:
            parts.append((first, i))
            first = i + 1
    return [(a, b) for a, b in [*parts, (first, end)] if a < b]
