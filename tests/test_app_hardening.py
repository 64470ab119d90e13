"""Hardening found missing by a security and fault probe: the secret key race, database URLs as people write them,
security headers and cookie flags, and the JSON error shape for every error an API path answers."""

from __future__ import annotations

import multiprocessing
import stat
from pathlib import Path

import pytest

import app as application
from atlas.store.engine import with_installed_driver
from atlas.web import MAX_URL_LENGTH, content_security_policy


def _key_in(folder: str, start: multiprocessing.Event, results) -> None:  # type: ignore[valid-type]
    start.wait()
    results.put(application._instance_secret(folder))


def test_processes_starting_together_on_a_fresh_instance_share_one_complete_private_key(tmp_path):
    context = multiprocessing.get_context("fork")
    for attempt in range(15):
        folder = tmp_path / f"instance-{attempt}"
        folder.mkdir()
        start, results = context.Event(), context.Queue()
        workers = [context.Process(target=_key_in, args=(str(folder), start, results)) for _ in range(6)]
        for worker in workers:
            worker.start()
        start.set()
        keys = {results.get(timeout=30) for _ in workers}
        for worker in workers:
            worker.join()
        assert len(keys) == 1 and len(keys.pop()) == 64
        key_file = folder / "secret_key"
        assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
        assert [p.name for p in folder.iterdir()] == ["secret_key"]  # no temporary file left behind


def test_an_empty_key_file_is_an_error_not_an_empty_key(tmp_path):
    (tmp_path / "secret_key").write_text("")
    with pytest.raises(RuntimeError, match="is empty"):
        application._instance_secret(str(tmp_path))


@pytest.mark.parametrize(("written", "used"), [
    ("postgresql://user@host/db", "postgresql+psycopg://user@host/db"),
    ("postgres://user:pw@host:5433/db?sslmode=require", "postgresql+psycopg://user:pw@host:5433/db?sslmode=require"),
    ("postgresql+psycopg://user@host/db", "postgresql+psycopg://user@host/db"),
    ("sqlite:////tmp/atlas.sqlite", "sqlite:////tmp/atlas.sqlite"),
])
def test_database_urls_use_the_installed_driver(written, used):
    assert with_installed_driver(written) == used


def test_a_plain_postgresql_url_makes_an_engine_with_psycopg():
    import sqlalchemy as sa

    engine = sa.create_engine(with_installed_driver("postgresql://user@localhost/db"))
    assert engine.dialect.driver == "psycopg"


@pytest.mark.parametrize("path", ["/", "/api/places", "/add", "/static/atlas.css", "/api/nothing"])
def test_every_answer_carries_the_security_headers(client, path):
    response = client.get(path)
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["X-Frame-Options"] == "DENY"
    policy = response.headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in policy and "default-src 'self'" in policy and "object-src 'none'" in policy


def test_the_policy_admits_a_configured_tile_server_and_nothing_else():
    assert "img-src 'self' data:;" in content_security_policy(None)
    policy = content_security_policy("https://{s}.tile.example.org/{z}/{x}/{y}.png")
    assert "img-src 'self' data: https://*.tile.example.org;" in policy


def test_the_session_cookie_is_same_site_and_http_only(client):
    response = client.get("/add")
    cookie = response.headers["Set-Cookie"]
    assert "SameSite=Lax" in cookie and "HttpOnly" in cookie


@pytest.mark.parametrize(("method", "path", "status"), [
    ("GET", "/api/nothing", 404),
    ("POST", "/api/places", 405),
    ("DELETE", "/api/events", 405),
    ("GET", "/api/places?outlet=" + "x" * MAX_URL_LENGTH, 414),
    ("GET", "/export.csv?outlet=" + "x" * MAX_URL_LENGTH, 414),
])
def test_api_errors_all_have_the_json_shape(client, method, path, status):
    response = client.open(path, method=method)
    assert response.status_code == status
    assert response.is_json and response.json["ok"] is False and response.json["status"] == status


def test_a_long_url_to_a_page_is_refused_too(client):
    assert client.get("/?q=" + "x" * MAX_URL_LENGTH).status_code == 414


def test_an_oversized_form_body_is_413(app, client):
    app.config["WTF_CSRF_ENABLED"] = False
    response = client.post("/add", data={"text": "x" * (app.config["MAX_CONTENT_LENGTH"] + 10)})
    assert response.status_code == 413


def test_an_oversized_api_body_is_a_json_413(app, client):
    response = client.post("/api/places", data="x" * (app.config["MAX_CONTENT_LENGTH"] + 10))
    assert response.status_code in (405, 413) and response.is_json


def test_instance_folder_key_is_not_world_readable_from_the_first_byte(tmp_path, monkeypatch):
    """The key file is never visible with default permissions, even for an instant: it is linked in complete."""
    created_modes = []
    real_link = application.os.link

    def spying_link(source, target):
        created_modes.append(stat.S_IMODE(Path(source).stat().st_mode))
        return real_link(source, target)

    monkeypatch.setattr(application.os, "link", spying_link)
    application._instance_secret(str(tmp_path))
    assert created_modes == [0o600]


@pytest.mark.parametrize(("path", "status"), [
    ("/api/places?limit=5&limit=-1", 400),
    ("/api/places?limit=-1&limit=5", 400),
    ("/api/places?bbox=0,0,1,1&bbox=oops", 400),
    ("/api/events?from=2023-01-01&from=2023-02-01", 400),
    ("/api/places?limit=" + "9" * 5000, 400),
    ("/api/places?from=20230101", 400),
    ("/api/places?from=2023-W01-1", 400),
    ("/api/places?to=٢٠٢٣-٠١-٠١", 400),
    ("/api/places?limit=١٠", 400),
    ("/api/places?bbox=١,0,1,1", 400),
    ("/api/places?bbox=1_0,0,11,1", 400),
    ("/api/articles/١", 404),
    ("/api/articles/99999999999", 404),
    ("/api/places?limit=10&from=2023-01-01&bbox=-10.5,0,+11,1.", 200),
    ("/api/events?type=consult&type=assault", 200),
])
def test_parameters_are_read_one_way_only(client, path, status):
    response = client.get(path)
    assert response.status_code == status
    assert response.is_json and (status == 200 or response.json["status"] == status)


def test_the_export_command_refuses_a_huge_limit_without_a_traceback(runner, tmp_path):
    result = runner.invoke(args=["export", "-o", str(tmp_path / "x.geojson"), "--limit", "9" * 5000])
    assert result.exit_code == 2 and "'limit' must be a whole number" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
