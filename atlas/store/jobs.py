"""The queue of articles added through the web form, kept in the store so that it survives a restart.

Every process that serves the app may run a worker (atlas.ingest.jobs); a job is claimed by an update that only
one of them can win, and a running job whose worker stopped beating (killed, restarted) goes back to the queue.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

import sqlalchemy as sa

from atlas.store.schema import jobs

STALE_AFTER = timedelta(minutes=2)  # a worker beats every few seconds while a job runs


class JobStatus(StrEnum):
    QUEUED = "queued"
    RUNNING = "running"
    DONE = "done"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class Job:
    id: int
    name: str
    suffix: str
    status: JobStatus
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    stored: int
    duplicates: int
    mentions: int
    article_id: int | None
    problems: tuple[str, ...]
    ahead: int  # queued jobs before this one


@dataclass(frozen=True, slots=True)
class Outcome:
    stored: int
    duplicates: int
    mentions: int
    article_id: int | None
    problems: tuple[str, ...]


def enqueue(engine: sa.Engine, name: str, suffix: str, payload: bytes) -> int:
    with engine.begin() as conn:
        return conn.execute(jobs.insert().values(
            name=name[:300], suffix=suffix, payload=payload, status=JobStatus.QUEUED, created_at=_now(),
            stored=0, duplicates=0, mentions=0, problems="",
        )).inserted_primary_key[0]


def claim_next(engine: sa.Engine) -> tuple[int, str, str, bytes] | None:
    """The oldest queued job, now running: (id, name, suffix, payload); None when the queue is empty."""
    while True:
        with engine.begin() as conn:
            row = conn.execute(sa.select(jobs.c.id, jobs.c.name, jobs.c.suffix, jobs.c.payload)
                               .where(jobs.c.status == JobStatus.QUEUED).order_by(jobs.c.id).limit(1)).first()
            if row is None:
                return None
            won = conn.execute(jobs.update().where(jobs.c.id == row.id, jobs.c.status == JobStatus.QUEUED).values(
                status=JobStatus.RUNNING, started_at=_now(), heartbeat_at=_now())).rowcount
            if won:
                return row.id, row.name, row.suffix, bytes(row.payload or b"")


def beat(engine: sa.Engine, job_id: int) -> None:
    with engine.begin() as conn:
        conn.execute(jobs.update().where(jobs.c.id == job_id, jobs.c.status == JobStatus.RUNNING)
                     .values(heartbeat_at=_now()))


def finish(engine: sa.Engine, job_id: int, outcome: Outcome) -> None:
    status = JobStatus.DONE if outcome.stored or outcome.duplicates or not outcome.problems else JobStatus.FAILED
    with engine.begin() as conn:
        conn.execute(jobs.update().where(jobs.c.id == job_id).values(
            status=status, finished_at=_now(), payload=None, stored=outcome.stored, duplicates=outcome.duplicates,
            mentions=outcome.mentions, article_id=outcome.article_id, problems="\n".join(outcome.problems)))


def requeue_stale(engine: sa.Engine) -> int:
    """Put back the running jobs whose worker has stopped beating; returns how many."""
    with engine.begin() as conn:
        return conn.execute(jobs.update().where(jobs.c.status == JobStatus.RUNNING,
                                                jobs.c.heartbeat_at < _now() - STALE_AFTER)
                            .values(status=JobStatus.QUEUED, started_at=None, heartbeat_at=None)).rowcount


def has_unfinished(engine: sa.Engine) -> bool:
    """Whether any job is queued or was left running (by a worker that may have stopped with its process)."""
    with engine.connect() as conn:
        return conn.execute(sa.select(jobs.c.id).where(jobs.c.status.in_(
            [JobStatus.QUEUED, JobStatus.RUNNING])).limit(1)).first() is not None


def job(conn: sa.Connection, job_id: int) -> Job | None:
    row = conn.execute(sa.select(*[c for c in jobs.c if c.name not in ("payload", "heartbeat_at")])
                       .where(jobs.c.id == job_id)).first()
    if row is None:
        return None
    ahead = 0
    if row.status == JobStatus.QUEUED:
        ahead = conn.execute(sa.select(sa.func.count()).select_from(jobs).where(
            jobs.c.status == JobStatus.QUEUED, jobs.c.id < job_id)).scalar_one()
    return Job(row.id, row.name, row.suffix, JobStatus(row.status), row.created_at, row.started_at, row.finished_at,
               row.stored, row.duplicates, row.mentions, row.article_id,
               tuple(line for line in row.problems.splitlines() if line), ahead)


def _now() -> datetime:
    return datetime.now(UTC)
