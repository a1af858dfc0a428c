"""`oversight screen` against the bundled registry: the DESIGN.md screening contract."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oversight.cli import app

runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('screen') / 'screen.db'}"
    assert runner.invoke(app, ["--db", url, "init"]).exit_code == 0
    return url


def screen(db: str, *args: str) -> list[dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["--db", db, "screen", *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_contract_shape(db: str) -> None:
    [result] = screen(db, "Hangzhou Hikvision Digital Technology Co., Ltd.")
    assert result["query"] == "Hangzhou Hikvision Digital Technology Co., Ltd."
    match = result["match"]
    assert match["entity"] == "Hikvision" and 0.9 <= match["score"] <= 1
    lists = {entry["list"] for entry in match["lists"]}
    assert {"us_entity_list", "ndaa_889", "fcc_covered_list"} <= lists
    assert all(entry["date"] and entry["citation"] for entry in match["lists"])
    assert "Hangzhou" in match["explanation"]
    assert result["matcher"].startswith("oversight-screen-")


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("HIKVISION DIGITAL TECHNOLOGY CO LTD", "Hikvision"),
        ("Huawei Technologies (Kenya) Co. Limited", "Huawei"),
        ("海康威视", "Hikvision"),
        ("Zhejiang Dahua Technology Co., Ltd.", "Dahua Technology"),
        ("Dahua Foods Co.", None),
        ("Sense Time Travel Agency", None),
    ],
)
def test_bundled_names(db: str, name: str, entity: str | None) -> None:
    [result] = screen(db, name)
    assert (result["match"] or {}).get("entity") == entity


def test_file_and_column(db: str, tmp_path: Path) -> None:
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("supplier,amount\nZTE Corporation,10\n,5\nAcme Bakery Ltd,3\n")
    results = screen(db, "--file", str(suppliers), "--column", "supplier")
    assert [r["query"] for r in results] == ["ZTE Corporation", "Acme Bakery Ltd"]
    assert results[0]["match"]["entity"] == "ZTE" and results[1]["match"] is None


def test_missing_column_is_named(db: str, tmp_path: Path) -> None:
    suppliers = tmp_path / "suppliers.csv"
    suppliers.write_text("vendor\nZTE\n")
    result = runner.invoke(app, ["--db", db, "screen", "--file", str(suppliers)])
    assert result.exit_code == 1
    assert f"{suppliers}:1 [name]: no such column; columns are: vendor" in result.stderr


# --- never "no match" from nothing (issue 12) -----------------------------------------------


@pytest.mark.parametrize("form", ["url", "path"])
def test_a_db_that_does_not_exist_is_an_error_and_is_not_created(tmp_path: Path,
                                                                 form: str) -> None:
    missing = tmp_path / "typo" / "registry.db"
    db = f"sqlite:///{missing}" if form == "url" else str(missing)
    result = runner.invoke(app, ["--db", db, "screen", "Hikvision"])
    assert result.exit_code == 2, result.output
    assert "no registry" in result.stderr and f"oversight --db {db} init" in result.stderr
    assert not missing.exists() and not missing.parent.exists()


def test_a_file_that_is_not_a_registry_is_an_error(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    other.write_bytes(b"")
    result = runner.invoke(app, ["--db", str(other), "screen", "Hikvision"])
    assert result.exit_code == 2 and "not an Oversight registry" in result.stderr


def test_a_registry_without_listings_is_an_error(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'empty.db'}"
    assert runner.invoke(app, ["--db", db, "init", "--empty"]).exit_code == 0
    result = runner.invoke(app, ["--db", db, "screen", "Hikvision"])
    assert result.exit_code == 2
    assert "no restriction-list entries" in result.stderr and "init" in result.stderr


def test_without_any_registry_the_bundled_lists_are_used(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OVERSIGHT_DB_URL", raising=False)
    monkeypatch.setenv("OVERSIGHT_DATA_DIR", str(tmp_path / "var"))
    result = runner.invoke(app, ["screen", "Hangzhou Hikvision Digital Technology Co., Ltd.",
                                 "--json"])
    assert result.exit_code == 0, result.output
    [answer] = json.loads(result.stdout)
    assert answer["match"]["entity"] == "Hikvision"
    assert {v["source"] for v in answer["list_versions"]} == {"bundled"}
    assert "bundled lists" in result.stderr
    assert not (tmp_path / "var").exists()


def test_every_json_answer_states_the_list_versions_and_matcher(db: str) -> None:
    results = screen(db, "Hikvision", "Acme Bakery Ltd")
    for result in results:
        versions = {v["list"]: v for v in result["list_versions"]}
        assert {"us_entity_list", "ndaa_889", "fcc_covered_list"} <= set(versions)
        entity_list = versions["us_entity_list"]
        assert entity_list["entries"] > 10 and entity_list["as_of"] >= "2019-10-09"
        assert result["matcher"].startswith("oversight-screen-")


def test_the_table_states_the_list_versions_and_matcher(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "screen", "Acme Bakery Ltd"])
    assert result.exit_code == 0
    assert "matcher oversight-screen-" in result.stdout
    assert "us_entity_list" in result.stdout and "entries" in result.stdout
