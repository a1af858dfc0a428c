"""Assessments saved with a registry deployment appear in its view."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from oversight.app import Registry
from oversight.cli import app
from oversight.store import queries
from tests.conftest import FIXTURES

runner = CliRunner()


def test_assess_save(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'assess.db'}"
    Registry(url).load([FIXTURES])
    result = runner.invoke(app, ["--db", url, "assess", "gbr-london-lfr", "--save", "--by", "ana",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    with Registry(url).session() as session:
        view = queries.deployment(session, "gbr-london-lfr")
    [saved] = view["assessments"]
    assert saved["assessed_by"] == "ana" and saved["ai_act"]
    refused = runner.invoke(app, ["--db", url, "assess",
                                  str(Path("examples/assessments/facial-scraping.yaml").resolve()),
                                  "--save"])
    assert refused.exit_code == 1 and "--save needs a deployment id" in refused.stderr
