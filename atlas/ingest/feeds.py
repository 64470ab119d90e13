"""RSS and Atom feeds -> the addresses of their items, with feedparser.

The feed is fetched by atlas.ingest.fetch (feedparser never touches the network here: it is handed the bytes as a
stream, never a string it could take for an address or a file name). An item's own date, author and title are kept
as hints for its page, used only where the page states none.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import date
from urllib.parse import urljoin

import feedparser

from atlas.ingest.fetch import FEED_TYPES, Fetcher, FetchError, normalise_url
from atlas.ingest.pages import Metadata


@dataclass(frozen=True, slots=True)
class FeedItem:
    url: str
    hints: Metadata


@dataclass(frozen=True, slots=True)
class Feed:
    title: str | None
    items: list[FeedItem]
    etag: str | None  # for the next poll's conditional request
    last_modified: str | None
    changed: bool = True  # False: the server answered 304, nothing new since the last poll


def read_feed(url: str, fetcher: Fetcher, etag: str | None = None, last_modified: str | None = None) -> Feed:
    """Raises FetchError with the reason when the feed cannot be fetched or read."""
    conditional = {name: value for name, value in (("If-None-Match", etag), ("If-Modified-Since", last_modified))
                   if value}
    answer = fetcher.get(url, FEED_TYPES, conditional)
    if answer.status == 304:
        return Feed(None, [], etag, last_modified, changed=False)
    parsed = feedparser.parse(io.BytesIO(answer.body), response_headers={"content-type": answer.content_type},
                              resolve_relative_uris=False, sanitize_html=False)
    if not parsed.entries and parsed.bozo:
        raise FetchError(f"not a feed: {str(parsed.get('bozo_exception', 'unreadable'))[:200]}")
    items: list[FeedItem] = []
    seen: set[str] = set()
    for entry in parsed.entries:
        link = entry.get("link")
        if not link:
            continue
        try:
            address = normalise_url(urljoin(answer.final_url, link))
        except FetchError:  # a mailto: or otherwise unfetchable link is no page of news
            continue
        if address not in seen:
            seen.add(address)
            items.append(FeedItem(address, _hints(entry)))
    return Feed(parsed.feed.get("title"), items, answer.headers.get("etag"), answer.headers.get("last-modified"))


def _hints(entry: feedparser.FeedParserDict) -> Metadata:
    when = entry.get("published_parsed") or entry.get("updated_parsed")
    return Metadata(
        title=(entry.get("title") or "").strip() or None,
        published=date(when.tm_year, when.tm_mon, when.tm_mday) if when else None,
        author=(entry.get("author") or "").strip()[:300] or None,
    )
