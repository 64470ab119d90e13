"""Ingest of every supported file type, every kind of broken file, and idempotence, through the real geoparser."""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from atlas.ingest.analysis import Analyser
from atlas.ingest.batch import ingest_paths
from atlas.ingest.parallel import InProcess
from atlas.ingest.readers import read_articles
from atlas.store.schema import articles, mentions, places
from atlas.store.write import StoreWriter

STORY = "Protesters gathered in Yerevan on Tuesday while officials in Baku met envoys from Moscow."
HTML_PAGE = """<!doctype html><html><head><title>Page title | Site</title>
<meta property="og:title" content="Envoys meet in Baku">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2023-05-02T08:00:00+00:00">
<link rel="canonical" href="https://example.org/envoys">
<script>var cities = ["Paris", "London"];</script></head>
<body><nav><a href="/">Home</a> <a href="/world">Tokyo bureau</a></nav>
<article><h1>Envoys meet in Baku</h1><p>Officials in <b>Baku</b> met envoys from Moscow on Monday to discuss the
release of prisoners and the reopening of the road to the border, a government spokesman said.</p>
<p>Talks continue in Yerevan&nbsp;next week, when the foreign ministers are expected to sign a joint statement on
the exchange of maps of the minefields and on the return of displaced families to their villages.</p></article>
<footer>Offices in Berlin</footer></body></html>"""


@pytest.fixture(scope="session")
def analyser() -> InProcess:
    return InProcess(Analyser())


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def read_one(path: Path):
    (item,) = read_articles(path, 100_000)
    return item


def test_plain_text_and_markdown(tmp_path):
    txt = read_one(write(tmp_path, "a.txt", f"\n\nYerevan protests\n\n{STORY}\n"))
    assert txt.text.startswith("\n\nYerevan protests") and txt.outlet == "unknown" and txt.published is None
    assert txt.title is None  # taken from the cleaned text at ingest
    md = read_one(write(tmp_path, "b.md", f"# Baku talks\n\n{STORY}"))
    assert md.text == f"# Baku talks\n\n{STORY}"


def test_html_main_text_and_metadata(tmp_path):
    record = read_one(write(tmp_path, "page.html", HTML_PAGE))
    paragraphs = record.text.split("\n\n")
    assert paragraphs[0] == "Envoys meet in Baku"
    assert paragraphs[1].startswith("Officials in Baku met envoys from Moscow on Monday")
    assert paragraphs[2].startswith("Talks continue in Yerevan next week, when")
    assert len(paragraphs) == 3  # navigation, scripts and footer left out
    assert "Tokyo" not in record.text and "Berlin" not in record.text and "Paris" not in record.text
    assert (record.title, record.outlet, record.url) == ("Envoys meet in Baku", "Example Times",
                                                         "https://example.org/envoys")
    assert record.published == date(2023, 5, 2)


def test_html_declared_charset_is_honoured(tmp_path):
    story = "Le caf\xe9 de la place centrale de Bakou a rouvert ses portes lundi apr\xe8s trois mois de travaux. "
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{story * 5}</p></body></html>'
    record = read_one(write(tmp_path, "latin.htm", page.encode("latin-1")))
    assert record.text == (story * 5).strip() and "café" in record.text


def test_json_object_list_and_jsonl(tmp_path):
    one = {"text": STORY, "title": "Protests", "url": "https://example.org/1", "outlet": "Wire",
           "published": "2023-04-01"}
    record = read_one(write(tmp_path, "one.json", json.dumps(one)))
    assert (record.title, record.outlet, record.published, record.url) == ("Protests", "Wire", date(2023, 4, 1),
                                                                           "https://example.org/1")
    many = list(read_articles(write(tmp_path, "many.json", json.dumps([{"text": "A"}, {"text": "B"}])), 10_000))
    assert [r.text for r in many] == ["A", "B"] and many[1].source.endswith("many.json[1]")
    lines = list(read_articles(write(tmp_path, "feed.jsonl", '{"text": "A"}\n\n{"text": "B"}\n'), 10_000))
    assert [r.text for r in lines] == ["A", "B"] and lines[1].source.endswith("feed.jsonl:3")


BROKEN = {
    "binary.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    "latin1.txt": ("Caf\xe9 in Baku".encode("latin-1"), "not valid utf-8 text: byte 0xe9 at offset 3"),
    "invalid.json": ('{"text": "Baku", }', "invalid JSON"),
    "empty.md": ("  \n\n ", "empty file"),
    "huge.txt": ("Baku " * 5000, "too large: 25000 bytes (limit 20000)"),
    "no_text.json": ('{"title": "only a title"}', "field 'text' is missing or empty"),
    "bad_date.json": (json.dumps({"text": "Baku", "published": "last Tuesday"}), "must be an ISO date"),
    "wrong_shape.json": ("[1, 2]", "expected a JSON object"),
    "empty_page.html": ("<html><body><script>x()</script></body></html>", "no text found"),
}


