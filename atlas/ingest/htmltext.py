"""Main text and metadata of an HTML page, with the standard library's parser.

Pages wrap the story in navigation, headers, footers, forms and scripts. The story is taken from <article> (else
<main>, else <body>), leaving out elements that never hold story text. Metadata comes from the tags publishers fill
for link previews (Open Graph, article:published_time), which are far more regular than the visible page.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

_SKIPPED = frozenset(
    {"script", "style", "noscript", "template", "svg", "nav", "header", "footer", "aside", "form", "iframe",
     "button", "select", "textarea", "head"}
)
_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "br", "tr",
     "table", "blockquote", "pre", "figure", "figcaption", "hr", "dd", "dt", "title"}
)
_CONTAINERS = ("article", "main", "body")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")


@dataclass
class HtmlDocument:
    text: str
    title: str | None = None
    published: str | None = None
    outlet: str | None = None
    url: str | None = None


@dataclass
class _Collector(HTMLParser):
    skip_depth: int = 0
    open_containers: dict[str, int] = field(default_factory=lambda: dict.fromkeys(_CONTAINERS, 0))
    chunks: dict[str, list[str]] = field(default_factory=lambda: {c: [] for c in _CONTAINERS})
    meta: dict[str, str] = field(default_factory=dict)
    title_parts: list[str] = field(default_factory=list)
    h1_parts: list[str] = field(default_factory=list)
    in_title: bool = False
    in_h1: bool = False

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"].strip())
        elif tag == "link" and "canonical" in values.get("rel", "").lower():
            self.meta.setdefault("canonical", values.get("href", "").strip())
        elif tag == "time" and values.get("datetime"):
            self.meta.setdefault("time", values["datetime"].strip())
        if tag == "title":
            self.in_title = True
        if tag == "h1":
            self.in_h1 = True
        if tag in _SKIPPED:
            self.skip_depth += 1
        if tag in self.open_containers:
            self.open_containers[tag] += 1
        if tag in _BLOCKS:
            self._append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag == "h1":
            self.in_h1 = False
        if tag in _SKIPPED and self.skip_depth:
            self.skip_depth -= 1
        if tag in _BLOCKS:
            self._append("\n")
        if self.open_containers.get(tag):
            self.open_containers[tag] -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.in_h1:
            self.h1_parts.append(data)
        if not self.skip_depth:
            self._append(data)

    def _append(self, text: str) -> None:
        for container, depth in self.open_containers.items():
            if depth or (container == "body" and not self.skip_depth):
                self.chunks[container].append(text)


def _tidy(chunks: list[str]) -> str:
    lines = [_SPACES.sub(" ", line).strip() for line in "".join(chunks).split("\n")]
    paragraphs: list[str] = []
    for line in lines:
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


def extract(html: str) -> HtmlDocument:
    collector = _Collector()
    collector.feed(html)
    collector.close()
    text = ""
    for container in _CONTAINERS:
        text = _tidy(collector.chunks[container])
        if text:
            break
    meta = collector.meta
    title = meta.get("og:title") or _SPACES.sub(" ", "".join(collector.title_parts)).strip() or None
    if not title and collector.h1_parts:
        title = _SPACES.sub(" ", "".join(collector.h1_parts)).strip() or None
    return HtmlDocument(
        text=text,
        title=title,
        published=meta.get("article:published_time") or meta.get("date") or meta.get("time"),
        outlet=meta.get("og:site_name"),
        url=meta.get("canonical") or meta.get("og:url"),
    )
