"""The application's store: one engine per application, one connection per request.

Following Flask's tutorial, a view asks for `connection()` and the connection lives on `g` until the request (or
the CLI command's app context) ends, so no view opens and closes connections by hand.

A store made by an earlier version of the schema is not used: asking for it raises `OutdatedStore`, which the app
answers with a 503 and the CLI with an error, both saying how to rebuild it, instead of a raw SQL error later on.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask, current_app, g

from atlas.store.engine import make_engine, missing_columns, reset


class OutdatedStore(RuntimeError):
    """The store lacks columns this version reads; the message says what to do, and is shown as it is."""


def init_app(app: Flask) -> None:
    store = make_engine(app.config["DATABASE_URL"])
    app.extensions["atlas_engine"] = store
    app.extensions["atlas_outdated"] = _outdated_message(store)
    app.teardown_appcontext(_close_connection)


def _outdated_message(store: sa.Engine) -> str | None:
    missing = missing_columns(store)
    if not missing:
        return None
    return (f"the store ({store.url.render_as_string(hide_password=True)}) was made by an earlier version of Conflict "
            f"Atlas and lacks {', '.join(missing)}. Rebuild it with `flask --app app init-db`, which empties it, "
            "then ingest the articles again.")


def engine() -> sa.Engine:
    problem = current_app.extensions["atlas_outdated"]
    if problem:
        raise OutdatedStore(problem)
    return current_app.extensions["atlas_engine"]


def rebuild() -> None:
    """Drop and recreate every table (`init-db`): the one way out of an outdated store, hence no check first."""
    reset(current_app.extensions["atlas_engine"])
    current_app.extensions["atlas_outdated"] = None


def connection() -> sa.Connection:
    """The read connection of the current request, opened on first use."""
    if "atlas_connection" not in g:
        g.atlas_connection = engine().connect()
    return g.atlas_connection


def _close_connection(_error: BaseException | None = None) -> None:
    conn = g.pop("atlas_connection", None)
    if conn is not None:
        conn.close()
