"""Read CSV, JSON, JSONL and YAML files into raw records that remember where they came from.

Readers never judge content: they turn bytes into dictionaries with a file and line, or into
problems when the bytes are not a readable file of that format.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from oversight.errors import Problem
from oversight.registry.yaml_graph import check_graph

RECORD_KINDS = ("organisation", "deployment", "source", "listing")
SECTION_KINDS = {
    "organisations": "organisation",
    "organizations": "organisation",
    "deployments": "deployment",
    "sources": "source",
    "listings": "listing",
}
MAX_FILE_BYTES = 512 * 1024 * 1024
TOO_DEEP = "nested too deeply to read (thousands of levels of lists or objects)"
# Checked longest first: the UTF-32 little-endian mark begins with the UTF-16 one.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))
SUFFIXES = (".csv", ".json", ".jsonl", ".ndjson", ".yaml", ".yml")


@dataclass
class RawRecord:
    kind: str | None
    data: dict[str, Any]
    file: str
    line: int | None
    field_lines: dict[str, int] = field(default_factory=dict)

    def line_of(self, field_path: str | None) -> int | None:
        if field_path:
            head = field_path.split(".", 1)[0].split("[", 1)[0]
            if head in self.field_lines:
                return self.field_lines[head]
        return self.line


@dataclass
class ReadResult:
    records: list[RawRecord] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def kind_from_filename(path: Path) -> str | None:
    stem = path.name.lower()
    for word, kind in (
        ("organisation", "organisation"),
        ("organization", "organisation"),
        ("deployment", "deployment"),
        ("listing", "listing"),
        ("source", "source"),
    ):
        if word in stem:
            return kind
    return None


def expand_paths(paths: list[Path]) -> list[Path]:
    """Files as given, and the data files inside folders (recursively, in name order)."""
    files: list[Path] = []
    for path in paths:
        if path.is_dir():
            files.extend(
                sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
            )
        else:
            files.append(path)
    return files


def read_files(paths: list[Path]) -> ReadResult:
    result = ReadResult()
    for path in expand_paths(paths):
        read_file(path, result)
    return result


def read_file(path: Path, result: ReadResult) -> None:
    name = str(path)
    text = _read_text(path, result)
    if text is None:
        return
    suffix = path.suffix.lower()
    default_kind = kind_from_filename(path)
    if suffix == ".csv":
        records = _read_csv(text, name, default_kind, result)
    elif suffix in (".jsonl", ".ndjson"):
        records = _read_jsonl(text, name, default_kind, result)
    elif suffix == ".json":
        records = _read_json(text, name, default_kind, result)
    elif suffix in (".yaml", ".yml"):
        records = _read_yaml(text, name, default_kind, result)
    else:
        result.problems.append(
            Problem(name, None, None, f"unsupported file type {suffix!r}; use {', '.join(SUFFIXES)}")
        )
        return
    for record in records:
        if record.kind is None:
            result.problems.append(
                Problem(
                    name,
                    record.line,
                    "type",
                    "cannot tell what this record is: name the file after its kind "
                    f"(e.g. deployments.csv) or give a 'type' field, one of {', '.join(RECORD_KINDS)}",
                )
            )
        else:
            result.records.append(record)


def _read_text(path: Path, result: ReadResult) -> str | None:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            result.problems.append(
                Problem(name, None, None, f"file is {size} bytes, over the {MAX_FILE_BYTES} limit")
            )
            return None
        raw = path.read_bytes()
    except OSError as error:
        result.problems.append(Problem(name, None, None, f"cannot read file: {error.strerror}"))
        return None
    for mark, encoding in BYTE_ORDER_MARKS:
        if raw.startswith(mark):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as error:
                result.problems.append(Problem(name, None, None, f"not {encoding.upper()} text "
                                               f"despite its byte order mark (offset {error.start})"))
                return None
    if b"\x00" in raw[:8192]:
        result.problems.append(Problem(name, None, None, "binary file, not text (UTF-16 and UTF-32 "
                                       "need a byte order mark)"))
        return None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        byte = raw[error.start : error.start + 1].hex()
        result.problems.append(
            Problem(name, line, None, f"not UTF-8 text (byte 0x{byte} at offset {error.start})")
        )
        return None


def _kind_of(data: dict[str, Any], default: str | None) -> str | None:
    declared = data.pop("type", None)
    if declared is None:
        return default
    declared = str(declared).strip().lower().rstrip("s")
    declared = "organisation" if declared == "organization" else declared
    return declared if declared in RECORD_KINDS else None


def _read_csv(
    text: str, name: str, default_kind: str | None, result: ReadResult
) -> Iterator[RawRecord]:
    reader = csv.DictReader(io.StringIO(text, newline=""), strict=True)
    try:
        header = reader.fieldnames or []
    except csv.Error as error:
        result.problems.append(Problem(name, 1, None, f"malformed CSV header: {error}"))
        return
    blank = [i + 1 for i, column in enumerate(header) if not (column or "").strip()]
    if blank:
        result.problems.append(Problem(name, 1, None, f"empty column name in column(s) {blank}"))
        return
    while True:
        previous_end = reader.line_num
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as error:
            line = _next_content_line(text, previous_end)
            reason = ("a quoted cell is never closed (a missing closing quote)"
                      if "unexpected end of data" in str(error) else str(error))
            result.problems.append(Problem(name, line, None, f"malformed CSV in the row starting here: "
                                           f"{reason}"))
            return
        cells = [v for k, v in row.items() if k is not None and v] + (row.get(None) or [])
        # The reader skips blank lines, so the row's first line is counted back from its last.
        line = reader.line_num - sum(cell.count("\n") for cell in cells)
        if None in row:
            result.problems.append(
                Problem(name, line, None, f"row has {len(header) + len(row[None])} cells, "
                        f"header has {len(header)}")
            )
        elif any((value or "").strip() for value in row.values()):
            data = {k.strip(): v for k, v in row.items() if v is not None and v.strip() != ""}
            kind = _kind_of(data, default_kind)
            yield RawRecord(kind, {"__csv__": True, **data}, name, line)


def _next_content_line(text: str, after: int) -> int:
    """The first non-blank line after line `after`: where the reader's next row starts."""
    for number, line in enumerate(text.splitlines()[after:], start=after + 1):
        if line.strip():
            return number
    return after + 1


