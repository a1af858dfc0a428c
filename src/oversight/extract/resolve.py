"""Resolve: registry names, one claim per (country, vendor, technology) and document,
confidence, and the output record of the extraction contract.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from oversight.extract.relate import Candidate
from oversight.extract.resources import EXTRACTOR_VERSION, name_key

if TYPE_CHECKING:
    from oversight.extract.resources import Resources

# When one document reports several states of the same deployment, the final one counts.
DOCUMENT_STATUS_ORDER = ("denied", "cancelled", "operational", "pilot", "contracted", "planned")


def confidence(c: Candidate) -> float:
    score = 0.45
    score += 0.2 if c.vendor_in_sentence else (0.08 if c.via_anaphor else 0.0)
    score += 0.1 if c.vendor_known else 0.0
    score += 0.12 if c.country_in_sentence else 0.0
    score += 0.08 if c.status else 0.0
    score += 0.03 if c.year else 0.0
    score -= 0.15 if c.hedged else 0.0
    score -= 0.1 if c.vendor is None else 0.0
    return round(max(0.05, min(score, 0.99)), 2)


def resolve(doc_id: str, text: str, candidates: list[Candidate], res: Resources) -> list[dict[str, Any]]:
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
    claims = []
    for (country, vendor, tech), members in groups.items():
        if vendor is None and (country, tech) in with_vendor:
            continue
        if not any(c.status for c in members):
            continue  # a technology named with no deployment event is not a claim
        scored = [(confidence(c), c) for c in members]
        best_score, best = max(scored, key=lambda sc: (sc[0], -sc[1].start))
        stated = [c for c in members if c.status]
        if stated:
            final = min(stated, key=lambda c: DOCUMENT_STATUS_ORDER.index(c.status))
            status = final.status
            year = final.year or _first([c.year for c in stated]) or _first([c.year for c in members])
        else:
            status, year = None, _first([c.year for c in members])
        city = best.city or _first([c.city for c in members])
        # Several sentences saying the same thing make a claim surer.
        score = min(0.99, best_score + 0.03 * (len({c.start for c in members}) - 1))
        claims.append(
            {
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
        )
    claims.sort(key=lambda c: (c["evidence"]["start"], c["technology"], c["vendor"] or ""))
    return claims


def _first(values: list[Any]) -> Any:
    return next((v for v in values if v), None)
