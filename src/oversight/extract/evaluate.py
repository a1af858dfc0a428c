"""Evaluate extracted claims against labelled (gold) claims.

A claim matches a gold claim of the same document when country, vendor and technology agree;
vendors are compared after mapping to registry names and normalisation, and no vendor
matches no vendor. On matched pairs, status and year accuracy are measured too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import PurePosixPath
from typing import Any

from oversight.extract.resources import Resources, name_key


@dataclass
class Scores:
    precision: float
    recall: float
    f1: float
    true_positives: int
    false_positives: int
    false_negatives: int
    status_accuracy: float | None
    year_accuracy: float | None
    city_accuracy: float | None
    matched: int
    missed: list[dict[str, Any]] = field(default_factory=list)
    spurious: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self, details: bool = False) -> dict[str, Any]:
        out = asdict(self)
        if not details:
            out.pop("missed")
            out.pop("spurious")
        return out


def _doc_keys(doc_id: str) -> list[str]:
    """A document id and the shorter names it may be labelled with (path tails, file stem)."""
    path = PurePosixPath(doc_id.replace("\\", "/"))
    keys = [doc_id]
    parts = path.parts
    keys += ["/".join(parts[i:]) for i in range(1, len(parts))]
    keys.append(path.stem)
    return keys


def claim_key(claim: Mapping[str, Any], res: Resources | None) -> tuple[Any, Any, Any]:
    """What two claims must share to match: country, the vendor's canonical name key, technology."""
    vendor = claim.get("vendor")
    if vendor:
        vendor = name_key(res.canonical(vendor) if res else vendor)
    return (claim.get("country") or None, vendor or None, claim.get("technology"))


@dataclass
class Matching:
    """Which extracted claim matched which gold claim, and what was left over on each side."""

    pairs: list[tuple[dict[str, Any], dict[str, Any]]]  # (claim, gold)
    spurious: list[dict[str, Any]]
    missed: list[dict[str, Any]]


def match_claims(
    gold: Iterable[Mapping[str, Any]], claims: Iterable[Mapping[str, Any]], resources: Resources | None = None
) -> Matching:
    """Pair each claim with an unmatched gold claim of its document that has the same key."""
    gold_by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for g in gold:
        gold_by_doc[str(g["doc_id"])].append(g)
    claims_by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for c in claims:
        doc = str(c["doc_id"])
        target = next((k for k in _doc_keys(doc) if k in gold_by_doc), doc)
        claims_by_doc[target].append(c)

    matching = Matching([], [], [])
    for doc in sorted(set(gold_by_doc) | set(claims_by_doc)):
        remaining = list(gold_by_doc.get(doc, []))
        # Surest claims first, so that a duplicate with a worse key is the one left over.
        for claim in sorted(claims_by_doc.get(doc, []), key=lambda c: -float(c.get("confidence") or 0)):
            key = claim_key(claim, resources)
            match = next((g for g in remaining if claim_key(g, resources) == key), None)
            if match is None:
                matching.spurious.append(dict(claim))
                continue
            remaining.remove(match)
            matching.pairs.append((dict(claim), dict(match)))
        matching.missed.extend(dict(g) for g in remaining)
    return matching


def scores_of(matching: Matching) -> Scores:
    tp, fp, fn = len(matching.pairs), len(matching.spurious), len(matching.missed)
    status_hits = sum(c.get("status") == g.get("status") for c, g in matching.pairs)
    year_hits = sum(_int(c.get("year")) == _int(g.get("year")) for c, g in matching.pairs)
    city_hits = sum((c.get("city") or None) == (g.get("city") or None) for c, g in matching.pairs)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return Scores(
        precision=round(precision, 4),
        recall=round(recall, 4),
        f1=round(f1, 4),
        true_positives=tp,
        false_positives=fp,
        false_negatives=fn,
        status_accuracy=round(status_hits / tp, 4) if tp else None,
        year_accuracy=round(year_hits / tp, 4) if tp else None,
        city_accuracy=round(city_hits / tp, 4) if tp else None,
        matched=tp,
        missed=matching.missed,
        spurious=matching.spurious,
    )


def evaluate(
    gold: Iterable[Mapping[str, Any]], claims: Iterable[Mapping[str, Any]], resources: Resources | None = None
) -> Scores:
    return scores_of(match_claims(gold, claims, resources))


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
