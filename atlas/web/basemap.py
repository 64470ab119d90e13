"""The offline basemap, built at set-up from data the project installs: Natural Earth's countries and first-level
units, and the names the map writes on them.

Without a tile server the map still needs coastlines, borders and names to be readable. `build` writes three files
side by side (their paths follow from BASEMAP_PATH, see `sibling`):

- the basemap (`basemap.geojson`): countries simplified to a few hundred kilobytes, fetched after the page has loaded;
- its names (`basemap-labels.json`): countries at Natural Earth's label points, capitals, towns from the gazetteer
  ranked by population, seas and first-level units, each with the least zoom at which it is worth writing, in the
  order the map places them (`LabelIndex` serves those of a view);
- the first-level units (`basemap-admin1.geojson`), simplified, for the counts by area (atlas.web.areas).
"""

from __future__ import annotations

import bisect
import functools
import json
import math
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry

from atlas.store import geometry
from gazetteer.labels import label_point
from gazetteer.model import Kind

TOLERANCE = 0.1  # degrees: borders stay recognisable down to country-level zooms
ADMIN1_TOLERANCE = 0.03  # first-level units are drawn only where they hold counts, at closer zooms
DECIMALS = 2
LABEL_DECIMALS = 3
# The least zoom from which a town is written, by population: megacities at world zoom, towns of 15,000 from z 8.
TOWN_ZOOMS = ((5_000_000, 2), (1_000_000, 4), (300_000, 5), (100_000, 6), (50_000, 7), (15_000, 8))
CAPITAL_ZOOM = 2
MAX_LABEL_LATITUDE = 82  # the map's Web Mercator stops at about 85°: the Arctic Ocean's point (90°N) is off it
# The order in which kinds compete for room at one zoom: a country's name before a capital's, before a sea's, ...
LABEL_KINDS = ("country", "capital", "water", "city", "admin1")

Label = tuple[str, str, float, float, int, str]  # name, kind (LABEL_KINDS), lon, lat, least zoom, gazetteer id


def sibling(basemap: Path, part: str) -> Path:
    """The path of one of the basemap's companion files ("labels", "admin1"), beside the basemap itself."""
    suffix = ".json" if part == "labels" else ".geojson"
    return basemap.with_name(f"{basemap.stem}-{part}{suffix}")


def build(target: Path) -> dict[Path, int]:
    """Write the basemap to `target` and its companions beside it; returns each file's size in bytes."""
    from gazetteer import Gazetteer
    from gazetteer.sources import curated, natural_earth

    gazetteer = Gazetteer()
    frame = natural_earth.countries_frame()
    features = natural_earth.admin1_features()
    unit_ids = natural_earth.admin1_ids(features, curated.admin1_corrections())
    countries = [(f"ne0:{row['ADM0_A3']}", _name(gazetteer, f"ne0:{row['ADM0_A3']}", str(row["NAME_EN"])),
                  row.geometry, row) for _, row in frame.iterrows()]
    units = [(unit_ids[f["properties"]["adm1_code"]], f["properties"]) for f in features if f.get("geometry")]
    unit_shapes = [natural_earth.valid(shape(f["geometry"])) for f in features if f.get("geometry")]
    written = {
        target: _write_areas(target, ((cid, name, "", geom) for cid, name, geom, _row in countries), TOLERANCE),
        sibling(target, "admin1"): _write_areas(sibling(target, "admin1"), (
            (uid, props.get("name_en") or props.get("name") or uid, props.get("adm0_a3") or "", geom)
            for (uid, props), geom in zip(units, unit_shapes, strict=True)), ADMIN1_TOLERANCE),
    }
    labels = [*_country_labels(countries), *_unit_labels(units, unit_shapes), *_gazetteer_labels(gazetteer)]
    labels.sort(key=lambda label: (label[4], LABEL_KINDS.index(label[1])))  # stable: each kind's own order within
    path = sibling(target, "labels")
    path.write_text(json.dumps({"labels": labels}, separators=(",", ":"), ensure_ascii=False), encoding="utf-8")
    written[path] = path.stat().st_size
    return written


def _name(gazetteer, place_id: str, fallback: str) -> str:
    """The gazetteer's name of a country ("China", where Natural Earth writes "People's Republic of China")."""
    place = gazetteer.get(place_id)
    return place.name if place else fallback


def _write_areas(target: Path, areas: Iterator[tuple[str, str, str, BaseGeometry]], tolerance: float) -> int:
    features = []
    for area_id, name, country, geom in areas:
        if geom is None or geom.is_empty:
            continue
        simple = geom.simplify(tolerance, preserve_topology=True)
        if simple.is_empty or simple.area < tolerance**2:  # islets smaller than the tolerance only add bytes
            continue
        text = json.dumps(geometry.rfc7946(simple))
        rounded = json.loads(text, parse_float=lambda v: round(float(v), DECIMALS + (tolerance < TOLERANCE)))
        properties = {"id": area_id, "name": name, **({"country": country} if country else {})}
        features.append({"type": "Feature", "geometry": rounded, "properties": properties})
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))
    return target.stat().st_size


