"""Files -> article records. Each problem names the file (and line or item) and says what is wrong with it.

Text must be UTF-8, or say what it is (a byte-order mark, an HTML page's declared charset: atlas.ingest.pages).
Whatever a parser raises on a hostile file (nesting deep enough to exhaust the recursion limit, an integer of
thousands of digits, a charset that is not a text encoding), the file is reported and the batch goes on. HTML pages,
saved or inside a web archive (WARC), go through the one page extractor of atlas.ingest.pages.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any

from atlas.ingest import warc
from atlas.ingest.outcomes import NotArticle, Problem, Unusable
from atlas.ingest.pages import UNKNOWN_OUTLET, decode, html_record, marked_encoding
from atlas.ingest.webpage import NotAnArticle
from atlas.records import MAX_AUTHOR, MAX_OUTLET, MAX_URL, ArticleRecord
from text.title import shortened

SUPPORTED = (".txt", ".md", ".html", ".htm", ".json", ".jsonl", ".warc", ".warc.gz")
__all__ = ["SUPPORTED", "UNKNOWN_OUTLET", "NotArticle", "Problem", "collect_files", "read_articles"]


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders recursively (supported types only, hidden entries skipped); report paths that cannot be read."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and _supported(p)
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            if _supported(path):
                files.append(path)
            else:
                problems.append(Problem(str(path), f"unsupported file type; expected one of {', '.join(SUPPORTED)}"))
        else:
            problems.append(Problem(str(path), _why_unreadable(path)))
    return files, problems


def _supported(path: Path) -> bool:
    return path.name.lower().endswith(SUPPORTED)


def _why_unreadable(path: Path) -> str:
    """A path that is neither a file nor a folder: missing, a broken or looping link, or one we may not open."""
    try:
        path.stat()
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as error:  # "Too many levels of symbolic links", "Permission denied", ...
        return f"cannot read: {error.strerror or error}"
    return "not a regular file or folder"


def read_articles(path: Path, max_bytes: int,
                  label: str | None = None) -> Iterator[ArticleRecord | Problem | NotArticle]:
    """Yield the articles of one file, or a Problem for the file or for each bad record in it. `label` names the
    file in records and problems (default: its path), for input whose path means nothing to the user (an upload).
    `max_bytes` bounds a file, or each page of a web archive."""
    source = label or str(path)
    try:
        if path.name.lower().endswith((".warc", ".warc.gz")):
            yield from warc.read_warc(path, max_bytes, source)
            return
        data = _read_bytes(path, max_bytes)
        suffix = path.suffix.lower()
        if suffix in (".txt", ".md"):
            yield _plain_article(decode(data), source)
        elif suffix in (".html", ".htm"):
            yield html_record(data, source)
        elif suffix == ".json":
            yield from _json_articles(decode(data), source)
        else:
            yield from _jsonl_articles(decode(data), source)
    except NotAnArticle as verdict:
        yield NotArticle(source, str(verdict))
    except Unusable as problem:
        yield Problem(source, str(problem))
    except OSError as error:
        yield Problem(source, f"cannot read: {error.strerror or error}")
    except Exception as error:  # a parser's failure on a hostile file is that file's problem, never the batch's
        yield Problem(source, f"cannot be read: {type(error).__name__}: {_shorten(str(error))}")


def _shorten(message: str, limit: int = 200) -> str:
    return message if len(message) <= limit else message[:limit] + "…"


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise Unusable(f"too large: {size} bytes (limit {max_bytes})")
    data = path.read_bytes()
    if not data.strip():
        raise Unusable("empty file")
    if marked_encoding(data) is None and b"\x00" in data[:65536]:
        raise Unusable("binary file, not text (contains NUL bytes)")
    return data


def _plain_article(text: str, source: str) -> ArticleRecord:
    if not text.strip():
        raise Unusable("empty file")
    return ArticleRecord(text=text, title=None, outlet=UNKNOWN_OUTLET, source=source)


def _json_articles(text: str, source: str) -> Iterator[ArticleRecord | Problem]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise Unusable(f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    except (ValueError, RecursionError) as error:
        raise Unusable(f"unusable JSON: {_json_limit(error)}") from None
    if isinstance(document, dict):
        yield _record_or_problem(document, source)
    elif isinstance(document, list):
        if not document:
            raise Unusable("empty JSON list")
        for index, item in enumerate(document):
            yield _record_or_problem(item, f"{source}[{index}]")
    else:
        raise Unusable("JSON must be an object with a 'text' field, or a list of such objects")


def _jsonl_articles(text: str, source: str) -> Iterator[ArticleRecord | Problem]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{source}:{number}"
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            yield Problem(where, f"invalid JSON: {error.msg} at column {error.colno}")
            continue
        except (ValueError, RecursionError) as error:
            yield Problem(where, f"unusable JSON: {_json_limit(error)}")
            continue
        yield _record_or_problem(item, where)


def _json_limit(error: ValueError | RecursionError) -> str:
    """What a well-formed but hostile document ran into: nesting deeper than Python recurses, or a huge number."""
    if isinstance(error, RecursionError):
        return "nested too deeply"
    return _shorten(str(error))


def _record_or_problem(item: Any, source: str) -> ArticleRecord | Problem:
    try:
        return _json_record(item, source)
    except Unusable as problem:
        return Problem(source, str(problem))


def _json_record(item: Any, source: str) -> ArticleRecord:
    if not isinstance(item, dict):
        raise Unusable("expected a JSON object with a 'text' field")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise Unusable("field 'text' is missing or empty")
    for name in ("title", "url", "outlet", "published", "author"):
        if item.get(name) is not None and not isinstance(item[name], str):
            raise Unusable(f"field '{name}' must be a string")
    for name, limit in (("outlet", MAX_OUTLET), ("url", MAX_URL), ("author", MAX_AUTHOR)):
        if len(item.get(name) or "") > limit:
            raise Unusable(f"field '{name}' is longer than {limit} characters")
    title = (item.get("title") or "").strip()
    return ArticleRecord(
        text=text,
        title=shortened(title) if title else None,
        outlet=(item.get("outlet") or "").strip() or UNKNOWN_OUTLET,
        source=source,
        url=item.get("url") or None,
        published=_published(item.get("published")),
        author=(item.get("author") or "").strip() or None,
    )


def _published(raw: str | None) -> date | None:
    """An ISO date or date-time."""
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date()
    except ValueError:
        raise Unusable(f"field 'published' must be an ISO date (YYYY-MM-DD), got {raw!r}") from None
