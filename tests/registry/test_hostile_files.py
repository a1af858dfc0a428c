"""Files made to hurt the loader, or written carelessly (issue 14): each is refused quickly with a
problem naming file and line, never printing the expanded content, and nothing is written."""

from __future__ import annotations

import codecs
import time
import tracemalloc
from pathlib import Path

import pytest

from oversight.app import Registry
from oversight.errors import LoadError
from oversight.registry.readers import read_files
from oversight.registry.yaml_graph import MAX_DEPTH


def alias_bomb(levels: int = 9, fan_out: int = 9) -> str:
    """A deployment whose technologies are nine levels of lists, each level naming the one below
    nine times: 9^9 (387 million) values with the aliases expanded, from a few hundred bytes."""
    nested = "[safe_city, video_surveillance]"
    for level in range(levels - 1):
        nested = f"[&l{level} {nested}, {', '.join([f'*l{level}'] * (fan_out - 1))}]"
    return ("deployments:\n  - id: ken-bomb\n    country: KEN\n    status: operational\n"
            f"    technologies: {nested}\n")


def write(path: Path, content: str | bytes) -> Path:
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def problems_of(path: Path) -> list[str]:
    return [str(problem) for problem in read_files([path]).problems]


def test_the_alias_bomb_is_refused_fast_and_small(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.yaml", alias_bomb())
    assert path.stat().st_size < 2048
    started = time.perf_counter()
    problems = problems_of(path)
    assert time.perf_counter() - started < 1.0
    tracemalloc.start()
    try:
        problems_of(path)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 100 * 1024 * 1024
    (problem,) = problems
    assert problem.startswith(f"{path}:5") and "expands to more than 1,000,000 values" in problem
    assert len(problem) < 300  # the message never prints the expanded list


def test_the_alias_bomb_writes_nothing(tmp_path: Path) -> None:
    registry = Registry(f"sqlite:///{tmp_path / 'r.db'}")
    with pytest.raises(LoadError, match="expands to more than"):
        registry.load([write(tmp_path / "bomb.yaml", alias_bomb())])
    assert registry.deployment_records() == []
    registry.engine.dispose()


def test_a_few_aliases_are_still_fine(tmp_path: Path) -> None:
    path = write(tmp_path / "d.yaml", "deployments:\n  - id: a\n    technologies: &t [safe_city]\n"
                                      "  - id: b\n    technologies: *t\n")
    result = read_files([path])
    assert not result.problems and result.records[1].data["technologies"] == ["safe_city"]


def test_a_recursive_alias_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "d.yaml", "deployments:\n  - id: a\n    technologies: &t [safe_city, *t]\n")
    (problem,) = problems_of(path)
    assert f"{path}:3" in problem and "recursive" in problem


def test_nesting_deeper_than_the_limit_is_refused(tmp_path: Path) -> None:
    depth = MAX_DEPTH + 20
    nested = "[" * depth + "x" + "]" * depth
    path = write(tmp_path / "d.yaml", f"deployments:\n  - id: a\n    technologies: {nested}\n")
    (problem,) = problems_of(path)
    assert f"nested more than {MAX_DEPTH} levels" in problem


@pytest.mark.parametrize("suffix", [".json", ".jsonl", ".yaml"])
def test_two_hundred_thousand_brackets_are_a_problem_not_a_traceback(tmp_path: Path, suffix: str) -> None:
    path = write(tmp_path / f"deployments{suffix}", "[" * 200_000 + "]" * 200_000 + "\n")
    (problem,) = problems_of(path)
    assert "nested too deeply" in problem


def test_a_json_section_that_is_not_a_list_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "d.json", '{\n  "deployments": {"id": "a", "country": "KEN"}\n}\n')
    assert problems_of(path) == [f"{path}:2 [deployments]: expected a list"]


def test_duplicate_yaml_keys_are_an_error(tmp_path: Path) -> None:
    path = write(tmp_path / "d.yaml", "deployments:\n  - id: a\n    status: operational\n"
                                      "    country: KEN\n    status: planned\n")
    assert problems_of(path) == [f"{path}:5 [status]: duplicate key (also at line 3); give each field once"]


def test_an_unterminated_csv_quote_is_reported_where_its_row_starts(tmp_path: Path) -> None:
    path = write(tmp_path / "deployments.csv",
                 'id,country,description\na,KEN,fine\n\nb,UGA,"never closed\nc,GBR,more\nd,TZA,text\n')
    (problem,) = problems_of(path)
    assert problem.startswith(f"{path}:4: ") and "never closed" in problem


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_and_utf32_with_a_byte_order_mark_are_read(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE,
           "utf-32-le": codecs.BOM_UTF32_LE}[encoding]
    text = "id,country,city\nken-a,KEN,Nairobi\nciv-a,CIV,Abidjan – Plateau\n"
    result = read_files([write(tmp_path / "deployments.csv", bom + text.encode(encoding))])
    assert not result.problems
    assert [r.data["city"] for r in result.records] == ["Nairobi", "Abidjan – Plateau"]


def test_utf16_without_a_byte_order_mark_says_what_is_needed(tmp_path: Path) -> None:
    (problem,) = problems_of(write(tmp_path / "deployments.csv", "id,country\n".encode("utf-16-le")))
    assert "byte order mark" in problem
