"""The exports: CSV with one row per mention and one per source of an event or claim, GeoJSON with places, events
and claims in one FeatureCollection (each feature says its `properties.layer`), and the same features as a
GeoPackage with one layer each."""

from __future__ import annotations

import csv
import io
import json
import tempfile
from pathlib import Path
from typing import Any

import geopandas
import pyogrio
import sqlalchemy as sa
from shapely.geometry import shape

from atlas.store import queries
from atlas.store.filters import ALL_ITEMS, ItemFilter, ViewFilter
from atlas.store.geometry import GeoJSONText
from atlas.store.items import claim_features, event_features
from atlas.store.queries import MentionRow

CSV_COLUMNS = (
    "layer", "article_id", "title", "outlet", "published", "published_inferred", "url", "place_id", "place_name",
    "kind", "lat", "lon", "start", "end", "text", "excerpt", "item_id", "type", "label", "date", "date_precision",
    "actors", "geo_precision", "speaker", "verb", "stance", "quote", "contested_with", "confidence", "reasons",
)


def mentions_csv(rows: list[MentionRow], item_features: list[dict[str, Any]]) -> str:
    """`item_features`: event and claim features (as the API gives them); each of their sources becomes a row."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow([_cell("place" if column == "layer" else getattr(row, column, None)) for column in CSV_COLUMNS])
    for feature in item_features:
        for values in _item_rows(feature):
            writer.writerow([_cell(values.get(column)) for column in CSV_COLUMNS])
    return buffer.getvalue()


def _item_rows(feature: dict[str, Any]) -> list[dict[str, Any]]:
    properties = feature["properties"]
    coordinates = (feature.get("geometry") or {}).get("coordinates") or [None, None]
    common = {
        "layer": properties["layer"], "item_id": properties["id"], "lon": coordinates[0], "lat": coordinates[1],
        "place_id": properties.get("place_id") or ";".join(properties.get("place_ids", [])),
        "place_name": properties.get("place_name"), "type": properties.get("type"), "label": properties.get("label"),
        "date": properties.get("date"), "date_precision": properties.get("date_precision"),
        "actors": "; ".join(a["name"] for a in properties.get("actors", [])),
        "geo_precision": properties.get("geo_precision"), "speaker": properties.get("speaker"),
        "verb": properties.get("verb"), "stance": properties.get("stance"), "text": properties.get("text"),
        "quote": properties.get("quote"),
        "contested_with": ";".join(str(i) for i in properties.get("contested_with", [])),
        "confidence": properties["confidence"], "reasons": ";".join(r["code"] for r in properties["reasons"]),
    }
    return [{**common, **{k: source[k] for k in ("article_id", "title", "outlet", "published", "published_inferred",
                                                  "url", "start", "end", "excerpt")}}
            for source in properties["sources"]]


def feature_collection_json(features: list[dict[str, Any]]) -> str:
    """The one GeoJSON serialisation of the app (API and exports): compact, UTF-8 text kept as written; a stored
    geometry (GeoJSONText) goes in as it is."""
    return '{"type":"FeatureCollection","features":[' + ",".join(_feature_json(f) for f in features) + "]}"


def _feature_json(feature: dict[str, Any]) -> str:
    geometry = feature["geometry"]
    if not isinstance(geometry, GeoJSONText):
        return _dumps(feature)
    return (f'{{"type":"Feature","id":{_dumps(feature["id"])},"geometry":{geometry},'
            f'"properties":{_dumps(feature["properties"])}}}')


def _dumps(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _cell(value: object) -> object:
    """Spreadsheets run cells that start with = + - @ as formulas; a leading apostrophe keeps article text inert."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return "" if value is None else value


def export_geojson(conn: sa.Connection, view: ViewFilter, limit: int | None, items: ItemFilter = ALL_ITEMS) -> str:
    """What the map shows with these filters: places (limited, most mentioned first), events and claims.

    The item filters narrow only the events and claims, as on the map, whose places layer ignores them."""
    return feature_collection_json([*queries.place_features_with_mentions(conn, view, limit),
                                    *event_features(conn, view, items, None),
                                    *claim_features(conn, view, items, None)])


def export_csv(conn: sa.Connection, view: ViewFilter, limit: int | None, items: ItemFilter = ALL_ITEMS) -> str:
    place_ids = queries.top_place_ids(conn, view, limit) if limit else None
    features = [*event_features(conn, view, items, None), *claim_features(conn, view, items, None)]
    return mentions_csv(queries.mention_rows(conn, view, place_ids), features)


GPKG_LAYERS = ("place", "event", "claim")  # layer names in the file: places, events, claims


def export_gpkg(conn: sa.Connection, view: ViewFilter, limit: int | None, items: ItemFilter = ALL_ITEMS) -> bytes:
    """The GeoJSON export's features as a GeoPackage (OGC), which QGIS and GDAL open as they are: one layer each
    for places, events and claims (even when empty), lon/lat in EPSG:4326. A GeoPackage column holds one value, so
    properties that are lists or objects (mentions, actors, sources, reasons) are written as JSON text."""
    features = [*queries.place_features_with_mentions(conn, view, limit), *event_features(conn, view, items, None),
                *claim_features(conn, view, items, None)]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "export.gpkg"
        for layer in GPKG_LAYERS:
            frame = _layer_frame([f for f in features if f["properties"]["layer"] == layer])
            pyogrio.write_dataframe(frame, path, layer=f"{layer}s", driver="GPKG", geometry_type="Unknown")
        return path.read_bytes()


def _layer_frame(features: list[dict[str, Any]]) -> geopandas.GeoDataFrame:
    rows = [{"feature_id": str(feature["id"]),
             **{name: _column_value(value) for name, value in feature["properties"].items()}} for feature in features]
    geometries = [shape(json.loads(g) if isinstance(g := feature["geometry"], str) else g) if feature["geometry"]
                  else None for feature in features]
    return geopandas.GeoDataFrame(rows or {"feature_id": []}, geometry=geometries, crs="EPSG:4326")


def _column_value(value: object) -> object:
    return _dumps(value) if isinstance(value, list | dict) else value
