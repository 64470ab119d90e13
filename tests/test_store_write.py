"""The writer: one transaction per article, idempotent by content, geometry kept as RFC 7946."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa
from shapely.geometry import shape

from atlas.records import ArticleRecord
from atlas.store.schema import articles, mentions, places
from atlas.store.write import StoreWriter, content_hash
from geo.model import Mention
from tests.conftest import AREA, ARTICLES, PLACES, TOWN, mention, sample_mentions, store_article


def count(engine, table) -> int:
    with engine.connect() as conn:
        return conn.execute(sa.select(sa.func.count()).select_from(table)).scalar()


def test_article_mentions_and_places_are_stored_together(engine):
    record = ARTICLES["january"]
    result = store_article(StoreWriter(engine), record, sample_mentions("january", record.text), PLACES)
    assert result.created
    assert (count(engine, articles), count(engine, mentions), count(engine, places)) == (1, 4, 3)
    with engine.connect() as conn:
        row = conn.execute(sa.select(articles).where(articles.c.id == result.article_id)).one()
        stored = conn.execute(sa.select(mentions).order_by(mentions.c.start)).all()
    assert row.original_text == record.text and row.outlet == "Daily Example" and not row.published_inferred
    first = stored[0]
    assert record.text[first.start : first.end] == "Testville"
    assert first.excerpt == "Talks in Testville."
    assert record.text[first.excerpt_start : first.excerpt_start + len(first.excerpt)] == first.excerpt


def test_same_content_is_stored_once(engine):
    writer = StoreWriter(engine)
    record = ARTICLES["march"]
    first = store_article(writer, record, sample_mentions("march", record.text), PLACES)
    again = ArticleRecord(text="\r\n" + record.text.replace("\n", "\r\n") + "  \n", title="other title",
                          outlet="elsewhere", source="copy")
    second = store_article(writer, again, [], PLACES)
    assert not second.created and second.article_id == first.article_id
    assert count(engine, articles) == 1 and count(engine, mentions) == 2
    assert writer.stored_id(record.text) == first.article_id


def test_failure_part_way_leaves_nothing(engine):
    record = ARTICLES["january"]
    good = mention(record.text, "Testville", TOWN)
    wrong = Mention(0, 5, "Nope!", AREA.id, AREA.name, AREA.kind, AREA.lat, AREA.lon, 0.5, "bad offsets")
    with pytest.raises(ValueError, match="does not match the article text"):
        store_article(StoreWriter(engine), record, [good, wrong], PLACES)
    assert (count(engine, articles), count(engine, mentions), count(engine, places)) == (0, 0, 0)


def test_cleaned_text_must_keep_offsets(engine):
    record = ARTICLES["march"]
    with pytest.raises(ValueError, match="length"):
        StoreWriter(engine).add_article(record, record.text.strip() + "!", [], [], PLACES)


def test_polygons_are_stored_counter_clockwise_with_bbox(engine):
    record = ARTICLES["march"]
    store_article(StoreWriter(engine), record, sample_mentions("march", record.text), PLACES)
    with engine.connect() as conn:
        row = conn.execute(sa.select(places).where(places.c.id == AREA.id)).one()
    polygon = shape(json.loads(row.geometry))
    assert polygon.exterior.is_ccw
    assert (row.minx, row.miny, row.maxx, row.maxy) == (44.0, 39.0, 47.0, 42.0)
    assert row.search_key == "testland"


def test_content_hash_ignores_line_endings_and_outer_space_only():
    assert content_hash("a\r\nb ") == content_hash("a\nb")
    assert content_hash("a b") != content_hash("a  b")
