"""How a speaker's words are written as a name, and which names are the press's.

The parser gives a subject's head word; the name is the words it is built from ("the Federal Public Prosecutor's
Office", "Armenia's Defence Ministry"), written as the article writes them. An outlet's name is told apart so that its
correspondents, who report, are not taken for speakers of the story.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from geo.model import Mention

# An outlet's correspondent reports, and is no speaker of the story ("Al Jazeera's X, reporting from Tbilisi, said"):
# an outlet is known by one of these words in its name, or by its name (OUTLETS). ("Press" alone is not one: a press
# office speaks for its principal.)
MEDIA_WORDS = frozenset({"magazine", "newspaper", "news", "times", "post", "tv", "television", "radio", "media",
                         "outlet", "journal", "gazette", "broadcaster", "daily", "tribune", "herald"})
OUTLETS = frozenset({"reuters", "ap", "afp", "associated press", "agence france-presse", "interfax", "tass",
                     "ria novosti", "xinhua", "anadolu", "efe", "ansa", "dpa", "upi", "bloomberg", "al jazeera", "bbc",
                     "cnn", "france 24", "euronews"})  # wire services and broadcasters named without a media word
# Head nouns of a body's name ("the Defence Ministry", "the Syrian Observatory"): a body speaks, not a person.
ORG_HEADS = frozenset((
    "ministry", "department", "office", "army", "command", "government", "directorate", "committee", "union",
    "kremlin", "house", "council", "agency", "service", "spokesman", "spokeswoman", "spokesperson",
    "observatory", "tv", "channel", "magazine", "centre", "center", "court", "embassy", "parliament", "party",
    "administration", "military", "forces",
))
# Dependencies by which a name's words hang on its head word.
NAME_PARTS = frozenset({"compound", "amod", "poss", "nmod", "flat", "case"})


def is_press(name: str) -> bool:
    """An outlet's name (a wire service's, or one with a media word), possessive or not."""
    words = name.casefold().replace("’", "'").removesuffix("'s").split()
    return " ".join(words) in OUTLETS or bool(set(words) & MEDIA_WORDS)


def reporter(subject: Token) -> bool:
    """ "Al Jazeera's Jane Doe, reporting from Tbilisi, said": the outlet's correspondent reports."""
    owner = next((c for c in subject.children if c.dep_ == "poss"), None)
    if owner is not None and is_press(" ".join(t.text for t in owner.subtree)):
        return True
    return any(c.dep_ in ("acl", "advcl") and c.lemma_.casefold() == "report" and c.tag_ == "VBG"
               for c in subject.children)


def organisation_words(organisation: Span) -> list[Token]:
    return [t for t in organisation if t.pos_ not in ("DET", "PUNCT") and t.dep_ != "case"]


def located_in(subject: Token, inside: list[Mention]) -> tuple[str, Mention] | None:
    """The preposition and place of an "in" or "of" phrase on the subject ("the defense ministry in Nagorno-Karabakh",
    "the Border Service of Azerbaijan"): the body's own, which NER often leaves out of the body's name."""
    places = [(c.lower_, g.idx) for c in subject.children if c.dep_ == "prep" and c.lower_ in ("in", "of")
              for g in c.children if g.dep_ == "pobj"]
    return next(((word, m) for m in inside for word, i in places if m.start <= i < m.end), None)


def name_words(subject: Token) -> list[Token]:
    """The words that name the speaker: the subject and the modifiers it is built from ("the Federal Public
    Prosecutor's Office", an organisation's "of" phrase), without conjuncts (speakers of their own), appositions,
    clauses, punctuation, adverbs ("respectively") or leftovers of a dateline or a caption before it."""
    taken = {subject.i}
    frontier = [subject]
    while frontier:
        node = frontier.pop()
        for child in node.children:
            if _name_part(child, node, taken):
                taken.add(child.i)
                frontier.append(child)
    words = [subject.doc[i] for i in sorted(taken)]
    while len(words) > 1 and _dateline(words[0]):
        words.pop(0)
    while len(words) > 1 and words[-1].tag_ == "POS":  # "according to the Observer's posts": the Observer
        words.pop()
    return words


def _name_part(child: Token, node: Token, taken: set[int]) -> bool:
    if child.dep_ == "prep":
        # "the press office of the President of Azerbaijan": whose office, down a chain of "of" phrases
        in_chain = node.dep_ == "pobj" and node.head.lower_ == "of" and node.head.i in taken
        return child.lower_ == "of" and (node.lemma_.casefold() in ORG_HEADS or in_chain)
    if child.dep_ == "pobj":
        return node.dep_ == "prep" and node.i in taken
    return child.dep_ in NAME_PARTS and not child.is_space and \
        (child.is_alpha or child.text[:1].isalnum() or child.dep_ == "case")


def qualifier(words: list[Token], inside: list[Mention]) -> str:
    """The words at the head of an organisation's name that name its country ("US", "Armenia's"), when more of the
    name follows them; else ""."""
    if not inside or not words or words[0].idx != inside[0].start:
        return ""
    head = [t for t in words if t.idx < inside[0].end or (t.tag_ == "POS" and t.i == words[0].i + 1)]
    return written(head) if len(head) < len(words) else ""


def written(words: list[Token]) -> str:
    """The name as the article writes it ("Pashinian’s press office"), from its words in order."""
    text = ""
    for previous, word in zip([None, *words[:-1]], words, strict=True):
        joined = previous is not None and previous.i + 1 == word.i and not previous.whitespace_
        text += word.text if joined or not text else " " + word.text
    return text


def _dateline(token: Token) -> bool:
    return token.is_upper and len(token) > 3 and token.ent_type_ == "GPE"
