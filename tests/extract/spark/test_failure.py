"""A Python worker killed in the middle of a task: Spark retries the task, and the output still
has every claim exactly once."""

from __future__ import annotations

import os
import sys
from functools import partial
from pathlib import Path
from typing import Any

from oversight.extract.resources import Resources
from tests.extract.spark.conftest import canonical, local_results, require_spark
from tests.extract.spark.test_engine import _spark_claims

require_spark()


def kill_first_attempt(marker: str, number: int) -> None:
    """Runs before each record on the workers: the first time the first task reaches its 40th
    record, leave a marker and kill the Python worker outright (no exception, no cleanup)."""
    from pyspark import TaskContext

    context = TaskContext.get()
    if context is not None and context.partitionId() == 0 and number == 40 and not os.path.exists(marker):
        Path(marker).write_text(f"attempt {context.attemptNumber()}\n")
        os._exit(1)


def test_a_worker_killed_mid_task_loses_and_duplicates_no_claim(
    spark: Any, corpus: list[Path], res: Resources, tmp_path: Path
) -> None:
    from pyspark import cloudpickle

    from oversight.extract.spark import run_spark

    # The fault runs on the workers: ship its code with the job, not as an import of this module.
    cloudpickle.register_pickle_by_value(sys.modules[__name__])
    marker = tmp_path / "killed"
    try:
        summary = run_spark(spark, corpus, tmp_path / "out", resources=res,
                            fault=partial(kill_first_attempt, str(marker)))
    finally:
        cloudpickle.unregister_pickle_by_value(sys.modules[__name__])
    assert marker.read_text() == "attempt 0\n"  # the first attempt of the task died
    local, failures = local_results(corpus, res)
    assert canonical(_spark_claims(tmp_path / "out")) == canonical(local)
    # The counters of the killed attempt are not merged either.
    assert (summary["claims"], summary["failed"], summary["documents"]) == (len(local), len(failures), 123)
