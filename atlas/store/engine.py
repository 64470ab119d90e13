"""The store's engine, built from a database URL.

SQLite gets WAL journaling and foreign keys on every connection: WAL lets the map keep reading while an ingest
writes, and SQLite leaves foreign keys off unless asked.
"""

from __future__ import annotations

import warnings

import sqlalchemy as sa

from atlas.store.schema import metadata

# How long a writer waits for another to finish on SQLite (one writer at a time): long enough for the largest
# article's transaction, so that two ingests queue up instead of failing. A batch's first check waits briefly only.
WRITE_WAIT_MS = 60_000
CHECK_WAIT_MS = 5_000


def make_engine(url: str) -> sa.Engine:
    """An engine with the store's tables created if they are missing."""
    engine = sa.create_engine(with_installed_driver(url))
    if engine.dialect.name == "sqlite":
        sa.event.listen(engine, "connect", _tune_sqlite)
    metadata.create_all(engine)
    return engine


def missing_columns(engine: sa.Engine) -> list[str]:
    """Columns ("table.column") the store's tables lack: a store made by an earlier version of the schema, which
    create_all leaves as it is (it adds missing tables, never columns), and which every query of a newer column would
    meet as a raw SQL error."""
    with warnings.catch_warnings():  # only names are compared; SQLAlchemy warns that it cannot read PostGIS's type
        warnings.filterwarnings("ignore", "Did not recognize type", sa.exc.SAWarning)
        inspector = sa.inspect(engine)
        missing = []
        for table in metadata.sorted_tables:
            present = {column["name"] for column in inspector.get_columns(table.name)}
            missing += [f"{table.name}.{column.name}" for column in table.columns if column.name not in present]
    return missing


def with_installed_driver(url: str) -> str:
    """`postgresql://` and `postgres://` (what people and hosting platforms write) mean the driver installed here,
    psycopg 3; SQLAlchemy would otherwise look for psycopg2. A URL naming its driver is kept as it is."""
    scheme, separator, rest = url.partition("://")
    if separator and scheme in ("postgres", "postgresql"):
        return f"postgresql+psycopg://{rest}"
    return url


def _tune_sqlite(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={WRITE_WAIT_MS}")
    cursor.close()


def reset(engine_: sa.Engine) -> None:
    """Drop and recreate every table: `make run` starts from a fresh store."""
    metadata.drop_all(engine_)
    metadata.create_all(engine_)
