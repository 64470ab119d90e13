"""Wires the store, blueprints, error handling and commands into the application."""

from __future__ import annotations

from flask import Flask, jsonify, request
from flask_wtf.csrf import CSRFProtect
from werkzeug.exceptions import HTTPException

from atlas.web import api, cli, db, upload, vendor, views
from atlas.web.params import BadParameter

JSON_PREFIXES = ("/api/", "/export.")


def error_response(message: str, status: int):
    """The one JSON error shape of the app."""
    return jsonify({"ok": False, "error": message, "status": status}), status


def init_app(app: Flask) -> None:
    db.init_app(app)
    app.register_blueprint(vendor.bp)
    app.register_blueprint(api.bp)
    app.register_blueprint(views.bp)
    app.register_blueprint(upload.bp)
    CSRFProtect(app)
    cli.init_app(app)

    @app.errorhandler(BadParameter)
    def bad_parameter(error: BadParameter):
        return error_response(str(error), 400)

    @app.errorhandler(HTTPException)
    def http_error(error: HTTPException):
        if request.path.startswith(JSON_PREFIXES):
            return error_response(error.description or error.name, error.code or 500)
        return error
