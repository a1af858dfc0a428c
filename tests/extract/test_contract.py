"""The extraction output contract of DESIGN.md, checked on the fixture documents."""

from __future__ import annotations

import glob

from oversight.extract import EXTRACTOR_VERSION, extract_document, read_inputs
from oversight.extract.readers import Document
from oversight.extract.resources import Resources
from oversight.vocab import STATUSES, TECHNOLOGIES
from tests.extract.conftest import FIXTURES

FIELDS = {
    "doc_id",
    "country",
    "vendor",
    "technology",
    "status",
    "year",
    "city",
    "confidence",
    "evidence",
    "extractor",
    "doc_hash",
}


def _fixture_inputs() -> list[str]:
    return [
        str(FIXTURES / "documents.jsonl"),
        *sorted(glob.glob(str(FIXTURES / "html" / "*.html"))),
        *sorted(glob.glob(str(FIXTURES / "txt" / "*.txt"))),
    ]


def test_every_claim_follows_the_contract(res: Resources) -> None:
    count = 0
    for doc in read_inputs(_fixture_inputs()):
        assert isinstance(doc, Document)
        for claim in extract_document(doc, res):
            count += 1
            assert set(claim) <= FIELDS and set(claim) >= FIELDS - {"doc_hash"}
            assert claim["doc_id"] == doc.id
            assert claim["country"] is None or (len(claim["country"]) == 3 and claim["country"].isupper())
            assert claim["technology"] in TECHNOLOGIES
            assert claim["status"] is None or claim["status"] in STATUSES
            assert claim["year"] is None or 1980 <= claim["year"] <= 2039
            assert 0 < claim["confidence"] <= 1
            assert claim["extractor"] == EXTRACTOR_VERSION
            evidence = claim["evidence"]
            assert doc.text[evidence["start"] : evidence["end"]] == evidence["text"]
            assert claim["city"] is None or claim["city"] in doc.text
    assert count >= 10


def test_html_offsets_index_the_extracted_text(res: Resources) -> None:
    [doc] = list(read_inputs([str(FIXTURES / "html" / "f13.html")]))
    [claim] = extract_document(doc, res)
    assert doc.id.endswith("html/f13.html")
    assert "Hikvision" in doc.text[claim["evidence"]["start"] : claim["evidence"]["end"]]


def test_doc_id_is_the_jsonl_id_else_the_path(res: Resources) -> None:
    ids = {c["doc_id"] for doc in read_inputs(_fixture_inputs()) for c in extract_document(doc, res)}
    assert "f01" in ids
    assert any(i.endswith("txt/f14.txt") for i in ids)
