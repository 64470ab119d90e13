"""Main text and metadata of a news page, with trafilatura (and htmldate for the date).

Pages wrap the story in navigation, cookie banners, related-article lists, comments and footers; trafilatura keeps
the story and reads the metadata publishers fill for search engines and link previews (JSON-LD, Open Graph, meta
tags), which are far more regular than the visible page. The date is taken only from what the page states as its
date (markup, a dateline, the URL): htmldate's extensive search would also take any date the text mentions, which
is an inference, and ingest makes that inference itself and marks it as such.

A page that is not an article (an error page, a section front, a paywall stub) has little running text; it is
refused here with a reason rather than stored as an article about nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import trafilatura
from lxml import html as lxml_html

from atlas.ingest.outcomes import Unusable

MIN_ARTICLE_WORDS = 50  # words in sentences (lines of 8 words or more) below which a page is not an article
MIN_SENTENCE_WORDS = 8
MAX_LANGUAGE = 35  # the longest language tag kept (the store's column)
INDEX_TYPES = frozenset({"collectionpage", "searchresultspage", "profilepage"})  # schema.org types of index pages
_WORD = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_LANGUAGE = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


class NotAnArticle(ValueError):
    """A page with no article in it; the message says what it looks like instead."""


@dataclass(frozen=True, slots=True)
class WebPage:
    text: str  # paragraphs separated by blank lines
    title: str | None
    site_name: str | None
    author: str | None
    published: date | None  # as the page states it
    canonical_url: str | None
    language: str | None  # a BCP 47 tag from the page's markup


def extract(html: str, url: str | None = None) -> WebPage:
    """`url`: where the page was fetched from, which resolves relative links and names the site when the page does
    not. Raises NotAnArticle, or Unusable for a page without text."""
    tree = trafilatura.load_html(html) if html.strip() else None
    if tree is None:
        raise Unusable("no text found in the HTML page")
    language = _language(tree)
    document = trafilatura.bare_extraction(
        tree, url=url, with_metadata=True, include_comments=False, include_tables=True, favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = _paragraphs(document.text) if document is not None and document.text else ""
    if not text:
        raise Unusable("no text found in the HTML page")
    kind = (document.pagetype or "").lower()
    if kind in INDEX_TYPES:
        raise NotAnArticle(f"not an article: the page calls itself a {document.pagetype} (an index, not a story)")
    words = sum(len(_WORD.findall(line)) for line in text.split("\n\n")
                if len(_WORD.findall(line)) >= MIN_SENTENCE_WORDS)
    if words < MIN_ARTICLE_WORDS:
        raise NotAnArticle(f"not an article: only {words} words of running text (an error page, a section front "
                           f"or a paywall stub has too few; an article has at least {MIN_ARTICLE_WORDS})")
    return WebPage(
        text=text,
        title=_clean(document.title),
        site_name=_clean(document.sitename),
        author=_clean(document.author),
        published=date.fromisoformat(document.date) if document.date else None,
        canonical_url=_clean(document.url),  # the page's canonical link or og:url, else `url`
        language=language,
    )


def _paragraphs(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n\n".join(line for line in lines if line)


def _clean(value: str | None) -> str | None:
    value = _SPACES.sub(" ", value or "").strip()
    return value or None


def _language(tree: lxml_html.HtmlElement) -> str | None:
    """The page's declared language: <html lang>, else its content-language or og:locale meta tag."""
    candidates = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    for meta in tree.iterfind(".//meta"):
        key = (meta.get("http-equiv") or meta.get("property") or meta.get("name") or "").lower()
        if key in ("content-language", "og:locale"):
            candidates.append(meta.get("content"))
    for value in candidates:
        value = (value or "").strip().replace("_", "-")
        if len(value) <= MAX_LANGUAGE and _LANGUAGE.fullmatch(value):
            return value
    return None
