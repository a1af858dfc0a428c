"""`oversight leads` lists the AIGS findings that nothing backs yet; `--all` shows every state."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from oversight.app import Registry
from oversight.cli import app
from tests.conftest import FIXTURES

runner = CliRunner()


@pytest.fixture(autouse=True)
def no_searched_leads(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin reconciliation against the fixtures alone, whatever leads are bundled."""
    monkeypatch.setattr("oversight.store.findings.bundled_leads", list)


def test_leads_of_a_country(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    registry = Registry(url)
    registry.load([FIXTURES])
    assert registry.load_aigs()["added"] == 516
    assert registry.load_aigs() == {"added": 0, "removed": 0}

    every = runner.invoke(app, ["--db", url, "leads", "--country", "KEN", "--index", "aigs2019",
                                "--all", "--json"])
    assert every.exit_code == 0, every.output
    states = {f["finding"]: (f["state"], f["deployments"]) for f in json.loads(every.stdout)}
    assert states == {
        "safe_city": ("backed", ["ken-nairobi-safe-city"]),
        "facial_recognition": ("open", []),
        "smart_policing": ("open", []),
        "company:Huawei": ("backed", ["ken-nairobi-safe-city"]),
    }
    open_only = runner.invoke(app, ["--db", url, "leads", "--country", "ken", "--index", "aigs2019"])
    assert "smart_policing" in open_only.stdout and "company:Huawei" not in open_only.stdout
    assert "Carnegie Endowment" in open_only.stdout


def test_bad_options_are_named(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'leads.db'}"
    result = runner.invoke(app, ["--db", url, "leads", "--index", "aigs2020"])
    assert result.exit_code == 1 and "--index 'aigs2020'" in result.stderr


def test_lint_data_reports_counts_per_rule_and_fails(tmp_path: Path) -> None:
    good = runner.invoke(app, ["lint-data", str(FIXTURES / "organisations.yaml"), "--json"])
    report = json.loads(good.stdout)
    assert report["load_problems"] == [] and report["counts"]["duplicate_deployment"] == 0
    bad = tmp_path / "deployments.yaml"
    bad.write_text((FIXTURES / "deployments.yaml").read_text())
    result = runner.invoke(app, ["lint-data", str(FIXTURES / "organisations.yaml"), str(bad)])
    assert result.exit_code == 1
    assert "[single_source_operational] ken-nairobi-safe-city" in result.stdout
