"""The add-an-article form: CSRF, type and size checks, and a stored article through the real ingest path."""

import io
import re

import pytest

from atlas.store.schema import articles
from atlas.web import db


def csrf_token(client) -> str:
    page = client.get("/add")
    assert page.status_code == 200
    match = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page.get_data(as_text=True))
    assert match, "the form must carry a CSRF token"
    return match.group(1)


def stored_titles(app) -> list[str]:
    with app.app_context(), db.engine().connect() as conn:
        return [row.title for row in conn.execute(articles.select())]


def test_post_without_csrf_token_is_refused(client, app):
    response = client.post("/add", data={"text": "Talks were held in Tbilisi."})
    assert response.status_code == 400
    assert stored_titles(app) == []


def test_pasted_text_is_ingested(client, app):
    token = csrf_token(client)
    response = client.post("/add", data={"csrf_token": token, "text": "Talks in Tbilisi\n\nDiplomats met in Tbilisi.",
                                         "outlet": "Test Wire", "published": "2023-01-15"}, follow_redirects=True)
    assert response.status_code == 200
    assert "Stored 1 article" in response.get_data(as_text=True)
    assert stored_titles(app) == ["Talks in Tbilisi"]


def test_uploaded_file_is_ingested_and_a_second_copy_is_a_duplicate(client, app):
    body = b"Summit in Baku\n\nLeaders gathered in Baku."
    for expected in ("Stored 1 article", "already in the store"):
        data = {"csrf_token": csrf_token(client), "file": (io.BytesIO(body), "report.txt")}
        response = client.post("/add", data=data, content_type="multipart/form-data", follow_redirects=True)
        assert expected in response.get_data(as_text=True)
    assert stored_titles(app) == ["Summit in Baku"]


@pytest.mark.parametrize(("name", "body", "message"), [
    ("evil.exe", b"MZ\x90\x00", "Accepted file types"),
    ("binary.txt", b"abc\x00\x01\x02", "binary file"),
    ("latin1.txt", "Café in Tbilisi".encode("latin-1"), "not valid utf-8"),
])
def test_bad_files_are_refused_with_a_reason(client, app, name, body, message):
    data = {"csrf_token": csrf_token(client), "file": (io.BytesIO(body), name)}
    response = client.post("/add", data=data, content_type="multipart/form-data", follow_redirects=True)
    assert message in response.get_data(as_text=True)
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
