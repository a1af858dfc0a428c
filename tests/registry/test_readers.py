"""Readers turn files into located records, or into problems that name file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.registry.readers import read_files


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_yaml_records_know_their_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "data.yaml", "deployments:\n  - id: a\n    country: KEN\n  - id: b\n")
    result = read_files([path])
    assert not result.problems
    assert [(r.kind, r.line) for r in result.records] == [("deployment", 2), ("deployment", 4)]
    assert result.records[0].line_of("country") == 3


def test_csv_kind_from_filename_and_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "deployments.csv", "id,country\na,KEN\n\n\"b\nb\",UGA\nc,GBR\n")
    result = read_files([path])
    assert [r.line for r in result.records] == [2, 4, 6]
    assert all(r.kind == "deployment" for r in result.records)


def test_csv_row_with_too_many_cells(tmp_path: Path) -> None:
    path = write(tmp_path / "organisations.csv", "name,kind\nHuawei,vendor,extra\n")
    result = read_files([path])
    assert "3 cells" in result.problems[0].reason and result.problems[0].line == 2


def test_csv_type_column_decides_kind(tmp_path: Path) -> None:
    path = write(tmp_path / "mixed.csv", "type,name,kind\norganisation,NEC,vendor\n")
    assert read_files([path]).records[0].kind == "organisation"


def test_record_of_unknown_kind_is_a_problem(tmp_path: Path) -> None:
    path = write(tmp_path / "things.jsonl", '{"name": "x"}\n')
    problem = read_files([path]).problems[0]
    assert problem.line == 1 and problem.field == "type"


def test_json_array_items_know_their_lines(tmp_path: Path) -> None:
    path = write(tmp_path / "deployments.json", '[\n {"id": "a"},\n\n {"id": "b"}\n]')
    assert [r.line for r in read_files([path]).records] == [2, 4]


def test_json_sections(tmp_path: Path) -> None:
    text = '{"organisations": [{"name": "NEC"}],\n "deployments": [\n  {"id": "a"}]}'
    records = read_files([write(tmp_path / "all.json", text)]).records
    assert [(r.kind, r.line) for r in records] == [("organisation", 1), ("deployment", 3)]


@pytest.mark.parametrize(
    ("name", "content", "line", "reason"),
    [
        ("bad.json", '[\n{"id": "a",}\n]', 2, "invalid JSON"),
        ("deployments.jsonl", '{"id": "a"}\n{"id": \n', 2, "invalid JSON"),
        ("bad.yaml", "deployments:\n  - id: a\n   country: [\n", 3, "invalid YAML"),
        ("latin1.csv", "name,kind\nCaf\xe9,vendor\n".encode("latin-1"), 2, "not UTF-8"),
        ("junk.csv", b"\x00\x01\x02binary", None, "binary file"),
        ("notes.txt", "hello", None, "unsupported file type"),
        ("odd.yaml", "hello: [1]\n", 1, "unknown section"),
    ],
)
def test_unreadable_files_are_problems(
    tmp_path: Path, name: str, content: str | bytes, line: int | None, reason: str
) -> None:
    problems = read_files([write(tmp_path / name, content)]).problems
    assert problems, "expected a problem"
    assert problems[0].line == line
    assert reason in problems[0].reason
    assert problems[0].file.endswith(name)


def test_folder_is_read_recursively_in_order(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "b-deployments.jsonl", '{"id": "b"}\n')
    write(tmp_path / "a-deployments.jsonl", '{"id": "a"}\n')
    write(tmp_path / "README.md", "ignored")
    assert [r.data["id"] for r in read_files([tmp_path]).records] == ["a", "b"]


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot read" in read_files([tmp_path / "nope.csv"]).problems[0].reason
