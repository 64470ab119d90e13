"""The Folium map of the page: base layers and empty overlay groups that the map script (static/map/) fills.

Folium writes the Leaflet set-up (map, layer groups, layer control); the page's own script only fetches and draws.
Every data layer (places, events, claims) is an overlay of the layer control, so a reader can switch it off; each
is a marker cluster group, so a crowded area shows counts rather than a heap of icons.
Every asset URL points at this app, never at a CDN.
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
from flask import url_for
from folium.plugins import MarkerCluster


@dataclass(frozen=True, slots=True)
class RenderedMap:
    header: str
    html: str
    script: str
    names: dict[str, str]  # role -> JavaScript variable that Folium gave the object; static/map/folium.js reads them


# Events and claims gather into one badge per layer where they crowd (many claims about one country); a click spreads
# the badge out. Items stay clustered at every zoom, as many share one place exactly. The spread-out items sit on a
# circle around the badge (their icons are offset from the place's dot), so the legs to the place are not drawn.
ITEM_CLUSTERS = {"maxClusterRadius": 28, "showCoverageOnHover": False, "spiderfyDistanceMultiplier": 1.8,
                 "spiderLegPolylineOptions": {"opacity": 0, "weight": 0}}


def leaflet_latlng(lon: float, lat: float) -> list[float]:
    """Leaflet and folium take [lat, lon]; GeoJSON and the store use lon/lat. The swap happens here only."""
    return [lat, lon]


def _vendor(name: str) -> str:
    return url_for("vendor.asset", name=name)


def _cluster_group(name: str, options: dict) -> MarkerCluster:
    """A marker cluster group whose script and styles come from this app (Folium's defaults point at a CDN)."""
    group = MarkerCluster(name=name, options=options)
    group.default_js = [("markerclusterjs", _vendor("markercluster/leaflet.markercluster.js"))]
    group.default_css = [
        ("markerclustercss", _vendor("markercluster/MarkerCluster.css")),
        ("markerclusterdefaultcss", _vendor("markercluster/MarkerCluster.Default.css")),
    ]
    return group


# The first view fitted to the data keeps the items drawn beside a place's dot (static/map/styles.js) inside it, and
# stops at a regional zoom when the data is one town.
FIT = {"padding": (60, 60), "max_zoom": 8}


def build_map(lon: float, lat: float, zoom: int, tiles_url: str | None, attribution: str,
              fit: tuple[float, float, float, float] | None = None) -> RenderedMap:
    """The map at a centre and zoom, or fitted to `fit` (west, south, east, north) when given."""
    fmap = folium.Map(location=leaflet_latlng(lon, lat), zoom_start=zoom, tiles=None, control_scale=True,
                      world_copy_jump=True, prefer_canvas=True, maxZoom=18, minZoom=2)
    fmap.default_js = [("leaflet", _vendor("leaflet/leaflet.js"))]
    fmap.default_css = [("leaflet_css", _vendor("leaflet/leaflet.css"))]
    if tiles_url:
        folium.TileLayer(tiles=tiles_url, attr=attribution, name="Tiles").add_to(fmap)
    basemap = folium.FeatureGroup(name="Countries (offline basemap)", show=not tiles_url).add_to(fmap)
    counts = folium.FeatureGroup(name="Counts by area", show=False).add_to(fmap)  # static/map/choropleth.js
    areas = folium.FeatureGroup(name="Areas: countries, regions").add_to(fmap)
    lines = folium.FeatureGroup(name="Corridors and routes").add_to(fmap)
    points = _cluster_group("Places", {"maxClusterRadius": 40, "showCoverageOnHover": False,
                                       "disableClusteringAtZoom": 10}).add_to(fmap)
    events = _cluster_group("Events", ITEM_CLUSTERS).add_to(fmap)
    claims = _cluster_group("Claims", ITEM_CLUSTERS).add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    if fit is not None:
        west, south, east, north = fit
        fmap.fit_bounds([leaflet_latlng(west, south), leaflet_latlng(east, north)], **FIT)
    root = fmap.get_root()
    root.render()
    return RenderedMap(
        header=root.header.render(),
        html=root.html.render(),
        script=root.script.render(),
        names={
            "map": fmap.get_name(),
            "basemap": basemap.get_name(),
            "counts": counts.get_name(),
            "areas": areas.get_name(),
            "lines": lines.get_name(),
            "points": points.get_name(),
            "events": events.get_name(),
            "claims": claims.get_name(),
        },
    )
