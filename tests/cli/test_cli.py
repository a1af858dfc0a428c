"""The CLI as a user runs it: every read command prints JSON with --json, errors exit 1."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oversight.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(app, ["--db", url, "load", str(FIXTURES / "organisations.yaml"),
                                 str(FIXTURES / "deployments.yaml")])
    assert result.exit_code == 0, result.output
    return url


def run_json(db: str, *args: str) -> object:
    result = runner.invoke(app, ["--db", db, *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_load_reports_counts(db: str) -> None:
    report = run_json(db, "load", str(FIXTURES / "deployments.yaml"))
    assert report == {"created": {}, "updated": {}, "unchanged": {"deployment": 4},
                      "duplicates_in_input": 0}


def test_load_error_names_file_line_and_field(db: str, tmp_path: Path) -> None:
    bad = tmp_path / "deployments.csv"
    bad.write_text("id,country,technologies,status,source_url\n"
                   "ken-x,KEN,safe_city,operational,https://news.example.org/x\n"
                   "ken-y,Kenya,safe_city,operational,https://news.example.org/y\n")
    result = runner.invoke(app, ["--db", db, "load", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:3 [country]" in result.stderr
    assert "nothing was written" in result.stderr
    assert run_json(db, "deployments", "--country", "KEN")[0]["id"] == "ken-nairobi-safe-city"
    assert len(run_json(db, "deployments")) == 4


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--country", "UGA"], ["uga-kampala-cctv"]),
        (["--vendor", "Huawei", "--technology", "safe_city"], ["ken-nairobi-safe-city"]),
        (["--vendor-country", "JPN"], ["gbr-london-lfr"]),
        (["--status", "cancelled"], ["ecu-national-ecu911"]),
        (["--since", "2016", "--until", "2019"], ["gbr-london-lfr", "uga-kampala-cctv"]),
        (["--q", "police"], ["gbr-london-lfr", "ken-nairobi-safe-city", "uga-kampala-cctv"]),
    ],
)
def test_deployments_filters(db: str, args: list[str], expected: list[str]) -> None:
    assert [d["id"] for d in run_json(db, "deployments", *args)] == expected


def test_bad_choice_is_a_clear_error(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "deployments", "--technology", "telepathy"])
    assert result.exit_code == 1 and "--technology 'telepathy' is not one of" in result.stderr


def test_show_vendor_country(db: str) -> None:
    assert run_json(db, "show", "gbr-london-lfr")["suppliers"][0]["name"] == "NEC"
    assert run_json(db, "vendor", "海康威视")["subsidiaries"] == ["Ezviz"]
    assert run_json(db, "country", "KEN")["deployments"][0]["city"] == "Nairobi"
    assert {v["name"] for v in run_json(db, "vendors")} >= {"Huawei", "NEC"}
    assert [c["country"] for c in run_json(db, "countries")] == ["ECU", "GBR", "KEN", "UGA"]


def test_not_found(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "show", "atlantis-1"])
    assert result.exit_code == 1 and "no deployment with id 'atlantis-1'" in result.stderr


def test_stats(db: str) -> None:
    figures = run_json(db, "stats", "--technology", "facial_recognition")
    assert figures["deployments"] == 2 and figures["by_supplier_country"] == {"CHN": 1, "JPN": 1}
    human = runner.invoke(app, ["--db", db, "stats"])
    assert "4 deployments in 4 countries" in human.stdout and "Oversight index" in human.stdout


def test_index_matches_stats_and_has_a_series(db: str) -> None:
    table = run_json(db, "index")
    assert table["countries"] == run_json(db, "stats")["index"]
    assert [c["key"] for c in table["definition"]["components"]] == ["breadth", "depth", "suppliers"]
    series = run_json(db, "index", "--series", "KEN")
    assert series["country"] == "KEN" and series["series"][-1]["score"] > 0


@pytest.mark.parametrize("fmt", ["csv", "json", "jsonl", "parquet", "geojson", "ftm"])
def test_export_to_file(db: str, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"export.{fmt}"
    result = runner.invoke(app, ["--db", db, "export", "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 100
    assert not out.with_name(out.name + ".partial").exists()


def test_export_csv_to_stdout_with_filter(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "export", "--format", "csv", "--country", "KEN"])
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["ken-nairobi-safe-city"]


def test_init_loads_the_bundled_dataset(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    first = runner.invoke(app, ["--db", url, "init", "--json"])
    assert first.exit_code == 0, first.output
    assert json.loads(first.stdout)["created"]["deployment"] >= 100
    again = json.loads(runner.invoke(app, ["--db", url, "init", "--json"]).stdout)
    assert again["created"] == {} and again["updated"] == {}
