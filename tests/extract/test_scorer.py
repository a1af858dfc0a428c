"""The claim scorer: features, the shipped model, and training on a small labelled corpus."""

from __future__ import annotations

import json

import pytest

from oversight.extract.corpus import load_corpus
from oversight.extract.resources import Resources
from oversight.extract.scorer import FEATURES, MODEL_PATH, ClaimScorer, read_scorer
from tests.extract.test_corpus_report import CORPUS


def test_the_shipped_model_covers_every_feature_and_says_how_it_was_trained() -> None:
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["features"] == list(FEATURES)
    assert "development part" in data["trained_on"]
    scorer = read_scorer(MODEL_PATH)
    assert 0.0 <= scorer.threshold < 1.0


def test_probability_is_the_logistic_of_the_weighted_sum() -> None:
    scorer = ClaimScorer({"vendor_in_sentence": 2.0, "hedged": -1.0}, -1.0, 0.3)
    assert scorer.probability({"vendor_in_sentence": 1.0}) == pytest.approx(1 / (1 + 2.718281828**-1))
    assert scorer.probability({"hedged": 1.0}) < scorer.probability({})


def test_a_model_with_unknown_features_is_refused(tmp_path) -> None:
    path = tmp_path / "m.json"
    path.write_text(json.dumps({"coefficients": {"colour": 1.0}, "intercept": 0, "threshold": 0}))
    with pytest.raises(ValueError, match="unknown features"):
        read_scorer(path)


def test_training_on_a_few_development_documents(res: Resources) -> None:
    pytest.importorskip("sklearn")
    from oversight.extract.scorer_training import train, training_rows

    dev = load_corpus(CORPUS).part("dev")
    ids = {d["id"] for d in dev.documents[:40]}
    few = type(dev)(dev.documents[:40], [g for g in dev.gold if g["doc_id"] in ids])
    rows = training_rows(few, res)
    assert len(rows.values) == len(rows.labels) > 0 and 0 < sum(rows.labels) < len(rows.labels)
    scorer, about = train(rows)
    assert set(scorer.coefficients) == set(FEATURES)
    assert about["cross_validation"]["grouped_by"] == "document"
