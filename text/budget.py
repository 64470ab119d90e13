"""A time budget for the analysis of one article, checked between the pieces of work it is made of.

Ingest must not let one article hold a worker (or the web form's job queue) for hours: the stages that loop over an
article's chunks or sections ask the budget after each one, and the article is reported as too slow while the batch
goes on. Checks sit between pieces, so an article may run over by one piece (a chunk or section: seconds).
"""

from __future__ import annotations

import time


class OverBudget(RuntimeError):
    """The article's analysis ran past its budget; the message is the reason shown to the user."""


class Budget:
    def __init__(self, seconds: float | None = None) -> None:
        """`seconds`: None for no limit."""
        self.seconds = seconds
        self._deadline = None if seconds is None else time.monotonic() + seconds

    def check(self) -> None:
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise OverBudget(f"too slow: the analysis ran past its budget of {self.seconds:g} s for one article")


UNLIMITED = Budget()
