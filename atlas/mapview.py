"""The Folium map of the page: base layers and empty overlay groups that static/atlas-map.js fills from the API.

Folium writes the Leaflet set-up (map, layer groups, layer control); the page's own script only fetches and draws.
Every data layer (places, events, claims) is an overlay of the layer control, so a reader can switch it off.
Every asset URL points at this app, never at a CDN.
"""

from __future__ import annotations

from dataclasses import dataclass

import folium
from flask import url_for
from folium.plugins import MarkerCluster

from atlas.geojson import leaflet_latlng


@dataclass(frozen=True, slots=True)
class RenderedMap:
    header: str
    html: str
    script: str
    names: dict[str, str]  # role -> JavaScript variable that Folium gave the object


def _vendor(name: str) -> str:
    return url_for("vendor.asset", name=name)


def build_map(lon: float, lat: float, zoom: int, tiles_url: str | None, attribution: str) -> RenderedMap:
    fmap = folium.Map(location=leaflet_latlng(lon, lat), zoom_start=zoom, tiles=None, control_scale=True,
                      world_copy_jump=True, prefer_canvas=True, maxZoom=18, minZoom=2)
    fmap.default_js = [("leaflet", _vendor("leaflet/leaflet.js"))]
    fmap.default_css = [("leaflet_css", _vendor("leaflet/leaflet.css"))]
    if tiles_url:
        folium.TileLayer(tiles=tiles_url, attr=attribution, name="Tiles").add_to(fmap)
    basemap = folium.FeatureGroup(name="Countries (offline basemap)", show=not tiles_url).add_to(fmap)
    areas = folium.FeatureGroup(name="Areas: countries, regions").add_to(fmap)
    lines = folium.FeatureGroup(name="Corridors and routes").add_to(fmap)
    points = MarkerCluster(
        name="Places", options={"maxClusterRadius": 40, "showCoverageOnHover": False, "disableClusteringAtZoom": 10}
    )
    points.default_js = [("markerclusterjs", _vendor("markercluster/leaflet.markercluster.js"))]
    points.default_css = [
        ("markerclustercss", _vendor("markercluster/MarkerCluster.css")),
        ("markerclusterdefaultcss", _vendor("markercluster/MarkerCluster.Default.css")),
    ]
    points.add_to(fmap)
    events = folium.FeatureGroup(name="Events").add_to(fmap)
    claims = folium.FeatureGroup(name="Claims").add_to(fmap)
    folium.LayerControl(collapsed=False).add_to(fmap)
    root = fmap.get_root()
    root.render()
    return RenderedMap(
        header=root.header.render(),
        html=root.html.render(),
        script=root.script.render(),
        names={
            "map": fmap.get_name(),
            "basemap": basemap.get_name(),
            "areas": areas.get_name(),
            "lines": lines.get_name(),
            "points": points.get_name(),
            "events": events.get_name(),
            "claims": claims.get_name(),
        },
    )