def _read_jsonl(
    text: str, name: str, default_kind: str | None, result: ReadResult
) -> Iterator[RawRecord]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as error:
            result.problems.append(Problem(name, number, None, f"invalid JSON: {error.msg}"))
            continue
        except RecursionError:
            result.problems.append(Problem(name, number, None, TOO_DEEP))
            continue
        if not isinstance(data, dict):
            result.problems.append(Problem(name, number, None, "expected a JSON object per line"))
            continue
        yield RawRecord(_kind_of(data, default_kind), data, name, number)


def _line_at(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \t\r\n":
        pos += 1
    return pos


def _json_array_items(text: str, pos: int) -> Iterator[tuple[int, Any, int]]:
    """Items of the array starting at `pos` with their start lines; yields (line, item, end)."""
    decoder = json.JSONDecoder()
    pos = _skip_space(text, pos + 1)
    while pos < len(text) and text[pos] != "]":
        item, end = decoder.raw_decode(text, pos)
        yield _line_at(text, pos), item, end
        pos = _skip_space(text, end)
        if pos < len(text) and text[pos] == ",":
            pos = _skip_space(text, pos + 1)


def _read_json(
    text: str, name: str, default_kind: str | None, result: ReadResult
) -> Iterator[RawRecord]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        result.problems.append(Problem(name, error.lineno, None, f"invalid JSON: {error.msg}"))
        return
    except RecursionError:
        result.problems.append(Problem(name, None, None, TOO_DEEP))
        return
    start = _skip_space(text, 0)
    if isinstance(document, list):
        for line, item, _ in _json_array_items(text, start):
            yield from _record_from_item(item, default_kind, name, line, result)
    elif isinstance(document, dict):
        decoder = json.JSONDecoder()
        pos = _skip_space(text, start + 1)
        while pos < len(text) and text[pos] != "}":
            key, pos = decoder.raw_decode(text, pos)
            pos = _skip_space(text, _skip_space(text, pos) + 1)  # past the colon
            kind = SECTION_KINDS.get(key)
            if kind and text[pos] == "[":
                for line, item, _ in _json_array_items(text, pos):
                    yield from _record_from_item(item, kind, name, line, result)
            elif kind is None:
                result.problems.append(Problem(
                    name, _line_at(text, pos), key,
                    f"unknown section; expected one of {', '.join(SECTION_KINDS)}",
                ))
            else:
                result.problems.append(Problem(name, _line_at(text, pos), key, "expected a list"))
            _, pos = decoder.raw_decode(text, pos)  # past the section's value
            pos = _skip_space(text, pos)
            if pos < len(text) and text[pos] == ",":
                pos = _skip_space(text, pos + 1)
    else:
        result.problems.append(Problem(name, 1, None, "expected a JSON list or object of sections"))


def _record_from_item(
    item: Any, kind: str | None, name: str, line: int, result: ReadResult,
    field_lines: dict[str, int] | None = None,
) -> Iterator[RawRecord]:
    if not isinstance(item, dict):
        result.problems.append(Problem(name, line, None, "expected an object (a mapping of fields)"))
        return
    yield RawRecord(_kind_of(dict(item), kind) if "type" in item else kind,
                    {k: v for k, v in item.items() if k != "type"}, name, line, field_lines or {})


def _construct(root: yaml.Node) -> Any:
    """The Python value of a composed (and checked) document, as yaml.safe_load would give."""
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_document(root)
    finally:
        loader.dispose()


def _read_yaml(
    text: str, name: str, default_kind: str | None, result: ReadResult
) -> Iterator[RawRecord]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else None
        reason = getattr(error, "problem", None) or str(error)
        result.problems.append(Problem(name, line, None, f"invalid YAML: {reason}"))
        return
    except RecursionError:
        result.problems.append(Problem(name, None, None, TOO_DEEP))
        return
    if root is None:
        return
    shape = check_graph(root)  # before building anything: aliases could make it enormous
    if shape:
        result.problems.extend(Problem(name, p.line, p.field, p.reason) for p in shape)
        return
    document = _construct(root)
    if isinstance(root, yaml.SequenceNode) and isinstance(document, list):
        sections = [(default_kind, root, document)]
    elif isinstance(root, yaml.MappingNode) and isinstance(document, dict):
        sections = []
        for key_node, value_node in root.value:
            kind = SECTION_KINDS.get(key_node.value)
            if kind is None:
                result.problems.append(Problem(
                    name, key_node.start_mark.line + 1, key_node.value,
                    f"unknown section; expected one of {', '.join(SECTION_KINDS)}",
                ))
            elif not isinstance(value_node, yaml.SequenceNode):
                result.problems.append(Problem(
                    name, value_node.start_mark.line + 1, key_node.value, "expected a list",
                ))
            else:
                sections.append((kind, value_node, document[key_node.value]))
    else:
        result.problems.append(Problem(name, 1, None, "expected a YAML list or mapping of sections"))
        return
    for kind, node, items in sections:
        for item_node, item in zip(node.value, items, strict=True):
            field_lines = {}
            if isinstance(item_node, yaml.MappingNode):
                field_lines = {k.value: k.start_mark.line + 1 for k, _ in item_node.value}
            yield from _record_from_item(
                item, kind, name, item_node.start_mark.line + 1, result, field_lines
            )
