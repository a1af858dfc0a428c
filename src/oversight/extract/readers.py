"""Read documents: text, Markdown, HTML, PDF, JSONL (plain or gzipped), folders and stdin.

A reader never stops a run: a file that cannot be read (binary junk, a broken PDF, text that
is not UTF-8, a file over the size limit, a bad JSONL line) becomes a ``ReadError`` naming the
path and the reason, and reading goes on with the next input.
"""

from __future__ import annotations

import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, NamedTuple

import orjson
from isal import igzip

MAX_BYTES = 50 * 1024 * 1024
TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")
JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + (".pdf",)


@dataclass
class Document:
    id: str
    text: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None


@dataclass
class ReadError:
    path: str
    reason: str


class Unreadable(Exception):
    """The bytes of one input are not a document of its format."""


def expand_inputs(inputs: Iterable[str | Path]) -> Iterator[Path | str]:
    """Files as given ("-" is stdin), and readable files inside folders, recursively in order."""
    for item in inputs:
        if str(item) == "-":
            yield "-"
            continue
        path = Path(item)
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _suffix(p) in SUFFIXES)
        else:
            yield path


def read_inputs(
    inputs: Iterable[str | Path], max_bytes: int = MAX_BYTES, raw: bool = False
) -> Iterator[Document | ReadError | RawLine]:
    """Documents and read errors of every input, streaming (one JSONL line at a time).

    With ``raw``, JSONL lines come unparsed, as ``RawLine``, for a worker to parse.
    """
    for path in expand_inputs(inputs):
        if path == "-":
            yield from read_stream(sys.stdin.buffer, "<stdin>", max_bytes)
        else:
            yield from read_path(path, max_bytes, raw)


def read_path(
    path: Path, max_bytes: int = MAX_BYTES, raw: bool = False
) -> Iterator[Document | ReadError | RawLine]:
    name = str(path)
    try:
        size = path.stat().st_size
    except OSError as error:
        yield ReadError(name, f"cannot open: {error.strerror or error}")
        return
    suffix = _suffix(path)
    if suffix in JSONL_SUFFIXES:
        try:
            # ISA-L's gzip reader: the same stream as the stdlib's, inflated in about half the time.
            stream = igzip.IGzipFile(path, "rb") if suffix.endswith(".gz") else open(path, "rb")  # noqa: SIM115
            with io.BufferedReader(stream, 1 << 20) as handle:
                yield from read_jsonl(handle, name, max_bytes, raw)
        except (OSError, EOFError) as error:
            yield ReadError(name, f"unreadable compressed file: {error}")
        return
    if size > max_bytes:
        yield ReadError(name, f"larger than the limit of {max_bytes} bytes ({size} bytes)")
        return
    try:
        data = path.read_bytes()
        yield Document(id=name, **parse_bytes(data, suffix))
    except Unreadable as error:
        yield ReadError(name, str(error))
    except OSError as error:
        yield ReadError(name, f"cannot read: {error.strerror or error}")


def read_stream(stream: BinaryIO, name: str, max_bytes: int = MAX_BYTES) -> Iterator[Document | ReadError]:
    """A stream of JSONL records, or one text document when it does not start with '{'."""
    head = stream.peek(64)[:64] if hasattr(stream, "peek") else b""
    if head.lstrip()[:1] == b"{":
        yield from read_jsonl(stream, name, max_bytes)
        return
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        yield ReadError(name, f"larger than the limit of {max_bytes} bytes")
        return
    try:
        fields = parse_bytes(data, ".txt")
    except Unreadable as error:
        yield ReadError(name, str(error))
        return
    if fields["text"].lstrip().startswith("{"):
        yield from read_jsonl(io.BytesIO(data), name, max_bytes)
    else:
        yield Document(id=name, **fields)


class RawLine(NamedTuple):
    """One JSONL line not yet parsed: parsing is left to the worker that extracts it."""

    line: bytes
    name: str
    number: int


