"""A web form to add one article: pasted text, an uploaded file or a web address, queued as a job for the ingest
worker (which fetches the page: the request never does).

The request only stores the upload (atlas.store.jobs) and sends the user to the job's page, which shows it queued,
running, then what was stored or why not: the analysis runs in the background (atlas.ingest.jobs), through the same
ingest path as the CLI, so a large upload never holds a request or the store. Flask-WTF supplies the CSRF token (the
form changes the store, so a page elsewhere must not be able to post to it); Flask's MAX_CONTENT_LENGTH refuses
oversized bodies before they are read, and the readers check type and size again.
"""

from __future__ import annotations

import json
from pathlib import Path

from flask import Blueprint, Flask, abort, current_app, jsonify, redirect, render_template, url_for
from flask_wtf import FlaskForm
from flask_wtf.file import FileAllowed, FileField
from wtforms import DateField, StringField, TextAreaField
from wtforms.validators import URL, Length, Optional

from atlas.ingest import parallel
from atlas.ingest.analysis import shared_analyser, shared_catalog
from atlas.ingest.jobs import URL_SUFFIX, JobWorker
from atlas.ingest.parallel import AnalysisBackend
from atlas.ingest.readers import SUPPORTED
from atlas.records import MAX_OUTLET, MAX_URL
from atlas.store import jobs
from atlas.web import db, fetching

bp = Blueprint("upload", __name__)


class ArticleForm(FlaskForm):
    text = TextAreaField("Article text", validators=[Optional()])
    file = FileField("or a file", validators=[FileAllowed([s.lstrip(".") for s in SUPPORTED],
                                                          f"Accepted file types: {', '.join(SUPPORTED)}")])
    title = StringField("Title", validators=[Optional(), Length(max=300)])
    outlet = StringField("Outlet", validators=[Optional(), Length(max=MAX_OUTLET)])
    url = StringField("URL (given alone, the page is fetched and read)",
                      validators=[Optional(), URL(require_tld=False), Length(max=MAX_URL)])
    published = DateField("Published", validators=[Optional()])

    def validate(self, extra_validators=None) -> bool:
        if not super().validate(extra_validators):
            return False
        if self.text.data and self.text.data.strip() and self.file.data:
            self.text.errors.append("Paste the text or choose a file (one of the two).")
            return False
        if not (self.text.data and self.text.data.strip()) and not self.file.data and not self.url.data:
            self.text.errors.append("Paste the text, choose a file, or give the page's URL to have it fetched.")
            return False
        if self.url.data and not self.url.data.lower().startswith(("http://", "https://")):
            self.url.errors.append("Only http:// and https:// addresses can be fetched.")
            return False
        return True

    def fetches(self) -> bool:
        """A URL alone is a page to fetch; with text or a file it is only that article's address."""
        return bool(self.url.data) and not (self.text.data and self.text.data.strip()) and not self.file.data


@bp.route("/add", methods=["GET", "POST"])
def add_article():
    form = ArticleForm()
    if not form.validate_on_submit():
        return render_template("add.html", form=form), 400 if form.is_submitted() else 200
    if form.fetches():
        name, suffix = form.url.data, URL_SUFFIX
        payload = json.dumps(_pasted_article(form)).encode("utf-8")
    elif form.file.data:
        name = Path(form.file.data.filename or "upload").name
        suffix = Path(name).suffix.lower()
        payload = form.file.data.read()
    else:  # pasted text becomes a .json input, so it takes exactly the path an uploaded file would
        name, suffix = "pasted text", ".json"
        payload = json.dumps(_pasted_article(form)).encode("utf-8")
    job_id = jobs.enqueue(db.engine(), name, suffix, payload)
    if current_app.config["JOB_WORKER"] == "thread":
        worker(current_app).start()
    return redirect(url_for("upload.job_page", job_id=job_id))


@bp.get("/add/jobs/<id:job_id>")
def job_page(job_id: int):
    found = jobs.job(db.connection(), job_id)
    if found is None:
        abort(404)
    return render_template("job.html", job=found)


@bp.get("/api/jobs/<id:job_id>")
def job_json(job_id: int):
    found = jobs.job(db.connection(), job_id)
    if found is None:
        abort(404, description=f"no job {job_id}")
    return jsonify({
        "id": found.id, "name": found.name, "status": found.status, "ahead": found.ahead,
        "created_at": found.created_at.isoformat(),
        "started_at": found.started_at.isoformat() if found.started_at else None,
        "finished_at": found.finished_at.isoformat() if found.finished_at else None,
        "stored": found.stored, "duplicates": found.duplicates, "mentions": found.mentions,
        "article_id": found.article_id, "problems": list(found.problems),
    })


def worker(app: Flask) -> JobWorker:
    """The application's one job worker. Its analysis runs in one worker process of its own (JOB_BACKEND
    "process"), or in this process ("inline", for tests)."""
    if "atlas_jobs" not in app.extensions:
        budget = app.config["INGEST_TIME_BUDGET"]
        if app.config["JOB_BACKEND"] == "inline":
            def backend() -> AnalysisBackend:
                return parallel.InProcess(shared_analyser(app))
        else:
            def backend() -> AnalysisBackend:
                return parallel.WorkerProcesses(1, budget)
        app.extensions["atlas_jobs"] = JobWorker(db.engine(), backend, app.config["INGEST_MAX_BYTES"],
                                                 shared_catalog(app), fetching.policy(app, from_browser=True))
    return app.extensions["atlas_jobs"]


def resume_jobs(app: Flask) -> None:
    """Jobs survive a restart: the first request a serving process answers starts its worker if any are waiting."""
    started = False

    @app.before_request
    def start_waiting_jobs() -> None:
        nonlocal started
        if not started:
            started = True
            if app.config["JOB_WORKER"] == "thread" and jobs.has_unfinished(db.engine()):
                worker(app).start()


def _pasted_article(form: ArticleForm) -> dict:
    item = {"text": form.text.data, "title": form.title.data, "outlet": form.outlet.data, "url": form.url.data,
            "published": form.published.data.isoformat() if form.published.data else None}
    return {key: value for key, value in item.items() if value}
