"""The map's layers that are not the store's records: the basemap's names for a view (`GET /api/labels`) and the
counts by area (`GET /api/counts`); documented in `atlas.web.openapi`."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Blueprint, abort, current_app, jsonify, request

from atlas.store import queries
from atlas.store.counts import COUNTED_LAYERS, counts_by_place
from atlas.web import db
from atlas.web.areas import AREA_LEVELS, areas, count_by_area
from atlas.web.basemap import label_index
from atlas.web.params import ITEM_PARAMETERS, VIEW_PARAMETERS, BadParameter, parse_bbox, parse_items, parse_view

bp = Blueprint("maplayers", __name__, url_prefix="/api")

MAX_LABELS = 300  # per view: far more than fit without overlapping on a large screen
MAX_ZOOM = 18
FIRST_LABELLED = ("country", "admin-1", "capital")  # kinds of stored place whose names are written first
_ZOOM = re.compile(r"[0-9]{1,2}")


def _one(name: str, default: str | None = None) -> str:
    """A parameter given once (or, when it has a default, not at all)."""
    values = request.args.getlist(name)
    if not values and default is not None:
        return default
    if len(values) != 1 or not values[0]:
        raise BadParameter(f"'{name}' is required, once" if default is None else f"'{name}' takes one value")
    return values[0]


@bp.get("/labels")
def labels():
    """The offline basemap's names in the view for a zoom, in the order the map places them (the first placed wins
    where two would overlap): the countries, units and capitals the store holds first, then by prominence."""
    parse_view(request.args, {"bbox", "z"})
    bbox = parse_bbox(_one("bbox"))
    raw = _one("z")
    if not _ZOOM.fullmatch(raw) or int(raw) > MAX_ZOOM:
        raise BadParameter(f"'z' must be a whole number from 0 to {MAX_ZOOM}")
    index = label_index(Path(current_app.config["BASEMAP_PATH"]))
    if index is None:
        abort(404, description="the offline basemap has not been built (flask --app app build-basemap)")
    first = queries.stored_place_ids(db.connection(), FIRST_LABELLED)
    found = index.in_view(bbox, int(raw), MAX_LABELS, first)
    return jsonify({"labels": [{"name": name, "kind": kind, "lon": lon, "lat": lat, "id": place_id,
                                "stored": place_id in first}
                               for name, kind, lon, lat, _zoom, place_id in found]})


@bp.get("/counts")
def counts():
    """Events, claims or mentions per country or first-level unit, with the map's filters, as a FeatureCollection
    of the areas holding any, and the classes of the legend."""
    view = parse_view(request.args, (VIEW_PARAMETERS - {"bbox"}) | ITEM_PARAMETERS | {"by", "layer"})
    by, layer = _one("by", "country"), _one("layer", "events")
    if by not in AREA_LEVELS:
        raise BadParameter(f"'by' must be one of {', '.join(AREA_LEVELS)}")
    if layer not in COUNTED_LAYERS:
        raise BadParameter(f"'layer' must be one of {', '.join(COUNTED_LAYERS)}")
    outlines = areas(Path(current_app.config["BASEMAP_PATH"]), by)
    if outlines is None:
        abort(404, description="the offline basemap has not been built (flask --app app build-basemap)")
    found = counts_by_place(db.connection(), layer, view, parse_items(request.args))
    result = count_by_area(found.places, found.unplaced, outlines, by)
    response = jsonify({"type": "FeatureCollection", "by": by, "layer": layer, "features": result.features,
                        "classes": result.classes, "counted": result.counted, "not_counted": result.not_counted})
    response.mimetype = "application/geo+json"
    return response
