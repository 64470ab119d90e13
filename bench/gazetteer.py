"""Gazetteer benchmark: build time, index size, cold load, look-ups per second (exact and typo), peak memory.

    .venv/bin/python bench/gazetteer.py [--skip-build] [--names 10000]

Targets (issue 2): build < 5 min, cold load < 1 s, >= 20,000 exact look-ups/s on one core.
"""

from __future__ import annotations

import argparse
import random
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from gazetteer import Gazetteer
from gazetteer.build import build
from gazetteer.index import default_index_path

COLD_LOAD = "import time; t=time.perf_counter(); from gazetteer import Gazetteer; Gazetteer().lookup('Baku'); " \
            "print(time.perf_counter()-t)"


def sample_names(path: Path, count: int, seed: int = 7) -> list[str]:
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        total = db.execute("SELECT max(rowid) FROM names").fetchone()[0]
        rng = random.Random(seed)
        rowids = rng.sample(range(1, total + 1), count)
        marks = ",".join("?" * len(rowids))
        return [name for (name,) in db.execute(f"SELECT name FROM names WHERE rowid IN ({marks})", rowids)]


def with_typo(name: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(name) - 1)
    return name[:i] + name[i + 1 :]  # one deleted letter


def rate(gazetteer: Gazetteer, names: list[str], fuzzy: bool) -> float:
    """Uncached look-ups per second: each name is asked once, so the LRU cache never answers."""
    started = time.perf_counter()
    for name in names:
        gazetteer._lookup(name, 10, fuzzy)
    return len(names) / (time.perf_counter() - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--skip-build", action="store_true", help="measure the existing index only")
    parser.add_argument("--names", type=int, default=10_000)
    args = parser.parse_args()
    index = default_index_path()
    if not args.skip_build:
        with tempfile.TemporaryDirectory() as tmp:
            report = build(Path(tmp) / "gazetteer.sqlite", log=lambda _message: None)
            print(f"build time: {report.seconds:.1f} s ({report.records} records, {report.names} names)")
    print(f"index size on disk: {index.stat().st_size / 1e6:.0f} MB")
    cold = [float(subprocess.run([sys.executable, "-c", COLD_LOAD], capture_output=True, text=True, check=True,
                                 cwd=Path(__file__).resolve().parents[1]).stdout) for _ in range(5)]
    print(f"cold load + first look-up: median {statistics.median(cold) * 1000:.0f} ms over 5 fresh processes")
    gazetteer = Gazetteer(index)
    names = sample_names(index, args.names)
    rng = random.Random(11)
    typos = [with_typo(n, rng) for n in names if len(n) >= 7][: args.names]
    exact_rates = [rate(gazetteer, names, fuzzy=False) for _ in range(3)]
    print(f"exact look-ups: median {statistics.median(exact_rates):,.0f}/s over {len(names):,} names (one core)")
    fuzzy_rates = [rate(gazetteer, typos, fuzzy=True) for _ in range(3)]
    print(f"typo look-ups: median {statistics.median(fuzzy_rates):,.0f}/s over {len(typos):,} misspelt names")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory (this process, build included unless --skip-build): {peak:.0f} MB")


if __name__ == "__main__":
    main()
