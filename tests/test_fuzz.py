"""Property-based tests: random input to the ingest readers and to every API parameter, and schemathesis against the
OpenAPI document. The promise under test: no uncaught exception; every bad input is a 4xx with the JSON error shape
or a Problem naming the file. Each test prints how many inputs it tried.
"""

from __future__ import annotations

import json
import string
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode

from app import create_app
from atlas.ingest.readers import SUPPORTED, Problem, read_articles
from atlas.records import ArticleRecord

EXAMPLES = 150
API_PARAMETERS = {
    "/api/places": ["bbox", "from", "to", "outlet", "limit", "include"],
    "/api/search": ["q"],
    "/api/events": ["bbox", "from", "to", "outlet", "type", "actor", "min_confidence"],
    "/api/claims": ["bbox", "from", "to", "outlet", "stance", "speaker", "min_confidence"],
    "/export.geojson": ["bbox", "from", "to", "outlet", "limit", "type", "actor", "stance", "speaker",
                        "min_confidence"],
    "/export.csv": ["bbox", "from", "to", "outlet", "limit", "type", "actor", "stance", "speaker", "min_confidence"],
}
HOSTILE_TEXT = st.one_of(
    st.text(max_size=60),
    st.text(alphabet=string.digits + ",.-eE+ ", max_size=40),  # near-misses of numbers, dates and bboxes
    st.sampled_from(["1e309,0,1,1", "nan,nan,nan,nan", "-181,-91,181,91", "2023-02-30", "0000-00-00", "9" * 400,
                     "<script>", "'; DROP TABLE places; --", "\x00", "../../etc/passwd", "9" * 5000, "20230101",
                     "2023-W01-1", "٢٠٢٣-٠١-٠١", "١", "²", "５", "١,٢,٣,٤", "1_000", " 5", "0x10"]),
    # digits of other scripts, which int(), float() and date.fromisoformat() accept in places
    st.text(alphabet="0123456789٠١٢٣٤٥٦٧٨٩０１２３²³¹,.-", min_size=1, max_size=12),
)
SINGLE_VALUED = {"bbox", "from", "to", "limit", "include", "q", "min_confidence"}


class Counter:
    def __init__(self, label: str) -> None:
        self.label, self.count = label, 0

    def report(self, capsys) -> None:
        with capsys.disabled():
            print(f"\nfuzz: {self.count} inputs tried on {self.label}")


@pytest.fixture(scope="module")
def fuzz_app(tmp_path_factory):
    folder = tmp_path_factory.mktemp("fuzz")
    return create_app({"TESTING": True, "DATABASE_URL": f"sqlite:///{folder / 'atlas.sqlite'}",
                       "BASEMAP_PATH": str(folder / "basemap.geojson")})


@pytest.mark.parametrize("suffix", SUPPORTED)
def test_readers_never_raise_on_random_bytes(suffix, capsys):
    counter = Counter(f"the {suffix} reader")

    @settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.one_of(st.binary(max_size=2000), st.text(max_size=2000).map(str.encode),
                          st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=30),
                                       lambda kids: st.lists(kids) | st.dictionaries(st.text(max_size=10), kids),
                                       max_leaves=20).map(lambda value: json.dumps(value).encode())))
    def check(data: bytes) -> None:
        counter.count += 1
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"input{suffix}"
            path.write_bytes(data)
            for item in read_articles(path, 100_000):
                assert isinstance(item, ArticleRecord | Problem)
                if isinstance(item, Problem):
                    assert item.source.startswith(str(path)) and item.reason
                else:
                    assert item.text.strip()

    check()
    counter.report(capsys)


@pytest.mark.parametrize(("path", "parameter"), [(p, q) for p, qs in API_PARAMETERS.items() for q in qs])
def test_api_parameters_answer_200_or_a_json_400(fuzz_app, path, parameter, capsys):
    client = fuzz_app.test_client()
    counter = Counter(f"{path}?{parameter}=")

    @settings(max_examples=EXAMPLES // 3, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(values=st.lists(HOSTILE_TEXT, min_size=1, max_size=3))  # a parameter may come repeated
    def check(values: list[str]) -> None:
        counter.count += 1
        response = client.get(path, query_string=[(parameter, value) for value in values])
        assert response.status_code in (200, 400, 414), (values, response.status_code)  # 414: a URL over the limit
        if response.status_code != 200:
            body = response.get_json()
            assert body["ok"] is False and body["status"] == response.status_code and body["error"]
            return
        if parameter in SINGLE_VALUED and len(values) > 1:
            assert response.status_code == 400, values
        if parameter in ("limit", "from", "to", "bbox", "min_confidence") and any(not v.isascii() for v in values):
            assert response.status_code == 400, values  # digits of other scripts are never read as numbers

    check()
    counter.report(capsys)


def _operations(app) -> list:
    schema = schemathesis.openapi.from_wsgi("/api/openapi.json", app)
    return [result.ok() for result in schema.get_all_operations()]


def test_openapi_operations_never_fail_on_the_server(fuzz_app, capsys):
    """schemathesis generates cases from /api/openapi.json for every documented operation: valid ones, invalid ones
    (negative mode), and cases with a parameter repeated and ids written in digits of other scripts."""
    operations = _operations(fuzz_app)
    assert {op.label for op in operations} >= {"GET /api/places", "GET /api/articles/{article_id}"}
    for operation in operations:
        parameters = operation.definition.raw.get("parameters", [])
        for mode in GenerationMode if parameters else [GenerationMode.POSITIVE]:  # nothing to get wrong without any
            _fuzz_operation(operation, operation.as_strategy(generation_mode=mode), f"{mode.value}", capsys)
        ids = [p["name"] for p in parameters if p.get("in") == "path" and p["schema"].get("type") == "integer"]
        if ids:
            odd = operation.as_strategy(path_parameters={ids[0]: "١٢"})
            _fuzz_operation(operation, odd, "Unicode-digit id", capsys, expect=404)
        queries = {p["name"] for p in parameters if p.get("in") == "query"}
        if "limit" in queries:
            repeated = operation.as_strategy(query={"limit": ["5", "-1"]})
            _fuzz_operation(operation, repeated, "repeated limit", capsys, expect=400)


def _fuzz_operation(operation, strategy, label: str, capsys, expect: int | None = None) -> None:
    counter = Counter(f"{operation.label} (schemathesis, {label})")

    @settings(max_examples=20 if expect else 40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(case=strategy)
    def check(case) -> None:
        counter.count += 1
        response = case.call()
        case.validate_response(response, checks=[not_a_server_error])
        assert response.status_code < 500, (case.path, case.query, response.status_code)
        if expect is not None:
            assert response.status_code == expect, (case.path_parameters, case.query, response.status_code)

    check()
    counter.report(capsys)
