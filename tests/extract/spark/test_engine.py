"""The Spark engine against the single-machine engine: same claims, same bad records, and the
Parquet layout of its output."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from oversight.extract.claims_query import connect
from oversight.extract.parquet import claim_from_row
from oversight.extract.resources import Resources
from tests.extract.conftest import DEVSET
from tests.extract.spark.conftest import canonical, local_results, require_spark

require_spark()


def _spark_claims(output: Path) -> list[dict[str, Any]]:
    connection = connect(output)
    cursor = connection.execute("SELECT * EXCLUDE (published_year) FROM claims")
    names = [d[0] for d in cursor.description]
    return [claim_from_row(dict(zip(names, row, strict=True))) for row in cursor.fetchall()]


def test_spark_gives_the_same_claims_as_the_single_machine_engine(
    spark_run: tuple[Path, dict[str, Any]], corpus: list[Path], res: Resources
) -> None:
    output, summary = spark_run
    local, _ = local_results(corpus, res)
    spark = _spark_claims(output)
    assert len(local) > 100  # the dev set has 149 gold claims: a real comparison, not an empty one
    assert canonical(spark) == canonical(local)
    assert summary["claims"] == len(local)


def test_bad_records_are_skipped_counted_and_named(
    spark_run: tuple[Path, dict[str, Any]], corpus: list[Path], res: Resources
) -> None:
    output, summary = spark_run
    _, local_failures = local_results(corpus, res)
    assert summary["failed"] == len(local_failures) == 5
    errors = pq.read_table(output / "errors").to_pylist()
    assert sorted((e["source"], e["reason"]) for e in errors) == sorted(local_failures)
    assert {e["source"] for e in summary["error_sample"]} == {s for s, _ in local_failures}
    reasons = " ".join(r for _, r in local_failures)
    assert "not a JSON object" in reasons and "record has no 'text' string" in reasons
    # Every good record was still read: the dev set's 111 and the fixtures' 12.
    assert summary["documents"] == 123
    assert json.loads((output / "summary.json").read_text())["failed"] == 5


def test_documents_are_partitioned_by_publication_year_with_an_unknown_partition(
    spark_run: tuple[Path, dict[str, Any]],
) -> None:
    output, summary = spark_run
    years = sorted(p.name for p in (output / "documents").iterdir() if p.is_dir())
    assert "published_year=unknown" in years and "published_year=2019" in years
    connection = connect(output)
    total, relevant, claims = connection.execute(
        "SELECT count(*), count(*) FILTER (relevant), sum(claims) FROM documents").fetchone()
    assert (total, relevant, claims) == (summary["documents"], summary["extracted"], summary["claims"])
    # The fixtures have no publication date but one: they land in `unknown`, with their claims.
    unknown = connection.execute(
        "SELECT count(*) FROM documents WHERE published_year = 'unknown' AND doc_id LIKE 'f%'").fetchone()
    assert unknown == (11,)
    mismatched = connection.execute(
        "SELECT count(*) FROM claims c JOIN documents d ON d.hash = c.doc_hash AND d.doc_id = c.doc_id "
        "WHERE d.published_year <> c.published_year").fetchone()
    assert mismatched == (0,)


def test_parquet_input_gives_the_same_claims_as_jsonl(spark: Any, tmp_path: Path, res: Resources) -> None:
    from oversight.extract.spark import run_spark

    records = [json.loads(line) for line in (DEVSET / "documents.jsonl").read_text().splitlines()]
    table = pa.Table.from_pylist(records + [{"id": "empty-row", "text": None, "title": "no text"}])
    source = tmp_path / "in" / "devset.parquet"
    source.parent.mkdir()
    pq.write_table(table, source, row_group_size=40)
    summary = run_spark(spark, [str(tmp_path / "in" / "*.parquet")], tmp_path / "out", resources=res)
    local, _ = local_results([DEVSET / "documents.jsonl"], res)
    assert canonical(_spark_claims(tmp_path / "out")) == canonical(local)
    assert summary["failed"] == 1 and summary["documents"] == 111
    assert summary["error_sample"][0]["reason"] == "record has no 'text' string"
