"""A best-effort description form from a registry deployment view.

The registry records who supplied what to whom, not how a system is used, so most of the form
stays `unknown` and the scorecard lists it as missing. The few fields filled by inference say
so in `notes`; nothing is filled that the registry does not support.
"""

from __future__ import annotations

import re
from typing import Any

from oversight.assessment.model import AssessmentInput, Evidence, Safeguards, Supplier
from oversight.vocab import RESTRICTION_LISTS, TECHNOLOGIES

BIOMETRIC_TECHNOLOGIES = ("facial_recognition", "biometric_identification")
# Buyer names that say what the buyer is for, in the registry's common languages.
POLICE = re.compile(r"\b(police|policía|policia|polícia|politi|polizei|gendarm\w*|carabinieri|"
                    r"public security|law enforcement|interior)\b", re.IGNORECASE)
BORDER = re.compile(r"\b(border|immigration|customs|frontier|migration)\b", re.IGNORECASE)


def _list_ids(entries: list[Any]) -> list[str]:
    ids = (entry.get("list") if isinstance(entry, dict) else entry for entry in entries)
    return sorted({i for i in ids if i in RESTRICTION_LISTS})


def _purpose(view: dict[str, Any], notes: list[str]) -> str:
    buyer = view.get("buyer") or ""
    if BORDER.search(buyer):
        notes.append(f"purpose border_control inferred from the buyer's name {buyer!r}")
        return "border_control"
    if POLICE.search(buyer):
        notes.append(f"purpose law_enforcement inferred from the buyer's name {buyer!r}")
        return "law_enforcement"
    if "smart_policing" in (view.get("technologies") or []):
        notes.append("purpose law_enforcement inferred from the technology smart_policing")
        return "law_enforcement"
    return "unknown"


def _contract_evidence(view: dict[str, Any]) -> Evidence:
    """A public contract value is part of the contract made public, and no more."""
    if view.get("contract_value") is None:
        return Evidence()
    backing = [s["url"] for s in view.get("sources") or [] if "contract_value" in (s.get("supports") or [])]
    return Evidence(answer="partly", note="the contract value is public; the contract is not in the "
                    "registry", source=backing[0] if backing else None)


def description_from_deployment(view: dict[str, Any],
                                listings_by_supplier: dict[str, list[Any]]) -> AssessmentInput:
    """The description form of a registry deployment view (queries.deployment's shape).

    `listings_by_supplier` maps a supplier name to its restriction-list entries (listing dicts
    with a "list" key, or list ids); a supplier missing from it counts as not screened."""
    notes = [f"built from registry deployment {view.get('id')!r}; usage facts and safeguards are not "
             "held by the registry and stay unknown"]
    technologies = [t for t in view.get("technologies") or [] if t in TECHNOLOGIES]
    biometric = True if set(technologies) & set(BIOMETRIC_TECHNOLOGIES) else None
    if biometric:
        notes.append("biometric inferred from the technologies " + ", ".join(
            t for t in technologies if t in BIOMETRIC_TECHNOLOGIES))
    suppliers = [
        Supplier(name=s["name"], role=s.get("role"), country=s.get("country"),
                 lists=_list_ids(listings_by_supplier[s["name"]])
                 if s["name"] in listings_by_supplier else None)
        for s in view.get("suppliers") or []
    ]
    sources = [s["url"] for s in view.get("sources") or []
               if str(s.get("url", "")).startswith(("https://", "http://"))]
    return AssessmentInput(
        id=view.get("id"),
        country=view["country"],
        city=view.get("city"),
        buyer=view.get("buyer"),
        status=view.get("status"),
        description=view.get("description"),
        technologies=technologies,
        purpose=_purpose(view, notes),
        biometric=biometric,
        safeguards=Safeguards(published_contract=_contract_evidence(view)),
        suppliers=suppliers,
        sources=list(dict.fromkeys(sources)),
        notes=notes,
    )
