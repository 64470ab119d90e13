"""`python -m evaluation.places` writes predictions in the corpus format and prints the referee's metrics for them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from evaluation.place_scoring import format_metrics, score

ROOT = Path(__file__).resolve().parents[1]


def write_corpus(path: Path) -> list[dict]:
    first = "Talks between Armenia and Azerbaijan resumed in Washington. Baku welcomed them."
    second = "No places here, only a quarterly report."
    docs = [
        {"id": "d1", "text": first, "toponyms": [
            {"name": "Armenia", "start": 14, "end": 21, "lat": 40.0, "lon": 45.0},
            {"name": "Azerbaijan", "start": 26, "end": 36, "lat": 40.5, "lon": 47.5},
            {"name": "Washington", "start": 48, "end": 58, "lat": 38.89511, "lon": -77.03637},
            {"name": "Baku", "start": 60, "end": 64, "lat": 40.37767, "lon": 49.89201},
        ]},
        {"id": "d2", "text": second, "toponyms": []},
    ]
    path.write_text("".join(json.dumps(d) + "\n" for d in docs), encoding="utf-8")
    return docs


def test_cli_writes_predictions_and_prints_metrics(tmp_path):
    corpus, out = tmp_path / "corpus.jsonl", tmp_path / "pred.jsonl"
    docs = write_corpus(corpus)
    result = subprocess.run([sys.executable, "-m", "evaluation.places", str(corpus), "--out", str(out)], cwd=ROOT,
                            capture_output=True, text=True, timeout=300, check=True)
    predictions = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [p["id"] for p in predictions] == ["d1", "d2"]
    assert predictions[1]["toponyms"] == []
    found = predictions[0]["toponyms"]
    assert [t["name"] for t in found] == ["Armenia", "Azerbaijan", "Washington", "Baku"]
    for toponym in found:
        assert docs[0]["text"][toponym["start"]:toponym["end"]] == toponym["name"]
        assert set(toponym) >= {"name", "start", "end", "lat", "lon"}
    expected = score({d["id"]: d["toponyms"] for d in docs}, {p["id"]: p["toponyms"] for p in predictions})
    assert expected["F1"] == 1.0 and expected["acc161"] == 1.0
    assert result.stdout.strip() == format_metrics(expected)


def test_cli_rejects_missing_arguments():
    result = subprocess.run([sys.executable, "-m", "evaluation.places"], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode != 0 and "--out" in result.stderr
