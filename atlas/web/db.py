"""The application's store: one engine per application, one connection per request.

Following Flask's tutorial, a view asks for `connection()` and the connection lives on `g` until the request (or
the CLI command's app context) ends, so no view opens and closes connections by hand.
"""

from __future__ import annotations

import sqlalchemy as sa
from flask import Flask, current_app, g

from atlas.store.engine import make_engine


def init_app(app: Flask) -> None:
    app.extensions["atlas_engine"] = make_engine(app.config["DATABASE_URL"])
    app.teardown_appcontext(_close_connection)


def engine() -> sa.Engine:
    return current_app.extensions["atlas_engine"]


def connection() -> sa.Connection:
    """The read connection of the current request, opened on first use."""
    if "atlas_connection" not in g:
        g.atlas_connection = engine().connect()
    return g.atlas_connection


def _close_connection(_error: BaseException | None = None) -> None:
    conn = g.pop("atlas_connection", None)
    if conn is not None:
        conn.close()
