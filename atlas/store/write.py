"""The only module that writes to the store. Each article, with its mentions and the places they use, is one
transaction: a failure part-way leaves nothing behind, and the content hash makes a second ingest a no-op."""

from __future__ import annotations

import hashlib
import json
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from shapely.geometry import shape

from atlas.records import ArticleRecord, PlaceRecord
from atlas.store import geometry
from atlas.store.engine import CHECK_WAIT_MS, WRITE_WAIT_MS
from atlas.store.schema import articles, mentions, places
from atlas.store.spatial import footprint_value
from atlas.store.write_extract import store_extraction
from extract.model import Extraction
from gazetteer.normalize import normalize
from geo.model import Mention
from text.excerpts import Excerpt
from text.title import UNTITLED


@dataclass(frozen=True, slots=True)
class WriteResult:
    article_id: int
    created: bool  # False when the same content was already stored


def content_hash(text: str) -> str:
    """Same words, same hash: Unicode form, line endings and surrounding blank space do not make a new article."""
    normal = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n").strip()
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()


class StoreUnavailable(RuntimeError):
    """The store cannot take writes (read-only, locked by another writer, unreachable); the message says which."""


class StoreWriter:
    def __init__(self, engine: sa.Engine) -> None:
        self._engine = engine

    def check_writable(self) -> None:
        """Fail before a batch starts, with a message a user can act on, rather than once per article."""
        try:
            with self._engine.begin() as conn:
                if conn.dialect.name == "sqlite":
                    conn.exec_driver_sql(f"PRAGMA busy_timeout = {CHECK_WAIT_MS}")
                    try:
                        conn.exec_driver_sql("PRAGMA user_version = 0")  # a real write: needs the write lock
                    finally:
                        conn.exec_driver_sql(f"PRAGMA busy_timeout = {WRITE_WAIT_MS}")
                else:
                    conn.execute(sa.text("LOCK TABLE articles IN ROW EXCLUSIVE MODE NOWAIT"))
        except sa.exc.DBAPIError as error:
            reason = str(error.orig).lower()
            if "readonly" in reason or "read-only" in reason or "read only" in reason:
                message = "the store is read-only"
            elif "locked" in reason or "lock" in reason:
                message = "the store is locked by another writer; try again when it has finished"
            else:
                message = f"the store cannot be written: {error.orig}"
            raise StoreUnavailable(f"{message} ({self._engine.url.render_as_string(hide_password=True)})") from None

    def refresh_statistics(self) -> None:
        """Let the database re-plan queries after a batch (ANALYZE is the same statement on SQLite and PostgreSQL)."""
        with self._engine.begin() as conn:
            conn.exec_driver_sql("ANALYZE")

    def stored_id(self, text: str) -> int | None:
        """The id of an article with this content, so a repeated ingest can skip the costly parsing."""
        with self._engine.connect() as conn:
            return conn.execute(sa.select(articles.c.id).where(articles.c.content_hash == content_hash(text))).scalar()

    def stored_url_id(self, url: str) -> int | None:
        """The id of the article fetched from this (normalised) address, so it is not fetched again."""
        with self._engine.connect() as conn:
            return conn.execute(sa.select(articles.c.id).where(articles.c.fetched_url == url).limit(1)).scalar()

    def add_article(
        self,
        record: ArticleRecord,
        cleaned_text: str,
        found: Sequence[Mention],
        excerpts: Sequence[Excerpt],
        place_records: Mapping[str, PlaceRecord],
        extraction: Extraction | None = None,
    ) -> WriteResult:
        """Store one article with its mentions and the excerpt of each (and its events and claims, merged with
        stored ones); `place_records` is asked only for places the store lacks. Everything costly is done before:
        the transaction only writes, so it holds the store's write lock briefly."""
        if len(cleaned_text) != len(record.text):
            raise ValueError("cleaned text must keep the original's length so that offsets stay valid")
        if len(excerpts) != len(found):
            raise ValueError(f"{len(found)} mentions but {len(excerpts)} excerpts")
        for mention in found:
            _check_offsets(record.text, mention)
        digest = content_hash(record.text)
        used = {m.place_id for m in found} | (_extraction_places(extraction) if extraction is not None else set())
        new_places = self._place_rows(used, place_records)  # geometry work, before the write lock is taken
        with self._engine.begin() as conn:
            existing = conn.execute(sa.select(articles.c.id).where(articles.c.content_hash == digest)).scalar()
            if existing is not None:
                return WriteResult(existing, created=False)
            self._insert_places(conn, used, new_places, place_records)
            article_id = conn.execute(
                articles.insert().values(
                    content_hash=digest,
                    title=record.title or UNTITLED,
                    outlet=record.outlet,
                    url=record.url,
                    published=record.published,
                    published_inferred=record.published_inferred,
                    original_text=record.text,
                    cleaned_text=cleaned_text,
                    source=record.source,
                    author=record.author,
                    language=record.language,
                    fetched_url=record.fetched_url,
                    ingested_at=datetime.now(UTC),
                )
            ).inserted_primary_key[0]
            rows = []
            for mention, excerpt in zip(found, excerpts, strict=True):
                rows.append(
                    {
                        "article_id": article_id,
                        "place_id": mention.place_id,
                        "start": mention.start,
                        "end": mention.end,
                        "text": mention.text,
                        "score": mention.score,
                        "reason": mention.reason,
                        "demonym": mention.demonym,
                        "metonym": mention.metonym,
                        "excerpt": excerpt.text,
                        "excerpt_start": excerpt.start,
                    }
                )
            if rows:
                conn.execute(mentions.insert(), rows)
            if extraction is not None:
                store_extraction(conn, article_id, extraction,
                                 None if record.published_inferred else record.published)
        return WriteResult(article_id, created=True)

    def _place_rows(self, used: set[str], place_records: Mapping[str, PlaceRecord]) -> dict[str, dict[str, Any]]:
        """The rows of the places this article uses that the store lacks, built from their geometries."""
        with self._engine.connect() as conn:
            stored = set(conn.execute(sa.select(places.c.id).where(places.c.id.in_(used))).scalars())
        return {place_id: _place_row(place_records[place_id], self._engine.dialect.name)
                for place_id in sorted(used - stored)}

    def _insert_places(self, conn: sa.Connection, used: set[str], prepared: dict[str, dict[str, Any]],
                       place_records: Mapping[str, PlaceRecord]) -> None:
        """Insert the places still missing: those prepared, and any a concurrent writer removed meanwhile (none
        in practice: places are never deleted but by emptying the store)."""
        stored = set(conn.execute(sa.select(places.c.id).where(places.c.id.in_(used))).scalars())
        for place_id in sorted(used - stored):  # one statement each: the PostGIS footprint is an SQL expression
            conn.execute(places.insert().values(prepared.get(place_id)
                                                or _place_row(place_records[place_id], conn.dialect.name)))


