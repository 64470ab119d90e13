"""Files found by a fault probe to crash a whole batch, kept as regression tests, and generated relatives of them.

The promise: whatever a file holds, it is reported by name with a reason, and the rest of the batch is stored.
"""

from __future__ import annotations

import codecs
import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from atlas.ingest.readers import NotArticle, Problem, collect_files, read_articles
from atlas.records import MAX_OUTLET, MAX_URL, ArticleRecord

STORY = "Protesters gathered in Yerevan on Tuesday while officials in Baku met envoys from Moscow."


def only(path: Path) -> ArticleRecord | Problem:
    (item,) = read_articles(path, 10_000_000)
    return item


def problem_of(tmp_path: Path, name: str, content: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(content)
    item = only(path)
    assert isinstance(item, Problem), item
    assert item.source.startswith(str(path))
    return item.reason


def test_json_nested_past_the_recursion_limit_is_reported(tmp_path):
    deep = b"[" * 200_000 + b"]" * 200_000
    assert problem_of(tmp_path, "deep.json", deep) == "unusable JSON: nested too deeply"
    (line_problem,) = read_articles(_write(tmp_path / "deep.jsonl", deep), 10_000_000)
    assert line_problem.source.endswith(":1") and "nested too deeply" in line_problem.reason


def test_json_integer_of_thousands_of_digits_is_reported(tmp_path):
    reason = problem_of(tmp_path, "number.json", b'{"text": "x", "n": ' + b"9" * 5000 + b"}")
    assert reason.startswith("unusable JSON") and "digits" in reason


@pytest.mark.parametrize("charset", ["rot13", "base64", "hex", "zlib"])
def test_html_declaring_a_codec_that_is_not_a_text_encoding_is_reported(tmp_path, charset):
    page = f'<html><head><meta charset="{charset}"></head><body><p>{STORY}</p></body></html>'.encode()
    assert problem_of(tmp_path, "page.html", page) == f"charset {codecs.lookup(charset).name!r} is not a text encoding"


def test_unknown_charset_is_still_named(tmp_path):
    page = f'<html><head><meta charset="klingon"></head><body><p>{STORY}</p></body></html>'.encode()
    assert problem_of(tmp_path, "page.html", page) == "unknown charset 'klingon'"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_read_not_called_binary(tmp_path, encoding):
    data = STORY.encode(encoding)
    if encoding == "utf-16-be":
        data = codecs.BOM_UTF16_BE + data
    item = only(_write(tmp_path / "story.txt", data))
    assert isinstance(item, ArticleRecord) and item.text == STORY


def test_utf16_html_with_its_mark_is_read(tmp_path):
    item = only(_write(tmp_path / "page.html", _article_page(STORY).encode("utf-16")))
    assert isinstance(item, ArticleRecord) and item.text == "\n\n".join(_story(STORY))


def test_nul_bytes_without_a_mark_are_still_binary(tmp_path):
    assert "binary file" in problem_of(tmp_path, "b.txt", STORY.encode("utf-16-le"))


def test_a_symlink_loop_is_named_as_such(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    broken = tmp_path / "broken.txt"
    os.symlink(tmp_path / "nowhere", broken)
    files, problems = collect_files([loop, broken, tmp_path / "missing.txt"])
    reasons = {Path(p.source).name: p.reason for p in problems}
    assert not files
    assert reasons["loop.txt"] == "cannot read: Too many levels of symbolic links"
    assert reasons["broken.txt"] == "broken symbolic link"
    assert reasons["missing.txt"] == "no such file or folder"


def test_outlet_and_url_lengths_are_enforced_on_every_path(tmp_path):
    long_outlet = json.dumps({"text": STORY, "outlet": "x" * (MAX_OUTLET + 1)}).encode()
    assert problem_of(tmp_path, "a.json", long_outlet) == f"field 'outlet' is longer than {MAX_OUTLET} characters"
    long_url = json.dumps({"text": STORY, "url": "https://e.org/" + "x" * MAX_URL}).encode()
    assert problem_of(tmp_path, "b.json", long_url) == f"field 'url' is longer than {MAX_URL} characters"
    page = (f'<html><head><meta property="og:site_name" content="{"x" * 300}">'
            f'<link rel="canonical" href="https://e.org/{"y" * 3000}"></head><body>{_paragraphs(STORY)}</body></html>')
    item = only(_write(tmp_path / "page.html", page.encode()))
    assert item.outlet == "unknown" and item.url is None  # page metadata that does not fit is dropped
    with pytest.raises(ValueError, match="outlet is longer"):
        ArticleRecord(text=STORY, title=None, outlet="x" * (MAX_OUTLET + 1), source="form")


def test_the_cli_reports_each_hostile_file_and_stores_the_rest(runner, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    _write(folder / "deep.json", b"[" * 100_000 + b"]" * 100_000)
    _write(folder / "number.jsonl", b'{"text": "Talks in Tbilisi.", "n": ' + b"1" * 5000 + b"}\n")
    _write(folder / "rot.html", b'<meta charset="rot13"><p>Baku</p>')
    _write(folder / "wide.txt", STORY.encode("utf-16"))
    _write(folder / "good.txt", b"Talks resumed in Tbilisi on Monday.")
    result = runner.invoke(args=["ingest", "--workers", "1", str(folder)])
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    for name in ("deep.json", "number.jsonl", "rot.html"):
        assert f"FAILED {folder / name}" in result.output
    assert "stored 2 article(s)" in result.output and "3 failed" in result.output


GENERATED = settings(max_examples=60, deadline=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])


@st.composite
def nested_json(draw) -> bytes:
    depth = draw(st.integers(1, 60_000))
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"a":', "}")]))
    return (opener * depth + draw(st.sampled_from(["1", '"x"', "null", "1" * 5000])) + closer * depth).encode()


HUGE_NUMBERS = st.builds(lambda digits, where: json.dumps({"text": STORY, where: 0}).replace(": 0", ": " + digits)
                         .encode(), st.text(alphabet="0123456789", min_size=4301, max_size=9000), st.sampled_from(
                             ["text", "n", "published"]))
CHARSETS = st.one_of(st.sampled_from(["rot13", "base64", "uu", "zlib", "bz2", "hex", "quopri", "utf-7", "idna",
                                      "punycode", "cp037", "utf-16", "latin-1", "x" * 60]),
                     st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-_", min_size=1, max_size=20))


@GENERATED
@given(data=st.one_of(nested_json(), HUGE_NUMBERS), suffix=st.sampled_from([".json", ".jsonl"]))
def test_generated_nested_and_huge_number_json_is_a_problem_or_an_article(tmp_path, data, suffix):
    _check_never_raises(tmp_path / f"input{suffix}", data)


@GENERATED
@given(charset=CHARSETS, body=st.text(max_size=200), mark=st.sampled_from([b"", codecs.BOM_UTF8]))
def test_generated_odd_charset_html_is_a_problem_or_an_article(tmp_path, charset, body, mark):
    page = f'<html><head><meta charset="{charset}"></head><body><p>{body}</p></body></html>'
    _check_never_raises(tmp_path / "page.html", mark + page.encode("utf-8", "surrogatepass"))


def _check_never_raises(path: Path, data: bytes) -> None:
    _write(path, data)
    items = list(read_articles(path, 10_000_000))
    assert items
    for item in items:
        assert isinstance(item, ArticleRecord | Problem | NotArticle)
        if isinstance(item, Problem | NotArticle):
            assert item.source.startswith(str(path)) and item.reason


def _story(story: str) -> list[str]:
    """Four paragraphs: enough running text to be an article (a line or two is a stub, not an article)."""
    return [f"{story} This is report {number} of the day." for number in range(1, 5)]


def _paragraphs(story: str) -> str:
    return "".join(f"<p>{paragraph}</p>" for paragraph in _story(story))


def _article_page(story: str) -> str:
    return f"<html><body><article>{_paragraphs(story)}</article></body></html>"


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path
