"""`oversight audit verify|log` and `oversight delete`, as a user runs them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import text
from typer.testing import CliRunner

from oversight.cli import app
from oversight.store.db import connect
from tests.conftest import FIXTURES

runner = CliRunner()
NAIROBI = "ken-nairobi-safe-city"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("OVERSIGHT_USER", "loader-lee")
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    result = runner.invoke(app, ["--db", url, "load", str(FIXTURES / "organisations.yaml"),
                                 str(FIXTURES / "deployments.yaml")])
    assert result.exit_code == 0, result.output
    return url


def test_verify_reports_an_intact_log_in_one_line(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "audit", "verify"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("audit log intact: ")
    assert len(result.stdout.strip().splitlines()) == 1


def test_verify_exits_1_naming_the_altered_entry(db: str) -> None:
    engine = connect(db)
    with engine.begin() as connection:
        connection.execute(text("DROP TRIGGER audit_log_no_update"))
        connection.execute(text("UPDATE audit_log SET actor = 'mallory' WHERE seq = 5"))
    engine.dispose()
    result = runner.invoke(app, ["--db", db, "audit", "verify"])
    assert result.exit_code == 1
    assert "audit log broken at entry 5" in result.stderr
    assert "altered" in result.stderr
    report = json.loads(runner.invoke(app, ["--db", db, "audit", "verify", "--json"]).stdout)
    assert report["intact"] is False and report["problems"][0]["seq"] == 5


def test_log_lists_one_records_history_as_json(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "audit", "log", "--entity", "deployment", "--id", NAIROBI,
                                 "--json"])
    assert result.exit_code == 0, result.output
    (entry,) = json.loads(result.stdout)
    assert (entry["action"], entry["actor"], entry["entity_id"]) == ("create", "loader-lee", NAIROBI)
    assert entry["after"]["status"] == "operational"


def test_log_table_shows_the_latest_entries(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "audit", "log", "--limit", "3"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "audit log (3 entries)" in result.stdout


def test_delete_records_who_and_why(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "delete", NAIROBI, "--actor", "admin-ana",
                                 "--note", "duplicate record"])
    assert result.exit_code == 0, result.output
    assert f"deleted deployment {NAIROBI}" in result.stdout
    shown = runner.invoke(app, ["--db", db, "show", NAIROBI])
    assert shown.exit_code == 1
    log = json.loads(runner.invoke(app, ["--db", db, "audit", "log", "--entity", "deployment",
                                         "--id", NAIROBI, "--json"]).stdout)
    assert [(e["action"], e["actor"], e["note"]) for e in log][-1] == ("delete", "admin-ana",
                                                                       "duplicate record")
    assert runner.invoke(app, ["--db", db, "audit", "verify"]).exit_code == 0


def test_delete_without_actor_uses_oversight_user(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "delete", NAIROBI, "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["actor"] == "loader-lee"


def test_delete_of_a_missing_deployment_exits_1(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "delete", "no-such-deployment"])
    assert result.exit_code == 1
    assert "no deployment with id 'no-such-deployment'" in result.stderr
