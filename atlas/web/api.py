"""The JSON API the map loads its features from; documented in `atlas.web.openapi`."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, abort, current_app, jsonify, request

from atlas.store import queries
from atlas.store.items import claim_features, event_features
from atlas.store.timeline import timeline as count_timeline
from atlas.web import db
from atlas.web.export import feature_collection_json
from atlas.web.openapi import document
from atlas.web.params import ITEM_PARAMETERS, VIEW_PARAMETERS, parse_items, parse_limit, parse_view

bp = Blueprint("api", __name__, url_prefix="/api")

GEOJSON = "application/geo+json"


def geojson_response(features: list[dict[str, Any]]) -> Response:
    return Response(feature_collection_json(features), mimetype=GEOJSON)


@bp.get("/places")
def places():
    """Places with mentions in the view; `include=mentions` adds every excerpt (what the export gives)."""
    view = parse_view(request.args, VIEW_PARAMETERS | {"limit", "include"})
    limit = parse_limit(request.args.get("limit"), current_app.config["MAP_FEATURE_LIMIT"])
    include = request.args.get("include", "")
    if include not in ("", "mentions"):
        abort(400, description="'include' can only be 'mentions'")
    if include == "mentions":
        return geojson_response(queries.place_features_with_mentions(db.connection(), view, limit))
    return geojson_response(queries.place_features(db.connection(), view, limit))


@bp.get("/places/<path:place_id>")
def place(place_id: str):
    """One place as a FeatureCollection of one Feature, with the mentions that pass the filters."""
    view = parse_view(request.args, VIEW_PARAMETERS - {"bbox"})
    features = queries.place_features_with_mentions(db.connection(), view, None, place_id=place_id)
    if features is None:
        abort(404, description=f"no mentions of place {place_id!r} match these filters")
    return geojson_response(features)


def _items(query) -> Response:
    view = parse_view(request.args, VIEW_PARAMETERS | ITEM_PARAMETERS | {"limit"})
    items = parse_items(request.args)
    limit = parse_limit(request.args.get("limit"), current_app.config["MAP_FEATURE_LIMIT"])
    return geojson_response(query(db.connection(), view, items, limit))


@bp.get("/events")
def events():
    """Events in the view, placed where they happened, each with its sources; type and actor filters."""
    return _items(event_features)


@bp.get("/claims")
def claims():
    """Claims in the view, placed at the first place they are about, with contested links; stance and speaker."""
    return _items(claim_features)


@bp.get("/timeline")
def timeline():
    """How many events, claims and articles of the view fall on each day or week, with the filters of the layers."""
    view = parse_view(request.args, VIEW_PARAMETERS | ITEM_PARAMETERS)
    return jsonify(count_timeline(db.connection(), view, parse_items(request.args)))


@bp.get("/articles/<id:article_id>")
def article(article_id: int):
    found = queries.article(db.connection(), article_id)
    if found is None:
        abort(404, description=f"no article {article_id}")
    return jsonify(found)


@bp.get("/outlets")
def outlets():
    parse_view(request.args, ())
    return jsonify({"outlets": queries.outlets(db.connection())})


@bp.get("/search")
def search():
    parse_view(request.args, {"q"})
    text = request.args.get("q", "").strip()
    if not text:
        abort(400, description="'q' is required")
    return jsonify({"results": queries.search_places(db.connection(), text)})


@bp.get("/openapi.json")
def openapi():
    return jsonify(document())
