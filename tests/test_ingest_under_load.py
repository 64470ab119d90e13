"""A 5 MB upload through the form must not lock anyone out: while its job runs, `flask ingest` of another file
succeeds and the map's API keeps answering quickly, and the job itself ends (stored, or reported as too slow).

The app runs as it is served (werkzeug's threaded server in a child process, the job worker in it with its analysis
in a worker process); the CLI is a second process on the same SQLite store.
"""

from __future__ import annotations

import os
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
BUDGET_SECONDS = 40
SERVER = """
import logging, sys
from werkzeug.serving import make_server
from app import create_app
logging.getLogger("werkzeug").setLevel(logging.ERROR)
make_server("127.0.0.1", int(sys.argv[1]), create_app(), threaded=True).serve_forever()
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def news_text(size: int) -> str:
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").iterdir())]
    text = "\n\n".join(seeds)
    return ((text + "\n\n") * (size // len(text) + 1))[:size]


def test_a_five_megabyte_upload_locks_nobody_out(tmp_path):
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{tmp_path / 'atlas.sqlite'}",
           "CONFLICT_ATLAS_INGEST_TIME_BUDGET": str(BUDGET_SECONDS), "CONFLICT_ATLAS_INGEST_MAX_BYTES": "5000000"}
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SERVER, str(port)], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        session = requests.Session()
        for _ in range(200):
            try:
                page = session.get(f"{base}/add", timeout=5)
                break
            except requests.ConnectionError:
                time.sleep(0.1)
        token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.text).group(1)
        upload = news_text(4_900_000).encode()
        posted = session.post(f"{base}/add", data={"csrf_token": token}, allow_redirects=False, timeout=30,
                              files={"file": ("big.txt", upload, "text/plain")})
        assert posted.status_code == 302, posted.text[:500]
        job = f"{base}/api/jobs/{posted.headers['Location'].rsplit('/', 1)[1]}"
        assert requests.get(job, timeout=5).json()["status"] in ("queued", "running")

        latencies: list[float] = []
        finished = threading.Event()

        def use_the_map() -> None:
            views = ["/api/places?bbox=30,30,60,50", "/api/events?bbox=30,30,60,50", "/api/claims", "/api/outlets"]
            number = 0
            while not finished.is_set():
                started = time.perf_counter()
                answer = requests.get(base + views[number % len(views)], timeout=30)
                latencies.append(time.perf_counter() - started)
                assert answer.status_code == 200
                number += 1
                time.sleep(0.05)

        reader = threading.Thread(target=use_the_map)
        reader.start()
        try:
            small = tmp_path / "small.txt"
            small.write_text("Talks resumed in Tbilisi on Monday between envoys from Baku and Yerevan.")
            command = [sys.executable, "-m", "flask", "--app", "app", "ingest", "--workers", "1", str(small)]
            cli = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
            assert cli.returncode == 0, cli.stderr
            assert "stored 1 article(s)" in cli.stdout
            assert requests.get(job, timeout=5).json()["status"] == "running"  # the CLI did not wait for the job
            deadline = time.monotonic() + BUDGET_SECONDS + 240
            while (outcome := requests.get(job, timeout=5).json())["status"] in ("queued", "running"):
                assert time.monotonic() < deadline, "the job neither finished nor was reported as too slow"
                time.sleep(1)
        finally:
            finished.set()
            reader.join()
        assert outcome["status"] == "done" or any("too slow" in p for p in outcome["problems"]), outcome
        p95 = statistics.quantiles(latencies, n=20)[-1]
        p50 = statistics.median(latencies)
        print(f"\nmap API while the job ran: {len(latencies)} requests, p50 {p50 * 1000:.0f} ms, "
              f"p95 {p95 * 1000:.0f} ms; job: {outcome['status']} {outcome['problems']}")
        assert len(latencies) > 50 and p95 < 0.5
    finally:
        server.terminate()
        server.wait(timeout=30)
