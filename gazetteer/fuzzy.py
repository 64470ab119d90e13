"""Typo tolerance by symmetric deletion: a name and a query meet if deleting at most one character from each makes
them equal. That finds one insertion, deletion, substitution or transposition with a plain index look-up, and the
edit distance is checked exactly afterwards.
"""

from __future__ import annotations

from rapidfuzz.distance import OSA

MIN_LENGTH = 6  # shorter names have too many neighbours one edit away ("Paris"/"Parts")


def max_edits(key: str) -> int:
    return 1 if len(key) < 10 else 2


def deletions(key: str) -> set[str]:
    """The key itself and every string made by deleting one character."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


def within_reach(query: str, key: str) -> bool:
    return OSA.distance(query, key, score_cutoff=max_edits(query)) <= max_edits(query)


def similarity(query: str, key: str) -> float:
    return OSA.normalized_similarity(query, key)
