"""Records the gazetteer hands out.

These types are the whole contract between the gazetteer and its users (the geoparser, the store, the map): they
carry plain values only, so that callers never depend on how the index is laid out on disk.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Kind(StrEnum):
    """What a gazetteer record is. The values are stored in the index and the store and appear in the API and
    exports, so a value once written never changes; a member equals its value, so old and new code compare alike."""

    POPULATED_PLACE = "populated place"
    CAPITAL = "capital"
    COUNTRY = "country"
    ADMIN1 = "admin-1"  # a state, province or other first-order unit (also Natural Earth geounits: England)
    ADMIN2 = "admin-2"  # a county or district
    REGION = "region"  # a curated region or a continent
    CORRIDOR = "corridor"
    LANDMARK = "landmark"
    DISPUTED_AREA = "disputed area"
    WATER_BODY = "water body"
    BORDER = "border"  # the common edge of two countries, drawn from their outlines (gazetteer.borders)


# How a name matched, strongest first. The geoparser reads these to tell a demonym or a typo from a real name.
REASONS = ("exact", "normalized", "alternate", "abbreviation", "demonym", "fuzzy")


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer record, without its (possibly large) geometry."""

    id: str  # stable: geonames:616052, ne0:ARM, ne1:AM-ER, curated:lachin-corridor, region:south-caucasus
    name: str  # preferred English name
    kind: str  # a Kind value (read from the index as the plain string)
    country_codes: tuple[str, ...]  # ISO 3166-1 alpha-2; several for regions and corridors across borders
    population: int | None
    lat: float  # representative point: GeoNames' own point where known, else an interior point
    lon: float
    geometry_type: str  # Point, Polygon, MultiPolygon, LineString, MultiLineString
    source: str
    licence: str
    approximate: bool = False  # curated geometries drawn from a few cited facts
    located_in: str | None = None  # for landmarks: the id of the place they stand in (the Kremlin -> Moscow)
    admin1: str | None = None  # GeoNames admin-1 code for populated places (e.g. "DC"), helps disambiguation
    feature_code: str | None = None  # GeoNames feature code where known (PPLC capital, PPLA seat of admin-1, ...)
    label: tuple[float, float] | None = None  # (lat, lon) where a map pins a country or unit, when not at lat/lon

    @property
    def map_point(self) -> tuple[float, float]:
        """(lat, lon) where a map shows the place and what is said of it: `lat`/`lon` is the point the geoparser
        reasons with (GeoNames' centroid for a country, which corpora use), often far from where people live."""
        return self.label or (self.lat, self.lon)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A place that a queried name may refer to, with why and how strongly."""

    place: Place
    score: float  # 0..1, comparable across candidates of one query
    reason: str  # one of REASONS
    matched_name: str  # the stored name that matched
