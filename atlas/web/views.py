"""Pages (the map, an article) and the downloads."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, current_app, render_template, request, send_file, url_for
from markupsafe import Markup

from atlas.store import queries
from atlas.store.items import contested_claims
from atlas.web import db, export
from atlas.web.mapview import build_map
from atlas.web.params import ITEM_PARAMETERS, VIEW_PARAMETERS, parse_items, parse_limit, parse_view
from extract.confidence import threshold
from extract.vocabulary import EventType, Stance

bp = Blueprint("views", __name__)

DEFAULT_CENTRE = (0.0, 20.0)  # lon, lat: the world, for an empty store; otherwise the first view fits the data
DEFAULT_ZOOM = 2
VIEW_ARGUMENTS = ("lat", "lon", "z")


def _number(name: str, default: float, low: float, high: float) -> float:
    """A shared link with a broken view parameter still opens the map, at the default view."""
    try:
        value = float(request.args.get(name, default))
    except ValueError:
        return default
    return value if math.isfinite(value) and low <= value <= high else default


@bp.get("/")
def map_page():
    lon = _number("lon", DEFAULT_CENTRE[0], -180, 180)
    lat = _number("lat", DEFAULT_CENTRE[1], -85, 85)
    zoom = int(_number("z", DEFAULT_ZOOM, 1, 18))
    # A link without a view opens on everything the store holds: every place's point, where its items are drawn.
    fit = None if any(name in request.args for name in VIEW_ARGUMENTS) else queries.extent(db.connection())
    rendered = build_map(lon, lat, zoom, current_app.config["TILES_URL"], current_app.config["TILES_ATTRIBUTION"],
                         fit)
    return render_template(
        "map.html",
        map_header=Markup(rendered.header),
        map_html=Markup(rendered.html),
        map_script=Markup(rendered.script),
        config=page_config(rendered.names),
        outlets=queries.outlets(db.connection()),
    )


def page_config(names: dict[str, str]) -> dict:
    """What the map's script (static/atlas-map.js) and the filter form know of the server, as #atlas-config.

    names: role -> the JavaScript variable Folium gave the map or a layer group (static/map/folium.js reads them).
    urls: every URL the script calls, from url_for. A URL naming one record is a template with `{id}` where the
      id goes (`urls.article` is "/articles/{id}"); the script puts the id in percent-encoded. The others take a
      query string.
    vocabulary: the event types and stances the filters offer (see `vocabulary`).
    basemap: whether the offline basemap has been built; limit: most features per layer; dates: the stored range.
    thresholds: per layer ("event", "claim"), the confidence from which the map shows an item without "Show uncertain"
      (extract.confidence.threshold, re-fitted with the calibration; never written down elsewhere).
    """
    first, last = queries.date_range(db.connection())
    return {
        "names": names,
        "urls": {
            "places": url_for("api.places"),
            "place": _url_with_id("api.place", "place_id"),
            "events": url_for("api.events"),
            "claims": url_for("api.claims"),
            "search": url_for("api.search"),
            "basemap": url_for("views.basemap"),
            "labels": url_for("maplayers.labels"),
            "counts": url_for("maplayers.counts"),
            "export_geojson": url_for("views.export_geojson"),
            "export_csv": url_for("views.export_csv"),
            "export_gpkg": url_for("views.export_gpkg"),
            "article": _url_with_id("views.article_page", "article_id"),
            "contested": _url_with_id("views.contested_page", "claim_id"),
            "timeline": url_for("api.timeline"),
            "chart_library": url_for("vendor.asset", name="uplot/uPlot.iife.min.js"),
        },
        "vocabulary": vocabulary(),
        "limit": current_app.config["MAP_FEATURE_LIMIT"],
        "basemap": Path(current_app.config["BASEMAP_PATH"]).is_file(),
        "dates": {"first": first, "last": last},
        "thresholds": {"event": threshold("event"), "claim": threshold("claim")},
    }


def _url_with_id(endpoint: str, argument: str) -> str:
    """The endpoint's URL with `{id}` as its last segment: url_for with the id 0, the 0 then swapped for `{id}`."""
    url = url_for(endpoint, **{argument: 0})
    if not url.endswith("/0"):
        raise ValueError(f"{endpoint}: the id is not the last segment of {url}")
    return url[:-1] + "{id}"


def vocabulary() -> dict[str, list]:
    """The event types and stances the map's filters offer, and its icons stand for; the one place that reads them.

    event_types: [{"type": "AGREE", "label": "agree"}, ...] in alphabetical order; stances: ["assert", ...] in the
    extractor's order. The script draws a value it has no symbol for with a generic one (static/map/symbols.js).
    """
    return {
        "event_types": [{"type": kind.value, "label": kind.value.lower()} for kind in sorted(EventType)],
        "stances": [stance.value for stance in Stance],
    }


@bp.get("/articles/<id:article_id>")
def article_page(article_id: int):
    found = queries.article(db.connection(), article_id)
    if found is None:
        abort(404)
    return render_template(
        "article.html", article=found, segments=_segments(found), safe_url=_web_url(found["url"]), zoom=8
    )


def _segments(article: dict) -> list[tuple[str, dict | None]]:
    """The text cut into plain runs and mentions; a mention overlapping the previous one stays plain text."""
    text = article["text"]
    segments: list[tuple[str, dict | None]] = []
    position = 0
    for mention in article["mentions"]:
        if mention["start"] < position:
            continue
        segments.append((text[position : mention["start"]], None))
        segments.append((text[mention["start"] : mention["end"]], mention))
        position = mention["end"]
    segments.append((text[position:], None))
    return segments


def _web_url(url: str | None) -> str | None:
    """Only http(s) addresses become links; anything else (javascript:, data:) is shown as text."""
    if url and urlsplit(url).scheme in ("http", "https"):
        return url
    return None


@bp.get("/contested/<id:claim_id>")
def contested_page(claim_id: int):
    """A claim beside every claim it is contested with, each with its sources: who says what, across outlets."""
    claims = contested_claims(db.connection(), claim_id)
    if claims is None:
        abort(404)
    return render_template("contested.html", claims=claims, threshold=threshold("claim"), zoom=8)


@bp.get("/basemap.geojson")
def basemap():
    path = Path(current_app.config["BASEMAP_PATH"])
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype="application/geo+json", max_age=86400)


def _download(write: Callable[..., str | bytes], mimetype: str, filename: str) -> Response:
    """An export with the map's own parameters, read by the API's parsers, so "export what I see" is the same
    filter."""
    view = parse_view(request.args, VIEW_PARAMETERS | ITEM_PARAMETERS | {"limit"})
    body = write(db.connection(), view, parse_limit(request.args.get("limit"), None), parse_items(request.args))
    return Response(body, mimetype=mimetype, headers={"Content-Disposition": f"attachment; filename={filename}"})


@bp.get("/export.geojson")
def export_geojson():
    return _download(export.export_geojson, "application/geo+json", "conflict-atlas.geojson")


@bp.get("/export.csv")
def export_csv():
    return _download(export.export_csv, "text/csv", "conflict-atlas-mentions.csv")


@bp.get("/export.gpkg")
def export_gpkg():
    return _download(export.export_gpkg, "application/geopackage+sqlite3", "conflict-atlas.gpkg")
