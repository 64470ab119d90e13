"""Set page boilerplate apart before parsing, without moving a single character.

Scraped articles carry navigation: lists of unrelated headlines, stock tickers, "leave a comment" links, cookie
notices. Places named there are not places the article talks about. Blanking those lines (instead of deleting them)
keeps every offset into the result valid in the stored original, so mentions can be highlighted where the reader
sees them.

The rules look only at the shape of a line, never at particular sites or strings of one article:
  * bullet lines that start with a relative time stamp ("• 3 minutes ...", "- 2 hours ago ...") are headline feeds;
  * ticker rows: short lines made mostly of prices, signed changes, percentages and volumes;
  * short call-to-action and page-furniture lines (comment, share, subscribe, advertisement, read more, ...);
  * cookie notices and copyright lines;
  * menus: short lines of several short items separated by "|";
  * a short line without sentence punctuation squeezed between boilerplate lines (a tagline under a ticker).
"""

from __future__ import annotations

import re

_BULLET = r"[\u2022\u00b7\u25aa\u25ba\u25b8\u2023\u2043*\-\u2013\u2014>]"
_TIMESTAMPED_BULLET = re.compile(
    rf"^\s*{_BULLET}\s*\d+\s*(?:sec|secs|seconds?|min|mins|minutes?|h|hrs?|hours?|d|days?|weeks?|months?)\b",
    re.IGNORECASE,
)
_NUMBER_TOKEN = re.compile(r"^[A-Za-z.]*[+\-\u2212]?[$€£]?\d[\d.,]*[%KMBkmb]?$")
_FURNITURE = re.compile(
    r"^\W*(?:advertisement|advertising|sponsored(?: content)?|leave a (?:comment|reply)|\d*\s*comments?|"
    r"join the (?:discussion|conversation)|back to (?:top|homepage|home)|share(?: this)?(?: on \w+)?|"
    r"subscribe(?: now)?|sign up|log ?in|sign in|register|read more|more (?:top )?(?:reads|stories|news)\b.*|"
    r"related(?: articles| stories)?|recommended|trending|most (?:read|popular)|follow us.*|click here.*|"
    r"print|email|tweet|whatsapp|facebook|twitter|linkedin|skip to (?:main )?content|menu|search|"
    r"image copyright.*|photo:.*|image:.*|getty images)\W*$",
    re.IGNORECASE,
)
_COOKIE = re.compile(r"\bcookies?\b.*\b(?:accept|consent|use|policy|settings|agree)\b", re.IGNORECASE)
# A copyright notice is boilerplate; a photo caption that ends with one ("Baku, Azerbaijan, 2018. (c) RFE/RL") is not.
_COPYRIGHT = re.compile(r"^\W{0,3}(?:\S+\s+&\s+)?(?:\u00a9|\(c\)|copyright\b)|all rights reserved\W*$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?:;\"\u201d\u2019)]\s*$")
_INVISIBLE = re.compile(r"[\x00-\x1f\x7f-\x9f\ufffd\ufffe\uffff]")


def _visible(line: str) -> str:
    """The line as a reader sees it: control characters and replacement marks do not count."""
    return _INVISIBLE.sub(" ", line).strip()


def _is_ticker_row(line: str) -> bool:
    """Prices and changes: most tokens are numbers and there are few ordinary words."""
    tokens = line.split()
    if not tokens or len(tokens) > 10:
        return False
    numeric = sum(1 for t in tokens if _NUMBER_TOKEN.match(t) and any(c.isdigit() for c in t))
    decimal = any(re.search(r"\d[.,]\d|\d%|[+\-\u2212]\d", t) for t in tokens)
    return decimal and numeric * 3 >= len(tokens)


def _is_menu(line: str) -> bool:
    parts = [p.strip() for p in line.split("|")]
    return len(parts) >= 2 and all(len(p.split()) <= 4 for p in parts) and not _SENTENCE_END.search(line)


def _is_boilerplate(line: str) -> bool:
    stripped = _visible(line)
    if not stripped:
        return False
    if _TIMESTAMPED_BULLET.match(stripped) or _is_ticker_row(stripped) or _is_menu(stripped):
        return True
    if len(stripped) <= 60 and _FURNITURE.match(stripped):
        return True
    return len(stripped) <= 400 and bool(_COOKIE.search(stripped) or _COPYRIGHT.search(stripped))


def _is_tagline(line: str) -> bool:
    stripped = _visible(line)
    return bool(stripped) and len(stripped.split()) <= 12 and not _SENTENCE_END.search(stripped)


def strip_boilerplate(text: str) -> str:
    """Return text of the same length with boilerplate lines blanked to spaces (newlines kept)."""
    lines = text.splitlines(keepends=True)
    flags = [_is_boilerplate(line) for line in lines]
    # A short unpunctuated line whose nearest non-blank neighbours are both boilerplate (or one is and the other is
    # the end of the text) belongs to the same block: a tagline under a ticker, a label inside a menu.
    content = [i for i, line in enumerate(lines) if _visible(line)]
    for pos, i in enumerate(content):
        if flags[i] or not _is_tagline(lines[i]):
            continue
        before = flags[content[pos - 1]] if pos > 0 else None
        after = flags[content[pos + 1]] if pos + 1 < len(content) else None
        if (before and after) or (before and after is None):
            flags[i] = True
    out = []
    for line, boiler in zip(lines, flags, strict=True):
        out.append("".join(c if c in "\r\n" else " " for c in line) if boiler else line)
    return "".join(out)
