"""Article metadata that the text itself states: its title, the outlet's credit line, its publication date."""

from __future__ import annotations

import re
from datetime import date

from extract.dates import infer_publication
from extract.model import ArticleMeta
from text.title import title_of

# "By RFE/RL" on a line of its own: a credit naming an agency (an acronym), not a reporter's byline ("By Nate Raymond").
_CREDIT = re.compile(r"^[ \t]*By[ \t]+(?P<outlet>(?=[^\n]*[A-Z]{2})[A-Z][\w/&.\- ]{0,40}?)[ \t]*\.?[ \t]*$",
                     re.MULTILINE)
# A dateline credit: "BEIRUT (AP) —", "WASHINGTON (RNS)", "Hanoi (VNA) –".
_DATELINE = re.compile(r"^[ \t]*[A-Z][A-Za-z .,'-]{1,40}[ \t]*\((?P<outlet>[A-Z][A-Za-z]{1,9})\)", re.MULTILINE)


def article_meta(text: str, published: date | None) -> ArticleMeta:
    """`published`: the date the input gave (JSON field, page metadata), which always wins over inference."""
    inferred = None if published is not None else infer_publication(text)
    return ArticleMeta(
        title=title_of(text),
        outlet=outlet_of(text),
        published=published or inferred,
        published_inferred=published is None and inferred is not None,
    )


def outlet_of(text: str) -> str | None:
    """The last credit line wins (it closes the story); else a dateline credit near the start."""
    credits = list(_CREDIT.finditer(text))
    if credits:
        return credits[-1].group("outlet").strip()
    dateline = _DATELINE.search(text, 0, 2000)
    return dateline.group("outlet") if dateline else None
