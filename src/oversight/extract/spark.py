"""The Spark engine: the single-machine pipeline, unchanged, inside Spark tasks.

Every record goes through ``pipeline.extract_item`` (prefilter → segment → tag → relate →
resolve), the same function the streaming runner calls, so both engines give the same claims.
What Spark adds is where the records come from and where the results go:

- JSONL (plain or gzipped) is read by ``readers.read_path`` inside the tasks, one file per
  task, so ids, line numbers and error messages are those of the single-machine engine.
  Parquet with ``id`` and ``text`` columns is read by Spark and handed to the tasks as Arrow.
- The extractor's dictionaries are built once on the driver and broadcast (see
  ``worker_resources``).
- Bad records are skipped and counted with accumulators; the job never fails because of one.
- Each task writes its documents, claims and errors as Parquet (pyarrow) into a folder of its
  own attempt, and returns the list of files it wrote. Spark returns the result of exactly one
  successful attempt per task, and only those files are moved into the datasets (the
  commit protocol of Spark's own writers, done here): a retried or killed task neither loses nor
  duplicates claims. Writing in the Python task keeps the JVM out of the data path: converting a
  million document rows for Spark's writer cost about as much CPU as the extraction itself.

Inputs and the output must be on a filesystem that the driver and every worker see (a local
disk in local mode, a shared mount on a cluster).
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from oversight.extract.parquet import DATASETS, PARTITION, arrow_schema, claim_values, publication_year
from oversight.extract.pipeline import extract_item
from oversight.extract.readers import (
    JSONL_SUFFIXES,
    MAX_BYTES,
    Document,
    RawLine,
    ReadError,
    parse_line,
    read_path,
)
from oversight.extract.resources import EXTRACTOR_VERSION, Resources, build_resources

COUNTERS = ("records", "extracted", "skipped", "failed", "claims", "bytes")
PARQUET_FIELDS = ("id", "text", "url", "title", "published", "language")
ERROR_SAMPLE = 50


class SparkInputError(ValueError):
    """An input the Spark engine cannot read: named, before any job starts."""


@dataclass
class Inputs:
    jsonl: list[str] = field(default_factory=list)
    parquet: list[str] = field(default_factory=list)


def _kind(path: Path) -> str | None:
    name = path.name.lower()
    if name.startswith((".", "_")):  # Spark's and Hadoop's markers (_SUCCESS, .crc files)
        return None
    if name.endswith(JSONL_SUFFIXES):
        return "jsonl"
    return "parquet" if name.endswith(".parquet") else None


def find_inputs(inputs: Iterable[str | Path]) -> Inputs:
    """JSONL and Parquet files of the inputs: files, folders (recursively) and glob patterns."""
    found = Inputs()
    for item in inputs:
        text = str(item)
        if "://" in text and not text.startswith("file://"):
            raise SparkInputError(f"{text}: only local or mounted paths are read (no URL schemes)")
        text = text.removeprefix("file://")
        matches = sorted(glob.glob(text, recursive=True)) if glob.has_magic(text) else [text]
        if not matches:
            raise SparkInputError(f"{text}: no file matches this pattern")
        for match in matches:
            path = Path(match)
            if path.is_dir():
                files = sorted(p for p in path.rglob("*") if p.is_file() and _kind(p))
            elif path.is_file():
                if _kind(path) is None:
                    raise SparkInputError(f"{path}: not a .jsonl, .jsonl.gz or .parquet file")
                files = [path]
            else:
                raise SparkInputError(f"{path}: no such file or folder")
            for file in files:
                getattr(found, _kind(file) or "jsonl").append(str(file.resolve()))
    if not found.jsonl and not found.parquet:
        raise SparkInputError("no .jsonl, .jsonl.gz or .parquet file in the inputs")
    return found


# --- on the workers ------------------------------------------------------------------------

# The Aho-Corasick automata cannot be pickled, so the broadcast carries the Resources without
# them (Resources.__getstate__ drops them), and each Python worker process builds them on its
# first task. PySpark keeps a broadcast's value in the worker process once read, and Spark reuses
# Python workers between tasks (spark.python.worker.reuse, on by default), so the automata,
# kept inside that value, are built once per worker process, not per task or record.


def worker_resources(broadcast: Any) -> Resources:
    res: Resources = broadcast.value
    res.automaton("prefilter")
    res.automaton("tag")
    return res


class _TaskWriter:
    """Parquet files of one task attempt: one per dataset and publication year, written in row
    groups of ROW_GROUP rows so that memory stays flat."""

    ROW_GROUP = 8192

    def __init__(self, folder: Path, name: str) -> None:
        self.folder, self.name = folder, name
        self.buffers: dict[tuple[str, str | None], list[tuple[Any, ...]]] = {}
        self.writers: dict[tuple[str, str | None], Any] = {}
        self.rows: dict[tuple[str, str | None], int] = {}

    def add(self, dataset: str, year: str | None, row: tuple[Any, ...]) -> None:
        key = (dataset, year)
        buffer = self.buffers.setdefault(key, [])
        buffer.append(row)
        if len(buffer) >= self.ROW_GROUP:
            self._flush(key)

    def _path(self, key: tuple[str, str | None]) -> Path:
        dataset, year = key
        folder = self.folder / dataset / (f"{PARTITION}={year}" if year else "")
        return folder / f"part-{self.name}.parquet"

    def _flush(self, key: tuple[str, str | None]) -> None:
        import pyarrow as pa
        import pyarrow.parquet as pq

        rows = self.buffers.pop(key)
        schema = arrow_schema(DATASETS[key[0]])
        columns = zip(*rows, strict=True)
        batch = pa.RecordBatch.from_arrays(
            [pa.array(column, type=f.type) for column, f in zip(columns, schema, strict=True)], schema=schema)
        if key not in self.writers:
            path = self._path(key)
            path.parent.mkdir(parents=True, exist_ok=True)
            self.writers[key] = pq.ParquetWriter(path, schema, compression="snappy")
        self.writers[key].write_batch(batch)
        self.rows[key] = self.rows.get(key, 0) + len(rows)

    def close(self) -> list[tuple[str, str | None, str, int]]:
        """Flush and close; (dataset, year, path, rows) of every file written."""
        for key in list(self.buffers):
            self._flush(key)
        for writer in self.writers.values():
            writer.close()
        return [(d, y, str(self._path((d, y))), self.rows[(d, y)]) for d, y in self.writers]


def _extract_into(
    items: Iterable[Document | ReadError | RawLine],
    writer: _TaskWriter,
    res: Resources,
    max_bytes: int,
    counters: dict[str, Any],
    fault: Callable[[int], None] | None,
) -> None:
    """Extract every item, writing a row per document, claim and bad record."""
    counts = dict.fromkeys(COUNTERS, 0)
    for number, item in enumerate(items):
        if fault is not None:
            fault(number)
        if isinstance(item, RawLine):
            item = parse_line(item.line, item.name, item.number, max_bytes)
            if item is None:
                continue  # a blank line
        counts["records"] += 1
        if isinstance(item, ReadError):
            counts["failed"] += 1
            writer.add("errors", None, (item.path, item.reason))
            continue
        outcome = extract_item(item, res, max_bytes)
        assert outcome is not None  # only a blank line has no outcome
        counts[outcome.state] += 1
        counts["claims"] += len(outcome.claims)
        counts["bytes"] += outcome.bytes
        year = publication_year(item.published)
        writer.add("documents", year, (item.id, outcome.hash, item.url, item.title, item.published,
                                       item.language, outcome.state == "extracted", len(outcome.claims),
                                       outcome.bytes))
        for claim in outcome.claims:
            writer.add("claims", year, (item.id, outcome.hash, *claim_values(claim)))
    # Added once per task: Spark merges the updates of successful task attempts only.
    for name, value in counts.items():
        counters[name].add(value)


def _task(
    batches: Iterable[Any], source: str, staging: str, broadcast: Any, max_bytes: int,
    counters: dict[str, Any], fault: Callable[[int], None] | None,
) -> Iterator[Any]:
    """One task: extract its share of the input into Parquet files in a folder of its own
    attempt; yield the list of those files (the task's result)."""
    import pyarrow as pa
    from pyspark import TaskContext

    context = TaskContext.get()
    partition = context.partitionId()
    attempt = Path(staging) / f"{source}-{partition:05d}-attempt-{context.taskAttemptId()}"
    writer = _TaskWriter(attempt, f"{source}-{partition:05d}")
    res = worker_resources(broadcast)
    if source == "jsonl":
        paths = (path for b in batches for path in b.column("path").to_pylist())
        items: Iterable[Any] = (item for path in paths for item in read_path(Path(path), max_bytes, raw=True))
    else:
        items = _parquet_documents(batches, max_bytes)
    _extract_into(items, writer, res, max_bytes, counters, fault)
    files = writer.close()
    yield pa.RecordBatch.from_pylist(
        [{"dataset": d, "year": y, "path": p, "rows": n} for d, y, p, n in files], schema=_RESULT_ARROW)


_RESULT_COLUMNS = (("dataset", "string"), ("year", "string"), ("path", "string"), ("rows", "bigint"))
_RESULT_ARROW = arrow_schema(_RESULT_COLUMNS)
_RESULT_SPARK = "dataset string, year string, path string, rows bigint"


def _parquet_documents(batches: Iterable[Any], max_bytes: int) -> Iterator[Document | ReadError]:
    for b in batches:
        columns = [b.column(name).to_pylist() for name in (*PARQUET_FIELDS, "_file")]
        for doc_id, text, url, title, published, language, file in zip(*columns, strict=True):
            source = f"{file}: record {doc_id!r}"
            if not isinstance(text, str):
                yield ReadError(source, "record has no 'text' string")
            elif doc_id is None:
                yield ReadError(file, "record has no 'id'")
            elif len(text) > max_bytes or len(text.encode("utf-8", "surrogatepass")) > max_bytes:
                yield ReadError(source, f"record larger than the limit of {max_bytes} bytes")
            else:
                yield Document(doc_id, text, url, title, published, language)


# --- on the driver -------------------------------------------------------------------------


def spark_session(master: str | None = None, conf: dict[str, str] | None = None) -> Any:
    """A SparkSession: ``master`` if given, else ``spark.master`` from the standard Spark
    configuration (spark-defaults.conf, spark-submit), else ``local[*]``."""
    from pyspark import SparkConf
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("oversight-extract")
    master = master or (None if SparkConf().contains("spark.master") else "local[*]")
    if master:
        builder = builder.master(master)
        if master.startswith("local") and "PYSPARK_PYTHON" not in os.environ:
            # Local workers must run this interpreter (it has oversight installed), not `python3`;
            # PySpark reads only the environment variable for this.
            os.environ["PYSPARK_PYTHON"] = sys.executable
    for key, value in (conf or {}).items():
        builder = builder.config(key, value)
    return builder.getOrCreate()


def _parquet_frame(spark: Any, paths: list[str], task: Callable[..., Iterator[Any]]) -> Any:
    from pyspark.sql import functions as F

    frame = spark.read.parquet(*paths)
    if "text" not in frame.columns or "id" not in frame.columns:
        raise SparkInputError(
            f"Parquet inputs need 'id' and 'text' columns; found {', '.join(frame.columns)} "
            f"(in {paths[0]}{' ...' if len(paths) > 1 else ''})"
        )
    # Text stays as stored (a binary column is a bad record, as in JSONL); the rest read as strings.
    columns = [
        F.col(name) if name == "text"
        else F.col(name).cast("string") if name in frame.columns
        else F.lit(None).cast("string")
        for name in PARQUET_FIELDS
    ]
    named = [c.alias(n) for c, n in zip(columns, PARQUET_FIELDS, strict=True)]
    return frame.select(*named, F.input_file_name().alias("_file")).mapInArrow(task, _RESULT_SPARK)


def _jsonl_frame(spark: Any, paths: list[str], task: Callable[..., Iterator[Any]]) -> Any:
    # One file per task: an RDD keeps the slices as given (a DataFrame repartition would hash
    # them, leaving some tasks two files and others none).
    rows = spark.sparkContext.parallelize([(p,) for p in paths], len(paths))
    return spark.createDataFrame(rows, "path string").mapInArrow(task, _RESULT_SPARK)


def _commit(output: Path, files: list[Any]) -> None:
    """Replace the datasets of ``output`` with the files of the successful attempts."""
    for name in DATASETS:
        target = output / name
        if target.exists():
            shutil.rmtree(target)
        target.mkdir(parents=True)
    for file in files:
        folder = output / file["dataset"] / (f"{PARTITION}={file['year']}" if file["year"] else "")
        folder.mkdir(parents=True, exist_ok=True)
        Path(file["path"]).rename(folder / Path(file["path"]).name)


def _error_sample(folder: Path) -> list[tuple[str, str]]:
    if not any(folder.rglob("*.parquet")):
        return []
    import pyarrow.dataset as ds

    table = ds.dataset(folder, format="parquet").head(ERROR_SAMPLE, columns=["source", "reason"])
    return list(zip(table.column("source").to_pylist(), table.column("reason").to_pylist(), strict=True))


def run_spark(
    spark: Any,
    inputs: Iterable[str | Path],
    output: Path,
    resources: Resources | None = None,
    organisations: list[dict[str, Any]] | None = None,
    max_bytes: int = MAX_BYTES,
    fault: Callable[[int], None] | None = None,
) -> dict[str, Any]:
    """Extract from ``inputs`` into the Parquet datasets of ``output`` (replaced if present).

    Returns the run's summary (also written to ``output/summary.json``): counts of records,
    documents searched and skipped by the prefilter, bad records (with a sample of their
    reasons), claims. ``fault`` is called before each record of a task (failure tests use it
    to kill a worker).
    """
    started = time.perf_counter()
    found = find_inputs(inputs)
    output = Path(output).resolve()
    for old in output.glob("_staging-*"):  # left by a run that was stopped
        shutil.rmtree(old, ignore_errors=True)
    staging = output / f"_staging-{uuid.uuid4().hex[:12]}"
    staging.mkdir(parents=True)
    sc = spark.sparkContext
    res = resources if resources is not None else build_resources(organisations)
    broadcast = sc.broadcast(res)
    counters = {name: sc.accumulator(0) for name in COUNTERS}
    settings = {"staging": str(staging), "broadcast": broadcast, "max_bytes": max_bytes,
                "counters": counters, "fault": fault}
    frames = []
    if found.jsonl:
        frames.append(_jsonl_frame(spark, found.jsonl, partial(_task, source="jsonl", **settings)))
    if found.parquet:
        frames.append(_parquet_frame(spark, found.parquet, partial(_task, source="parquet", **settings)))
    frame = frames[0] if len(frames) == 1 else frames[0].unionByName(frames[1])
    try:
        files = frame.collect()  # one result per task: the files of its successful attempt
        _commit(output, files)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
        broadcast.unpersist()
    sample = _error_sample(output / "errors")
    counts = {name: counters[name].value for name in COUNTERS}
    summary = {
        "engine": "spark",
        "master": sc.master,
        "extractor": EXTRACTOR_VERSION,
        "inputs": {"jsonl_files": len(found.jsonl), "parquet_files": len(found.parquet)},
        "documents": counts["extracted"] + counts["skipped"],
        "extracted": counts["extracted"],
        "skipped": counts["skipped"],
        "failed": counts["failed"],
        "claims": counts["claims"],
        "text_bytes": counts["bytes"],
        "error_sample": [{"source": s, "reason": r} for s, r in sample],
        "output": str(output),
        "seconds": round(time.perf_counter() - started, 2),
    }
    (output / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    return summary
