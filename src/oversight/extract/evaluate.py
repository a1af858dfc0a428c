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


def _key(claim: Mapping[str, Any], res: Resources | None) -> tuple[Any, Any, Any]:
    vendor = claim.get("vendor")
    if vendor:
        vendor = name_key(res.canonical(vendor) if res else vendor)
    return (claim.get("country") or None, vendor or None, claim.get("technology"))


def evaluate(
    gold: Iterable[Mapping[str, Any]], claims: Iterable[Mapping[str, Any]], resources: Resources | None = None
) -> Scores:
    gold_by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for g in gold:
        gold_by_doc[str(g["doc_id"])].append(g)
    claims_by_doc: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
    for c in claims:
        doc = str(c["doc_id"])
        target = next((k for k in _doc_keys(doc) if k in gold_by_doc), doc)
        claims_by_doc[target].append(c)

    tp = fp = fn = 0
    status_hits = year_hits = city_hits = 0
    missed: list[dict[str, Any]] = []
    spurious: list[dict[str, Any]] = []
    for doc in set(gold_by_doc) | set(claims_by_doc):
        remaining = list(gold_by_doc.get(doc, []))
        # Surest claims first, so that a duplicate with a worse key is the one left over.
        for claim in sorted(claims_by_doc.get(doc, []), key=lambda c: -float(c.get("confidence") or 0)):
            key = _key(claim, resources)
            match = next((g for g in remaining if _key(g, resources) == key), None)
            if match is None:
                fp += 1
                spurious.append(dict(claim))
                continue
            remaining.remove(match)
            tp += 1
            status_hits += claim.get("status") == match.get("status")
            year_hits += _int(claim.get("year")) == _int(match.get("year"))
            city_hits += (claim.get("city") or None) == (match.get("city") or None)
        fn += len(remaining)
        missed.extend(dict(g) for g in remaining)

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
        missed=missed,
        spurious=spurious,
    )


def _int(value: Any) -> int | None:
    try:
        return int(value) if value not in (None, "") else None
    except (TypeError, ValueError):
        return None
