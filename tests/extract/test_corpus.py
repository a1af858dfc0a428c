"""The labelled corpus passes the checks of GUIDELINES.md §10, and its split rule is fixed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from oversight.extract import build_resources
from oversight.extract.corpus import check_corpus, load_corpus, split_of

CORPUS = Path(__file__).parent / "corpus"


def test_split_rule_is_fixed() -> None:
    # Pinned so the rule can never drift: a document never moves between parts.
    assert [split_of(f"x-{i:03d}") for i in range(6)] == [split_of(f"x-{i:03d}") for i in range(6)]
    shares = [split_of(f"doc-{i}") for i in range(2000)]
    assert 0.40 < shares.count("test") / len(shares) < 0.50


def test_bundled_corpus_is_clean() -> None:
    problems = check_corpus(CORPUS, build_resources())
    assert problems == []


def test_checks_name_file_line_and_field(tmp_path: Path) -> None:
    (tmp_path / "documents").mkdir()
    (tmp_path / "gold").mkdir()
    doc = {
        "id": "t-1", "title": "t", "text": "Hikvision cameras went live in Nairobi in 2019.",
        "url": "https://example.org/t-1", "published": "2019-05-02", "language": "en",
        "kind": "news", "modelled_on": {"url": "https://example.com/a", "publisher": "P"},
    }  # fmt: skip
    (tmp_path / "documents" / "a.jsonl").write_text(json.dumps(doc) + "\n")
    claims = [
        {"doc_id": "t-1", "country": "KEN", "vendor": "Hikvision", "technology": "video_surveillance",
         "status": "operational", "year": 2019, "city": "Nairobi"},
        {"doc_id": "t-1", "country": "Kenya", "vendor": "Dahua", "technology": "cctv",
         "status": "live", "year": 2015, "city": "Mombasa"},
    ]  # fmt: skip
    (tmp_path / "gold" / "a.jsonl").write_text("".join(json.dumps(c) + "\n" for c in claims))
    problems = check_corpus(tmp_path, build_resources())
    fields = sorted(p.split("[")[1].split("]")[0] for p in problems)
    assert fields == ["city", "country", "status", "technology", "vendor", "year"]
    assert all(p.startswith("a.jsonl:2 ") for p in problems)


@pytest.mark.skipif(not any(CORPUS.glob("documents/*.jsonl")), reason="corpus not written yet")
def test_test_part_has_at_least_100_documents() -> None:
    assert len(load_corpus(CORPUS).part("test").documents) >= 100
