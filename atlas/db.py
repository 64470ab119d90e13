"""One engine per application, built from `DATABASE_URL`.

SQLite gets WAL journaling and foreign keys on every connection: WAL lets the map keep reading while an ingest
writes, and SQLite leaves foreign keys off unless asked.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask, current_app

from atlas.schema import metadata


def make_engine(url: str) -> sa.Engine:
    engine = sa.create_engine(url)
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _tune_sqlite)
    return engine


def _tune_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def init_app(app: Flask) -> None:
    engine = make_engine(app.config["DATABASE_URL"])
    metadata.create_all(engine)
    app.extensions["atlas_engine"] = engine


def engine() -> sa.Engine:
    return current_app.extensions["atlas_engine"]


def reset(engine_: sa.Engine) -> None:
    """Drop and recreate every table: `make run` starts from a fresh store."""
    metadata.drop_all(engine_)
    metadata.create_all(engine_)
