"""Pages (the map, an article) and the downloads."""

from __future__ import annotations

import math
from pathlib import Path
from urllib.parse import urlsplit

from flask import Blueprint, Response, abort, current_app, render_template, request, send_file
from markupsafe import Markup

from atlas import db, export, queries
from atlas.filters import (
    EVENT_TYPES,
    ITEM_PARAMETERS,
    VIEW_PARAMETERS,
    ItemFilter,
    ViewFilter,
    parse_items,
    parse_limit,
    parse_view,
)
from atlas.mapview import build_map
from extract.vocabulary import Stance

bp = Blueprint("views", __name__)

DEFAULT_CENTRE = (45.0, 40.0)  # lon, lat: the South Caucasus, where the demo articles are
DEFAULT_ZOOM = 5


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
    rendered = build_map(lon, lat, zoom, current_app.config["TILES_URL"], current_app.config["TILES_ATTRIBUTION"])
    with db.engine().connect() as conn:
        outlets = queries.outlets(conn)
        first, last = queries.date_range(conn)
    config = {
        "names": rendered.names,
        "limit": current_app.config["MAP_FEATURE_LIMIT"],
        "basemap": Path(current_app.config["BASEMAP_PATH"]).is_file(),
        "dates": {"first": first, "last": last},
    }
    return render_template(
        "map.html",
        map_header=Markup(rendered.header),
        map_html=Markup(rendered.html),
        map_script=Markup(rendered.script),
        config=config,
        outlets=outlets,
        event_types=sorted(EVENT_TYPES),
        stances=[stance.value for stance in Stance],
    )


@bp.get("/articles/<int(max=2147483647):article_id>")
def article_page(article_id: int):
    with db.engine().connect() as conn:
        found = queries.article(conn, article_id)
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


@bp.get("/basemap.geojson")
def basemap():
    path = Path(current_app.config["BASEMAP_PATH"])
    if not path.is_file():
        abort(404)
    return send_file(path, mimetype="application/geo+json", max_age=86400)


def _export_filters() -> tuple[ViewFilter, int | None, ItemFilter]:
    """The map's own parameters, read by the API's parsers, so "export what I see" is the same filter."""
    view = parse_view(request.args, VIEW_PARAMETERS | ITEM_PARAMETERS | {"limit"})
    return view, parse_limit(request.args.get("limit"), None), parse_items(request.args)


@bp.get("/export.geojson")
def export_geojson():
    view, limit, items = _export_filters()
    with db.engine().connect() as conn:
        body = export.export_geojson(conn, view, limit, items)
    return Response(body, mimetype="application/geo+json",
                    headers={"Content-Disposition": "attachment; filename=conflict-atlas.geojson"})


@bp.get("/export.csv")
def export_csv():
    view, limit, items = _export_filters()
    with db.engine().connect() as conn:
        body = export.export_csv(conn, view, limit, items)
    return Response(body, mimetype="text/csv",
                    headers={"Content-Disposition": "attachment; filename=conflict-atlas-mentions.csv"})
