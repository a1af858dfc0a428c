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


# A technology tied to one vendor by the words between them: "cameras from Hikvision", "software
# de reconocimiento facial de CloudWalk" (technology, maybe a head noun, a preposition, maybe an
# article or an adjective, vendor); "Hikvision cameras", "Huawei's Safe City" (vendor, maybe two
# words, technology); "Huawei supplied the cameras" (vendor, a supply verb, an article and at
# most two words, technology).
_TECH_THEN_VENDOR_RE = re.compile(
    r"(?: (?:software|system|systems|technology|equipment|platform|cameras|solution|sistema|logiciel"
    r"|système))? (?:from|by|made by|supplied by|de|da|do|par|por|pela|pelo)"
    r"(?: (?:the|la|el|le|a|o|l['’]))?(?: [\w-]+)? ",
    re.IGNORECASE,
)
_VENDOR_THEN_TECH_RE = re.compile(
    r"(?:['’]s)?(?: [\w-]+){0,2} "
    r"|(?:['’]s)? (?:supplied|supplies|installed|installs|built|builds|provided|provides|delivered|delivers"
    r"|suministró|instaló|construyó|proveyó|entregó|a fourni|a installé|a construit|fournit|installe"
    r"|forneceu|instalou|construiu|entregou)"
    r"(?: (?:the|a|an|its|their|el|la|los|las|un|una|sus|su|le|les|des|une|ses|os|as|o|um|uma|seus|suas))?"
    r"(?: [\w,.-]+){0,2} ",
    re.IGNORECASE,
)


def attached(
    text: str, vendors: Sequence[tuple[int, int, object]], items: Sequence[tuple[int, int, str]]
) -> dict[object, set[str]]:
    """For each vendor (start, end, value), the technologies (start, end, value) that the words
    next to it tie to it alone; vendors with none are left out."""
    spots = sorted([(s, e) for s, e, _ in vendors] + [(s, e) for s, e, _ in items])
    out: dict[object, set[str]] = {}
    for v_start, v_end, vendor in vendors:
        for t_start, t_end, tech in items:
            if t_end <= v_start:
                gap, pattern = (t_end, v_start), _TECH_THEN_VENDOR_RE
            elif v_end <= t_start:
                gap, pattern = (v_end, t_start), _VENDOR_THEN_TECH_RE
            else:
                continue
            if gap[1] - gap[0] > 60 or any(gap[0] < s < gap[1] for s, _ in spots):
                continue
            if pattern.fullmatch(text, *gap):
                out.setdefault(vendor, set()).add(tech)
    return out


def separate(tech_of: dict[object, list[str]], ties: dict[object, set[str]]) -> dict[object, list[str]]:
    """Each vendor's technologies once the text has told what each firm supplied (GUIDELINES.md
    §2): with two or more vendors tied to different technologies, a tied vendor keeps its own
    and the technologies tied to no one; the others keep what no one else was tied to."""
    if len(ties) < 2 or len({frozenset(t) for t in ties.values()}) < 2:
        return tech_of
    taken = set().union(*ties.values())
    return {
        vendor: [t for t in techs if t in ties.get(vendor, ()) or t not in taken] or techs
        for vendor, techs in tech_of.items()
    }
