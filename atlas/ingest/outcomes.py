"""What reading one input can come to besides an article record: a problem (reported, the batch fails), a page that
is not an article (reported, not stored, not a failure), or an address already stored (counted, not fetched)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Problem:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class NotArticle:
    source: str
    reason: str


@dataclass(frozen=True, slots=True)
class AlreadyStored:
    source: str
    article_id: int


class Unusable(Exception):
    """A file, record or page that cannot become an article; the message is the reason shown to the user."""
