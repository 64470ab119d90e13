"""Ingest under parallelism and faults: worker processes and a Dask cluster store exactly what a serial ingest
stores; a SIGKILL mid-batch leaves only whole articles and a rerun completes without duplicates; a read-only or
locked store is refused up front with a clear message; the map keeps answering while an ingest writes."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import ROOT, create_app
from atlas.ingest.analysis import Analyser
from atlas.ingest.batch import ingest_paths
from atlas.ingest.parallel import WORKER_CHUNK, DaskCluster, EveryCore, InProcess, WorkerProcesses
from atlas.store.schema import articles, mentions
from atlas.store.write import StoreWriter

CITIES = ["Tbilisi", "Baku", "Yerevan", "Ankara", "Kyiv", "Minsk", "Paris", "Berlin", "Madrid", "Rome", "Vienna",
          "Warsaw", "Prague", "Budapest", "Athens", "Sofia", "Bucharest", "Lisbon", "Dublin", "Oslo"]


def write_articles(folder: Path, count: int) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(count):
        a, b = CITIES[number % len(CITIES)], CITIES[(number * 7 + 3) % len(CITIES)]
        text = (f"Report {number} from {a}\n\nEnvoys travelled from {a} to {b} on Monday for talks. "
                f"Officials in {b} said the meeting in {a} was useful. " * 3)
        (folder / f"article_{number:03d}.txt").write_text(text, encoding="utf-8")
    return folder


def store_contents(url: str) -> tuple[list, list]:
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        stored = conn.execute(sa.select(articles.c.content_hash, articles.c.title).order_by(articles.c.id)).all()
        found = conn.execute(sa.select(articles.c.content_hash, mentions.c.start, mentions.c.end, mentions.c.place_id)
                             .join(articles).order_by(articles.c.content_hash, mentions.c.start)).all()
    engine.dispose()
    return stored, found


def ingest_with(backend, folder: Path, url: str):
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    try:
        return ingest_paths([folder, ROOT / "seeds"], StoreWriter(app.extensions["atlas_engine"]), backend,
                            app.config["INGEST_MAX_BYTES"], progress=False)
    finally:
        backend.close()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_articles(tmp_path_factory.mktemp("corpus"), 12)


@pytest.fixture(scope="module")
def serial_store(corpus, tmp_path_factory) -> tuple[list, list]:
    url = f"sqlite:///{tmp_path_factory.mktemp('serial') / 'atlas.sqlite'}"
    report = ingest_with(InProcess(Analyser()), corpus, url)
    assert report.ok and report.stored == 17
    return store_contents(url)


def test_worker_processes_store_what_a_serial_ingest_stores(corpus, serial_store, tmp_path):
    url = f"sqlite:///{tmp_path / 'atlas.sqlite'}"
    report = ingest_with(WorkerProcesses(2), corpus, url)
    assert report.ok and report.stored == 17
    assert store_contents(url) == serial_store


def test_the_default_backend_starts_workers_only_for_a_batch_that_fills_them(corpus):
    texts = [(path.read_text(encoding="utf-8"), None) for path in sorted(corpus.iterdir())]
    batch = (texts * 3)[:2 * WORKER_CHUNK]
    serial = [result.mentions for result in InProcess(Analyser()).map(batch)]
    backend = EveryCore(Analyser(), cores=2)
    try:
        assert [result.mentions for result in backend.map(batch[:3])] == serial[:3]
        assert backend._pool is None  # three articles do not pay for loading the models twice more
        assert [result.mentions for result in backend.map(batch)] == serial
        assert backend._pool is not None
    finally:
        backend.close()


def test_a_dask_cluster_stores_what_a_serial_ingest_stores(corpus, serial_store, tmp_path):
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        url = f"sqlite:///{tmp_path / 'atlas.sqlite'}"
        report = ingest_with(DaskCluster(cluster.scheduler_address), corpus, url)
    assert report.ok and report.stored == 17
    assert store_contents(url) == serial_store


def flask_ingest(url: str, *paths: Path, **kwargs) -> subprocess.Popen:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.Popen([sys.executable, "-m", "flask", "--app", "app", "ingest", "--no-progress",
                             *map(str, paths)], cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, **kwargs)


def count_articles(path: Path) -> int:
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=10) as db:
            return db.execute("SELECT count(*) FROM articles").fetchone()[0]
    except sqlite3.OperationalError:  # tables not created yet
        return 0


def children_of(parent: int) -> list[int]:
    """Live processes whose parent is `parent`: the worker processes an ingest started."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            # the command name in /proc/<pid>/stat is in parentheses and may hold spaces; the ppid follows it
            if entry.name.isdigit() and int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1]) == parent:
                found.append(int(entry.name))
        except (OSError, IndexError, ValueError):
            continue  # gone meanwhile
    return found


