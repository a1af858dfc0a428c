"""Resolve: registry names, one claim per (country, vendor, technology) and document,
confidence from the claim scorer (scorer.py; claims below its threshold are dropped), and the
output record of the extraction contract.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from oversight.extract.relate import Candidate
from oversight.extract.resources import EXTRACTOR_VERSION, name_key
from oversight.extract.scorer import DocumentShape, default_scorer, features

if TYPE_CHECKING:
    from oversight.extract.resources import Resources

# When one document reports several states of the same deployment, the final one counts.
DOCUMENT_STATUS_ORDER = ("denied", "cancelled", "operational", "pilot", "contracted", "planned")


def resolve(doc_id: str, text: str, candidates: list[Candidate], res: Resources) -> list[dict[str, Any]]:
    """The claims of one document, without those the claim scorer finds below its threshold."""
    scorer = default_scorer()
    threshold = scorer.threshold if scorer else 0.0
    scored = scored_claims(doc_id, text, candidates, res)
    return [claim for claim, _ in scored if claim["confidence"] >= threshold]


def scored_claims(
    doc_id: str, text: str, candidates: list[Candidate], res: Resources
) -> list[tuple[dict[str, Any], dict[str, float]]]:
    """Every claim of one document with its scorer features (what the scorer is trained on)."""
    groups: dict[tuple[str, str | None, str], list[Candidate]] = {}
    for c in candidates:
        c.vendor = res.canonical(c.vendor) if c.vendor else None
    # An article about one supplier: sentences that do not name it are about it too.
    named = {c.vendor for c in candidates if c.vendor}
    if len(named) == 1:
        only = named.pop()
        for c in candidates:
            if c.vendor is None:
                c.vendor, c.via_anaphor = only, True
    for c in candidates:
        vendor = c.vendor
        groups.setdefault((c.country, name_key(vendor) if vendor else None, c.technology), []).append(c)

    # A claim without a vendor repeats one with a vendor for the same country and technology.
    with_vendor = {(country, tech) for country, vendor, tech in groups if vendor}
    kept = {
        key: members
        for key, members in groups.items()
        if not (key[1] is None and (key[0], key[2]) in with_vendor)
        # a technology named with no deployment event is not a claim
        and any(c.status for c in members)
    }
    shape = DocumentShape(
        claims=len(kept),
        countries=Counter(key[0] for key in kept),
        vendors=Counter(members[0].vendor for members in kept.values()),
        per_sentence=Counter(c.start for members in kept.values() for c in members),
    )
    scorer = default_scorer()
    claims = []
    for (country, _, tech), members in kept.items():
        best = min(members, key=lambda c: (not c.vendor_in_sentence, not c.country_in_sentence, c.start))
        stated = [c for c in members if c.status]
        final = min(stated, key=lambda c: DOCUMENT_STATUS_ORDER.index(c.status))
        status = final.status
        # The year of the event that gives the status: a deployment reported in several
        # sentences with that status started at the earliest of their years.
        year = _earliest(c for c in stated if c.status == status) or _earliest(stated) or _earliest(members)
        city = best.city or _first([c.city for c in members])
        values = features(members, best, status, shape)
        score = scorer.probability(values) if scorer else 0.5
        claim = {
            "doc_id": doc_id,
            "country": country,
            "vendor": best.vendor,
            "technology": tech,
            "status": status,
            "year": year,
            "city": city,
            "confidence": round(score, 2),
            "evidence": {"start": best.start, "end": best.end, "text": text[best.start : best.end]},
            "extractor": EXTRACTOR_VERSION,
        }
        claims.append((claim, values))
    claims.sort(key=lambda cv: (cv[0]["evidence"]["start"], cv[0]["technology"], cv[0]["vendor"] or ""))
    return claims


def _earliest(candidates: Iterable[Candidate]) -> int | None:
    return min((c.year for c in candidates if c.year), default=None)


def _first(values: list[Any]) -> Any:
    return next((v for v in values if v), None)
