"""Files -> article records. Each problem names the file (and line or item) and says what is wrong with it.

Text must be UTF-8, or say what it is: a byte-order mark (UTF-16 and UTF-32 files carry one) or an HTML page's
declared charset. Guessing an encoding would store garbled text that then produces wrong places, which is worse than
a clear refusal. Whatever a parser raises on a hostile file (nesting deep enough to exhaust the recursion limit, an
integer of thousands of digits, a charset that is not a text encoding), the file is reported and the batch goes on.
"""

from __future__ import annotations

import codecs
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from atlas.ingest import htmltext
from atlas.records import MAX_OUTLET, MAX_URL, ArticleRecord
from text.title import shortened

SUPPORTED = (".txt", ".md", ".html", ".htm", ".json", ".jsonl")
UNKNOWN_OUTLET = "unknown"
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([A-Za-z0-9_\-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Problem:
    source: str
    reason: str


class _Unusable(Exception):
    """A file or record that cannot become an article; the message is the reason shown to the user."""


def collect_files(paths: Iterable[str | Path]) -> tuple[list[Path], list[Problem]]:
    """Expand folders recursively (supported types only, hidden entries skipped); report paths that cannot be read."""
    files: list[Path] = []
    problems: list[Problem] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                p for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in SUPPORTED
                and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        elif path.is_file():
            if path.suffix.lower() in SUPPORTED:
                files.append(path)
            else:
                problems.append(Problem(str(path), f"unsupported file type; expected one of {', '.join(SUPPORTED)}"))
        else:
            problems.append(Problem(str(path), _why_unreadable(path)))
    return files, problems


def _why_unreadable(path: Path) -> str:
    """A path that is neither a file nor a folder: missing, a broken or looping link, or one we may not open."""
    try:
        path.stat()
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as error:  # "Too many levels of symbolic links", "Permission denied", ...
        return f"cannot read: {error.strerror or error}"
    return "not a regular file or folder"


def read_articles(path: Path, max_bytes: int, label: str | None = None) -> Iterator[ArticleRecord | Problem]:
    """Yield the articles of one file, or a Problem for the file or for each bad record in it. `label` names the
    file in records and problems (default: its path), for input whose path means nothing to the user (an upload)."""
    source = label or str(path)
    try:
        data = _read_bytes(path, max_bytes)
        suffix = path.suffix.lower()
        if suffix in (".txt", ".md"):
            yield _plain_article(_decode(data), source)
        elif suffix in (".html", ".htm"):
            yield _html_article(data, source)
        elif suffix == ".json":
            yield from _json_articles(_decode(data), source)
        else:
            yield from _jsonl_articles(_decode(data), source)
    except _Unusable as problem:
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
        raise _Unusable(f"too large: {size} bytes (limit {max_bytes})")
    data = path.read_bytes()
    if not data.strip():
        raise _Unusable("empty file")
    if _marked_encoding(data) is None and b"\x00" in data[:65536]:
        raise _Unusable("binary file, not text (contains NUL bytes)")
    return data


# Longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
_BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF8, "utf-8-sig"),
                     (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _marked_encoding(data: bytes) -> str | None:
    return next((encoding for mark, encoding in _BYTE_ORDER_MARKS if data.startswith(mark)), None)


def _decode(data: bytes, declared: str | None = None) -> str:
    """A byte-order mark wins over a declared charset (as in browsers); neither means UTF-8."""
    encoding = _marked_encoding(data) or declared or "utf-8"
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise _Unusable(
            f"not valid {encoding} text: byte 0x{data[error.start]:02x} at offset {error.start} cannot be decoded"
        ) from None
    except LookupError:  # a codec that exists but does not decode text ("base64", "rot13")
        raise _Unusable(f"charset {declared!r} is not a text encoding") from None
    return text.removeprefix("\ufeff")


def _plain_article(text: str, source: str) -> ArticleRecord:
    if not text.strip():
        raise _Unusable("empty file")
    return ArticleRecord(text=text, title=None, outlet=UNKNOWN_OUTLET, source=source)


def _html_article(data: bytes, source: str) -> ArticleRecord:
    declared = _CHARSET.search(data[:4096])
    encoding = "utf-8"
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
        except LookupError:
            raise _Unusable(f"unknown charset {declared.group(1).decode('ascii', 'replace')!r}") from None
    page = htmltext.extract(_decode(data, encoding))
    if not page.text:
        raise _Unusable("no text found in the HTML page")
    return ArticleRecord(
        text=page.text,
        title=shortened(page.title) if page.title else None,
        outlet=_fitting(page.outlet, MAX_OUTLET) or UNKNOWN_OUTLET,  # page metadata is lenient: unusable is dropped
        source=source,
        url=_fitting(page.url, MAX_URL),
        published=_published(page.published, lenient=True),
    )


def _json_articles(text: str, source: str) -> Iterator[ArticleRecord | Problem]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise _Unusable(f"invalid JSON: {error.msg} at line {error.lineno} column {error.colno}") from None
    except (ValueError, RecursionError) as error:
        raise _Unusable(f"unusable JSON: {_json_limit(error)}") from None
    if isinstance(document, dict):
        yield _record_or_problem(document, source)
    elif isinstance(document, list):
        if not document:
            raise _Unusable("empty JSON list")
        for index, item in enumerate(document):
            yield _record_or_problem(item, f"{source}[{index}]")
    else:
        raise _Unusable("JSON must be an object with a 'text' field, or a list of such objects")


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
    except _Unusable as problem:
        return Problem(source, str(problem))


def _json_record(item: Any, source: str) -> ArticleRecord:
    if not isinstance(item, dict):
        raise _Unusable("expected a JSON object with a 'text' field")
    text = item.get("text")
    if not isinstance(text, str) or not text.strip():
        raise _Unusable("field 'text' is missing or empty")
    for name in ("title", "url", "outlet", "published"):
        if item.get(name) is not None and not isinstance(item[name], str):
            raise _Unusable(f"field '{name}' must be a string")
    for name, limit in (("outlet", MAX_OUTLET), ("url", MAX_URL)):
        if len(item.get(name) or "") > limit:
            raise _Unusable(f"field '{name}' is longer than {limit} characters")
    title = (item.get("title") or "").strip()
    return ArticleRecord(
        text=text,
        title=shortened(title) if title else None,
        outlet=(item.get("outlet") or "").strip() or UNKNOWN_OUTLET,
        source=source,
        url=item.get("url") or None,
        published=_published(item.get("published")),
    )


def _fitting(value: str | None, limit: int) -> str | None:
    return value if value and len(value) <= limit else None


def _published(raw: str | None, lenient: bool = False) -> date | None:
    """An ISO date or date-time; a page's unparseable meta tag is dropped, a JSON field's is an error."""
    if not raw:
        return None
    try:
        return datetime.fromisoformat(raw.strip().replace("Z", "+00:00")).date()
    except ValueError:
        if lenient:
            return None
        raise _Unusable(f"field 'published' must be an ISO date (YYYY-MM-DD), got {raw!r}") from None