def alive(pids: list[int]) -> list[int]:
    """The pids that still run (a zombie has finished: it only waits to be reaped)."""
    running = []
    for pid in pids:
        try:
            if (Path("/proc") / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()[0] != "Z":
                running.append(pid)
        except OSError:
            continue
    return running


def test_sigkill_mid_batch_leaves_a_consistent_store_no_workers_and_a_rerun_completes(tmp_path):
    folder = write_articles(tmp_path / "many", 80)
    database = tmp_path / "atlas.sqlite"
    url = f"sqlite:///{database}"
    process = flask_ingest(url, folder)
    deadline = time.monotonic() + 120
    while count_articles(database) < 3 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert process.poll() is None, "the ingest finished before it could be killed; give it more articles"
    workers = children_of(process.pid)
    assert workers, "expected the ingest's worker processes"
    process.send_signal(signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 20
    while alive(workers) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert alive(workers) == [], "worker processes outlived the killed ingest"
    with sqlite3.connect(database) as db:
        assert db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        partial = db.execute("SELECT count(*) FROM articles").fetchone()[0]
        assert 0 < partial < 80
        # every stored article is whole: it has its mentions (each text names two cities)
        assert db.execute("SELECT count(*) FROM articles a WHERE NOT EXISTS "
                          "(SELECT 1 FROM mentions m WHERE m.article_id = a.id)").fetchone()[0] == 0
    rerun = flask_ingest(url, folder)
    out, err = rerun.communicate(timeout=300)
    assert rerun.returncode == 0, err
    assert f"{80 - partial} article(s)" in out and f"{partial} already stored" in out
    with sqlite3.connect(database) as db:
        assert db.execute("SELECT count(*), count(DISTINCT content_hash) FROM articles").fetchone() == (80, 80)


def test_read_only_store_is_refused_with_a_clear_message(tmp_path):
    database = tmp_path / "atlas.sqlite"
    create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{database}"})  # creates the tables
    process = flask_ingest(f"sqlite:///file:{database}?mode=ro&uri=true", write_articles(tmp_path / "a", 2))
    _out, err = process.communicate(timeout=120)
    assert process.returncode == 2
    assert "error: the store is read-only" in err and "Traceback" not in err
    assert count_articles(database) == 0


def test_locked_store_is_refused_with_a_clear_message(tmp_path):
    database = tmp_path / "atlas.sqlite"
    create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{database}"})
    holder = sqlite3.connect(database, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        process = flask_ingest(f"sqlite:///{database}", write_articles(tmp_path / "a", 2))
        _out, err = process.communicate(timeout=120)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert process.returncode == 2
    assert "locked by another writer" in err and "Traceback" not in err


def test_the_map_keeps_answering_while_an_ingest_writes(tmp_path):
    database = tmp_path / "atlas.sqlite"
    url = f"sqlite:///{database}"
    app = create_app({"TESTING": True, "DATABASE_URL": url})
    client = app.test_client()
    failures: list[int] = []
    answered = 0
    process = flask_ingest(url, write_articles(tmp_path / "many", 40))
    stop = threading.Event()

    def read_the_map() -> None:
        nonlocal answered
        while not stop.is_set():
            response = client.get("/api/places?bbox=-30,20,60,70")
            answered += 1
            if response.status_code != 200:
                failures.append(response.status_code)

    reader = threading.Thread(target=read_the_map)
    reader.start()
    try:
        _out, err = process.communicate(timeout=300)
    finally:
        stop.set()
        reader.join()
    assert process.returncode == 0, err
    assert failures == [] and answered > 10
    assert count_articles(database) == 40