def _place_row(place: PlaceRecord, dialect: str) -> dict[str, Any]:
    outline = shape(place.geometry)  # parsed once: a country outline is large
    geometry_json = json.dumps(geometry.rfc7946(outline), separators=(",", ":"))
    minx, miny, maxx, maxy = (float(v) for v in outline.bounds)
    return {
        "id": place.id, "name": place.name, "search_key": normalize(place.name), "kind": place.kind,
        "lat": place.lat, "lon": place.lon, "minx": minx, "miny": miny, "maxx": maxx, "maxy": maxy,
        "size_class": geometry.size_class(minx, miny, maxx, maxy), "approximate": place.approximate,
        "source": place.source, "licence": place.licence, "geometry": geometry_json,
        "display_geometry": json.dumps(geometry.display_copy(outline), separators=(",", ":")),
        "footprint": footprint_value(dialect, geometry_json),
    }


def _extraction_places(extraction: Extraction) -> set[str]:
    used = {e.place.place_id for e in extraction.events if e.place}
    return used | {p.place_id for c in extraction.claims for p in c.places}


def _check_offsets(text: str, mention: Mention) -> None:
    if not (0 <= mention.start < mention.end <= len(text)) or text[mention.start : mention.end] != mention.text:
        raise ValueError(f"mention {mention.text!r} at {mention.start}:{mention.end} does not match the article text")
