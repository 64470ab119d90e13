"""The worker that ingests what the web form queued, away from the request that queued it.

A request must never analyse: one large upload would hold a server thread for minutes (and, before the store's
writes were made brief, the store's write lock). The form stores the upload as a job (atlas.store.jobs) and returns;
this worker, a thread of the serving process, takes the jobs one at a time and runs each through `ingest_paths`, the
code of `flask ingest` (a job for a web address fetches the page here, in the background, with the fetch policy
the app gives for what a browser can trigger). The analysis itself runs in a backend of its own (by default one
worker process), so the serving process keeps answering while an article is parsed, and each article has a time
budget.
"""

from __future__ import annotations

import json
import logging
import tempfile
import threading
from collections.abc import Callable, Mapping
from datetime import date
from pathlib import Path

import sqlalchemy as sa

from atlas.ingest.batch import IngestReport, ingest_paths, ingest_urls
from atlas.ingest.fetch import Fetcher, FetchPolicy
from atlas.ingest.pages import Metadata
from atlas.ingest.parallel import AnalysisBackend
from atlas.records import PlaceRecord
from atlas.store import jobs
from atlas.store.write import StoreWriter

URL_SUFFIX = ".url"  # a job whose payload is a web address to fetch (JSON: url and the user's metadata)
HEARTBEAT_SECONDS = 5.0
IDLE_SECONDS = 30.0  # how long the thread sleeps when nothing woke it: a restart's jobs are found within this

log = logging.getLogger(__name__)


class JobWorker:
    def __init__(self, engine: sa.Engine, backend: Callable[[], AnalysisBackend], max_bytes: int,
                 places: Mapping[str, PlaceRecord], fetch_policy: FetchPolicy) -> None:
        """`backend` makes the analysis backend on first use (its processes load the models once, then stay)."""
        self._engine = engine
        self._fetch_policy = fetch_policy
        self._make_backend = backend
        self._backend: AnalysisBackend | None = None
        self._max_bytes = max_bytes
        self._places = places
        self._wake = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        """Run queued jobs in a background thread from now on (idempotent)."""
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._loop, name="atlas-jobs", daemon=True)
                self._thread.start()
        self._wake.set()

    def run_pending(self) -> int:
        """Run every queued job now, in this thread; returns how many ran. Stale running jobs are taken back first."""
        jobs.requeue_stale(self._engine)
        done = 0
        while (claimed := jobs.claim_next(self._engine)) is not None:
            self._run(*claimed)
            done += 1
        return done

    def _loop(self) -> None:
        while True:
            try:
                self.run_pending()
            except Exception:  # the store unreachable for a moment: try again later rather than stop for good
                log.exception("the job worker failed; retrying")
            self._wake.wait(IDLE_SECONDS)
            self._wake.clear()

    def _run(self, job_id: int, name: str, suffix: str, payload: bytes) -> None:
        stop = threading.Event()
        beating = threading.Thread(target=self._beat, args=(job_id, stop), name=f"atlas-job-{job_id}", daemon=True)
        beating.start()
        try:
            outcome = self._ingest(job_id, name, suffix, payload)
        except Exception as error:  # whatever happens, the job ends with a reason, never stuck as running
            log.exception("job %s failed", job_id)
            outcome = jobs.Outcome(0, 0, 0, None, (f"could not be ingested: {type(error).__name__}: {error}",))
        finally:
            stop.set()
        jobs.finish(self._engine, job_id, outcome)

    def _ingest(self, job_id: int, name: str, suffix: str, payload: bytes) -> jobs.Outcome:
        if self._backend is None:
            self._backend = self._make_backend()
        if suffix == URL_SUFFIX:
            report = self._fetch(payload)
        else:
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / f"upload{suffix}"  # the user's file name never reaches the file system
                path.write_bytes(payload)
                report = ingest_paths([path], StoreWriter(self._engine), self._backend, self._max_bytes,
                                      progress=False, places=self._places, labels={path: f"form job {job_id}: {name}"})
        return jobs.Outcome(report.stored, report.duplicates, report.mentions,
                            report.article_ids[0] if report.article_ids else None,
                            tuple(item.reason for item in [*report.problems, *report.not_articles]))

    def _fetch(self, payload: bytes) -> IngestReport:
        asked = json.loads(payload)
        given = Metadata(title=asked.get("title"), outlet=asked.get("outlet"), author=asked.get("author"),
                         published=date.fromisoformat(asked["published"]) if asked.get("published") else None)
        return ingest_urls([asked["url"]], Fetcher(self._fetch_policy), StoreWriter(self._engine), self._backend,
                           self._places, None if given == Metadata() else given)

    def _beat(self, job_id: int, stop: threading.Event) -> None:
        while not stop.wait(HEARTBEAT_SECONDS):
            jobs.beat(self._engine, job_id)
