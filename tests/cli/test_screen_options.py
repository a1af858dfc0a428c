"""`oversight screen` options: --as-of, --threshold, the matched alias, CSV in and out."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oversight.cli import app
from oversight.screening import MATCHER_VERSION
from tests.listfiles.test_parsers import FIXTURES

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('options') / 'lists.db'}"
    assert runner.invoke(app, ["--db", url, "init", "--empty"]).exit_code == 0
    for edition in ("sdn.xml", "sdn_v2.xml"):
        result = runner.invoke(app, ["--db", url, "lists", "import", str(FIXTURES / edition)])
        assert result.exit_code == 0, result.output
    return url


def screen(db: str, *args: str) -> list[dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["--db", db, "screen", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_as_of_answers_whether_the_name_was_listed_on_that_date(db: str) -> None:
    [today] = screen(db, "Marrowgate Intrusion Systems")
    assert today["match"]["lists"] == [] and today["as_of"] is None
    assert "not in force today" in today["match"]["explanation"]
    [then] = screen(db, "Marrowgate Intrusion Systems", "--as-of", "2026-04-01")
    assert [hit["list"] for hit in then["match"]["lists"]] == ["ofac_sdn"]
    assert then["match"]["lists"][0]["until"] == "2026-06-20" and then["as_of"] == "2026-04-01"
    [before] = screen(db, "Ospreyline Biometrics", "--as-of", "2026-04-01")
    assert before["match"]["lists"] == []


def test_a_bad_as_of_date_is_an_error(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "screen", "x", "--as-of", "last week"])
    assert result.exit_code == 1 and "--as-of" in result.stderr


def test_the_matching_alias_and_its_score_are_given(db: str) -> None:
    [result] = screen(db, "QF Imaging")
    match = result["match"]
    assert (match["matched_name"], match["matched_field"]) == ("QF IMAGING", "listed_name")
    assert match["score"] == 1.0
    table = runner.invoke(app, ["--db", db, "screen", "QF Imaging"]).stdout
    assert "QF IMAGING" in table and "1.00" in table and f"matcher {MATCHER_VERSION}" in table


def test_threshold_changes_what_counts(db: str) -> None:
    [loose] = screen(db, "Tarnwel Data Forensic", "--threshold", "0.8")
    [strict] = screen(db, "Tarnwel Data Forensic", "--threshold", "0.99")
    assert loose["match"] is not None and strict["match"] is None


def test_csv_in_and_out_with_reason_columns(db: str, tmp_path: Path) -> None:
    names = tmp_path / "suppliers.csv"
    names.write_text("supplier,country\nQuillfeather Vision,CN\n=HYPERLINK(\"x\"),US\n"
                     "Acme Bakery Ltd,GB\n", encoding="utf-8")
    out = tmp_path / "screened.csv"
    result = runner.invoke(app, ["--db", db, "screen", "--file", str(names), "--column",
                                 "supplier", "--output", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["query"] for r in rows] == ["Quillfeather Vision", "'=HYPERLINK(\"x\")",
                                         "Acme Bakery Ltd"]
    first = rows[0]
    assert first["match"] == "QUILLFEATHER IMAGING CO., LTD." and first["lists"] == "ofac_sdn"
    assert first["matched_name"] == "QUILLFEATHER VISION" and float(first["score"]) == 1.0
    assert "sdn_v2.xml" in first["citations"] and first["reason"]
    assert first["matcher"] == MATCHER_VERSION and "ofac_sdn" in first["list_versions"]
    assert rows[2]["match"] == "" and rows[2]["reason"] == "no name passes the threshold"
    assert "3 name(s) screened" in result.stdout


def test_the_index_is_kept_beside_the_registry_and_rebuilt_when_lists_change(
        tmp_path: Path) -> None:
    path = tmp_path / "kept.db"
    db = f"sqlite:///{path}"
    assert runner.invoke(app, ["--db", db, "init", "--empty"]).exit_code == 0
    assert runner.invoke(app, ["--db", db, "lists", "import", str(FIXTURES / "sdn.xml")]).exit_code == 0
    [first] = screen(db, "Marrowgate Intrusion Systems")
    kept = tmp_path / "kept.db.screening-index"
    assert kept.exists() and first["match"]["lists"]
    [again] = screen(db, "Marrowgate Intrusion Systems")
    assert again == first
    assert runner.invoke(app, ["--db", db, "lists", "import", str(FIXTURES / "sdn_v2.xml")]).exit_code == 0
    [after] = screen(db, "Marrowgate Intrusion Systems")
    assert after["match"]["lists"] == []  # removed in the new edition: the index was rebuilt
    kept.write_bytes(b"not a pickle")
    [damaged] = screen(db, "Marrowgate Intrusion Systems")
    assert damaged == after
