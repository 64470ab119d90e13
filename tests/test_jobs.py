"""The form's job queue: progress and outcome through the API, one claimer per job, and jobs that survive a restart."""

from __future__ import annotations

import threading
import time
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa

from app import create_app
from atlas.store import jobs
from atlas.store.schema import articles
from atlas.store.schema import jobs as jobs_table
from atlas.web import upload
from tests.test_app_upload import csrf_token

STORY = b"Summit in Baku\n\nLeaders gathered in Baku on Monday."


def test_the_job_api_follows_an_upload_from_queued_to_done(client, app):
    data = {"csrf_token": csrf_token(client), "text": STORY.decode()}
    location = client.post("/add", data=data).headers["Location"]
    job_id = int(location.rsplit("/", 1)[1])
    queued = client.get(f"/api/jobs/{job_id}").json
    assert queued["status"] == "queued" and queued["ahead"] == 0 and queued["stored"] == 0
    with app.app_context():
        upload.worker(app).run_pending()
    done = client.get(f"/api/jobs/{job_id}").json
    assert done["status"] == "done" and done["stored"] == 1 and done["problems"] == []
    assert done["article_id"] and client.get(f"/api/articles/{done['article_id']}").json["title"] == "Summit in Baku"
    assert client.get("/api/jobs/999").status_code == 404 and client.get("/api/jobs/999").json["ok"] is False


def test_queued_jobs_count_the_uploads_ahead(app):
    engine = app.extensions["atlas_engine"]
    first, second = jobs.enqueue(engine, "a.txt", ".txt", STORY), jobs.enqueue(engine, "b.txt", ".txt", STORY)
    with engine.connect() as conn:
        assert jobs.job(conn, first).ahead == 0 and jobs.job(conn, second).ahead == 1


def test_each_job_is_claimed_once_however_many_workers_ask(app):
    engine = app.extensions["atlas_engine"]
    queued = {jobs.enqueue(engine, f"{n}.txt", ".txt", STORY) for n in range(20)}
    claimed: list[int] = []

    def claim_all() -> None:
        while (found := jobs.claim_next(engine)) is not None:
            claimed.append(found[0])

    workers = [threading.Thread(target=claim_all) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    assert sorted(claimed) == sorted(queued)


def test_a_job_whose_worker_died_runs_again_after_a_restart(app, tmp_path):
    engine = app.extensions["atlas_engine"]
    job_id = jobs.enqueue(engine, "report.txt", ".txt", STORY)
    assert jobs.claim_next(engine)[0] == job_id  # a worker took it, then its process was killed
    with engine.begin() as conn:
        conn.execute(jobs_table.update().values(heartbeat_at=datetime.now(UTC) - timedelta(minutes=10)))
    restarted = create_app({**app.config, "JOB_WORKER": "thread"})  # the same store, served again
    assert restarted.test_client().get("/api/outlets").status_code == 200  # its first request starts the worker
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        with engine.connect() as conn:
            if jobs.job(conn, job_id).status == jobs.JobStatus.DONE:
                break
        time.sleep(0.2)
    with engine.connect() as conn:
        assert jobs.job(conn, job_id).status == jobs.JobStatus.DONE
        assert conn.execute(sa.select(articles.c.title)).scalars().all() == ["Summit in Baku"]


def test_a_running_job_that_still_beats_is_left_alone(app):
    engine = app.extensions["atlas_engine"]
    job_id = jobs.enqueue(engine, "report.txt", ".txt", STORY)
    jobs.claim_next(engine)
    jobs.beat(engine, job_id)
    assert jobs.requeue_stale(engine) == 0
    with engine.connect() as conn:
        assert jobs.job(conn, job_id).status == jobs.JobStatus.RUNNING


def test_a_job_over_its_time_budget_fails_as_too_slow(client, app):
    app.config.update(INGEST_TIME_BUDGET=0, INGEST_MAX_BYTES=200_000)  # every check is past the budget
    app.extensions.pop("atlas_analyser", None)
    long_story = ("Leaders gathered in Baku on Monday.\n\n" * 3000).encode()  # long enough to be read in sections
    engine = app.extensions["atlas_engine"]
    job_id = jobs.enqueue(engine, "long.txt", ".txt", long_story)
    with app.app_context():
        upload.worker(app).run_pending()
    page = client.get(f"/api/jobs/{job_id}").json
    assert page["status"] == "failed" and page["stored"] == 0
    assert page["problems"] == ["could not be analysed: too slow: the analysis ran past its budget of 0 s for one "
                                "article"]
