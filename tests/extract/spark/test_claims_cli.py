"""`oversight extract --engine spark`, `oversight claims query` and `oversight claims import`,
through the CLI, into a SQLite registry's review queue."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from oversight.app import Registry
from oversight.cli.main import app
from tests.extract.spark.conftest import require_spark

require_spark()

runner = CliRunner()


def test_extract_with_the_spark_engine_from_the_cli(spark: Any, corpus: list[Path], tmp_path: Path) -> None:
    output = tmp_path / "out"
    result = runner.invoke(app, ["extract", "--engine", "spark", *map(str, corpus), "--output", str(output),
                                 "--json"])
    # Bad records make the exit code 1, as with the local engine, after everything else is written.
    assert result.exit_code == 1, result.output
    summary = json.loads(result.stdout)
    assert summary["failed"] == 5 and summary["claims"] > 100
    assert spark.sparkContext._jsc is not None  # the session the CLI found running is left running
    bad = runner.invoke(app, ["extract", "--engine", "spark", str(tmp_path / "missing"), "--output",
                              str(tmp_path / "x")])
    assert bad.exit_code == 2 and "no such file or folder" in bad.output


def test_query_the_claims_with_sql(spark_run: tuple[Path, dict[str, Any]]) -> None:
    output, summary = spark_run
    result = runner.invoke(app, ["claims", "query", "SELECT technology, count(*) AS n FROM claims "
                                 "GROUP BY technology ORDER BY n DESC", "--output", str(output), "--json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert sum(r["n"] for r in rows) == summary["claims"]
    assert {r["technology"] for r in rows} <= {
        "facial_recognition", "biometric_identification", "safe_city", "smart_policing",
        "video_surveillance", "social_media_monitoring", "big_data_platform"}
    table = runner.invoke(app, ["claims", "query", "SELECT count(*) AS documents FROM documents",
                                "--output", str(output)])
    assert table.exit_code == 0 and str(summary["documents"]) in table.stdout
    wrong = runner.invoke(app, ["claims", "query", "SELECT nope FROM claims", "--output", str(output)])
    assert wrong.exit_code == 1 and "nope" in wrong.output
    missing = runner.invoke(app, ["claims", "query", "SELECT 1", "--output", str(output / "documents")])
    assert missing.exit_code == 1 and "not an extraction output" in missing.output


def test_import_selected_claims_into_the_review_queue_twice_adds_nothing(
    spark_run: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    output, _ = spark_run
    db = f"sqlite:///{tmp_path / 'registry.db'}"
    where = "country = 'KEN' AND confidence >= 0.5"
    expected = runner.invoke(app, ["claims", "query", f"SELECT count(*) AS n, count(DISTINCT doc_hash) AS d "
                                   f"FROM claims WHERE {where}", "--output", str(output), "--json"])
    counts = json.loads(expected.stdout)[0]
    assert counts["n"] > 0
    first = runner.invoke(app, ["--db", db, "claims", "import", str(output), "--where", where, "--json"])
    assert first.exit_code == 0, first.output
    report = json.loads(first.stdout)
    assert report == {"documents": counts["d"], "selected": counts["n"], "added": counts["n"]}
    again = runner.invoke(app, ["--db", db, "claims", "import", str(output), "--where", where, "--json"])
    assert json.loads(again.stdout)["added"] == 0
    proposals = Registry(db).proposals()
    assert proposals and {p["key"].split("|")[0] for p in proposals} == {"KEN"}
    # The rest of the output joins the same queue; the Kenyan claims are not added twice.
    rest = runner.invoke(app, ["--db", db, "claims", "import", str(output), "--json"])
    report = json.loads(rest.stdout)
    assert report["added"] == report["selected"] - counts["n"]
