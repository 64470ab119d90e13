"""Pages, feeds and web archives from a local server of outlets (tests/outlet_site.py): each address gives its
article's text and metadata, or a clear reason, and the rest of the batch goes on."""

from __future__ import annotations

import gzip
import io
import re
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from app import create_app
from atlas.ingest.analysis import Analyser
from atlas.ingest.batch import ingest_urls
from atlas.ingest.fetch import Fetcher, FetchPolicy
from atlas.ingest.outcomes import NotArticle, Problem
from atlas.ingest.parallel import InProcess
from atlas.ingest.readers import read_articles
from atlas.ingest.remote import read_pages
from atlas.records import ArticleRecord
from atlas.store.schema import articles, feeds
from atlas.store.write import StoreWriter
from atlas.web import upload
from tests.outlet_site import GAZETTE_PARAGRAPHS, HERALD_PARAGRAPHS, POST_PARAGRAPHS, OutletSite

HERALD = "/world/2024/03/12/border-talks-tbilisi"
POST = "/news/bakhmut-assault-repelled"
GAZETTE = "/kyiv/families-protest"
TEST_POLICY = FetchPolicy(timeout=1.0, max_bytes=50_000, backoff=0.01)


@pytest.fixture(scope="module")
def site():
    with OutletSite() as running:
        yield running


@pytest.fixture(scope="module")
def analyser() -> InProcess:
    return InProcess(Analyser())


def fetched(site: OutletSite, paths: list[str], policy: FetchPolicy = TEST_POLICY) -> dict[str, object]:
    found = list(read_pages([site.url(p) for p in paths], Fetcher(policy), lambda _url: None))
    return {item.source.removeprefix(site.base): item for item in found}


def test_each_page_gives_its_story_and_metadata_or_a_reason(site):
    paths = [HERALD, POST, GAZETTE, "/world/", "/premium/analysis", "/missing", "/short-link", "/loop", "/slow",
             "/huge", "/report.pdf", "/private/memo", "/busy/story"]
    items = fetched(site, paths)
    assert set(items) == set(paths)  # every address answered, in one batch

    herald = items[HERALD]
    assert isinstance(herald, ArticleRecord)
    assert (herald.title, herald.outlet, herald.author, herald.published, herald.published_inferred,
            herald.language) == ("Border talks resume in Tbilisi as shelling continues", "The Caspian Herald",
                                 "Anna Petrosyan", date(2024, 3, 12), False, "en-GB")
    assert herald.url == site.url(HERALD) and herald.fetched_url == site.url(HERALD)
    for paragraph in HERALD_PARAGRAPHS:
        assert paragraph in herald.text
    for noise in ("cookies", "Related stories", "Corridor reopens", "reader_1984", "Paris", "Share on", "Newsletter",
                  "Politics", "All rights reserved"):
        assert noise not in herald.text, noise

    post = items[POST]  # Open Graph and meta tags only
    assert (post.title, post.outlet, post.author, post.published, post.language) == (
        "Ukraine says assault near Bakhmut repelled", "Donbas Post", "Oleh Kovalenko", date(2023, 2, 14), "en")
    assert post.text == "\n\n".join(POST_PARAGRAPHS)  # no headline here: the sidebar and sign-up left out

    gazette = items[GAZETTE]  # no metadata: the date from the visible dateline, the outlet from the host
    assert gazette.text == "\n\n".join(GAZETTE_PARAGRAPHS)
    assert (gazette.published, gazette.published_inferred, gazette.author, gazette.language) == (
        date(2023, 2, 4), False, None, "uk")
    assert gazette.outlet == site.base.removeprefix("http://")

    assert isinstance(items["/world/"], NotArticle) and "not an article" in items["/world/"].reason
    assert isinstance(items["/premium/analysis"], NotArticle)
    reasons = {path: item.reason for path, item in items.items() if isinstance(item, Problem)}
    assert reasons == {
        "/missing": "HTTP 404 (not found)",
        "/loop": "too many redirects (more than 5)",
        "/slow": "timed out: no answer within 1 s",
        "/huge": "too large: more than 50000 bytes",
        "/report.pdf": "not a page this reads: the server says its content type is application/pdf "
                       "(expected application/xhtml+xml, text/html)",
        "/private/memo": f"robots.txt of {site.base.removeprefix('http://')} does not allow /private/memo",
    }
    chained = items["/short-link"]  # 301 -> 302 (absolute) -> 307: the story, credited to where it was asked
    assert chained.text == herald.text and chained.url == site.url(HERALD)
    assert chained.fetched_url == site.url("/short-link")
    busy = items["/busy/story"]  # 503 first, then the story
    assert isinstance(busy, ArticleRecord) and busy.title == post.title and site.hits["/busy/story"] >= 2


def test_a_busy_server_that_stays_busy_is_reported(site):
    never = FetchPolicy(timeout=1.0, retries=0)
    site.hits["/busy/story"] = 0
    (item,) = fetched(site, ["/busy/story"], never).values()
    assert item.reason == "the server is busy (HTTP 503) after 1 tries"


