"""The gazetteer's command line as a user meets it: JSON out, clear errors, never a traceback."""

import json
import os
import subprocess
import sys

import pytest

from gazetteer.__main__ import main


def run_cli(*args: bytes | str) -> subprocess.CompletedProcess:
    argv = [os.fsencode(a) if isinstance(a, str) else a for a in args]
    return subprocess.run([sys.executable.encode(), b"-m", b"gazetteer", *argv], capture_output=True, timeout=60)


def test_lookup_prints_ranked_candidates_as_json(capsys):
    assert main(["lookup", "Lachin Corridor"]) == 0
    candidates = json.loads(capsys.readouterr().out)
    top = candidates[0]
    assert top["id"] == "curated:lachin-corridor"
    assert set(top) >= {"id", "name", "kind", "country", "lat", "lon", "geometry_type", "score", "reason"}
    assert top["geometry_type"] == "LineString" and top["kind"] == "corridor"


def test_unknown_name_prints_an_empty_list(capsys):
    assert main(["lookup", "Qwxzzyplonk"]) == 0
    assert json.loads(capsys.readouterr().out) == []


def test_geojson_of_unknown_name_is_a_clear_error(capsys):
    assert main(["lookup", "Qwxzzyplonk", "--geojson"]) == 1
    assert "no place found" in capsys.readouterr().err


@pytest.mark.parametrize("argument", [b"", b"x" * 10_000, b"\x01\x02\x1b[31m", b"\xff\xfe\xc3\x28"])
def test_bad_input_on_the_command_line_never_gives_a_traceback(argument):
    result = run_cli(b"lookup", argument)
    assert b"Traceback" not in result.stderr
    if result.returncode == 0:
        assert json.loads(result.stdout) == []
    else:
        assert result.returncode == 2 and b"error:" in result.stderr


def test_missing_index_is_a_clear_error(tmp_path, capsys):
    assert main(["lookup", "Baku", "--index", str(tmp_path / "none.sqlite")]) == 2
    assert "gazetteer build" in capsys.readouterr().err
