"""The on-disk layout of the index, shared by the builder (writes) and `Gazetteer` (reads).

One SQLite file: place rows small enough to scan fast, geometries apart (only non-point ones are stored; a point is
its representative point), an R*Tree of bounding boxes, a name table keyed by `normalize()`, and a deletion-key
table for typo-tolerant look-ups.
"""

SCHEMA_VERSION = "3"

DDL = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE places (
    pk INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    country_codes TEXT NOT NULL,
    population INTEGER,
    lat REAL NOT NULL,
    lon REAL NOT NULL,
    geometry_type TEXT NOT NULL,
    source TEXT NOT NULL,
    licence TEXT NOT NULL,
    approximate INTEGER NOT NULL,
    located_in TEXT,
    admin1 TEXT,
    feature_code TEXT,
    prominence REAL NOT NULL,
    namesake_of TEXT,  -- for a city: the admin-1 unit of the same name that contains it (Baku in Baku City)
    label_lat REAL,  -- where a map pins an area, when not at lat/lon (gazetteer/labels.py); NULL: at lat/lon
    label_lon REAL
);
CREATE TABLE geometries (pk INTEGER PRIMARY KEY, wkb BLOB NOT NULL);
CREATE VIRTUAL TABLE place_bbox USING rtree(pk, min_lon, max_lon, min_lat, max_lat);
CREATE TABLE names (
    key TEXT NOT NULL,
    pk INTEGER NOT NULL,
    name TEXT NOT NULL,
    type INTEGER NOT NULL,
    case_sensitive INTEGER NOT NULL
);
CREATE TABLE fuzzy_keys (deletion TEXT NOT NULL, key TEXT NOT NULL, PRIMARY KEY (deletion, key)) WITHOUT ROWID;
"""

INDEXES = """
CREATE INDEX names_by_key ON names (key);
"""

PLACE_COLUMNS = (
    "id, name, kind, country_codes, population, lat, lon, geometry_type, source, licence, approximate, located_in, "
    "admin1, feature_code, label_lat, label_lon"
)
