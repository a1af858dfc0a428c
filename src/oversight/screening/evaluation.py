"""Measuring the matcher on a labelled case set: a fixed dev/test split and per-slice
precision and recall.

A case is `{"query", "expected", "kind"}`; `expected` is the entity a correct answer
names, empty for a name that must not match. The split is decided by a hash of the query
(as the extraction corpus's is by document id), before any tuning: the matcher is tuned on
`dev` only, and `test` says how well that generalises.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping
from typing import Any, Literal

from oversight.screening.match import ScreeningIndex, screen

Split = Literal["dev", "test"]
TEST_SHARE_PERCENT = 45
# Each case kind belongs to one reporting slice.
SLICES = {
    "legal_name": "legal form", "case_punct": "legal form",
    "chinese_script": "script", "pinyin": "script",
    "typo": "typo",
    "subsidiary": "subsidiary", "brand": "subsidiary",
    "extra_words": "extra words",
    "lookalike_negative": "negatives", "unrelated_negative": "negatives",
}


def split_of(query: str) -> Split:
    """``test`` for about 45% of queries, by the SHA-256 of the query; ``dev`` otherwise."""
    bucket = int(hashlib.sha256(query.encode("utf-8")).hexdigest()[:8], 16) % 100
    return "test" if bucket < TEST_SHARE_PERCENT else "dev"


def _score(counts: Mapping[str, int]) -> dict[str, Any]:
    tp, fp, fn = counts["tp"], counts["fp"], counts["fn"]
    return {**counts, "precision": round(tp / (tp + fp), 3) if tp + fp else None,
            "recall": round(tp / (tp + fn), 3) if tp + fn else None}


def evaluate(index: ScreeningIndex, cases: Iterable[Mapping[str, str]],
             threshold: float | None = None) -> dict[str, dict[str, Any]]:
    """Precision and recall overall and per slice, with the wrong answers of each slice.

    A wrong entity counts as a false positive and, when one was expected, a false
    negative too; a negative case that matches is a false positive."""
    table: dict[str, dict[str, Any]] = {}
    for case in cases:
        kwargs = {} if threshold is None else {"threshold": threshold}
        match = screen(index, case["query"], **kwargs)["match"]
        found = match["entity"] if match else ""
        for name in ("all", SLICES[case["kind"]]):
            row = table.setdefault(name, {"cases": 0, "tp": 0, "fp": 0, "fn": 0, "wrong": []})
            row["cases"] += 1
            if found and found == case["expected"]:
                row["tp"] += 1
                continue
            row["fp"] += bool(found)
            row["fn"] += bool(case["expected"])
            if found or case["expected"]:
                row["wrong"].append((case["query"], case["expected"], found))
    return {name: {**_score(row), "wrong": row["wrong"]} for name, row in table.items()}
