"""The labelled extraction corpus: its blind split and the checks every labelled file passes.

The split is a fixed rule over document ids (tests/extract/corpus/README.md), decided before any
tuning, so a document never moves between the development and the test part.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pycountry

from oversight import vocab
from oversight.extract.resources import Resources, name_key

Split = Literal["dev", "test"]
TEST_SHARE_PERCENT = 45
LANGUAGES = frozenset({"en", "es", "fr", "pt"})
KINDS = frozenset(
    {
        "feature", "news", "wire", "ngo_report", "parliamentary", "roundup", "procurement",
        "court", "regulator", "press_release", "opinion", "market_report", "negative_sanctions",
        "negative_marketing", "negative_business", "negative_smart_city", "negative_other",
    }
)  # fmt: skip


def split_of(doc_id: str) -> Split:
    """``test`` for about 45% of ids, by the SHA-256 of the id; ``dev`` for the rest."""
    bucket = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "test" if bucket < TEST_SHARE_PERCENT else "dev"


@dataclass(frozen=True)
class Corpus:
    documents: list[dict[str, Any]]
    gold: list[dict[str, Any]]

    def part(self, split: Split) -> Corpus:
        docs = [d for d in self.documents if split_of(d["id"]) == split]
        ids = {d["id"] for d in docs}
        return Corpus(docs, [g for g in self.gold if g["doc_id"] in ids])


def _read_jsonl(path: Path) -> list[tuple[int, dict[str, Any]]]:
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            rows.append((number, json.loads(line)))
    return rows


def load_corpus(folder: Path | str) -> Corpus:
    """Every ``documents/*.jsonl`` and ``gold/*.jsonl`` under ``folder``."""
    folder = Path(folder)
    docs = [row for p in sorted(folder.glob("documents/*.jsonl")) for _, row in _read_jsonl(p)]
    gold = [row for p in sorted(folder.glob("gold/*.jsonl")) for _, row in _read_jsonl(p)]
    return Corpus(docs, gold)


_YEAR_RE = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


def check_corpus(folder: Path | str, resources: Resources) -> list[str]:
    """Problems of a labelled corpus, each as ``file:line [field]: reason``; empty when clean."""
    folder = Path(folder)
    problems: list[str] = []
    docs: dict[str, dict[str, Any]] = {}
    countries = {c.alpha_3 for c in pycountry.countries} | {"XKX"}
    for path in sorted(folder.glob("documents/*.jsonl")):
        try:
            rows = _read_jsonl(path)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: unreadable JSONL: {exc}")
            continue
        for number, doc in rows:
            where = f"{path.name}:{number}"
            problems += _check_document(where, doc, docs)
    seen: set[tuple[Any, ...]] = set()
    for path in sorted(folder.glob("gold/*.jsonl")):
        try:
            rows = _read_jsonl(path)
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            problems.append(f"{path}: unreadable JSONL: {exc}")
            continue
        for number, claim in rows:
            where = f"{path.name}:{number}"
            problems += _check_claim(where, claim, docs, resources, countries)
            vendor = _vendor_key(claim, resources)
            key = (claim.get("doc_id"), claim.get("country"), vendor, claim.get("technology"))
            if key in seen:
                problems.append(f"{where} [doc_id]: duplicate (document, country, vendor, technology) {key}")
            seen.add(key)
    return problems


def _vendor_key(claim: Mapping[str, Any], resources: Resources) -> str | None:
    vendor = claim.get("vendor")
    return name_key(resources.canonical(vendor) or "") if vendor else None


def _check_document(where: str, doc: Mapping[str, Any], docs: dict[str, dict[str, Any]]) -> list[str]:
    problems = []
    doc_id = doc.get("id")
    if not isinstance(doc_id, str) or not doc_id:
        return [f"{where} [id]: missing"]
    if doc_id in docs:
        problems.append(f"{where} [id]: duplicate id {doc_id!r}")
    docs[doc_id] = dict(doc)
    if not isinstance(doc.get("text"), str) or not doc["text"].strip():
        problems.append(f"{where} [text]: missing")
    if doc.get("language") not in LANGUAGES:
        problems.append(f"{where} [language]: {doc.get('language')!r} is not one of {sorted(LANGUAGES)}")
    if doc.get("kind") not in KINDS:
        problems.append(f"{where} [kind]: {doc.get('kind')!r} is not one of {sorted(KINDS)}")
    source = doc.get("modelled_on")
    if not isinstance(source, Mapping) or not str(source.get("url", "")).startswith("http"):
        problems.append(f"{where} [modelled_on.url]: the real piece this document is modelled on is missing")
    elif not source.get("publisher"):
        problems.append(f"{where} [modelled_on.publisher]: missing")
    return problems


def _check_claim(
    where: str,
    claim: Mapping[str, Any],
    docs: Mapping[str, Mapping[str, Any]],
    resources: Resources,
    countries: Iterable[str] | None,
) -> list[str]:
    doc = docs.get(str(claim.get("doc_id")))
    if doc is None:
        return [f"{where} [doc_id]: no document {claim.get('doc_id')!r}"]
    problems = []
    text = doc.get("text") or ""
    folded = text.casefold()
    country = claim.get("country")
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{3}", country) or (
        countries is not None and country not in countries
    ):
        problems.append(f"{where} [country]: {country!r} is not an ISO 3166-1 alpha-3 code")
    if claim.get("technology") not in vocab.TECHNOLOGIES:
        problems.append(f"{where} [technology]: {claim.get('technology')!r} is not a technology id")
    if claim.get("status") not in vocab.STATUSES:
        problems.append(f"{where} [status]: {claim.get('status')!r} is not a status id")
    year = claim.get("year")
    if year is not None:
        dated = str(doc.get("published") or "")[:4]
        if not isinstance(year, int) or (str(year) not in _YEAR_RE.findall(text) and str(year) != dated):
            problems.append(f"{where} [year]: {year!r} is neither in the text nor the article's year")
    city = claim.get("city")
    if city is not None and str(city).casefold() not in folded:
        problems.append(f"{where} [city]: {city!r} does not occur in the text")
    vendor = claim.get("vendor")
    if vendor is not None:
        canonical = resources.canonical(vendor)
        surfaces = [vendor, canonical or ""] + [s for s, n in resources.aliases.items() if n == canonical]
        if not any(s and s.casefold() in folded for s in surfaces):
            problems.append(f"{where} [vendor]: neither {vendor!r} nor an alias of it occurs in the text")
    return problems