def test_private_addresses_are_refused_where_they_are_off(site):
    refused = FetchPolicy(timeout=1.0, allow_private=False)
    before = site.hits.get(HERALD, 0)
    (item,) = fetched(site, [HERALD], refused).values()
    assert item.reason == "refused: 127.0.0.1 is a loopback address, and fetching those is off here"
    assert site.hits.get(HERALD, 0) == before  # not even asked
    by_name = list(read_pages([f"http://localhost:{site.url('').split(':')[-1]}{HERALD}"], Fetcher(refused),
                              lambda _url: None))
    assert "is a loopback address" in by_name[0].reason and "(localhost)" in by_name[0].reason


def test_urls_are_stored_with_their_metadata_and_the_batch_goes_on(app, analyser, site):
    engine = app.extensions["atlas_engine"]
    urls = [site.url(p) for p in (HERALD, POST, "/missing", "/world/", GAZETTE, "/short-link")] + ["ftp://x.org/a"]
    report = ingest_urls(urls, Fetcher(TEST_POLICY), StoreWriter(engine), analyser)
    assert (report.stored, report.duplicates) == (3, 1)  # the short link's story is the herald's
    assert [p.reason for p in report.problems] == ["not an http(s) URL: 'ftp://x.org/a'", "HTTP 404 (not found)"]
    assert [n.source for n in report.not_articles] == [site.url("/world/")]
    with engine.connect() as conn:
        rows = {r.title: r for r in conn.execute(sa.select(articles))}
    herald = rows["Border talks resume in Tbilisi as shelling continues"]
    assert (herald.outlet, herald.author, herald.language, herald.published, herald.published_inferred) == (
        "The Caspian Herald", "Anna Petrosyan", "en-GB", date(2024, 3, 12), False)
    assert herald.source == herald.fetched_url == site.url(HERALD)
    again = ingest_urls([site.url(HERALD)], Fetcher(TEST_POLICY), StoreWriter(engine), analyser)
    assert (again.stored, again.duplicates, again.article_ids) == (0, 1, [herald.id])


def test_cli_ingests_urls_and_a_feed_once_and_explicit_values_win(runner, site):
    first = runner.invoke(args=["ingest", "--workers", "1", "--outlet", "Analyst's pick", site.url(POST),
                                site.url("/missing")])
    assert first.exit_code == 1 and f"FAILED {site.url('/missing')}: HTTP 404" in first.output
    assert "stored 1 article(s)" in first.output
    feed = runner.invoke(args=["ingest", "--workers", "1", "--feed", site.url("/feeds/rss.xml")])
    assert feed.exit_code == 0, feed.output
    assert "stored 2 article(s)" in feed.output and "1 already stored" in feed.output
    hits = dict(site.hits)
    again = runner.invoke(args=["ingest", "--workers", "1", "--feed", site.url("/feeds/rss.xml")])
    assert "stored 0 article(s)" in again.output and "3 already stored" in again.output
    assert all(site.hits[p] == hits[p] for p in (HERALD, POST, GAZETTE))  # stored addresses are not fetched again
    with runner.app.app_context():
        engine = runner.app.extensions["atlas_engine"]
        with engine.connect() as conn:
            outlets = dict(conn.execute(sa.select(articles.c.fetched_url, articles.c.outlet)).all())
    assert outlets[site.url(POST)] == "Analyst's pick"  # the user's value wins over og:site_name
    assert outlets[site.url(HERALD)] == "The Caspian Herald"


def test_followed_feeds_store_only_new_items_and_keep_their_last_poll(runner, client, site):
    site.with_new_item = False
    for url in (site.url("/feeds/rss.xml"), site.url("/feeds/atom.xml")):
        assert "following" in runner.invoke(args=["feeds", "add", url]).output
    assert "already following" in runner.invoke(args=["feeds", "add", site.url("/feeds/rss.xml")]).output
    first = runner.invoke(args=["feeds", "poll"])
    assert first.exit_code == 0, first.output
    assert "3 item(s): 3 new, 0 already stored, 0 not articles, 0 failed" in first.output
    assert "2 item(s): 0 new, 1 already stored, 1 not articles, 0 failed" in first.output  # Atom: a section front
    site.with_new_item = True
    second = runner.invoke(args=["feeds", "poll"])
    assert "4 item(s): 1 new, 3 already stored" in second.output
    with runner.app.app_context(), runner.app.extensions["atlas_engine"].connect() as conn:
        titles = conn.execute(sa.select(articles.c.title)).scalars().all()
        polled = conn.execute(sa.select(feeds.c.polled_at, feeds.c.ok, feeds.c.stored_total)).all()
    assert sorted(titles).count("Lachin corridor closed again") == 1 and len(titles) == 4
    assert [(row.ok, row.stored_total) for row in polled] == [(True, 4), (True, 0)]
    assert all(row.polled_at is not None for row in polled)
    listing = runner.invoke(args=["feeds", "list"]).output
    assert "Regional news" in listing and "1 new" in listing
    page = client.get("/feeds").get_data(as_text=True)
    assert "Regional news" in page and "4 item(s): 1 new" in page and 'data-ok="yes"' in page