def read_jsonl(
    handle: Iterable[bytes], name: str, max_bytes: int = MAX_BYTES, raw: bool = False
) -> Iterator[Document | ReadError | RawLine]:
    """Records with ``id, text, url, title, published, language``; ``id`` defaults to path:line.

    With ``raw``, lines are passed on unparsed (see ``parse_line``).
    """
    for number, line in enumerate(handle, 1):
        if raw:
            yield RawLine(line, name, number)
            continue
        parsed = parse_line(line, name, number, max_bytes)
        if parsed is not None:
            yield parsed


_STDLIB = object()
_FIELDS = ("id", "url", "title", "published", "language")
_PLAIN = (str, int, bool, type(None))  # values orjson reads exactly as the stdlib does


def parse_line(
    line: bytes, name: str, number: int, max_bytes: int = MAX_BYTES
) -> Document | ReadError | None:
    """The document of one JSONL line, a ReadError, or None for a blank line."""
    if len(line) > max_bytes:
        return ReadError(f"{name}:{number}", f"record larger than the limit of {max_bytes} bytes")
    # orjson, several times faster than the stdlib, reads nearly every line. It is stricter (lone
    # surrogates, NaN, a BOM, UTF-16) and reads integers past 64 bits as floats: there the stdlib
    # decides, so what is read, and the reason given for what is not, stay the same.
    try:
        record = orjson.loads(line)
    except orjson.JSONDecodeError:
        record = _STDLIB
    else:
        if isinstance(record, dict) and not all(type(record.get(key)) in _PLAIN for key in _FIELDS):
            record = _STDLIB
    if record is _STDLIB:
        try:
            record = json.loads(line)
        except (ValueError, UnicodeDecodeError) as error:
            return ReadError(f"{name}:{number}", f"not a JSON object: {error}") if line.strip() else None
    text = record.get("text") if isinstance(record, dict) else None
    if not isinstance(text, str):
        return ReadError(f"{name}:{number}", "record has no 'text' string")
    get = record.get
    return Document(
        str(get("id") or f"{name}:{number}"),
        text,
        _str(get("url")),
        _str(get("title")),
        _str(get("published")),
        _str(get("language")),
    )


def parse_bytes(data: bytes, suffix: str) -> dict[str, Any]:
    """``text`` (and ``title`` when the format has one) of a file's bytes, or Unreadable."""
    if suffix == ".pdf" or data[:5] == b"%PDF-":
        return {"text": pdf_text(data)}
    if _looks_binary(data):
        raise Unreadable("binary content, not a text document")
    if suffix in HTML_SUFFIXES or re.match(rb"\s*(?:<!doctype html|<html)", data[:512], re.I):
        title, text = html_text(data)
        return {"text": text, "title": title}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise Unreadable(f"not UTF-8 text (byte {error.start})") from None
    return {"text": text}


def html_text(data: bytes) -> tuple[str | None, str]:
    """Title and main text of an HTML page, navigation and other boilerplate removed."""
    from oversight.extract import html

    return html.main_text(_decode_html(data))


def pdf_text(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:  # noqa: BLE001 - any failure means we cannot read it
                raise Unreadable("encrypted PDF") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except Unreadable:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError) as error:
        raise Unreadable(f"broken PDF: {error}") from None
    text = "\n\n".join(p.strip() for p in pages if p.strip())
    if not text:
        raise Unreadable("PDF has no text layer")
    return text


def _decode_html(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    declared = re.search(rb"""<meta[^>]+charset=["']?([\w-]+)""", data[:4096], re.I)
    if declared:
        try:
            return data.decode(declared.group(1).decode("ascii"))
        except (LookupError, UnicodeDecodeError):
            pass
    raise Unreadable("HTML is neither UTF-8 nor in its declared charset")


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return bool(sample) and controls / len(sample) > 0.1


def _suffix(path: Path) -> str:
    name = path.name.lower()
    for double in (".jsonl.gz", ".ndjson.gz"):
        if name.endswith(double):
            return double
    return path.suffix.lower()


def _str(value: Any) -> str | None:
    return value if value is None or type(value) is str else str(value)
