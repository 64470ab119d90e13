"""Write the built records into the SQLite index that `gazetteer.index` reads.

One row per place with its prior weight (`prominence`) and namesake link, its outline where it is more than a point,
its bounding box in the R-tree, one row per distinct name key under its strongest name type, and the deletion keys of
the typo look-up for the names news writes often enough to misspell. The index is written to a temporary file and
renamed into place, so a reader never sees a half-built index.
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import time
from pathlib import Path
from typing import TYPE_CHECKING

from gazetteer import fuzzy
from gazetteer.freshness import fingerprint
from gazetteer.model import Kind
from gazetteer.normalize import normalize
from gazetteer.schema import DDL, INDEXES, SCHEMA_VERSION
from gazetteer.sources.record import NameType, Record

if TYPE_CHECKING:
    from gazetteer.build import Builder

FUZZY_MIN_CITY_POPULATION = 15_000


def prominence(record: Record, city_unit: bool = False) -> float:
    """Prior weight of a record before context: countries and named regions first, then cities by population."""
    if record.kind == Kind.COUNTRY:
        return 1.0
    if record.kind in {Kind.DISPUTED_AREA, Kind.REGION}:
        return 0.95
    if record.kind in {Kind.CORRIDOR, Kind.LANDMARK, Kind.WATER_BODY}:
        return 0.9
    if record.kind == Kind.ADMIN1:  # a state or province outranks towns of its name below ~1M people (Florida, Cuba)
        return 0.3 if city_unit else 0.75
    if record.kind == Kind.ADMIN2:
        return 0.35
    by_population = min(1.0, math.log10((record.population or 0) + 1) / 7.0)
    return max(0.85, by_population) if record.kind == Kind.CAPITAL else 0.85 * by_population


def write_index(builder: Builder, output: Path) -> int:
    output.parent.mkdir(parents=True, exist_ok=True)
    temporary = output.with_name(output.name + ".tmp")
    temporary.unlink(missing_ok=True)
    db = sqlite3.connect(temporary)
    db.execute("PRAGMA journal_mode = OFF")
    db.execute("PRAGMA synchronous = OFF")
    db.executescript(DDL)
    names = fuzzy_rows = 0
    place_rows, geometry_rows, bbox_rows, name_rows = [], [], [], []
    fuzzy_pairs: set[tuple[str, str]] = set()
    for pk, record in enumerate(builder.records.values(), start=1):
        place_rows.append((
            pk, record.id, record.name, record.kind, ",".join(record.country_codes), record.population,
            round(record.lat, 6), round(record.lon, 6), record.geometry.geom_type, record.source, record.licence,
            int(record.approximate), record.located_in, record.admin1, record.feature_code,
            prominence(record, record.id in builder.city_units), builder.namesake_of.get(record.id),
            *((round(record.label[0], 6), round(record.label[1], 6)) if record.label else (None, None)),
        ))
        if record.geometry.geom_type != "Point":
            geometry_rows.append((pk, record.geometry.wkb))
        min_lon, min_lat, max_lon, max_lat = record.geometry.bounds
        bbox_rows.append((pk, min_lon, max_lon, min_lat, max_lat))
        seen: set[tuple[str, str]] = set()
        for name in sorted(record.names, key=lambda n: n.type):  # one row per key, under its strongest type
            key = normalize(name.text)
            # abbreviations keep each written form: "US" (case-sensitive) and "U.S." share the key "us"
            identity = (key, name.text if name.type == NameType.ABBREVIATION else "")
            if not key or identity in seen or (key, "") in seen:
                continue
            seen.add(identity)
            name_rows.append((key, pk, name.text, int(name.type), int(name.case_sensitive)))
            if _fuzzy_eligible(record, name.type) and len(key) >= fuzzy.MIN_LENGTH:
                fuzzy_pairs.update((deletion, key) for deletion in fuzzy.deletions(key))
        if len(name_rows) > 200_000:
            names += _flush(db, place_rows, geometry_rows, bbox_rows, name_rows)
    names += _flush(db, place_rows, geometry_rows, bbox_rows, name_rows)
    db.executemany("INSERT INTO fuzzy_keys VALUES (?, ?)", sorted(fuzzy_pairs))
    fuzzy_rows = len(fuzzy_pairs)
    db.executescript(INDEXES)
    meta = {
        "schema_version": SCHEMA_VERSION, "fingerprint": fingerprint(), "built_at": time.strftime("%Y-%m-%dT%H:%M:%SZ",
        time.gmtime()), "records": str(len(builder.records)), "names": str(names), "fuzzy_keys": str(fuzzy_rows),
        "warnings": json.dumps(builder.warnings),
    }
    db.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
    db.commit()
    db.execute("ANALYZE")
    db.close()
    os.replace(temporary, output)
    return names


def _fuzzy_eligible(record: Record, name_type: NameType) -> bool:
    """Typo look-ups cover the places news writes about often enough to misspell; not 3 million village names."""
    if name_type in (NameType.ABBREVIATION, NameType.DEMONYM):
        return False
    if record.kind in {Kind.POPULATED_PLACE, Kind.ADMIN2}:
        return name_type == NameType.PREFERRED and (record.population or 0) >= FUZZY_MIN_CITY_POPULATION
    return True


def _flush(db: sqlite3.Connection, place_rows: list, geometry_rows: list, bbox_rows: list, name_rows: list) -> int:
    db.executemany(f"INSERT INTO places VALUES ({','.join('?' * 19)})", place_rows)
    db.executemany("INSERT INTO geometries VALUES (?, ?)", geometry_rows)
    db.executemany("INSERT INTO place_bbox VALUES (?, ?, ?, ?, ?)", bbox_rows)
    db.executemany("INSERT INTO names VALUES (?, ?, ?, ?, ?)", name_rows)
    count = len(name_rows)
    for rows in (place_rows, geometry_rows, bbox_rows, name_rows):
        rows.clear()
    return count
