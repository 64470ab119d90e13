"""The one spaCy parse of an article, which the geoparser and the event and claim extractor both read.

Parsing is the costliest step of the ingest, so it is done once per article (atlas.ingest.analysis makes it) with every
component either reader needs: the extractor walks the dependency tree and lemmas, the geoparser
(geo.parser.Geoparser.parse_doc) reads the named entities. The parse is of `text.prepare.prepare(text)`, which has
the text's length, so offsets into the parse are offsets into the stored article.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator

from spacy.tokens import Doc, Span, Token

from text import nlp
from text.prepare import chunk_bounds, prepare

# A long article's sections are about a long news story each: the extractor relates every sentence to the others
# of its section (speakers, answers, merged events), which costs more than linear time within a section, so the
# sections are kept to this size and the whole article costs time in proportion to its length.
SECTION_CHARS = 10_000
_TEXT_KEY = "conflict_atlas.text"
_ENTITIES_KEY = "conflict_atlas.entities"
COMPONENTS = ("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner")


def parse(text: str) -> Doc:
    """The spaCy parse the extractor needs, of the text with boilerplate blanked (same length, same offsets).

    A sentence never runs across a line break that ends a paragraph, a headline or a caption: the parser is told so
    before it runs, or it glues "Blinken Looks To Ease Tensions" onto the first sentence and parses both as one."""
    return next(parse_many([text]))


def parse_many(texts: Iterable[str]) -> Iterator[Doc]:
    """`parse` of each text, in order, in batches: spaCy's batched pass costs about a tenth less per article."""
    language = nlp.pipeline(COMPONENTS)
    return language.pipe(_mark_line_starts(language.make_doc(prepare(text))) for text in texts)


def text_of(doc: Doc) -> str:
    """The parsed text, kept with the parse after the first call: spaCy joins it from the tokens on every `doc.text`,
    which made readers that ask once per entity or sentence take time in the square of the article's length."""
    cached = doc.user_data.get(_TEXT_KEY)
    if cached is None:
        cached = doc.user_data[_TEXT_KEY] = doc.text
    return cached


def entities_in(doc: Doc, start: int, end: int) -> list[Span]:
    """The named entities that start within characters start..end, found by binary search: spaCy's `Span.ents`
    walks every entity of the document, which a reader asking once per sentence pays in the square of the length."""
    cached = doc.user_data.get(_ENTITIES_KEY)
    if cached is None:
        entities = list(doc.ents)
        cached = doc.user_data[_ENTITIES_KEY] = (entities, [e.start_char for e in entities])
    entities, starts = cached
    return entities[bisect_left(starts, start):bisect_left(starts, end)]


def parse_sections(text: str) -> Iterator[tuple[int, Doc]]:
    """A text too long to parse whole, parsed a section at a time: (offset of the section in `text`, its parse).

    Sections of about SECTION_CHARS end at paragraph or line breaks (text.prepare.chunk_bounds), and each parse is
    handed out before the next is made, so a caller that keeps only what it draws from each section holds one
    section's parse at a time."""
    prepared = prepare(text)
    language = nlp.pipeline(COMPONENTS)
    bounds = chunk_bounds(prepared, SECTION_CHARS)
    docs = language.pipe((_mark_line_starts(language.make_doc(prepared[start:end])) for start, end in bounds),
                         batch_size=1)
    for (start, _end), doc in zip(bounds, docs, strict=True):
        yield start, doc


def _mark_line_starts(doc: Doc) -> Doc:
    for token in doc[1:]:
        if _starts_line(token):
            token.is_sent_start = True
        elif _mid_clause(token):
            token.is_sent_start = False
    return doc


def _mid_clause(token: Token) -> bool:
    """A word right after a word, with no stop, quote or line break between: no sentence starts there, though the
    parser may cut one ('"It's a historic day," declared | RSF commander Dagalo')."""
    before = token.doc[token.i - 1]
    return before.is_alpha and not token.is_space and not token.is_punct


def _starts_line(token: Token) -> bool:
    """The first word after a line break, unless the line merely wraps a sentence (lower-case continuation)."""
    before = token.doc[token.i - 1]
    if token.is_space or not before.is_space or "\n" not in before.text:
        return False
    return "\n\n" in before.text.replace(" ", "") or not token.text[:1].islower()
