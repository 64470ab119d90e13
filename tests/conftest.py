"""Fixtures for the web app: `app`, `client`, `runner`, and a small store written through the real writer.

The sample store is built from hand-made Mention objects over short texts so that the store, API and export tests
know exactly what should come out; ingest tests run the real geoparser instead.

Every test that uses `app` runs on the embedded SQLite store and, when ATLAS_TEST_POSTGRES_URL names a PostgreSQL
database with PostGIS (`make test` starts one on loopback), once more on it, emptied before each test.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from app import create_app
from atlas.records import ArticleRecord, PlaceRecord
from atlas.store.engine import reset
from atlas.store.write import StoreWriter
from atlas.web import db
from geo.model import Mention
from text.excerpts import excerpts_of
from text.parse import parse

POSTGRES_URL = os.environ.get("ATLAS_TEST_POSTGRES_URL")
BACKENDS = ["sqlite", *(["postgresql"] if POSTGRES_URL else [])]


def pytest_report_header(config: pytest.Config) -> str:
    return f"store backends: {', '.join(BACKENDS)}" + ("" if POSTGRES_URL else
                                                       " (set ATLAS_TEST_POSTGRES_URL to add PostgreSQL/PostGIS)")


@pytest.fixture(params=BACKENDS)
def app(request: pytest.FixtureRequest, tmp_path: Path):
    basemap = tmp_path / "basemap.geojson"
    basemap.write_text('{"type":"FeatureCollection","features":[]}')
    url = POSTGRES_URL if request.param == "postgresql" else f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    application = create_app(
        {
            "TESTING": True,
            "DATABASE_URL": url,
            "BASEMAP_PATH": str(basemap),
            "INGEST_MAX_BYTES": 20_000,
            "JOB_WORKER": "manual",  # tests run the form's jobs when they choose (tests/test_app_upload.py)
            "JOB_BACKEND": "inline",
        }
    )
    engine = application.extensions["atlas_engine"]
    if request.param == "postgresql":
        reset(engine)
    yield application
    engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


# A town (point), a country-sized area drawn clockwise on purpose (the store must turn it), a corridor (line), and
# an island town east of the antimeridian.
TOWN = PlaceRecord("test:town", "Testville", "populated place", 40.0, 45.0,
                   {"type": "Point", "coordinates": [45.0, 40.0]})
AREA = PlaceRecord(
    "test:area", "Testland", "country", 40.5, 45.5,
    {"type": "Polygon", "coordinates": [[[44.0, 39.0], [44.0, 42.0], [47.0, 42.0], [47.0, 39.0], [44.0, 39.0]]]},
)
CORRIDOR = PlaceRecord(
    "test:corridor", "Test Corridor", "corridor", 39.6, 46.0,
    {"type": "LineString", "coordinates": [[45.5, 39.5], [46.0, 39.6], [46.5, 39.8]]},
    approximate=True, source="curated (approximate): a test line",
)
ISLAND = PlaceRecord("test:island", "Dateline Isle", "populated place", -17.0, 179.5,
                     {"type": "Point", "coordinates": [179.5, -17.0]})
PLACES = {p.id: p for p in (TOWN, AREA, CORRIDOR, ISLAND)}


def mention(text: str, surface: str, place: PlaceRecord, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(surface, start + 1)
    return Mention(start, start + len(surface), surface, place.id, place.name, place.kind, place.lat, place.lon,
                   0.9, "test fixture")


@dataclass(frozen=True)
class SampleStore:
    ids: dict[str, int]  # article key -> article id


ARTICLES = {
    "january": ArticleRecord(
        text="Talks in Testville.\n\nTroops moved along the Test Corridor near Testville. Testland protested.",
        title="January talks", outlet="Daily Example", source="sample", published=date(2023, 1, 10),
    ),
    "march": ArticleRecord(
        text="Testland reopened the Test Corridor on Monday.",
        title="March reopening", outlet="Weekly Sample", source="sample", published=date(2023, 3, 5),
    ),
    "undated": ArticleRecord(
        text="A storm hit Dateline Isle. Testville sent help.",
        title="Undated storm", outlet="Daily Example", source="sample",
    ),
    "hostile": ArticleRecord(
        text='<script>window.__pwned = 1</script> In Testville <img src=x onerror="window.__pwned=2"> '
        '<a href="javascript:window.__pwned=3">click</a>.',
        title="<b>Hostile</b> <script>window.__pwned=4</script>", outlet="<i>Evil Outlet</i>",
        source="sample", url="javascript:window.__pwned=5", published=date(2023, 2, 1),
    ),
}


def sample_mentions(key: str, text: str) -> list[Mention]:
    if key == "january":
        return [mention(text, "Testville", TOWN), mention(text, "Test Corridor", CORRIDOR),
                mention(text, "Testville", TOWN, 1), mention(text, "Testland", AREA)]
    if key == "march":
        return [mention(text, "Testland", AREA), mention(text, "Test Corridor", CORRIDOR)]
    if key == "undated":
        return [mention(text, "Dateline Isle", ISLAND), mention(text, "Testville", TOWN)]
    return [mention(text, "Testville", TOWN)]


def store_article(writer: StoreWriter, record: ArticleRecord, found: list[Mention], places=None, extraction=None):
    """Write an article as ingest does, with each mention's excerpt cut from a real parse of the text."""
    excerpts = excerpts_of(record.text, parse(record.text), ((m.start, m.end) for m in found))
    used = places if places is not None else {m.place_id: PLACES[m.place_id] for m in found}
    return writer.add_article(record, record.text, found, excerpts, used, extraction)


@pytest.fixture
def sample(app) -> SampleStore:
    writer = StoreWriter(app.extensions["atlas_engine"])
    ids = {}
    for key, record in ARTICLES.items():
        ids[key] = store_article(writer, record, sample_mentions(key, record.text)).article_id
    return SampleStore(ids)


@pytest.fixture
def engine(app):
    with app.app_context():
        yield db.engine()
