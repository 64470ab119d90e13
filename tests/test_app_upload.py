"""The add-an-article form: CSRF, type and size checks, a queued job, and a stored article through the real ingest
path once the job has run."""

import io
import re

import pytest

from atlas.store.schema import articles, jobs
from atlas.web import db, upload


def csrf_token(client) -> str:
    page = client.get("/add")
    assert page.status_code == 200
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True))
    assert match, "the form must carry a CSRF token"
    return match.group(1)


def post_and_run(client, app, data: dict, **options) -> str:
    """Post the form, check it only queued a job, run the job, and return the job page's text."""
    response = client.post("/add", data=data, **options)
    assert response.status_code == 302 and "/add/jobs/" in response.headers["Location"]
    job_page = response.headers["Location"]
    assert 'data-status="queued"' in client.get(job_page).get_data(as_text=True)
    with app.app_context():
        assert upload.worker(app).run_pending() == 1
    return client.get(job_page).get_data(as_text=True)


def stored_titles(app) -> list[str]:
    with app.app_context(), db.engine().connect() as conn:
        return [row.title for row in conn.execute(articles.select())]


def test_post_without_csrf_token_is_refused(client, app):
    response = client.post("/add", data={"text": "Talks were held in Tbilisi."})
    assert response.status_code == 400
    assert stored_titles(app) == []


def test_pasted_text_is_ingested(client, app):
    token = csrf_token(client)
    page = post_and_run(client, app, {"csrf_token": token, "text": "Talks in Tbilisi\n\nDiplomats met in Tbilisi.",
                                      "outlet": "Test Wire", "published": "2023-01-15"})
    assert "Stored 1 article" in page and 'data-status="done"' in page
    assert stored_titles(app) == ["Talks in Tbilisi"]


def test_uploaded_file_is_ingested_and_a_second_copy_is_a_duplicate(client, app):
    body = b"Summit in Baku\n\nLeaders gathered in Baku."
    for expected in ("Stored 1 article", "already in the store"):
        data = {"csrf_token": csrf_token(client), "file": (io.BytesIO(body), "report.txt")}
        assert expected in post_and_run(client, app, data, content_type="multipart/form-data")
    assert stored_titles(app) == ["Summit in Baku"]
    with app.app_context(), db.engine().connect() as conn:  # the source names the upload, not a temporary path
        assert conn.execute(articles.select()).one().source == "form job 1: report.txt"
        assert all(row.payload is None for row in conn.execute(jobs.select()))  # the upload is not kept


def test_a_file_of_the_wrong_type_is_refused_by_the_form(client, app):
    data = {"csrf_token": csrf_token(client), "file": (io.BytesIO(b"MZ\x90\x00"), "evil.exe")}
    response = client.post("/add", data=data, content_type="multipart/form-data")
    assert response.status_code == 400 and "Accepted file types" in response.get_data(as_text=True)
    assert stored_titles(app) == []


@pytest.mark.parametrize(("name", "body", "message"), [
    ("binary.txt", b"abc\x00\x01\x02", "binary file"),
    ("latin1.txt", "Café in Tbilisi".encode("latin-1"), "not valid utf-8"),
    ("deep.json", b"[" * 100_00 + b"]" * 100_00, "nested too deeply"),
])
def test_bad_files_fail_their_job_with_a_reason(client, app, name, body, message):
    data = {"csrf_token": csrf_token(client), "file": (io.BytesIO(body), name)}
    page = post_and_run(client, app, data, content_type="multipart/form-data")
    assert message in page and 'data-status="failed"' in page
    assert stored_titles(app) == []


def test_oversized_upload_is_refused_before_reading(client, app):
    data = {"csrf_token": csrf_token(client), "file": (io.BytesIO(b"x" * 200_000), "big.txt")}
    response = client.post("/add", data=data, content_type="multipart/form-data")
    assert response.status_code == 413
    assert stored_titles(app) == []


def test_text_and_file_together_is_a_form_error(client, app):
    data = {"csrf_token": csrf_token(client), "text": "Tbilisi", "file": (io.BytesIO(b"Baku"), "a.txt")}
    response = client.post("/add", data=data, content_type="multipart/form-data")
    assert response.status_code == 400
    assert "one of the two" in response.get_data(as_text=True)


def test_hostile_text_is_shown_escaped_in_the_form(client):
    data = {"csrf_token": csrf_token(client), "text": "", "title": "<script>alert(1)</script>"}
    page = client.post("/add", data=data).get_data(as_text=True)
    assert "<script>alert(1)</script>" not in page
