"""Helpers shared by the list-file parsers: dates, safe XML, CSV rows with line numbers."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

from lxml import etree

from oversight.errors import Problem

_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d %B %Y", "%d %b %Y", "%d-%b-%Y",
                 "%Y%m%d", "%B %d, %Y")
_ISO_PREFIX = re.compile(r"^\d{4}-\d{2}-\d{2}")


class FileProblem(ValueError):
    """A problem found while reading, with the line it is on when the format tells."""

    def __init__(self, line: int | None, reason: str, field: str | None = None):
        super().__init__(reason)
        self.line, self.reason, self.field = line, reason, field

    def at(self, path: Path) -> Problem:
        return Problem(str(path), self.line, self.field, self.reason)


def iso_date(text: str | None, *, us_order: bool = False) -> str | None:
    """A published date as ISO `YYYY-MM-DD`; None for an empty value. OFAC writes
    month/day/year (`us_order`); European publishers write day/month/year."""
    value = (text or "").strip()
    if not value:
        return None
    if _ISO_PREFIX.match(value):
        return value[:10] if _valid(value[:10]) else _fail(value)
    formats = _DATE_FORMATS
    if us_order:
        formats = ("%m/%d/%Y", *[f for f in _DATE_FORMATS if f not in ("%d/%m/%Y", "%m/%d/%Y")])
    for form in formats:
        try:
            return datetime.strptime(value, form).date().isoformat()
        except ValueError:
            continue
    return _fail(value)


def _valid(value: str) -> bool:
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _fail(value: str) -> str:
    raise ValueError(f"not a date: {value!r}")


def split_names(value: str | None, separator: str = ";") -> tuple[str, ...]:
    return tuple(dict.fromkeys(p.strip() for p in (value or "").split(separator) if p.strip()))


# A document type declaration is where entity definitions live (the "billion laughs" and
# external-entity attacks); no published list has one, so any is refused before parsing.
_DOCTYPE = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_HEAD_BYTES = 65536


def xml_elements(path: Path, tags: set[str]) -> Iterator[tuple[etree._Element, etree._Element]]:
    """Yield (element, root) for each element whose local name is in `tags`, streaming, with
    no entity expansion, no DTD and no network; each element is freed once used."""
    with path.open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    if found := _DOCTYPE.search(head):
        line = head[: found.start()].count(b"\n") + 1
        raise FileProblem(line, "XML with a document type declaration (DTD) is refused")
    try:
        for _event, element in etree.iterparse(
                str(path), events=("end",), tag=[f"{{*}}{tag}" for tag in sorted(tags)],
                resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                remove_comments=True):
            yield element, element.getroottree().getroot()
            element.clear(keep_tail=True)
            while element.getprevious() is not None:
                del element.getparent()[0]
    except etree.XMLSyntaxError as error:
        raise FileProblem(error.lineno, f"malformed XML: {error.msg}") from None


def local(element: etree._Element, name: str) -> list[etree._Element]:
    """Children of `element` named `name`, whatever the namespace."""
    return list(element.iterchildren(f"{{*}}{name}"))


def text_of(element: etree._Element, name: str) -> str:
    found = next(element.iterchildren(f"{{*}}{name}"), None)
    return (found.text or "").strip() if found is not None else ""


def read_text(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileProblem(None, f"not UTF-8 text (byte offset {error.start})") from None


def csv_rows(text: str, *, skip: int = 0, header: bool = True
             ) -> Iterator[tuple[int, dict[str, str] | list[str]]]:
    """(line number, row) for each CSV record; `skip` lines come before the header."""
    stream = io.StringIO(text, newline="")
    for _ in range(skip):
        stream.readline()
    reader = csv.reader(stream)
    try:
        columns = [c.strip() for c in next(reader)] if header else None
        line = reader.line_num + skip
        for row in reader:
            start, line = line + 1, reader.line_num + skip
            if not any(cell.strip() for cell in row):
                continue
            if columns is None:
                yield start, row
            else:
                yield start, dict(zip(columns, (c.strip() for c in row), strict=False))
    except csv.Error as error:
        raise FileProblem(reader.line_num + skip, f"malformed CSV: {error}") from None
    except StopIteration:
        raise FileProblem(1, "empty file") from None