def csrf_token(client) -> str:
    return re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', client.get("/add").get_data(as_text=True))[1]


def form_app(tmp_path: Path, allow_private: bool):
    return create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{tmp_path / 'form.sqlite'}",
                       "JOB_WORKER": "manual", "JOB_BACKEND": "inline", "FETCH_ALLOW_PRIVATE": allow_private,
                       "FETCH_TIMEOUT": 2})


def test_the_form_fetches_a_url_in_the_background_and_the_users_values_win(tmp_path, site):
    app = form_app(tmp_path, allow_private=True)
    client = app.test_client()
    before = site.hits.get(GAZETTE, 0)
    response = client.post("/add", data={"csrf_token": csrf_token(client), "url": site.url(GAZETTE),
                                         "outlet": "Kyiv Evening Gazette", "published": "2023-02-05"})
    assert response.status_code == 302 and site.hits.get(GAZETTE, 0) == before  # the request only queued it
    with app.app_context():
        assert upload.worker(app).run_pending() == 1
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Stored 1 article" in page
    with app.extensions["atlas_engine"].connect() as conn:
        row = conn.execute(sa.select(articles)).one()
    assert (row.outlet, row.published, row.published_inferred, row.title) == (
        "Kyiv Evening Gazette", date(2023, 2, 5), False, "Families of prisoners protest in Kyiv")


def test_the_form_refuses_a_url_that_resolves_to_a_private_address(tmp_path, site):
    app = form_app(tmp_path, allow_private=False)
    client = app.test_client()
    for url in (site.url(HERALD), site.url(HERALD).replace("127.0.0.1", "localhost")):
        response = client.post("/add", data={"csrf_token": csrf_token(client), "url": url})
        with app.app_context():
            upload.worker(app).run_pending()
        page = client.get(response.headers["Location"]).get_data(as_text=True)
        assert 'data-status="failed"' in page and "is a loopback address" in page
    with app.extensions["atlas_engine"].connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(articles)).scalar() == 0
    refused = client.post("/add", data={"csrf_token": csrf_token(client), "url": "file:///etc/passwd"})
    assert refused.status_code == 400


def write_warc(path: Path, site: OutletSite, pages: list[str]) -> None:
    """An archive as a crawler writes it: a request and a response per page, plus an image and a redirect."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for page in pages:
            url = site.url(page)
            body = site.routes()[page]().body
            writer.write_record(writer.create_warc_record(url, "request", payload=io.BytesIO(
                f"GET {page} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".encode())))
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                          http_headers=headers))
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(site.url("/img/talks.png"), "response",
                                                      payload=io.BytesIO(b"\x89PNG..."), http_headers=image))
        moved = StatusAndHeaders("301 Moved", [("Location", HERALD), ("Content-Type", "text/html")],
                                 protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(site.url("/short-link"), "response",
                                                      payload=io.BytesIO(b""), http_headers=moved))


def test_a_web_archive_ingests_like_the_same_pages_fetched(tmp_path, site):
    pages = [HERALD, POST, GAZETTE, "/world/"]
    archive = tmp_path / "crawl.warc.gz"
    write_warc(archive, site, pages)
    with gzip.open(archive) as unpacked:
        assert unpacked.read(4) == b"WARC"
    from_archive = {item.source.split(": ", 1)[1].removeprefix(site.base): item
                    for item in read_articles(archive, 50_000)}
    from_web = fetched(site, pages)
    assert set(from_archive) == set(pages)
    for page in (HERALD, POST, GAZETTE):
        a, b = from_archive[page], from_web[page]
        assert (a.text, a.title, a.outlet, a.url, a.published, a.author, a.language, a.fetched_url) == (
            b.text, b.title, b.outlet, b.url, b.published, b.author, b.language, b.fetched_url)
        assert a.source == f"{archive}: {site.url(page)}"
    assert isinstance(from_archive["/world/"], NotArticle)


def test_the_extractor_needs_no_network(tmp_path):
    """trafilatura and htmldate download nothing at import or while extracting."""
    script = f"""
import socket
def refuse(*args, **kwargs):
    raise AssertionError("network used")
socket.socket.connect = socket.create_connection = socket.getaddrinfo = refuse
import sys
sys.path.insert(0, {str(Path(__file__).resolve().parent.parent)!r})
from atlas.ingest.webpage import extract
from tests.outlet_site import herald_page
page = extract(herald_page("https://herald.example"), "https://herald.example/a")
print(page.site_name, page.published)
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "The Caspian Herald 2024-03-12"

