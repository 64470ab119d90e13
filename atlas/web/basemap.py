"""The offline basemap: Natural Earth countries, simplified into one small GeoJSON file built at set-up.

Without a tile server the map still needs coastlines and borders to be readable; a few hundred kilobytes of vector
outlines do that, and the file is fetched after the page has loaded so it does not weigh on the first paint.
"""

from __future__ import annotations

import json
from pathlib import Path

from atlas.store import geometry

TOLERANCE = 0.1  # degrees: borders stay recognisable down to country-level zooms
DECIMALS = 2


def build(target: Path) -> int:
    """Write the basemap to `target`; returns its size in bytes."""
    from gazetteer.sources.natural_earth import countries_frame

    frame = countries_frame()
    features = []
    for name, geom in zip(frame["NAME_EN"], frame.geometry, strict=True):
        if geom is None or geom.is_empty:
            continue
        simple = geom.simplify(TOLERANCE, preserve_topology=True)
        if simple.is_empty or simple.area < TOLERANCE**2:  # islets smaller than the tolerance only add bytes
            continue
        text = json.dumps(geometry.rfc7946(simple))
        rounded = json.loads(text, parse_float=lambda v: round(float(v), DECIMALS))
        features.append({"type": "Feature", "geometry": rounded, "properties": {"name": str(name)}})
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":")))
    return target.stat().st_size
