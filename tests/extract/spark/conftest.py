"""Spark tests: one local SparkSession for the whole run, small inputs, and one extraction run of
a labelled corpus with bad records that several tests read.

They skip only when PySpark is not installed and OVERSIGHT_REQUIRE_SPARK is not "1" (CI sets it,
so there a missing PySpark fails instead of passing silently).
"""

from __future__ import annotations

import gzip
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from oversight.extract.pipeline import extract_stream
from oversight.extract.readers import read_inputs
from oversight.extract.resources import Resources
from tests.extract.conftest import DEVSET, FIXTURES


def require_spark() -> None:
    """Skip the calling test module when PySpark is missing, unless Spark is required."""
    try:
        import pyspark  # noqa: F401
    except ImportError:
        if os.environ.get("OVERSIGHT_REQUIRE_SPARK") == "1":
            raise
        pytest.skip("PySpark is not installed (pip install '.[spark]')", allow_module_level=True)


# Records a real feed delivers now and then; each must be skipped, counted and named.
BAD_LINES = [
    b"{broken json\n",
    b'{"id": "no-text", "title": "A record without its text"}\n',
    b'{"id": "number-text", "text": 42}\n',
    b"\x00\x9f\xfe\xff binary junk \x00\x01\x02\n",
    b"[1, 2, 3]\n",
    b"\n",  # a blank line is not a record
]


@pytest.fixture(scope="session")
def spark() -> Iterator[Any]:
    require_spark()
    from oversight.extract.spark import spark_session

    # local[2,4]: two cores, and up to four attempts per task, as on a cluster (the failure test
    # relies on the retries).
    session = spark_session("local[2,4]", {
        "spark.ui.enabled": "false",
        "spark.sql.shuffle.partitions": "2",
        "spark.default.parallelism": "2",
        "spark.driver.memory": "1g",
    })
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="session")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The dev set and the fixtures in three shards: plain JSONL, gzipped JSONL with bad records,
    and a folder."""
    folder = tmp_path_factory.mktemp("spark-corpus")
    dev = (DEVSET / "documents.jsonl").read_bytes().splitlines(keepends=True)
    first = folder / "dev-a.jsonl"
    first.write_bytes(b"".join(dev[:60]))
    second = folder / "dev-b-with-bad-records.jsonl.gz"
    with gzip.open(second, "wb") as out:
        out.writelines(dev[60:80] + BAD_LINES[:3] + dev[80:] + BAD_LINES[3:])
    shard = folder / "more"
    shard.mkdir()
    (shard / "fixtures.jsonl").write_bytes((FIXTURES / "documents.jsonl").read_bytes())
    return [first, second, shard]


def local_results(paths: list[Path], res: Resources) -> tuple[list[dict[str, Any]], list[tuple[str, str]]]:
    """Claims and read failures of the single-machine engine on the same inputs."""
    claims, failures = [], []
    for outcome in extract_stream(read_inputs(paths), res):
        claims.extend(outcome.claims)
        if outcome.state == "failed":
            failures.append((outcome.doc_id, outcome.reason or ""))
    return claims, failures


def canonical(claims: list[dict[str, Any]]) -> list[str]:
    """Claims as sorted JSON texts: equal lists mean the same claims, each the same number of times."""
    return sorted(json.dumps(c, sort_keys=True, ensure_ascii=False) for c in claims)


@pytest.fixture(scope="session")
def spark_run(spark: Any, corpus: list[Path], res: Resources,
              tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    from oversight.extract.spark import run_spark

    output = tmp_path_factory.mktemp("spark-out") / "run"
    summary = run_spark(spark, corpus, output, resources=res)
    return output, summary
