"""`extract` and `evaluate` registered on a fresh Typer app."""

from __future__ import annotations

import json
from pathlib import Path

import typer
from typer.testing import CliRunner

from oversight.cli.extract import register
from tests.extract.conftest import FIXTURES

runner = CliRunner()


def _app() -> typer.Typer:
    app = typer.Typer()
    register(app)
    return app


def test_extract_writes_claims_and_resumes(tmp_path: Path) -> None:
    output = tmp_path / "claims.jsonl"
    args = [
        "extract",
        str(FIXTURES / "documents.jsonl"),
        str(FIXTURES / "html"),
        "--output",
        str(output),
        "--json",
    ]
    result = runner.invoke(_app(), args)
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    assert summary["documents"] == 13 and summary["failed"] == 0
    claims = [json.loads(line) for line in output.read_text().splitlines()]
    assert len(claims) == summary["claims"] > 0
    again = json.loads(runner.invoke(_app(), args).stdout)
    assert again["claims"] == 0 and again["already_done"] == 13
    assert len(output.read_text().splitlines()) == len(claims)


def test_extract_fails_with_exit_1_when_an_input_cannot_be_read(tmp_path: Path) -> None:
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    result = runner.invoke(
        _app(),
        ["extract", str(bad), str(FIXTURES / "txt"), "-o", str(tmp_path / "c.jsonl"), "--workers", "2"],
    )
    assert result.exit_code == 1
    assert "bad.pdf" in result.output and "1 failed" in result.output


def test_evaluate_documents_and_claims(tmp_path: Path) -> None:
    gold = FIXTURES / "gold.jsonl"
    inputs = [str(FIXTURES / "documents.jsonl"), str(FIXTURES / "html"), str(FIXTURES / "txt")]
    result = runner.invoke(
        _app(),
        ["evaluate", "--gold", str(gold), "--json", *[a for path in inputs for a in ("--documents", path)]],
    )
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)
    assert scores["f1"] >= 0.85 and {"precision", "recall", "status_accuracy", "year_accuracy"} <= set(scores)

    claims = tmp_path / "claims.jsonl"
    runner.invoke(_app(), ["extract", *inputs, "-o", str(claims)])
    table = runner.invoke(_app(), ["evaluate", "--gold", str(gold), "--claims", str(claims)])
    assert table.exit_code == 0 and "precision" in table.stdout
    assert (
        json.loads(
            runner.invoke(_app(), ["evaluate", "--gold", str(gold), "--claims", str(claims), "--json"]).stdout
        )["f1"]
        == scores["f1"]
    )


def test_evaluate_needs_claims_or_documents() -> None:
    assert runner.invoke(_app(), ["evaluate", "--gold", str(FIXTURES / "gold.jsonl")]).exit_code == 2


def test_evaluate_a_folder_that_holds_its_gold_file() -> None:
    result = runner.invoke(
        _app(), ["evaluate", "--gold", str(FIXTURES / "gold.jsonl"), "--documents", str(FIXTURES), "--json"]
    )
    assert result.exit_code == 0, result.output
    assert "error" not in result.output
    assert json.loads(result.stdout)["f1"] >= 0.85
