"""Each criterion's rule and each AI Act rule, on small hand-made descriptions."""

from __future__ import annotations

from typing import Any

import pytest

from oversight.assessment import criteria
from oversight.assessment.ai_act import classify
from oversight.assessment.model import AssessmentInput

SRC = "https://example.org/source"
RT_POLICE = dict(purpose="law_enforcement", uses=["identification"], biometric=True, remote=True,
                 real_time=True, publicly_accessible_space=True)


def form(safeguards: dict[str, Any] | None = None, **fields: Any) -> AssessmentInput:
    return AssessmentInput.model_validate({"country": "DEU", "safeguards": safeguards or {}, **fields})


@pytest.mark.parametrize("criterion", sorted(set(criteria.CRITERIA) - {"restricted_suppliers"}))
@pytest.mark.parametrize(
    ("evidence", "fields", "status"),
    [
        ({"answer": "yes", "source": SRC, "days": 30, "country": "DEU", "independent": True,
          "demographic": True}, {"purpose": "commercial", "uses": ["verification"]}, "met"),
        ({"answer": "partly"}, {"purpose": "commercial", "uses": ["verification"]}, "partly"),
        ({"answer": "no"}, {"purpose": "commercial", "uses": ["verification"]}, "not_met"),
        ({}, {"purpose": "commercial", "uses": ["verification"]}, "unknown"),
    ],
    ids=["yes-with-source", "partly", "no", "unknown"],
)
def test_default_answers(criterion: str, evidence: dict, fields: dict, status: str) -> None:
    model = type(getattr(AssessmentInput.model_validate({"country": "DEU"}).safeguards, criterion))
    allowed = {k: v for k, v in evidence.items() if k in model.model_fields}
    assert criteria.CRITERIA[criterion](form({criterion: allowed}, **fields))[0] == status


def test_yes_without_a_source_is_only_partly() -> None:
    status, why = criteria.audit_logs(form({"audit_logs": {"answer": "yes"}}))
    assert status == "partly" and "no public source" in why


def test_not_applicable_answer_is_respected_and_explained() -> None:
    status, why = criteria.redress(form({"redress": {"answer": "not_applicable", "note": "x"}}))
    assert status == "not_applicable" and "(x)" in why


def test_legal_basis_needs_prior_authorisation_for_real_time_identification() -> None:
    d = form({"legal_basis": {"answer": "yes", "source": SRC}}, **RT_POLICE, exception="victim_search",
             authorisation="none")
    status, why = criteria.legal_basis(d)
    assert status == "partly" and "Art. 5(3)" in why


def test_untargeted_identification_cannot_be_shown_proportionate() -> None:
    ev = {"necessity_proportionality": {"answer": "yes", "source": SRC}}
    assert criteria.necessity_proportionality(form(ev, **RT_POLICE, exception="none"))[0] == "partly"
    assert criteria.necessity_proportionality(form(ev, uses=["scraping"]))[0] == "partly"
    assert criteria.necessity_proportionality(form(ev, uses=["verification"]))[0] == "met"


def test_denied_deployment_has_no_public_notice() -> None:
    assert criteria.public_notice(form(status="denied"))[0] == "not_met"


@pytest.mark.parametrize(
    ("fields", "answer", "status"),
    [
        ({"purpose": "law_enforcement", "uses": ["identification"]}, "unknown", "not_applicable"),
        ({"purpose": "law_enforcement", "uses": ["verification"]}, "unknown", "unknown"),
        ({"purpose": "commercial"}, "no", "not_met"),
        ({"purpose": "workplace"}, "yes", "partly"),  # consent of employees is rarely free
        ({"purpose": "border_control"}, "yes", "met"),
    ],
)
def test_consent_applies_where_people_can_be_asked(fields: dict, answer: str, status: str) -> None:
    d = form({"consent_opt_out": {"answer": answer, "source": SRC}}, **fields)
    assert criteria.consent_opt_out(d)[0] == status


@pytest.mark.parametrize(
    ("evidence", "status", "phrase"),
    [
        ({"answer": "yes", "independent": True, "demographic": True, "source": SRC,
          "evaluation": "NIST FRTE"}, "met", "NIST FRTE"),
        ({"answer": "yes", "independent": False, "demographic": True, "source": SRC}, "partly", "vendor"),
        ({"answer": "yes", "independent": True, "demographic": False, "source": SRC}, "partly",
         "demographic"),
        ({"answer": "yes", "independent": True, "demographic": True}, "partly", "no public report"),
        ({"answer": "yes", "source": SRC}, "partly", "does not establish"),
        ({"answer": "no"}, "not_met", "no"),
    ],
)
def test_bias_testing(evidence: dict, status: str, phrase: str) -> None:
    result = criteria.bias_testing(form({"bias_testing": evidence}, biometric=True))
    assert result[0] == status and phrase in result[1]


def test_bias_testing_not_applicable_without_biometrics_or_scoring() -> None:
    assert criteria.bias_testing(form(biometric=False, uses=[]))[0] == "not_applicable"
    assert criteria.bias_testing(form(biometric=False, uses=["crime_prediction"]))[0] == "unknown"
    assert criteria.bias_testing(form())[0] == "unknown"  # cannot be ruled out


