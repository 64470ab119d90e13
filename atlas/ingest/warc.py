"""Web archives (WARC, ISO 28500, plain or gzipped) -> article records, with warcio.

A WARC is read like a folder of pages: each archived HTML page answered with 200 goes through the extractor a
fetched page goes through (atlas.ingest.pages), with the address it was archived from, so it gives the same
article. The archive's other records (requests, metadata, redirects, error pages, images, scripts) are not pages
of news and are passed over. `max_bytes` bounds each page, not the archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from email.message import Message
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator

from atlas.ingest.fetch import HTML_TYPES, FetchError, normalise_url
from atlas.ingest.outcomes import NotArticle, Problem, Unusable
from atlas.ingest.pages import html_record
from atlas.ingest.webpage import NotAnArticle
from atlas.records import ArticleRecord


def read_warc(path: Path, max_bytes: int, source: str) -> Iterator[ArticleRecord | Problem | NotArticle]:
    with path.open("rb") as stream:
        for record in ArchiveIterator(stream):
            if record.rec_type != "response" or record.http_headers is None:
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            content_type = Message()
            content_type["content-type"] = record.http_headers.get_header("Content-Type") or ""
            if record.http_headers.get_statuscode() != "200" or content_type.get_content_type() not in HTML_TYPES:
                continue
            where = f"{source}: {uri}"
            body = record.content_stream().read(max_bytes + 1)
            if len(body) > max_bytes:
                yield Problem(where, f"too large: more than {max_bytes} bytes")
                continue
            try:
                yield html_record(body, where, normalise_url(uri), content_type.get_param("charset"))
            except NotAnArticle as verdict:
                yield NotArticle(where, str(verdict))
            except (Unusable, FetchError) as problem:
                yield Problem(where, str(problem))
            except Exception as error:  # a parser's failure on one hostile page is that page's problem alone
                yield Problem(where, f"cannot be read: {type(error).__name__}: {str(error)[:200]}")
