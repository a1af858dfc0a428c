"""Every example description reaches its documented AI Act outcome; the framework stays consistent."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.assessment import CRITERIA, assess, framework, read_description
from oversight.assessment.model import Safeguards

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "assessments"

# file -> (class, an article the classification must cite, scope)
OUTCOMES = {
    "realtime-rbi-no-exception.yaml": ("prohibited", "Art. 5(1)(h)", "eu"),
    "realtime-rbi-judicial-exception.yaml": ("high_risk", "Art. 5(1)(h)(i)", "eu"),
    "social-scoring.yaml": ("prohibited", "Art. 5(1)(c)", "benchmark"),
    "predictive-policing-profiling.yaml": ("prohibited", "Art. 5(1)(d)", "eu"),
    "post-facial-recognition-police.yaml": ("high_risk", "Annex III 1(a)", "eu"),
    "cctv-no-biometrics.yaml": ("minimal_risk", None, "benchmark"),
    "facial-scraping.yaml": ("prohibited", "Art. 5(1)(e)", "eu"),
    "border-biometric-verification.yaml": ("high_risk", "Annex III 7(d)", "eu"),
    "workplace-emotion-recognition.yaml": ("prohibited", "Art. 5(1)(f)", "eu"),
}


def test_every_example_has_an_expected_outcome() -> None:
    assert sorted(p.name for p in EXAMPLES.glob("*.yaml")) == sorted(OUTCOMES)


@pytest.mark.parametrize(("name", "expected"), sorted(OUTCOMES.items()))
def test_example_outcome(name: str, expected: tuple[str, str | None, str]) -> None:
    cls, article, scope = expected
    act = assess(read_description(EXAMPLES / name))["ai_act"]
    assert act["class"] == cls
    assert act["scope"] == scope
    assert act["could_be"] is None  # the examples settle every decisive fact
    if article:
        assert article in act["articles"]
    else:
        assert act["articles"] == []
    assert act["reasoning"] and act["obligations"]


@pytest.mark.parametrize("name", sorted(OUTCOMES))
def test_examples_say_they_are_illustrative(name: str) -> None:
    head = (EXAMPLES / name).read_text("utf-8").splitlines()[:3]
    assert any("not a claim about any" in line for line in head)


def test_outside_the_eu_is_a_benchmark_not_a_legal_finding() -> None:
    act = assess(read_description(EXAMPLES / "social-scoring.yaml"))["ai_act"]
    assert "as if assessed under the EU AI Act" in act["reasoning"][0]
    assert "not a legal finding" in act["reasoning"][0]


def test_post_remote_identification_by_police_carries_article_26_10() -> None:
    act = assess(read_description(EXAMPLES / "post-facial-recognition-police.yaml"))["ai_act"]
    assert "Art. 26(10)" in act["articles"]
    assert any(o.startswith("Art. 26(10)") for o in act["obligations"])
    assert any(o.startswith("Art. 27") for o in act["obligations"])


def test_exception_use_lists_the_article_5_conditions() -> None:
    act = assess(read_description(EXAMPLES / "realtime-rbi-judicial-exception.yaml"))["ai_act"]
    assert any(o.startswith("Art. 5(3)") for o in act["obligations"])
    assert "Annex III 1(a)" in act["articles"]


def test_prohibited_obligation_is_not_to_use() -> None:
    act = assess(read_description(EXAMPLES / "facial-scraping.yaml"))["ai_act"]
    assert act["obligations"][0].startswith("Art. 5:")
    assert not any(o.startswith("Art. 9:") for o in act["obligations"])


def test_framework_criteria_match_the_form_and_the_code() -> None:
    ids = [c["id"] for c in framework()["criteria"]]
    assert ids == list(CRITERIA)
    assert set(ids) - {"restricted_suppliers"} == set(Safeguards.model_fields)
    for criterion in framework()["criteria"]:
        assert {"id", "group", "label", "question", "evidence", "scoring"} <= set(criterion)
        assert {"met", "not_met", "unknown"} <= set(criterion["scoring"])


def test_framework_covers_every_prohibited_practice_and_cites_only_paraphrase() -> None:
    practices = framework()["ai_act"]["prohibited_practices"]
    assert list(practices) == [f"5(1)({x})" for x in "abcdefgh"]
    assert all(len(p["summary"]) < 300 for p in practices.values())


def test_scorecard_shape_and_summary() -> None:
    card = assess(read_description(EXAMPLES / "realtime-rbi-judicial-exception.yaml"))
    assert set(card) == {"framework", "deployment", "criteria", "summary", "ai_act", "missing"}
    s = card["summary"]
    assert s["applicable"] == len(card["criteria"]) - s["not_applicable"]
    assert s["met"] + s["partly"] + s["not_met"] + s["unknown"] == s["applicable"]
    assert 0 <= s["score"] <= 1 and s["coverage"] == 1.0
    assert {m["field"] for m in card["missing"]} == {"safeguards.published_contract.source",
                                                     "safeguards.redress.source"}
