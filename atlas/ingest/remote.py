"""Web addresses -> article records: pages fetched a few at a time (atlas.ingest.fetch), each through the page
extractor every HTML input takes (atlas.ingest.pages). An address already stored is not fetched again."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping

from atlas.ingest.fetch import HTML_TYPES, Fetched, Fetcher, FetchError, normalise_url
from atlas.ingest.outcomes import AlreadyStored, NotArticle, Problem, Unusable
from atlas.ingest.pages import Metadata, html_record
from atlas.ingest.webpage import NotAnArticle
from atlas.records import ArticleRecord

Item = ArticleRecord | Problem | NotArticle | AlreadyStored


def read_pages(urls: Iterable[str], fetcher: Fetcher, known: Callable[[str], int | None],
               hints: Mapping[str, Metadata] | None = None) -> Iterator[Item]:
    """`known` gives the id of the article stored from an address, if any; `hints` fill what a page leaves out
    (a feed's date or author for its items)."""
    todo: list[str] = []
    for url in urls:
        try:
            address = normalise_url(url)
        except FetchError as error:
            yield Problem(url, str(error))
            continue
        if address in todo:
            continue
        if (article_id := known(address)) is not None:
            yield AlreadyStored(address, article_id)
        else:
            todo.append(address)
    for address, answer in fetcher.get_many(todo, HTML_TYPES):
        yield _page(address, answer, (hints or {}).get(address))


def _page(address: str, answer: Fetched | FetchError, hint: Metadata | None) -> Item:
    if isinstance(answer, FetchError):
        return Problem(address, str(answer))
    try:
        record = html_record(answer.body, address, address, answer.charset)
    except NotAnArticle as verdict:
        return NotArticle(address, str(verdict))
    except Unusable as problem:
        return Problem(address, str(problem))
    except Exception as error:  # a parser's failure on a hostile page is that page's problem, never the batch's
        return Problem(address, f"cannot be read: {type(error).__name__}: {str(error)[:200]}")
    return hint.fill(record) if hint else record
