"""Readers: every format, and every way an input can be unreadable without stopping a run."""

from __future__ import annotations

import gzip
import io
import json
import sys
from pathlib import Path

import pytest

from oversight.extract.readers import Document, RawLine, ReadError, parse_line, read_inputs
from tests.extract.conftest import FIXTURES


def _read(*paths, **kw) -> list[Document | ReadError]:
    return list(read_inputs([str(p) for p in paths], **kw))


def _minimal_pdf(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_text_and_markdown_keep_the_text_as_written(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kenya's police installed CCTV.\n", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Title\n\nSome *text*.", encoding="utf-8")
    docs = _read(tmp_path / "a.txt", tmp_path / "b.md")
    assert [d.text for d in docs] == ["Kenya's police installed CCTV.\n", "# Title\n\nSome *text*."]
    assert docs[0].id == str(tmp_path / "a.txt")


def test_html_main_text_drops_boilerplate() -> None:
    [doc] = _read(FIXTURES / "html" / "f13.html")
    assert isinstance(doc, Document)
    assert doc.title == "Belgrade cameras"
    assert "signed a contract with Hikvision" in doc.text
    for boilerplate in ("Home", "cookies", "Share on Twitter", "Copyright"):
        assert boilerplate not in doc.text
    # Inline links do not split a sentence.
    assert "The Serbian interior ministry said" in doc.text


def test_pdf_text_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "report.pdf"
    path.write_bytes(_minimal_pdf("Huawei installed cameras in Nairobi."))
    [doc] = _read(path)
    assert isinstance(doc, Document), doc
    assert "Huawei installed cameras in Nairobi." in doc.text


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("broken.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog", "PDF"),
        ("junk.txt", bytes(range(256)) * 4, "binary"),
        ("latin1.txt", "Bogotá cámaras".encode("latin-1"), "UTF-8"),
        ("page.html", "<html><body>caf\xe9</body></html>".encode("latin-1"), "UTF-8"),
    ],
)
def test_unreadable_files_become_errors_and_the_run_goes_on(
    tmp_path: Path, name: str, data: bytes, reason: str
) -> None:
    (tmp_path / name).write_bytes(data)
    (tmp_path / "ok.txt").write_text("fine", encoding="utf-8")
    results = _read(tmp_path / name, tmp_path / "ok.txt")
    assert isinstance(results[0], ReadError)
    assert results[0].path == str(tmp_path / name)
    assert reason in results[0].reason
    assert isinstance(results[1], Document)


def test_size_limit(tmp_path: Path) -> None:
    (tmp_path / "big.txt").write_text("x" * 2000, encoding="utf-8")
    [error] = _read(tmp_path / "big.txt", max_bytes=1000)
    assert isinstance(error, ReadError) and "limit" in error.reason


def test_missing_file(tmp_path: Path) -> None:
    [error] = _read(tmp_path / "nope.txt")
    assert isinstance(error, ReadError) and "cannot open" in error.reason


def test_jsonl_records_and_bad_lines(tmp_path: Path) -> None:
    lines = [
        json.dumps(
            {
                "id": "a1",
                "text": "one",
                "url": "https://example.org",
                "title": "T",
                "published": "2020-01-02",
                "language": "en",
            }
        ),
        "{not json",
        json.dumps({"id": "a2"}),
        "",
        json.dumps({"text": "no id"}),
    ]
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = _read(path)
    assert results[0] == Document("a1", "one", "https://example.org", "T", "2020-01-02", "en")
    assert isinstance(results[1], ReadError) and results[1].path == f"{path}:2"
    assert isinstance(results[2], ReadError) and "text" in results[2].reason
    assert results[3].id == f"{path}:5"
    assert len(results) == 4


def test_jsonl_gz_and_corrupt_gz(tmp_path: Path) -> None:
    good = tmp_path / "docs.jsonl.gz"
    with gzip.open(good, "wt", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "g1", "text": "gzipped"}) + "\n")
    bad = tmp_path / "bad.jsonl.gz"
    bad.write_bytes(b"\x1f\x8b\x08\x00garbage")
    results = _read(good, bad)
    assert results[0].text == "gzipped"
    assert isinstance(results[1], ReadError) and results[1].path == str(bad)


def test_raw_lines_parse_the_same(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text(json.dumps({"id": "r", "text": "raw"}) + "\n", encoding="utf-8")
    [raw] = _read(path, raw=True)
    assert isinstance(raw, RawLine)
    assert parse_line(raw.line, raw.name, raw.number) == Document("r", "raw")


def test_folders_are_read_recursively(tmp_path: Path) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "deep.txt").write_text("deep", encoding="utf-8")
    (tmp_path / "a" / "image.png").write_bytes(b"\x89PNG")
    assert [d.text for d in _read(tmp_path)] == ["deep"]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"Plain text from a pipe.", ["Plain text from a pipe."]),
        (b'{"id": "s1", "text": "first"}\n{"id": "s2", "text": "second"}\n', ["first", "second"]),
    ],
)
def test_stdin(monkeypatch: pytest.MonkeyPatch, data: bytes, expected: list[str]) -> None:
    fake = io.TextIOWrapper(io.BufferedReader(io.BytesIO(data)))
    monkeypatch.setattr(sys, "stdin", fake)
    assert [d.text for d in read_inputs(["-"])] == expected
