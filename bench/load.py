"""Load benchmark: N concurrent clients on the map's API for a fixed time, on loopback; counts every error.

    .venv/bin/python bench/load.py [--clients 200] [--seconds 60] [--places 10000]

Serves a throw-away store (synthetic places and mentions written through the real writer, as bench/web.py builds
it) with gunicorn as `make serve` runs it, then lets each client request, one after another until time is up, what a
map user's browser asks for: bbox views, place details with excerpts, articles, search and outlets. Prints request
count, errors (any non-200 answer, refused or dropped connection), and p50/p99 latency. Exits 1 if anything failed.
Traffic goes only to 127.0.0.1 and stops by itself.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.web import build_store, free_port, percentile, wait_until_up  # noqa: E402

GUNICORN_ARGS = ["--workers", "2", "--worker-class", "gthread", "--threads", "16", "--backlog", "2048"]


def request_paths(rng: random.Random, places: int, articles: int) -> list[str]:
    west, south = rng.uniform(-125, 140), rng.uniform(-45, 58)
    return [
        f"/api/places?bbox={west:.3f},{south:.3f},{west + 10:.3f},{south + 6:.3f}",
        f"/api/places/bench:{rng.randrange(places)}",
        f"/api/articles/{rng.randrange(1, articles + 1)}",
        f"/api/search?q=Place+{rng.randrange(places)}",
        "/api/outlets",
    ]


async def fetch(port: int, path: str) -> bytes:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        await writer.drain()
        return await reader.read()
    finally:
        writer.close()


async def client(port: int, deadline: float, seed: int, places: int, articles: int, latencies: list[float],
                 errors: list[str]) -> None:
    rng = random.Random(seed)
    while time.monotonic() < deadline:
        for path in request_paths(rng, places, articles):
            started = time.perf_counter()
            try:
                answer = await asyncio.wait_for(fetch(port, path), timeout=30)
            except (TimeoutError, OSError) as error:
                errors.append(f"{path}: {type(error).__name__}")
                continue
            latencies.append((time.perf_counter() - started) * 1000)
            if not answer.startswith(b"HTTP/1.1 200"):
                errors.append(f"{path}: {answer[:60]!r}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--places", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{Path(folder) / 'load.sqlite'}"
        n_articles, n_mentions = build_store(url, args.places)
        port = free_port()
        command = [str(Path(sys.executable).parent / "gunicorn"), *GUNICORN_ARGS, "--bind", f"127.0.0.1:{port}",
                   "--log-level", "warning", "app:create_app()"]
        server = subprocess.Popen(command, cwd=ROOT, env={**os.environ, "DATABASE_URL": url})
        try:
            wait_until_up(f"http://127.0.0.1:{port}")
            latencies: list[float] = []
            errors: list[str] = []
            deadline = time.monotonic() + args.seconds
            started = time.perf_counter()

            async def run() -> None:
                await asyncio.gather(*(client(port, deadline, seed, args.places, n_articles, latencies, errors)
                                       for seed in range(args.clients)))

            asyncio.run(run())
            wall = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=10)
    print(f"store: {args.places} places, {n_mentions} mentions, {n_articles} articles; "
          f"gunicorn {' '.join(GUNICORN_ARGS)}")
    print(f"{args.clients} concurrent clients for {wall:.0f} s: {len(latencies) + len(errors)} requests "
          f"({len(latencies) / wall:.0f} req/s), {len(errors)} errors")
    if latencies:
        print(f"latency: p50 {percentile(latencies, 0.5):.1f} ms, p99 {percentile(latencies, 0.99):.1f} ms")
    for error in errors[:10]:
        print(f"  error: {error}")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
