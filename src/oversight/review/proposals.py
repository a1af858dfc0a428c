"""Proposed deployments: candidate claims grouped by (country, vendor, technology)."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from typing import Any
from urllib.parse import urlparse

from oversight.errors import OversightError
from oversight.registry.records import normalise_name, slugify

SOURCE_SUPPORTS = ["country", "suppliers", "technologies", "status"]


class ReviewError(OversightError):
    """A proposal cannot be decided as asked."""


class AlreadyDecided(ReviewError):
    """The proposal has a decision: a second one would leave the first one's deployment behind."""


def proposal_id(key: str) -> str:
    """A short, stable id for a group key, to type on the command line."""
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:10]


def _most_common(values: list[Any]) -> Any:
    present = [v for v in values if v is not None]
    return Counter(present).most_common(1)[0][0] if present else None


def propose(claims: list[dict[str, Any]], decisions: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """One proposal per group of claims, keeping every evidence span."""
    groups: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for claim in claims:
        groups[claim["group_key"]].append(claim)
    proposals = []
    for key, members in groups.items():
        # The latest dated claim says where the project stands now.
        latest = max(members, key=lambda c: (c["year"] or 0, c["document"]["published"] or ""))
        years = [c["year"] for c in members if c["year"]]
        decision = decisions.get(key)
        proposals.append({
            "id": proposal_id(key),
            "key": key,
            "country": members[0]["country"],
            "vendor": _most_common([c["vendor"] for c in members]),
            "technology": members[0]["technology"],
            "status": latest["status"] or _most_common([c["status"] for c in members]),
            "year": min(years) if years else None,
            "city": _most_common([c["city"] for c in members]),
            "confidence": max(c["confidence"] for c in members),
            "claims": len(members),
            "documents": len({c["document"]["hash"] for c in members}),
            "state": decision["decision"] if decision else "open",
            "decision": decision,
            "evidence": [
                {**c["evidence"], "doc_id": c["document"]["doc_id"], "url": c["document"]["url"],
                 "title": c["document"]["title"], "published": c["document"]["published"],
                 "status": c["status"], "year": c["year"]}
                for c in members
            ],
        })
    proposals.sort(key=lambda p: (p["state"] != "open", -p["confidence"], p["key"]))
    return proposals


def find(proposals: list[dict[str, Any]], wanted: str) -> dict[str, Any]:
    matches = [p for p in proposals if p["id"].startswith(wanted) or p["key"] == wanted]
    if len(matches) != 1:
        raise ReviewError(f"{'no' if not matches else 'more than one'} proposal matches {wanted!r}")
    return matches[0]


def deployment_records(proposal: dict[str, Any], edits: dict[str, Any],
                       known_organisations: set[str] | dict[str, str]) -> dict[str, list[dict[str, Any]]]:
    """The organisation and deployment records (loader format) that accepting creates."""
    fields = {k: proposal[k] for k in ("country", "vendor", "technology", "status", "year", "city")}
    fields.update({k: v for k, v in edits.items() if v is not None and k != "source_url"})
    if not fields["status"]:
        raise ReviewError("the claims give no status; pass --status")
    sources = []
    for span in proposal["evidence"]:
        if span["url"] and span["url"] not in {s["url"] for s in sources}:
            sources.append({"url": span["url"], "title": span["title"],
                            "publisher": urlparse(span["url"]).hostname,
                            "published": span["published"], "supports": SOURCE_SUPPORTS})
    if edits.get("source_url"):
        sources.append({"url": edits["source_url"], "supports": SOURCE_SUPPORTS})
    if not sources:
        raise ReviewError("no document behind these claims has a URL to cite; pass --source-url")
    vendor = fields["vendor"]
    deployment = {
        "id": slugify(f"{fields['country']} {vendor or 'unnamed supplier'} {fields['technology']}"),
        "country": fields["country"],
        "city": fields["city"],
        "suppliers": [{"organisation": vendor, "role": "supplier"}] if vendor else [],
        "technologies": [fields["technology"]],
        "status": fields["status"],
        "announced": str(fields["year"]) if fields["year"] else None,
        "confidence": round(float(proposal["confidence"]), 2),
        "description": f"Accepted from {proposal['claims']} extracted claim(s) in "
                       f"{proposal['documents']} document(s).",
        "sources": sources,
    }
    organisations = []
    if vendor and normalise_name(vendor) not in known_organisations:
        organisations.append({"name": vendor, "kind": "vendor"})
    return {"organisations": organisations, "deployments": [deployment]}


def matching(proposals: list[dict[str, Any]], *, state: str = "open", country: str | None = None,
             vendor: str | None = None, technology: str | None = None,
             min_confidence: float | None = None) -> list[dict[str, Any]]:
    """The proposals a reviewer asked for: `state` ("all" for any), a country code, a supplier
    (whose normalised name contains the one asked for, so "huawei" finds "Huawei Technologies"),
    a technology, and a lowest confidence."""
    wanted_vendor = normalise_name(vendor) if vendor else None
    return [p for p in proposals
            if (state == "all" or p["state"] == state)
            and (not country or p["country"] == country.upper())
            and (not wanted_vendor or wanted_vendor in normalise_name(p["vendor"] or ""))
            and (not technology or p["technology"] == technology)
            and (min_confidence is None or p["confidence"] >= min_confidence)]
