"""Why each error of a corpus evaluation happened, by class.

A missed gold claim is put in the first class that explains it, from the extractor's own view of
its document (every claim before the scorer's threshold, and the organisations the tagger
recognised): the claim was found but scored below the threshold; no claim names its country;
its vendor was not recognised as an organisation; the vendor was recognised but never bound to
that country; the country and vendor were bound but not with that technology; or a claim
without a vendor was not made. A spurious claim is in a document with no gold claim, or names a
country no gold claim names, or has the right country and technology with another vendor (or
none), or the right country and vendor with another technology, or neither.

The classes say where to look; they are counted the same way on every part, so that two
evaluations can be compared class by class.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from typing import Any

from oversight.extract.corpus import Corpus
from oversight.extract.corpus_report import as_document
from oversight.extract.evaluate import Matching, claim_key
from oversight.extract.pipeline import scored_document_claims
from oversight.extract.resources import Resources, name_key
from oversight.extract.scorer import default_scorer
from oversight.extract.segment import segment
from oversight.extract.tag import ORG, tag

MISSED_CLASSES = (
    "below the scorer's threshold",
    "country not found",
    "vendor not recognised",
    "vendor not bound to the country",
    "technology not found for the country and vendor",
    "claim without a vendor not made",
)
SPURIOUS_CLASSES = (
    "document with no gold claim",
    "wrong country",
    "wrong vendor",
    "vendor left empty",
    "wrong technology",
    "wrong vendor and technology",
)

Key = tuple[Any, Any, Any]


def _missed_class(key: Key, found: set[Key], kept: set[Key], orgs: set[str]) -> str:
    country, vendor, _ = key
    if key in found and key not in kept:
        return MISSED_CLASSES[0]
    if not any(k[0] == country for k in found):
        return MISSED_CLASSES[1]
    if vendor and vendor not in orgs:
        return MISSED_CLASSES[2]
    if vendor and not any(k[0] == country and k[1] == vendor for k in found):
        return MISSED_CLASSES[3]
    if any(k[0] == country and k[1] == vendor for k in found):
        return MISSED_CLASSES[4]
    return MISSED_CLASSES[5]


def _spurious_class(key: Key, gold: list[Key]) -> str:
    country, vendor, technology = key
    if not gold:
        return SPURIOUS_CLASSES[0]
    if not any(g[0] == country for g in gold):
        return SPURIOUS_CLASSES[1]
    if any(g[0] == country and g[2] == technology for g in gold):
        return SPURIOUS_CLASSES[2] if vendor else SPURIOUS_CLASSES[3]
    if any(g[0] == country and g[1] == vendor for g in gold):
        return SPURIOUS_CLASSES[4]
    return SPURIOUS_CLASSES[5]


def error_classes(corpus: Corpus, matching: Matching, res: Resources) -> dict[str, Any]:
    """Counts of missed and spurious claims by class, and the class of each (``rows``)."""
    scorer = default_scorer()
    threshold = scorer.threshold if scorer else 0.0
    gold_keys: dict[str, list[Key]] = defaultdict(list)
    for g in corpus.gold:
        gold_keys[str(g["doc_id"])].append(claim_key(g, res))
    with_misses = {str(g["doc_id"]) for g in matching.missed}
    views: dict[str, tuple[set[Key], set[Key], set[str]]] = {}
    for row in corpus.documents:
        if row["id"] not in with_misses:
            continue
        doc = as_document(row)
        scored = [claim for claim, _ in scored_document_claims(doc, res)]
        found = {claim_key(c, res) for c in scored}
        kept = {claim_key(c, res) for c in scored if c["confidence"] >= threshold}
        orgs = {
            name_key(res.canonical(m.value))
            for m in tag(doc.text, res, segment(doc.text), doc.published)
            if m.kind == ORG
        }
        views[row["id"]] = (found, kept, orgs)

    rows: list[dict[str, Any]] = []
    for g in matching.missed:
        doc_id = str(g["doc_id"])
        found, kept, orgs = views[doc_id]
        rows.append(_row("missed", _missed_class(claim_key(g, res), found, kept, orgs), g))
    for c in matching.spurious:
        rows.append(_row("spurious", _spurious_class(claim_key(c, res), gold_keys[str(c["doc_id"])]), c))
    counts = {side: Counter(r["class"] for r in rows if r["side"] == side) for side in ("missed", "spurious")}
    return {
        "missed": {name: counts["missed"][name] for name in MISSED_CLASSES},
        "spurious": {name: counts["spurious"][name] for name in SPURIOUS_CLASSES},
        "rows": rows,
    }


def _row(side: str, error_class: str, claim: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "side": side,
        "class": error_class,
        "doc_id": claim["doc_id"],
        "country": claim.get("country"),
        "vendor": claim.get("vendor"),
        "technology": claim.get("technology"),
    }
