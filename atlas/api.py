"""The JSON API the map loads its features from; documented in `atlas.openapi`."""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, jsonify, request

from atlas import db, queries, queries_items
from atlas.filters import ITEM_PARAMETERS, VIEW_PARAMETERS, parse_items, parse_limit, parse_view
from atlas.openapi import document

bp = Blueprint("api", __name__, url_prefix="/api")

GEOJSON = "application/geo+json"


def geojson_response(body: str) -> Response:
    return Response(body, mimetype=GEOJSON)


@bp.get("/places")
def places():
    """Places with mentions in the view; `include=mentions` adds every excerpt (what the export gives)."""
    view = parse_view(request.args, VIEW_PARAMETERS | {"limit", "include"})
    limit = parse_limit(request.args.get("limit"), current_app.config["MAP_FEATURE_LIMIT"])
    include = request.args.get("include", "")
    if include not in ("", "mentions"):
        abort(400, description="'include' can only be 'mentions'")
    with db.engine().connect() as conn:
        if include == "mentions":
            return geojson_response(queries.places_with_mentions_geojson(conn, view, limit))
        return geojson_response(queries.places_geojson(conn, view, limit))


@bp.get("/places/<path:place_id>")
def place(place_id: str):
    """One place as a FeatureCollection of one Feature, with the mentions that pass the filters."""
    view = parse_view(request.args, VIEW_PARAMETERS - {"bbox"})
    with db.engine().connect() as conn:
        body = queries.places_with_mentions_geojson(conn, view, None, place_id=place_id)
    if body is None:
        abort(404, description=f"no mentions of place {place_id!r} match these filters")
    return geojson_response(body)


def _items(query) -> Response:
    view = parse_view(request.args, VIEW_PARAMETERS | ITEM_PARAMETERS | {"limit"})
    items = parse_items(request.args)
    limit = parse_limit(request.args.get("limit"), current_app.config["MAP_FEATURE_LIMIT"])
    with db.engine().connect() as conn:
        return geojson_response(query(conn, view, items, limit))


@bp.get("/events")
def events():
    """Events in the view, placed where they happened, each with its sources; type and actor filters."""
    return _items(queries_items.events_geojson)


@bp.get("/claims")
def claims():
    """Claims in the view, placed at the first place they are about, with contested links; stance and speaker."""
    return _items(queries_items.claims_geojson)


@bp.get("/articles/<int(max=2147483647):article_id>")
def article(article_id: int):
    with db.engine().connect() as conn:
        found = queries.article(conn, article_id)
    if found is None:
        abort(404, description=f"no article {article_id}")
    return jsonify(found)


@bp.get("/outlets")
def outlets():
    parse_view(request.args, ())
    with db.engine().connect() as conn:
        return jsonify({"outlets": queries.outlets(conn)})


@bp.get("/search")
def search():
    parse_view(request.args, {"q"})
    text = request.args.get("q", "").strip()
    if not text:
        abort(400, description="'q' is required")
    with db.engine().connect() as conn:
        return jsonify({"results": queries.search_places(conn, text)})


@bp.get("/openapi.json")
def openapi():
    return jsonify(document())
