"""The fetch policy of this app's settings (FETCH_*): one place, so the CLI and the form fetch alike, except that
what a browser can trigger never reaches a private address unless FETCH_ALLOW_PRIVATE says so."""

from __future__ import annotations

from flask import Flask

from atlas.ingest.fetch import FetchPolicy


def policy(app: Flask, from_browser: bool) -> FetchPolicy:
    config = app.config
    return FetchPolicy(
        user_agent=config["FETCH_USER_AGENT"],
        timeout=float(config["FETCH_TIMEOUT"]),
        max_bytes=int(config["INGEST_MAX_BYTES"]),
        max_redirects=int(config["FETCH_MAX_REDIRECTS"]),
        per_host=int(config["FETCH_PER_HOST"]),
        retries=int(config["FETCH_RETRIES"]),
        backoff=float(config["FETCH_BACKOFF"]),
        allow_private=bool(config["FETCH_ALLOW_PRIVATE"]) or not from_browser,
    )