def test_broken_files_are_reported_and_the_rest_is_stored(app, analyser, tmp_path):
    folder = tmp_path / "batch"
    for name, (content, _reason) in BROKEN.items():
        write(folder, name, content)
    write(folder, "good.txt", STORY)
    write(folder, "mixed.jsonl", '{"text": "Talks in Tbilisi ended."}\n{not json}\n')
    write(folder, "nested/deeper/page.html", HTML_PAGE)
    write(folder, ".hidden/secret.txt", "Talks in Ankara.")
    write(folder, "notes.pdf", b"%PDF-1.4")
    engine = app.extensions["atlas_engine"]
    report = ingest_paths([folder, tmp_path / "missing", write(tmp_path, "x.docx", "?")], StoreWriter(engine),
                          analyser, app.config["INGEST_MAX_BYTES"], progress=False)
    reasons = {Path(re.split(r"[:\[]", p.source)[0]).name: p.reason for p in report.problems}
    for name, (_content, reason) in BROKEN.items():
        assert reason in reasons[name], (name, reasons.get(name))
    assert "invalid JSON" in reasons["mixed.jsonl"]
    assert reasons["missing"] == "no such file or folder"
    assert "unsupported file type" in reasons["x.docx"]
    assert len(report.problems) == len(BROKEN) + 4  # wrong_shape.json has two bad items
    assert not report.ok and report.stored == 3  # good.txt, the good jsonl line, the nested page
    with engine.connect() as conn:
        sources = {Path(s.split(":")[0]).name for s in conn.execute(sa.select(articles.c.source)).scalars()}
        titles = set(conn.execute(sa.select(articles.c.title)).scalars())
    assert sources == {"good.txt", "mixed.jsonl", "page.html"}
    assert "Envoys meet in Baku" in titles and "Talks in Tbilisi ended." in titles


def test_ingest_resolves_places_and_is_idempotent(app, analyser, tmp_path):
    folder = tmp_path / "articles"
    write(folder, "story.txt", STORY)
    write(folder, "same-again.md", STORY + "\n")
    engine = app.extensions["atlas_engine"]
    first = ingest_paths([folder], StoreWriter(engine), analyser, 100_000, progress=False)
    assert (first.stored, first.duplicates, first.ok) == (1, 1, True)
    with engine.connect() as conn:
        found = conn.execute(sa.select(mentions.c.text, places.c.name, places.c.kind).join(places)).all()
    assert {row.text for row in found} >= {"Yerevan", "Baku", "Moscow"}
    assert {row.name for row in found if row.text == "Yerevan"} == {"Yerevan"}
    second = ingest_paths([folder], StoreWriter(engine), analyser, 100_000, progress=False)
    assert (second.stored, second.duplicates) == (0, 2)
    with engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar() == 1
        assert conn.execute(sa.select(sa.func.count()).select_from(mentions)).scalar() == len(found)


def test_a_headline_feed_above_the_story_is_not_the_title(app, analyser, tmp_path):
    text = ("• 3 minutes Stocks fall in Tokyo\n  • 2 hours Oil rises\n\nEnvoys gather in Baku\n\n" + STORY)
    report = ingest_paths([write(tmp_path, "feed.txt", text)], StoreWriter(app.extensions["atlas_engine"]),
                          analyser, 100_000, progress=False)
    assert report.stored == 1
    with app.extensions["atlas_engine"].connect() as conn:
        assert conn.execute(sa.select(articles.c.title)).scalar() == "Envoys gather in Baku"


def test_cli_reports_failures_by_name_and_exit_code(runner, tmp_path):
    good = write(tmp_path, "good.txt", STORY)
    bad = write(tmp_path, "bad.json", "{")
    result = runner.invoke(args=["ingest", str(good), str(bad)])
    assert result.exit_code == 1
    assert f"FAILED {bad}: invalid JSON" in result.output
    assert "stored 1 article(s)" in result.output and "1 failed" in result.output
    again = runner.invoke(args=["ingest", str(good)])
    assert again.exit_code == 0 and "1 already stored; 0 failed" in again.output


def test_an_article_too_long_to_parse_whole_is_read_in_sections_with_events_claims_and_excerpts(analyser):
    from text.prepare import CHUNK_CHARS

    filler = "Markets were calm and traders waited for news from the central bank on Monday.\n\n"
    claim = "Armenia's foreign ministry accused Azerbaijan of blocking the Lachin corridor.\n\n"
    text = filler * (CHUNK_CHARS // len(filler) + 10) + claim + filler * 20
    (result,) = analyser.map([(text, date(2023, 1, 10))])
    assert len(text) > CHUNK_CHARS and len(result.mentions) == len(result.excerpts)
    lachin = next(m for m in result.mentions if m.text == "Lachin corridor")
    excerpt = result.excerpts[result.mentions.index(lachin)]
    assert excerpt.text == claim.strip() and text[excerpt.start:excerpt.start + len(excerpt.text)] == excerpt.text
    (accusation,) = [c for c in result.extraction.claims if c.stance == "accuse"]
    (source,) = accusation.sources
    assert source.start > CHUNK_CHARS and text[source.start:source.end] == claim.strip()
