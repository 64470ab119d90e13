"""Bytes of a web page -> an article record, for every way a page comes in: a saved .html file, a fetched URL, a
WARC record. One decoding and one extractor, so a page gives the same article whichever way it arrived.

Text must say what it is: a byte-order mark (UTF-16 and UTF-32 carry one), the charset the server sent, or the
page's declared charset; neither means UTF-8. Guessing an encoding would store garbled text that then produces
wrong places, which is worse than a clear refusal.

Metadata rules: what the page states (its site name or publisher, its date, author, canonical URL and language)
fills the record (trafilatura credits a page that names no site to its host); a feed's date or author for an item
fills only what its page leaves out; what the user gives explicitly (a CLI option, a form field, a JSON field) wins
over all of it (`Metadata.apply`, in atlas.ingest.batch).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, replace
from datetime import date

from atlas.ingest import webpage
from atlas.ingest.outcomes import Unusable
from atlas.records import MAX_AUTHOR, MAX_OUTLET, MAX_URL, ArticleRecord
from text.title import shortened

UNKNOWN_OUTLET = "unknown"
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)
# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


@dataclass(frozen=True, slots=True)
class Metadata:
    """Metadata from outside the page: what the user gave (`apply`: it wins) or what a feed said of an item (`fill`:
    only where the page and the input gave nothing)."""

    title: str | None = None
    outlet: str | None = None
    published: date | None = None
    author: str | None = None

    def apply(self, record: ArticleRecord) -> ArticleRecord:
        return self._merge(record, lambda _current: True)

    def fill(self, record: ArticleRecord) -> ArticleRecord:
        return self._merge(record, lambda current: current is None or current == UNKNOWN_OUTLET)

    def _merge(self, record: ArticleRecord, replaces) -> ArticleRecord:
        changes = {name: value for name in ("title", "outlet", "published", "author")
                   if (value := getattr(self, name)) is not None and replaces(getattr(record, name))}
        if "published" in changes:
            changes["published_inferred"] = False
        return replace(record, **changes) if changes else record


def marked_encoding(data: bytes) -> str | None:
    return next((encoding for mark, encoding in _BYTE_ORDER_MARKS if data.startswith(mark)), None)


def decode(data: bytes, declared: str | None = None) -> str:
    """A byte-order mark wins over a declared charset (as in browsers); neither means UTF-8."""
    encoding = marked_encoding(data) or declared or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise Unusable(
            f"not valid {encoding} text: byte 0x{data[error.start]:02x} at offset {error.start} cannot be decoded"
        ) from None
    except LookupError:  # a codec that exists but does not decode text ("base64", "rot13")
        raise Unusable(f"charset {declared!r} is not a text encoding") from None
    return text.removeprefix("\ufeff")


def html_record(data: bytes, source: str, fetched_url: str | None = None, charset: str | None = None) -> ArticleRecord:
    """`charset`: what the server's Content-Type said, which wins over the page's own declaration (as in browsers).
    Raises Unusable, or webpage.NotAnArticle."""
    declared = charset or _declared_charset(data)
    encoding = "utf-8"
    if declared:
        try:
            encoding = codecs.lookup(declared).name
        except LookupError:
            raise Unusable(f"unknown charset {declared!r}") from None
    page = webpage.extract(decode(data, encoding), fetched_url)
    url = _fitting(page.canonical_url, MAX_URL) or fetched_url
    return ArticleRecord(
        text=page.text,
        title=shortened(page.title) if page.title else None,
        outlet=_fitting(page.site_name, MAX_OUTLET) or UNKNOWN_OUTLET,  # page metadata is lenient: unusable is dropped
        source=source,
        url=url,
        published=page.published,
        author=_fitting(page.author, MAX_AUTHOR),
        language=page.language,
        fetched_url=fetched_url,
    )


def _declared_charset(data: bytes) -> str | None:
    found = _CHARSET.search(data[:4096])
    return found.group(1).decode("ascii", "replace") if found else None


def _fitting(value: str | None, limit: int) -> str | None:
    return value if value and len(value) <= limit else None
