"""One small function per safeguard criterion: description -> (status, rationale).

The criteria themselves (labels, questions, what evidence satisfies them, how they are scored)
are in framework.yaml; these functions are the scoring rules, written so each can be tested.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from importlib import resources
from typing import Any

import yaml

from oversight.assessment.model import AssessmentInput, Evidence
from oversight.vocab import VOCAB

Result = tuple[str, str]
STATUSES = ("met", "partly", "not_met", "unknown", "not_applicable")
BIOMETRIC_TECHNOLOGIES = {"facial_recognition", "biometric_identification"}
PEOPLE_USES = {"identification", "verification", "categorisation", "emotion_recognition", "scoring",
               "crime_prediction"}
CONSENT_PURPOSES = {"commercial", "workplace", "education", "public_administration", "border_control"}


@cache
def framework() -> dict[str, Any]:
    """framework.yaml, parsed once."""
    text = resources.files("oversight.assessment").joinpath("framework.yaml").read_text("utf-8")
    return yaml.safe_load(text)


def criterion_info(criterion_id: str) -> dict[str, Any]:
    return next(c for c in framework()["criteria"] if c["id"] == criterion_id)


# --- shared facts ---------------------------------------------------------------------------


def realtime_public_rbi_for_police(d: AssessmentInput) -> bool:
    """Real-time remote biometric identification in public spaces for law enforcement, all known."""
    return (d.purpose == "law_enforcement" and "identification" in (d.uses or [])
            and d.biometric is True and d.remote is True and d.real_time is True
            and d.publicly_accessible_space is True)


def _with_note(text: str, ev: Evidence) -> str:
    return f"{text} ({ev.note})" if ev.note else text


def from_answer(ev: Evidence, subject: str) -> Result:
    """The default rule: an answer and whether a public source backs it."""
    if ev.answer == "yes":
        if ev.source:
            return "met", _with_note(f"{subject}: yes, shown by the cited source", ev)
        return "partly", _with_note(f"{subject}: claimed, but no public source is given", ev)
    if ev.answer == "partly":
        return "partly", _with_note(f"{subject}: only in part", ev)
    if ev.answer == "no":
        return "not_met", _with_note(f"{subject}: no", ev)
    if ev.answer == "not_applicable":
        return "not_applicable", _with_note(f"{subject}: the description says this does not apply", ev)
    return "unknown", f"{subject}: no evidence given"


# --- the criteria ---------------------------------------------------------------------------


def legal_basis(d: AssessmentInput) -> Result:
    status, why = from_answer(d.safeguards.legal_basis, "A specific law authorises this use")
    if realtime_public_rbi_for_police(d) and status == "met":
        if d.authorisation == "none":
            return "partly", (why + "; but real-time remote identification under an exception also "
                              "needs prior authorisation of each use (cf. AI Act Art. 5(3)), and none "
                              "was obtained")
        if d.authorisation == "unknown":
            why += "; whether each use was authorised beforehand is not known"
    return status, why


def necessity_proportionality(d: AssessmentInput) -> Result:
    status, why = from_answer(d.safeguards.necessity_proportionality,
                              "A necessity and proportionality assessment was made")
    untargeted = ("scraping" in (d.uses or [])
                  or (realtime_public_rbi_for_police(d) and d.exception == "none"))
    if untargeted and status == "met":
        return "partly", (why + "; but the use is untargeted (mass identification or scraping), "
                          "which such an assessment can hardly justify")
    return status, why


def public_notice(d: AssessmentInput) -> Result:
    ev = d.safeguards.public_notice
    if ev.answer == "unknown" and d.status == "denied":
        return "not_met", "The buyer or supplier officially denies the deployment, so nobody is told of it"
    return from_answer(ev, "The public is told the system is in use")


def published_contract(d: AssessmentInput) -> Result:
    return from_answer(d.safeguards.published_contract, "Tender and contract are published")


def oversight_body(d: AssessmentInput) -> Result:
    return from_answer(d.safeguards.oversight_body, "An independent body supervises the system")


def audit_logs(d: AssessmentInput) -> Result:
    return from_answer(d.safeguards.audit_logs, "Every use is logged and the logs are reviewed")


def incident_reporting(d: AssessmentInput) -> Result:
    return from_answer(d.safeguards.incident_reporting,
                       "Errors, misidentifications and misuse are reported")


def consent_applies(d: AssessmentInput) -> bool | None:
    """True/False when the facts decide whether consent can be asked; None when they do not."""
    if "verification" in (d.uses or []) or d.purpose in CONSENT_PURPOSES:
        return True
    if d.purpose == "law_enforcement":
        return False
    return None


def consent_opt_out(d: AssessmentInput) -> Result:
    ev = d.safeguards.consent_opt_out
    applies = consent_applies(d)
    if applies is False and ev.answer in ("unknown", "not_applicable"):
        return "not_applicable", ("Law-enforcement use does not rest on consent; legal basis, "
                                  "oversight and redress carry the weight instead")
    status, why = from_answer(ev, "People consent and can use an alternative without the system")
    if status == "met" and d.purpose in ("workplace", "education"):
        return "partly", why + "; but consent of employees or students is rarely free"
    return status, why


def bias_applies(d: AssessmentInput) -> bool:
    """Biometric or people-scoring systems; when the facts are unknown it cannot be ruled out."""
    if d.biometric is True or BIOMETRIC_TECHNOLOGIES & set(d.technologies):
        return True
    if set(d.uses or []) & PEOPLE_USES:
        return True
    return d.uses is None or d.biometric is None


def bias_testing(d: AssessmentInput) -> Result:
    ev = d.safeguards.bias_testing
    if not bias_applies(d) and ev.answer in ("unknown", "not_applicable"):
        return "not_applicable", "No biometric processing and no scoring or prediction about people"
    if ev.answer != "yes":
        return from_answer(ev, "The algorithm was independently tested across demographic groups")
    tested = f"Tested ({ev.evaluation})" if ev.evaluation else "Tested"
    if ev.independent is False:
        return "partly", _with_note(f"{tested}, but by the vendor itself, not independently", ev)
    if ev.demographic is False:
        return "partly", _with_note(f"{tested}, but without results by demographic group", ev)
    if not ev.source:
        return "partly", _with_note(f"{tested}; claimed, but no public report is cited", ev)
    if ev.independent is None or ev.demographic is None:
        return "partly", _with_note(f"{tested}; the source does not establish that the test was "
                                    "both independent and demographic", ev)
    return "met", _with_note(f"{tested} independently, with demographic results, published", ev)


def retention_limits(d: AssessmentInput) -> Result:
    ev = d.safeguards.retention_limits
    if ev.days is not None and ev.answer in ("yes", "unknown"):
        if ev.source:
            return "met", _with_note(f"Data are kept at most {ev.days} days, per the cited source", ev)
        return "partly", _with_note(f"A limit of {ev.days} days is claimed without a public source", ev)
    if ev.answer == "yes":
        return "partly", _with_note("A retention limit is claimed, but its period is not stated", ev)
    return from_answer(ev, "Data are deleted after a fixed period")


def storage_location(d: AssessmentInput) -> Result:
    ev = d.safeguards.storage_location
    if ev.country and ev.answer in ("yes", "unknown", "partly"):
        if ev.country != d.country:
            return "partly", _with_note(f"Data are stored abroad ({ev.country}); their protection "
                                        "depends on transfer agreements", ev)
        if ev.source:
            return "met", _with_note(f"Data are stored in {ev.country}, the deploying country", ev)
        return "partly", _with_note(f"Storage in {ev.country} is claimed without a public source", ev)
    return from_answer(ev, "Data stay under the deploying country's jurisdiction")


def vendor_access(d: AssessmentInput) -> Result:
    status, why = from_answer(d.safeguards.vendor_access,
                              "Vendor access is restricted by contract, logged and supervised")
    abroad = sorted({s.country for s in d.suppliers if s.country and s.country != d.country})
    if abroad and status in ("unknown", "partly", "not_met"):
        why += f"; suppliers based abroad ({', '.join(abroad)}) make this question pressing"
    return status, why


def redress(d: AssessmentInput) -> Result:
    return from_answer(d.safeguards.redress, "People affected can complain and obtain a remedy")


def restricted_suppliers(d: AssessmentInput) -> Result:
    if not d.suppliers:
        return "unknown", "No suppliers are given, so none could be screened"
    labels = {term.id: term.label for term in VOCAB.restriction_lists}
    listed = [f"{s.name} ({', '.join(labels[x] for x in s.lists)})" for s in d.suppliers if s.lists]
    if listed:
        return "not_met", ("On a restriction list: " + "; ".join(listed)
                           + ". A risk flag: these lists bind those who impose them, not "
                           "necessarily the deploying government")
    unscreened = [s.name for s in d.suppliers if s.lists is None]
    if unscreened:
        return "unknown", f"Not screened against the restriction lists: {', '.join(unscreened)}"
    names = ", ".join(s.name for s in d.suppliers)
    return "met", f"Screened, on no restriction list: {names}"


CRITERIA: dict[str, Callable[[AssessmentInput], Result]] = {
    "legal_basis": legal_basis,
    "necessity_proportionality": necessity_proportionality,
    "public_notice": public_notice,
    "published_contract": published_contract,
    "oversight_body": oversight_body,
    "audit_logs": audit_logs,
    "incident_reporting": incident_reporting,
    "consent_opt_out": consent_opt_out,
    "bias_testing": bias_testing,
    "retention_limits": retention_limits,
    "storage_location": storage_location,
    "vendor_access": vendor_access,
    "redress": redress,
    "restricted_suppliers": restricted_suppliers,
}
