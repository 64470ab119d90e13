"""Article text -> resolved place mentions, with offsets into the text exactly as stored.

The text is cleaned without changing its length (boilerplate and control characters become spaces), cut into
chunks the NER can take (both by text.prepare), run through spaCy, scanned for place spans, and resolved against the
gazetteer with the whole document as context. A text longer than one chunk (text.prepare.CHUNK_CHARS, far longer than
a news article) is resolved chunk by chunk, each chunk the context of its own names: resolution weighs every name
against every other, so one context for a whole book would cost time in the square of its length.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Doc

from gazetteer import Gazetteer
from geo.fallback import NominatimFallback
from geo.model import Mention
from geo.recognize import Recognizer
from geo.resolve import Resolver
from text import nlp
from text.budget import UNLIMITED, Budget
from text.prepare import chunk_bounds, prepare


class Geoparser:
    def __init__(self, gazetteer: Gazetteer | None = None, components: tuple[str, ...] = nlp.NER_COMPONENTS,
                 fallback: NominatimFallback | None = None) -> None:
        """`components`: spaCy components to load (NER needs tok2vec); `fallback`: optional online geocoder for
        place names the gazetteer lacks (off by default)."""
        self.gaz = gazetteer if gazetteer is not None else Gazetteer()
        self.components = components
        self.recognizer = Recognizer(self.gaz)
        self.resolver = Resolver(self.gaz, fallback=fallback)

    def parse(self, text: str, budget: Budget = UNLIMITED) -> list[Mention]:
        """Mentions sorted by start offset; [] for empty or non-text input. A long text's chunks go through the NER
        one at a time, so memory holds one chunk's parse, not a batch of them; the budget is asked after each."""
        return next(self.parse_many([text], batch_size=1, budget=budget))

    def parse_doc(self, text: str, doc: Doc) -> list[Mention]:
        """Mentions from a parse of `prepare(text)` made elsewhere with the NER among its components (text.parse),
        so that a later stage (events and claims) and the geoparser share one spaCy pass over the article."""
        if len(doc.text) != len(text):
            raise ValueError("the parse must be of prepare(text): same length, same offsets")
        return self.resolver.resolve(text, self.recognizer.spans(doc, 0))

    def parse_many(self, texts: Iterable[str], n_process: int = 1, batch_size: int = 16,
                   budget: Budget = UNLIMITED) -> Iterator[list[Mention]]:
        """Parse a stream of texts, yielding one mention list per text in order; n_process > 1 runs the NER in
        that many worker processes (spaCy's nlp.pipe), resolution stays in this process."""
        pipeline = nlp.pipeline(self.components)
        originals: list[str] = []

        def chunks() -> Iterator[tuple[str, tuple[int, int]]]:
            for index, text in enumerate(texts):
                text = text if isinstance(text, str) else ""
                originals.append(text)
                prepared = prepare(text)
                bounds = chunk_bounds(prepared) or [(0, 0)]
                for number, (start, end) in enumerate(bounds):
                    last = number == len(bounds) - 1
                    yield prepared[start:end], (index, start, last)

        found: list[Mention] = []
        for doc, (index, offset, last) in pipeline.pipe(chunks(), as_tuples=True, n_process=n_process,
                                                        batch_size=batch_size):
            found.extend(self.resolver.resolve(originals[index], self.recognizer.spans(doc, offset)))
            budget.check()
            if last:
                originals[index] = ""  # free the text as soon as its last chunk is resolved
                yield found
                found = []
