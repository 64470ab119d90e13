"""An article's title when its input gave none: the first line that has any text.

News text starts with its headline; a markdown file starts with a heading, whose "#" marks are not part of it. Callers
pass the text with boilerplate blanked (text.cleaning or text.prepare), so a headline feed or a menu above the story
does not become its title. A title is shown in lists and popups, so a long first line (an article without a headline)
is cut at a word boundary. The store needs some title for every article: UNTITLED is the one to use when there is
none, kept apart from `title_of` so that a caller can tell "no title in the text" from a real title.
"""

from __future__ import annotations

import re

MAX_TITLE = 140
UNTITLED = "untitled"
_HEADING = re.compile(r"^\s*#+\s*")


def title_of(text: str) -> str | None:
    """The first non-blank line, markdown heading marks dropped, cut to MAX_TITLE characters at a word boundary
    (with "…" added); None when the text has no such line."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    return shortened(_HEADING.sub("", first).strip()) or None


def shortened(title: str) -> str:
    """A title of at most MAX_TITLE characters (and "…"), cut at a word boundary: the rule for titles found in the
    text and for titles an input gave alike."""
    if len(title) <= MAX_TITLE:
        return title
    return title[:MAX_TITLE].rsplit(" ", 1)[0] + "…"
