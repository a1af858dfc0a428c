"""Extraction quality on the labelled development set (tests/extract/devset)."""

from __future__ import annotations

import glob
import json

import pytest

from oversight.extract import extract_document, read_inputs
from oversight.extract.evaluate import evaluate
from oversight.extract.readers import Document
from oversight.extract.resources import Resources
from tests.extract.conftest import DEVSET, FIXTURES


def _score(folder, res: Resources):
    inputs = [
        str(folder / "documents.jsonl"),
        *sorted(glob.glob(str(folder / "html" / "*.html"))),
        *sorted(glob.glob(str(folder / "txt" / "*.txt"))),
    ]
    claims = [
        c for doc in read_inputs(inputs) if isinstance(doc, Document) for c in extract_document(doc, res)
    ]
    gold = [
        json.loads(line)
        for line in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    return evaluate(gold, claims, res)


def test_fixture_quality(res: Resources) -> None:
    assert _score(FIXTURES, res).f1 >= 0.9


@pytest.mark.skipif(not (DEVSET / "gold.jsonl").exists(), reason="dev set not present")
def test_devset_quality(res: Resources) -> None:
    scores = _score(DEVSET, res)
    print(scores.as_dict())
    assert scores.f1 >= 0.85, scores.as_dict()
    assert scores.status_accuracy >= 0.75 and scores.year_accuracy >= 0.75


def test_evaluate_matching_rules(res: Resources) -> None:
    gold = [
        {
            "doc_id": "html/a.html",
            "country": "KEN",
            "vendor": "Huawei Technologies Co., Ltd.",
            "technology": "safe_city",
            "status": "operational",
            "year": 2015,
        },
        {
            "doc_id": "b",
            "country": "FRA",
            "vendor": None,
            "technology": "facial_recognition",
            "status": "cancelled",
            "year": None,
        },
    ]
    claims = [
        {
            "doc_id": "some/dir/html/a.html",
            "country": "KEN",
            "vendor": "华为",
            "technology": "safe_city",
            "status": "contracted",
            "year": 2015,
            "confidence": 0.9,
        },
        {
            "doc_id": "b",
            "country": "FRA",
            "vendor": None,
            "technology": "facial_recognition",
            "status": "cancelled",
            "year": None,
            "confidence": 0.5,
        },
        {
            "doc_id": "b",
            "country": "FRA",
            "vendor": "Idemia",
            "technology": "facial_recognition",
            "status": "cancelled",
            "year": None,
            "confidence": 0.4,
        },
    ]
    scores = evaluate(gold, claims, res)
    assert (scores.true_positives, scores.false_positives, scores.false_negatives) == (2, 1, 0)
    assert scores.status_accuracy == 0.5 and scores.year_accuracy == 1.0