@pytest.mark.parametrize(
    ("evidence", "status"),
    [({"days": 30, "source": SRC}, "met"), ({"days": 30}, "partly"),
     ({"answer": "yes", "source": SRC}, "partly"), ({"answer": "no"}, "not_met"), ({}, "unknown")],
)
def test_retention_limits(evidence: dict, status: str) -> None:
    assert criteria.retention_limits(form({"retention_limits": evidence}))[0] == status


@pytest.mark.parametrize(
    ("evidence", "status", "phrase"),
    [({"country": "DEU", "source": SRC}, "met", "deploying country"),
     ({"country": "USA", "source": SRC}, "partly", "abroad (USA)"),
     ({"country": "DEU"}, "partly", "without a public source"),
     ({"answer": "no"}, "not_met", "no")],
)
def test_storage_location(evidence: dict, status: str, phrase: str) -> None:
    result = criteria.storage_location(form({"storage_location": evidence}))
    assert result[0] == status and phrase in result[1]


def test_vendor_access_flags_foreign_suppliers() -> None:
    d = form(suppliers=[{"name": "A", "country": "CHN"}, {"name": "B", "country": "DEU"}])
    status, why = criteria.vendor_access(d)
    assert status == "unknown" and "abroad (CHN)" in why


@pytest.mark.parametrize(
    ("suppliers", "status", "phrase"),
    [
        ([], "unknown", "No suppliers"),
        ([{"name": "A", "lists": []}, {"name": "B"}], "unknown", "Not screened against the restriction "
                                                                   "lists: B"),
        ([{"name": "A", "lists": []}], "met", "on no restriction list: A"),
        ([{"name": "A", "lists": ["us_entity_list", "ndaa_889"]}, {"name": "B"}], "not_met",
         "A (US Entity List, NDAA section 889)"),
    ],
)
def test_restricted_suppliers(suppliers: list, status: str, phrase: str) -> None:
    result = criteria.restricted_suppliers(form(suppliers=suppliers))
    assert result[0] == status and phrase in result[1]


# --- AI Act rules ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "cls", "article"),
    [
        (RT_POLICE | {"exception": "none"}, "prohibited", "Art. 5(1)(h)"),
        (RT_POLICE | {"exception": "imminent_threat", "authorisation": "none"}, "prohibited",
         "Art. 5(1)(h)"),
        (RT_POLICE | {"exception": "serious_crime_suspect", "authorisation": "administrative"},
         "high_risk", "Art. 5(1)(h)(iii)"),
        (RT_POLICE | {"purpose": "commercial"}, "high_risk", "Annex III 1(a)"),
        ({"uses": ["crime_prediction"], "purpose": "law_enforcement", "prediction_basis": "objective_facts"},
         "high_risk", "Annex III 6(d)"),
        ({"uses": ["crime_prediction"], "purpose": "law_enforcement", "prediction_basis": "places"},
         "minimal_risk", None),
        ({"uses": ["categorisation"], "biometric": True, "categorisation_attributes": "sensitive"},
         "prohibited", "Art. 5(1)(g)"),
        ({"uses": ["categorisation"], "biometric": True, "categorisation_attributes": "protected"},
         "high_risk", "Annex III 1(b)"),
        ({"uses": ["categorisation"], "biometric": True, "categorisation_attributes": "other"},
         "limited_risk", "Art. 50(3)"),
        ({"uses": ["emotion_recognition"], "purpose": "commercial"}, "high_risk", "Annex III 1(c)"),
        ({"uses": ["emotion_recognition"], "purpose": "education"}, "prohibited", "Art. 5(1)(f)"),
        ({"uses": ["verification"], "biometric": True, "remote": False, "purpose": "commercial"},
         "minimal_risk", None),
    ],
)
def test_ai_act_rules(fields: dict, cls: str, article: str | None) -> None:
    act = classify(form(**fields))
    assert act["class"] == cls
    if article:
        assert article in act["articles"]


def test_unknown_facts_give_open_questions_not_guesses() -> None:
    act = classify(form(purpose="law_enforcement", biometric=True, technologies=["facial_recognition"]))
    assert act["class"] == "minimal_risk"
    assert act["could_be"] == "prohibited"
    assert any(q.startswith("Art. 5(1)(h)") for q in act["open_questions"])
    assert {"exception", "authorisation"} <= set(act["unknown_inputs"])
    assert any("minimal risk only if they are all answered no" in r for r in act["reasoning"])
    assert act["headline"].startswith("Not settled by the known facts: from minimal risk to prohibited")


def test_partial_uses_leave_unlisted_uses_open() -> None:
    known = classify(form(uses=["identification"], purpose="commercial", biometric=True, remote=True))
    partial = classify(form(uses=["identification"], uses_partial=True, purpose="commercial",
                            biometric=True, remote=True))
    assert known["class"] == partial["class"] == "high_risk"
    assert known["could_be"] is None and known["headline"] == "High-risk"
    assert partial["could_be"] == "prohibited"
    assert any(q.startswith("Art. 5(1)(c)") for q in partial["open_questions"])


def test_unknown_exception_leaves_real_time_identification_open() -> None:
    act = classify(form(**RT_POLICE))
    assert act["class"] == "high_risk" and act["could_be"] == "prohibited"


def test_verification_is_excluded_from_annex_iii_1a() -> None:
    act = classify(form(uses=["verification"], biometric=True, remote=True, purpose="commercial"))
    assert any("excluded from Annex III 1(a)" in r for r in act["reasoning"])
