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
