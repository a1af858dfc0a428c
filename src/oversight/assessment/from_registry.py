"""A best-effort description form from a registry deployment view.

The registry records who supplied what to whom, not how a system is used, so most of the form
stays `unknown` and the scorecard lists it as missing. What the record does imply is filled in,
each inference named in `notes`: face recognition on a camera network identifies people at a
distance; a safe-city network covers publicly accessible spaces and serves public security.
Nothing is filled that the record does not support (real time, exceptions and authorisation stay
open), so the classification leads with the range of classes those open questions leave.
"""

from __future__ import annotations

import re
from typing import Any

from oversight.assessment.model import AssessmentInput, Evidence, Safeguards, Supplier
from oversight.vocab import RESTRICTION_LISTS, TECHNOLOGIES

BIOMETRIC_TECHNOLOGIES = ("facial_recognition", "biometric_identification")
CAMERA_NETWORKS = ("video_surveillance", "safe_city")
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
    for technology in ("smart_policing", "safe_city"):
        if technology in (view.get("technologies") or []):
            notes.append(f"purpose law_enforcement inferred from the technology {technology} "
                         "(public-security systems)")
            return "law_enforcement"
    return "unknown"


def _usage(technologies: list[str], notes: list[str]) -> dict[str, Any]:
    """The usage facts a record's technologies imply; everything else stays unknown."""
    facts: dict[str, Any] = {}
    cameras = [t for t in technologies if t in CAMERA_NETWORKS]
    if "facial_recognition" in technologies and cameras:
        facts.update(remote=True, uses=["identification"], uses_partial=True)
        notes.append("remote identification inferred from face recognition on a camera network ("
                     + ", ".join(cameras) + "); other uses stay unknown")
    if "safe_city" in technologies:
        facts["publicly_accessible_space"] = True
        notes.append("publicly accessible spaces inferred from safe_city (city-wide public-security "
                     "networks watch streets and squares)")
    return facts


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
        **_usage(technologies, notes),
        safeguards=Safeguards(published_contract=_contract_evidence(view)),
        suppliers=suppliers,
        sources=list(dict.fromkeys(sources)),
        notes=notes,
    )


def assessment_input(view: dict[str, Any]) -> AssessmentInput:
    """The description form of a deployment view, whose suppliers already carry the lists that
    reach them (their own and a listed parent's)."""
    return description_from_deployment(view, {s["name"]: s.get("lists") or [] for s in view["suppliers"]})
