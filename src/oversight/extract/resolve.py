"""Resolve: registry names, one claim per (country, vendor, technology) and document,
confidence from the claim scorer (scorer.py; claims below its threshold are dropped), and the
output record of the extraction contract.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from oversight.extract.relate import Candidate
from oversight.extract.resources import EXTRACTOR_VERSION, name_key
from oversight.extract.scorer import DocumentShape, default_scorer, features
from oversight.extract.status import (
    DOCUMENT_STATUS_ORDER,
    agreed_content,
    supplier_chosen,
    tender_open,
    trial_reported,
)

if TYPE_CHECKING:
    from oversight.extract.resources import Resources



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
    # Sentences that name no supplier and do not point back to one ("the company").
    unnamed = [c for c in candidates if not c.vendor_in_sentence and not c.via_anaphor]
    # An article about one supplier: sentences that do not name it are about it too.
    named = {c.vendor for c in candidates if c.vendor}
    if len(named) == 1:
        only = named.pop()
        # ... in the countries the text ties it to: in a roundup, the one supplier named
        # ("NEC won an order from Japan Customs") is not that of the other countries.
        its_countries = {c.country for c in candidates if c.vendor == only}
        for c in candidates:
            if c.vendor is None and not c.supplier_withheld and c.country in its_countries:
                c.vendor, c.via_anaphor = only, True
    for c in candidates:
        vendor = c.vendor
        groups.setdefault((c.country, name_key(vendor) if vendor else None, c.technology), []).append(c)

    # a technology named with no deployment event is not a claim
    kept = {key: members for key, members in groups.items() if any(c.status for c in members)}
    # A claim without a vendor may repeat one with a vendor for the same country and technology
    # (the supplier lent to it from nearby), or report another event of the story that names no
    # supplier ("the ministry now plans 2,000 more cameras"): it stays, marked, for the scorer.
    with_vendor: dict[tuple[str, str], list[str]] = {}
    for key, members in kept.items():
        if key[1] is not None:
            with_vendor.setdefault((key[0], key[2]), []).append(_status_and_year(members)[0])
    siblings: dict[tuple[str, str | None, str], list[Candidate]] = {}
    for c in unnamed:
        if c.vendor is not None and c.status and (c.country, c.technology) in with_vendor:
            siblings.setdefault((c.country, None, c.technology), []).append(replace(c, vendor=None))
    for key in [k for k in kept if k[1] is None and (k[0], k[2]) in with_vendor]:
        siblings.setdefault(key, []).extend(kept.pop(key))
    shape = DocumentShape(
        claims=len(kept),
        countries=Counter(key[0] for key in kept),
        vendors=Counter(members[0].vendor for members in kept.values()),
        per_sentence=Counter(c.start for members in kept.values() for c in members),
        countries_in_sentence=_distinct_per_sentence(candidates, lambda c: c.country),
        technologies_in_sentence=_distinct_per_sentence(candidates, lambda c: c.technology),
    )
    scorer = default_scorer()
    claims = []
    for (country, _, tech), members in [*kept.items(), *siblings.items()]:
        best = min(members, key=lambda c: (not c.vendor_in_sentence, not c.country_in_sentence, c.start))
        named_statuses = with_vendor.get((country, tech), []) if best.vendor is None else []
        # Beside a supplier's deployment, a claim without a vendor is the other event: the
        # sentences whose status differs from the supplier's tell its status and year.
        other = [c for c in members if c.status and c.status not in named_statuses]
        status, year = _status_and_year(other if named_statuses and other else members)
        city = best.city or _first([c.city for c in members])
        values = features(members, best, status, shape, named_statuses)
        score = scorer.probability(values) if scorer else 0.5
        claim = {
            "doc_id": doc_id,
            "country": country,
            "vendor": best.vendor,
            "technology": tech,
            # the scorer reads the event the cues report; the claim states what it means
            "status": _meaning(status, best.vendor, members, text),
            "year": year,
            "city": city,
            "confidence": round(score, 2),
            "evidence": {"start": best.start, "end": best.end, "text": text[best.start : best.end]},
            "extractor": EXTRACTOR_VERSION,
        }
        claims.append((claim, values))
    claims.sort(key=lambda cv: (cv[0]["evidence"]["start"], cv[0]["technology"], cv[0]["vendor"] or ""))
    return claims


def _meaning(status: str | None, vendor: str | None, members: list[Candidate], text: str) -> str | None:
    """What the event the cues report means for the claim: a tender still open, a supplier
    chosen, a trial (status.py). Read after the scorer, these change a claim's status, never
    whether there is a claim."""

    def sentences(of_status: str | None = None) -> list[str]:
        return [
            text[c.start : c.end]
            for c in members
            if of_status is None or (c.status == of_status and not c.status_lent)
        ]

    status = tender_open(status, vendor, sentences("planned"))
    status = agreed_content(status, sentences("operational"), [c.status for c in members])
    status_sentences = sentences(status)
    status = supplier_chosen(status, vendor, sentences())
    return trial_reported(status, status_sentences)


def _status_and_year(members: list[Candidate]) -> tuple[str | None, int | None]:
    """The final status the candidates report, and the year of the event that gives it: a
    deployment reported in several sentences with that status started at the earliest year.
    Events stated in the claim's own sentences count before those lent by a neighbouring
    sentence (a critic's quote or a crosshead beside the story)."""
    stated = [c for c in members if c.status and not c.status_lent] or [c for c in members if c.status]
    if not stated:
        return None, _earliest(members)
    status = min(stated, key=lambda c: DOCUMENT_STATUS_ORDER.index(c.status)).status
    year = _earliest(c for c in stated if c.status == status) or _earliest(stated) or _earliest(members)
    return status, year


def _distinct_per_sentence(candidates: list[Candidate], value: Callable[[Candidate], str]) -> dict[int, int]:
    """How many distinct values (countries, technologies) the candidates of each sentence have."""
    seen: dict[int, set[str]] = {}
    for c in candidates:
        seen.setdefault(c.start, set()).add(value(c))
    return {start: len(values) for start, values in seen.items()}


def _earliest(candidates: Iterable[Candidate]) -> int | None:
    return min((year for c in candidates if (year := c.article_year or c.year)), default=None)


def _first(values: list[Any]) -> Any:
    return next((v for v in values if v), None)
