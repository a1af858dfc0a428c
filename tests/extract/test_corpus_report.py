"""The corpus report: breakdowns by technology, kind, language and set, and the calibration table."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from oversight.extract.corpus import Corpus, load_corpus
from oversight.extract.corpus_report import calibration, corpus_report
from oversight.extract.evaluate import match_claims
from tests.extract.test_cli import _app

CORPUS = Path(__file__).parent / "corpus"

DOCS = [
    {"id": "a", "language": "en", "kind": "news", "text": "..."},
    {"id": "b", "language": "fr", "kind": "wire", "text": "..."},
]
GOLD = [
    {"doc_id": "a", "country": "KEN", "vendor": "Huawei", "technology": "safe_city", "status": "operational",
     "year": 2015, "city": None},
    {"doc_id": "b", "country": "SEN", "vendor": None, "technology": "video_surveillance",
     "status": "planned", "year": None, "city": None},
]
CLAIMS = [
    {"doc_id": "a", "country": "KEN", "vendor": "Huawei", "technology": "safe_city", "status": "contracted",
     "year": 2015, "city": None, "confidence": 0.9},
    {"doc_id": "a", "country": "USA", "vendor": "Huawei", "technology": "safe_city", "status": "contracted",
     "year": 2015, "city": None, "confidence": 0.4},
]


def test_breakdowns_split_hits_misses_and_spurious_claims() -> None:
    report = corpus_report(Corpus(DOCS, GOLD), CLAIMS, None)
    assert report["overall"].true_positives == 1 and report["overall"].false_positives == 1
    assert report["overall"].status_accuracy == 0.0 and report["overall"].year_accuracy == 1.0
    assert report["by_technology"]["safe_city"]["precision"] == 0.5
    assert report["by_technology"]["video_surveillance"]["false_negatives"] == 1
    assert report["by_language"]["fr"]["recall"] == 0.0
    assert report["by_kind"]["news"]["true_positives"] == 1


def test_scores_by_labelled_set_take_the_set_from_the_document_id() -> None:
    docs = [{**DOCS[0], "id": "glb-001"}, {**DOCS[1], "id": "ame-012"}]
    gold = [{**GOLD[0], "doc_id": "glb-001"}, {**GOLD[1], "doc_id": "ame-012"}]
    claims = [{**c, "doc_id": "glb-001"} for c in CLAIMS]
    by_set = corpus_report(Corpus(docs, gold), claims, None)["by_set"]
    assert set(by_set) == {"glb", "ame"}
    assert (by_set["glb"]["true_positives"], by_set["glb"]["false_positives"]) == (1, 1)
    assert by_set["ame"]["false_negatives"] == 1


def test_calibration_counts_the_share_right_per_band() -> None:
    rows = {row["band"]: row for row in calibration(match_claims(GOLD, CLAIMS))}
    assert rows["0.30-0.50"] == {"band": "0.30-0.50", "claims": 1, "share_correct": 0.0}
    assert rows["0.85-1.00"]["share_correct"] == 1.0
    assert rows[">=0.50"]["claims"] == 1


def test_evaluate_corpus_part_as_json() -> None:
    result = CliRunner().invoke(
        _app(), ["evaluate", "--corpus", str(CORPUS), "--part", "dev", "--json", "--details"]
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    # The corpus grows set by set: the figures are those of the part as it stands.
    dev = load_corpus(CORPUS).part("dev")
    assert (report["documents"], report["gold_claims"]) == (len(dev.documents), len(dev.gold))
    assert set(report["by_language"]) == {"en", "es", "fr", "pt"}
    assert sum(s["true_positives"] for s in report["by_set"].values()) == report["overall"]["true_positives"]
    overall = report["overall"]
    assert overall["true_positives"] + overall["false_negatives"] == len(dev.gold)
    assert len(report["missed"]) == overall["false_negatives"]
    # Every error is in exactly one class, on both sides.
    assert sum(report["error_classes"]["missed"].values()) == overall["false_negatives"]
    assert sum(report["error_classes"]["spurious"].values()) == overall["false_positives"]
    assert {m["error_class"] for m in report["missed"]} <= set(report["error_classes"]["missed"])


def test_evaluate_rejects_an_unknown_part() -> None:
    result = CliRunner().invoke(_app(), ["evaluate", "--corpus", str(CORPUS), "--part", "train"])
    assert result.exit_code == 2