def _label(name: str, kind: str, lat: float, lon: float, zoom: int, place_id: str) -> Label:
    return (name, kind, round(lon, LABEL_DECIMALS), round(lat, LABEL_DECIMALS), zoom, place_id)


def _country_labels(countries: list[tuple[str, str, BaseGeometry, Any]]) -> Iterator[Label]:
    """At Natural Earth's label points, from a zoom below its MIN_LABEL (its zooms are a step closer than the
    map's); the most prominent (LABELRANK) first."""
    for country_id, name, geom, row in sorted(countries, key=lambda c: (c[3]["LABELRANK"], c[3]["MIN_LABEL"])):
        if geom is None or geom.is_empty:
            continue
        lat, lon = label_point(geom, (float(row["LABEL_Y"]), float(row["LABEL_X"])))
        yield _label(name, "country", lat, lon, max(1, math.floor(row["MIN_LABEL"]) - 1), country_id)


def _unit_labels(units: list[tuple[str, dict]], shapes: list[BaseGeometry]) -> Iterator[Label]:
    """States and provinces from zoom 4 or Natural Earth's own later zoom, the most prominent (labelrank) first."""
    ranked = sorted(zip(units, shapes, strict=True), key=lambda u: (u[0][1].get("labelrank") or 9, u[0][0]))
    for (unit_id, props), geom in ranked:
        name = props.get("name_en") or props.get("name")
        if not name:
            continue
        lat, lon = label_point(geom, (float(props["latitude"]), float(props["longitude"])))
        yield _label(name, "admin1", lat, lon, max(4, math.floor(props.get("min_label") or 6) - 1), unit_id)


def town_zoom(population: int) -> int | None:
    """The least zoom from which a town of this population is written; None below the smallest (TOWN_ZOOMS)."""
    return next((zoom for least, zoom in TOWN_ZOOMS if population >= least), None)


def _gazetteer_labels(gazetteer) -> Iterator[Label]:
    """Capitals and towns by population, and seas by size (oceans first), from the gazetteer index."""
    for place in gazetteer.places_of_kind((Kind.CAPITAL,)):
        yield _label(place.name, "capital", place.lat, place.lon, CAPITAL_ZOOM, place.id)
    smallest = TOWN_ZOOMS[-1][0]
    for place in gazetteer.places_of_kind((Kind.POPULATED_PLACE,), smallest):
        yield _label(place.name, "city", place.lat, place.lon, town_zoom(place.population or 0) or 99, place.id)
    seas = [(place, gazetteer.geometry(place.id)) for place in gazetteer.places_of_kind((Kind.WATER_BODY,))]
    for place, outline in sorted(seas, key=lambda sea: -sea[1].envelope.area):
        if abs(place.lat) > MAX_LABEL_LATITUDE:
            continue
        extent = outline.envelope.area  # square degrees of its bounding box: an ocean's is thousands
        yield _label(place.name, "water", place.lat, place.lon, 1 if extent > 2000 else 3 if extent > 100 else 5,
                     place.id)


class LabelIndex:
    """The basemap's names, held in memory by the least zoom they show from, answering for one view at a time."""

    def __init__(self, labels: list[Label]) -> None:
        self._labels = sorted(labels, key=lambda label: label[4])  # sorted() is stable: the build's order stays
        self._zooms = [label[4] for label in self._labels]
        self._by_id = {label[5]: label for label in self._labels}
        self._position = {label[5]: position for position, label in enumerate(self._labels)}

    def in_view(self, bbox: tuple[float, float, float, float], zoom: int, limit: int,
                first: set[str] = frozenset()) -> list[Label]:
        """The labels of the view for this zoom, in the order the map places them: those whose ids are in `first`
        (the countries, capitals and units the store holds, written at any zoom) by kind, then the rest in the
        build's order."""
        west, south, east, north = bbox

        def inside(label: Label) -> bool:
            lon, lat = label[2], label[3]
            across = lon >= west or lon <= east if west > east else west <= lon <= east
            return across and south <= lat <= north

        stored = sorted((i for i in first if i in self._by_id and inside(self._by_id[i])),
                        key=lambda i: (LABEL_KINDS.index(self._by_id[i][1]), self._position[i]))
        chosen = [self._by_id[i] for i in stored]
        taken = {label[5] for label in chosen}
        for label in self._labels[:bisect.bisect_right(self._zooms, zoom)]:
            if len(chosen) >= limit:
                break
            if label[5] not in taken and inside(label):
                chosen.append(label)
        return chosen


@functools.lru_cache(maxsize=2)
def _load(path: str, modified: float) -> LabelIndex:
    with open(path, encoding="utf-8") as handle:
        return LabelIndex([tuple(label) for label in json.load(handle)["labels"]])


def label_index(basemap: Path) -> LabelIndex | None:
    """The labels built beside this basemap, read once per build (a rebuild is read again); None before a build."""
    path = sibling(basemap, "labels")
    return _load(str(path), path.stat().st_mtime) if path.is_file() else None
