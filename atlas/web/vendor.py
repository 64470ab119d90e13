"""Serves the few browser libraries the map needs from the npm install, so the page works with no internet.

Only the listed files can be fetched: the URL picks a key of `FILES`, never a path on disk.
"""

from __future__ import annotations

from pathlib import Path

from flask import Blueprint, abort, current_app, send_file

bp = Blueprint("vendor", __name__, url_prefix="/vendor")

FILES = {
    "leaflet/leaflet.js": "leaflet/dist/leaflet.js",
    "leaflet/leaflet.css": "leaflet/dist/leaflet.css",
    "leaflet/images/layers.png": "leaflet/dist/images/layers.png",
    "leaflet/images/layers-2x.png": "leaflet/dist/images/layers-2x.png",
    "leaflet/images/marker-icon.png": "leaflet/dist/images/marker-icon.png",
    "leaflet/images/marker-icon-2x.png": "leaflet/dist/images/marker-icon-2x.png",
    "leaflet/images/marker-shadow.png": "leaflet/dist/images/marker-shadow.png",
    "markercluster/leaflet.markercluster.js": "leaflet.markercluster/dist/leaflet.markercluster.js",
    "markercluster/MarkerCluster.css": "leaflet.markercluster/dist/MarkerCluster.css",
    "markercluster/MarkerCluster.Default.css": "leaflet.markercluster/dist/MarkerCluster.Default.css",
    "uplot/uPlot.iife.min.js": "uplot/dist/uPlot.iife.min.js",
    "uplot/uPlot.min.css": "uplot/dist/uPlot.min.css",
}


@bp.get("/<path:name>")
def asset(name: str):
    relative = FILES.get(name)
    if relative is None:
        abort(404)
    path = Path(current_app.config["NODE_MODULES"]) / relative
    if not path.is_file():
        abort(404, description=f"{relative} is missing: run `npm install --ignore-scripts`")
    return send_file(path, max_age=86400)
