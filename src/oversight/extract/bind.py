"""Clause and list binding: which countries and technologies belong to which vendor of a sentence.

A sentence naming several vendors binds each to the countries and technologies of its own
clause (GUIDELINES.md §2): "Huawei's Safe City has been rolled out in Pakistan and Russia; ZTE
supplied Venezuela's ID cards" gives Huawei × {PAK, RUS} and ZTE × VEN; "Linn IT built the
control centre, while Naung Yoe installed the cameras" gives Linn IT × safe_city and Naung Yoe ×
video_surveillance. Clauses end at semicolons and at contrastive joints (", while", "whereas",
"mientras", "tandis que", "enquanto"). Without such a separation every vendor keeps every
country and technology of the sentence: the text says they worked on the same project.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_CLAUSE_END_RE = re.compile(
    r";|:\s|,? while |,? whereas |, but |,? mientras (?:que )?|,? tandis que |,? alors que |,? enquanto ",
    re.IGNORECASE,
)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of ``text[start:end]`` as spans."""
    out, begin = [], start
    for m in _CLAUSE_END_RE.finditer(text, start, end):
        out.append((begin, m.start()))
        begin = m.end()
    out.append((begin, end))
    return out


def _clause_of(spans: list[tuple[int, int]], position: int) -> int:
    return next((i for i, (s, e) in enumerate(spans) if s <= position < e), len(spans) - 1)


def bind(
    spans: list[tuple[int, int]],
    vendors: Sequence[tuple[int, object]],
    items: Sequence[tuple[int, str]],
) -> dict[object, list[str]]:
    """For each vendor (its position and value), the items (position, value) it is bound to.

    An item goes to the vendors of its own clause; a vendor whose clause has no item keeps the
    items of clauses without a vendor, or failing that all items. With one vendor, or one
    clause, every vendor gets every item.
    """
    values = list(dict.fromkeys(v for _, v in items))
    if len({v for _, v in vendors}) < 2 or len(spans) < 2:
        return {vendor: values for _, vendor in vendors}
    vendor_clauses = {_clause_of(spans, pos) for pos, _ in vendors}
    if len(vendor_clauses) < 2:
        return {vendor: values for _, vendor in vendors}
    by_clause: dict[int, list[str]] = {}
    for pos, value in items:
        by_clause.setdefault(_clause_of(spans, pos), []).append(value)
    unowned = [v for c, vs in by_clause.items() if c not in vendor_clauses for v in vs]
    out: dict[object, list[str]] = {}
    for pos, vendor in vendors:
        own = by_clause.get(_clause_of(spans, pos), [])
        chosen = own or unowned or values
        out[vendor] = list(dict.fromkeys(out.get(vendor, []) + chosen))
    return out
