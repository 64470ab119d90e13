"""Does handing out place geometries as their stored GeoJSON text pay? A benchmark for one design choice.

    .venv/bin/python bench/place_json.py [--repeat 15]

The store keeps each place's geometry as GeoJSON text. Its reads return features as data, except the geometry,
which stays the stored text (GeoJSONText) and goes into the response unparsed. The alternative parses every
geometry into a dict and serialises it again. This builds a throw-away store of real gazetteer places (every
country polygon plus populated places up to 5000 features, the map's feature limit), times the world view of the
map's place layer (query and serialisation) both ways and prints the medians and their ratio.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app import create_app  # noqa: E402
from atlas.ingest.analysis import PlaceCatalog  # noqa: E402
from atlas.records import ArticleRecord  # noqa: E402
from atlas.store import queries  # noqa: E402
from atlas.store.filters import ViewFilter  # noqa: E402
from atlas.store.write import StoreWriter  # noqa: E402
from atlas.web import db  # noqa: E402
from atlas.web.export import feature_collection_json  # noqa: E402
from geo.model import Mention  # noqa: E402
from text.excerpts import Excerpt  # noqa: E402

FEATURES = 5000


def place_ids(gazetteer_path: Path) -> list[str]:
    import sqlite3

    with sqlite3.connect(gazetteer_path) as conn:
        countries = [r[0] for r in conn.execute("SELECT id FROM places WHERE kind = 'country'")]
        towns = [r[0] for r in conn.execute("SELECT id FROM places WHERE kind = 'populated place' LIMIT ?",
                                            (FEATURES - len(countries),))]
    return countries + towns


def build(url: str) -> None:
    app = create_app({"DATABASE_URL": url, "TESTING": True})
    writer = StoreWriter(app.extensions["atlas_engine"])
    catalog = PlaceCatalog()
    ids = place_ids(ROOT / "build" / "gazetteer.sqlite")
    for batch_start in range(0, len(ids), 50):
        parts, found, excerpts, offset = [], [], [], 0
        for place_id in ids[batch_start:batch_start + 50]:
            place = catalog[place_id]
            sentence = f"Reports from {place.name}. "
            start = offset + len("Reports from ")
            found.append(Mention(start, start + len(place.name), place.name, place.id, place.name, place.kind,
                                 place.lat, place.lon, 0.9, "synthetic"))
            excerpts.append(Excerpt(offset, sentence.strip()))
            parts.append(sentence)
            offset += len(sentence)
        text = "".join(parts)
        writer.add_article(ArticleRecord(text=text, title="bench", outlet="bench", source="bench",
                                         published=date(2023, 1, 1)), text, found, excerpts, catalog)


def parsed(conn, view: ViewFilter, limit: int) -> str:
    """The alternative: every geometry parsed into a dict, then serialised again with the rest of the feature."""
    features = queries.place_features(conn, view, limit)
    return feature_collection_json([{**f, "geometry": json.loads(f["geometry"])} for f in features])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.sqlite"
        build(url)
        app = create_app({"DATABASE_URL": url, "TESTING": True})
        view = ViewFilter()
        timings: dict[str, list[float]] = {"geometries parsed": [], "stored text passed on": []}
        sizes = {}
        with app.app_context():
            for _ in range(args.repeat):
                for label, run in (("geometries parsed", lambda: parsed(db.connection(), view, FEATURES)),
                                   ("stored text passed on", lambda: feature_collection_json(
                                       queries.place_features(db.connection(), view, FEATURES)))):
                    started = time.perf_counter()
                    body = run()
                    timings[label].append(time.perf_counter() - started)
                    sizes[label] = len(body)
        for label, values in timings.items():
            print(f"{label:30s} median {statistics.median(values) * 1000:7.1f} ms  ({sizes[label] / 1e6:.2f} MB)")
        slow, fast = (statistics.median(v) for v in timings.values())
        print(f"ratio parsed / passed on: {slow / fast:.2f}")


if __name__ == "__main__":
    main()
