"""Wires the store, blueprints, error handling and commands into the application."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Flask, Response, abort, jsonify, request
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import HTTPException, ServiceUnavailable
from werkzeug.routing import BaseConverter, ValidationError

from atlas.web import api, cli, db, feeds, maplayers, upload, vendor, views
from atlas.web.db import OutdatedStore
from atlas.web.params import BadParameter

JSON_PREFIXES = ("/api/", "/export.")
MAX_RECORD_ID = 2**31 - 1  # the largest id an INTEGER column holds on PostgreSQL
MAX_URL_LENGTH = 8000  # characters of path and query; below the request-line limits of gunicorn (8190) and werkzeug

# The pages load nothing from elsewhere: scripts, styles, images and data all come from this app (Folium's set-up
# script is inline, hence 'unsafe-inline' for scripts; article text is escaped on the server before it reaches a
# page). An online tile server, when configured, is the one other origin images may come from.
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}


def error_response(message: str, status: int):
    """The one JSON error shape of the app."""
    return jsonify({"ok": False, "error": message, "status": status}), status


def content_security_policy(tiles_url: str | None) -> str:
    images = "'self' data:" + (f" {_origin(tiles_url)}" if tiles_url else "")
    return ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            f"img-src {images}; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            "frame-ancestors 'none'")


def _origin(url_template: str) -> str:
    """The scheme and host of a tile URL template; a {s} subdomain placeholder becomes a wildcard."""
    parts = urlsplit(url_template.replace("{s}", "a"))
    host = parts.netloc.replace("a.", "*.", 1) if "{s}" in url_template else parts.netloc
    return f"{parts.scheme}://{host}"


class RecordId(BaseConverter):
    """A record id in a URL: ASCII digits that fit the store's integer column. (Werkzeug's int converter matches any
    Unicode digit, so /api/articles/١ was article 1.)"""

    regex = r"[0-9]{1,10}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_RECORD_ID:
            raise ValidationError
        return number

    def to_url(self, value: int) -> str:
        return str(int(value))


def init_app(app: Flask) -> None:
    app.url_map.converters["id"] = RecordId
    policy = content_security_policy(app.config.get("TILES_URL"))
    db.init_app(app)
    app.register_blueprint(vendor.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(maplayers.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(upload.bp)
    app.register_blueprint(feeds.bp)
    CSRFProtect(app)
    cli.init_app(app)
    upload.resume_jobs(app)

    @app.before_request
    def refuse_long_urls():
        if len(request.full_path) > MAX_URL_LENGTH:
            abort(414, description=f"the URL is longer than {MAX_URL_LENGTH} characters")

    @app.after_request
    def secure(response: Response) -> Response:
        response.headers.update(SECURITY_HEADERS)
        response.headers.setdefault("Content-Security-Policy", policy)
        return response

    @app.errorhandler(BadParameter)
    def bad_parameter(error: BadParameter):
        return error_response(str(error), 400)

    @app.errorhandler(OutdatedStore)
    def outdated_store(error: OutdatedStore):
        if request.path.startswith(JSON_PREFIXES):
            return error_response(str(error), 503)
        return ServiceUnavailable(str(error))

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if request.path.startswith(JSON_PREFIXES):
            return error_response(error.description or error.name, error.code or 500)
        return error
