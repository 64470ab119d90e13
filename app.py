"""Conflict Atlas web application: `flask --app app run`, `flask --app app ingest PATH...`."""

from __future__ import annotations

import os
import secrets
import tempfile
from pathlib import Path
from typing import Any

from flask import Flask

from atlas import web
from atlas.ingest.fetch import DEFAULT_USER_AGENT

ROOT = Path(__file__).resolve().parent
SETTINGS_PREFIX = "CONFLICT_ATLAS"


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    app.config.from_mapping(
        DATABASE_URL=f"sqlite:///{Path(app.instance_path) / 'atlas.sqlite'}",
        TILES_URL=None,  # an online tile URL template; None draws the offline basemap
        TILES_ATTRIBUTION="Map tiles from the configured tile server",
        BASEMAP_PATH=str(ROOT / "build" / "basemap.geojson"),
        NODE_MODULES=str(ROOT / "node_modules"),
        INGEST_MAX_BYTES=5_000_000,
        INGEST_TIME_BUDGET=900,  # seconds one article's analysis may take before it is reported as too slow
        JOB_WORKER="thread",  # run the form's queued jobs in a background thread; "manual": only when asked (tests)
        JOB_BACKEND="process",  # where a job's analysis runs: one worker process of its own, or "inline"
        FETCH_USER_AGENT=DEFAULT_USER_AGENT,
        FETCH_TIMEOUT=20,  # seconds for a whole answer
        FETCH_MAX_REDIRECTS=5,
        FETCH_PER_HOST=2,  # requests to one host at a time
        FETCH_RETRIES=2,  # further tries after a 429 or 503, waiting as asked (Retry-After) or 1 s, 2 s, ...
        FETCH_BACKOFF=1.0,
        FETCH_ALLOW_PRIVATE=False,  # may the form fetch loopback, private or link-local addresses? (the CLI may)
        MAP_FEATURE_LIMIT=5000,  # features per map request, most mentioned first
        WTF_CSRF_TIME_LIMIT=None,  # the token lives as long as the session; an analyst may keep the form open
        SESSION_COOKIE_SAMESITE="Lax",  # the form's session is not sent along by other sites' requests
    )
    if test_config is None:
        # Later sources win: instance/config.py, then CONFLICT_ATLAS_<SETTING> variables (see the README's table),
        # then DATABASE_URL, the unprefixed name that hosting platforms set.
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env(SETTINGS_PREFIX)
        if os.environ.get("DATABASE_URL"):
            app.config["DATABASE_URL"] = os.environ["DATABASE_URL"]
    else:
        app.config.from_mapping(test_config)
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    if app.config.get("MAX_CONTENT_LENGTH") is None:  # Flask's default is None: no limit
        app.config["MAX_CONTENT_LENGTH"] = app.config["INGEST_MAX_BYTES"] + 64_000  # room for the form fields
    if not app.config.get("SECRET_KEY"):
        app.config["SECRET_KEY"] = _instance_secret(app.instance_path)

    web.init_app(app)
    return app


def _instance_secret(instance_path: str) -> str:
    """A random key made once and kept in the instance folder, so sessions (and CSRF tokens) survive restarts.

    Several processes may start together on a fresh instance (gunicorn's workers, a CLI command beside the server):
    the key is written to a private temporary file and linked into place, which succeeds for exactly one of them, so
    every process reads the same, complete key, never a half-written or empty one."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        fd, temporary = tempfile.mkstemp(dir=instance_path, prefix=".secret_key.")  # created 0600
        try:
            with os.fdopen(fd, "w") as handle:
                handle.write(secrets.token_hex(32))
            os.link(temporary, path)  # atomic, and fails if another process linked its key first
        except FileExistsError:
            pass
        finally:
            os.unlink(temporary)
    key = path.read_text().strip()
    if not key:
        raise RuntimeError(f"{path} is empty; delete it to have a new key made")
    return key
