"""Which inputs the Spark engine reads, and the partition of a publication date (no Spark needed)."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.extract.parquet import publication_year
from oversight.extract.spark import SparkInputError, find_inputs


def test_folders_and_globs_expand_to_jsonl_and_parquet_files(tmp_path: Path) -> None:
    (tmp_path / "a.jsonl").write_text("{}\n")
    (tmp_path / "b.jsonl.gz").write_bytes(b"")
    nested = tmp_path / "dataset" / "year=2024"
    nested.mkdir(parents=True)
    (nested / "part-0.parquet").write_bytes(b"")
    (tmp_path / "dataset" / "_SUCCESS").write_text("")
    (tmp_path / "notes.txt").write_text("not read by the Spark engine")
    found = find_inputs([tmp_path / "dataset", str(tmp_path / "*.jsonl*")])
    assert [Path(p).name for p in found.jsonl] == ["a.jsonl", "b.jsonl.gz"]
    assert [Path(p).name for p in found.parquet] == ["part-0.parquet"]


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("missing.jsonl", "no such file or folder"),
        ("*.nothing", "no file matches this pattern"),
        ("notes.txt", "not a .jsonl, .jsonl.gz or .parquet file"),
        ("s3://bucket/news.jsonl", "no URL schemes"),
    ],
)
def test_unreadable_inputs_are_named_before_any_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, given: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("plain text")
    with pytest.raises(SparkInputError, match=message) as error:
        find_inputs([given])
    assert given.split("*")[-1] in str(error.value) or "s3" in given


@pytest.mark.parametrize(
    ("published", "year"),
    [
        ("2024-03-05", "2024"),
        ("2019", "2019"),
        ("2021-07-01T09:30:00Z", "2021"),
        ("  2018-01-02", "2018"),
        (None, "unknown"),
        ("", "unknown"),
        ("March 2024", "unknown"),  # not ISO: the partition does not guess
        ("20240305", "unknown"),  # eight digits are not a year
        ("0001-01-01", "unknown"),  # a placeholder date
    ],
)
def test_publication_year_partition(published: str | None, year: str) -> None:
    assert publication_year(published) == year
