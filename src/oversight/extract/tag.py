"""Tag: find places, organisations, technologies, status cues, dates and money in a text.

Dictionary terms come from one Aho-Corasick automaton (organisations, places, cues); where
matches of names overlap the longest wins ("China Exim Bank" is a bank, not "China").
Organisations missing from the registry are tagged only where the text presents them as a
supplier ("Acme Ltd was contracted to install ...", "... supplied by Acme").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import ahocorasick

from oversight.extract import lexicon
from oversight.extract.dates import relative_years
from oversight.extract.prefilter import fold, fold_key, on_boundary

if TYPE_CHECKING:
    from oversight.extract.resources import Resources

# Kinds of mention.
PLACE, ORG, TECH, STATUS, HEDGE, NEGATIVE, YEAR, MONEY, ANAPHOR = (
    "place",
    "org",
    "tech",
    "status",
    "hedge",
    "negative",
    "year",
    "money",
    "anaphor",
)
_ENTITY_KINDS = frozenset({PLACE, ORG, TECH})


@dataclass(frozen=True)
class Mention:
    kind: str
    start: int
    end: int
    value: Any  # Place, canonical organisation name, technology id, status id, year, category
    weak: bool = False  # weak technology cue; organisation not in the registry
    org_kind: str | None = None  # vendor | integrator | financier | buyer_agency | unknown


def build_automaton(res: Resources) -> ahocorasick.Automaton:
    entries: dict[str, list[tuple]] = {}

    def add(surface: str, entry: tuple) -> None:
        entries.setdefault(fold_key(surface), []).append(entry)

    for tech, cues in lexicon.TECHNOLOGY_CUES.items():
        for cue in cues:
            add(cue, (TECH, tech, None, cue in lexicon.WEAK_TECHNOLOGY_CUES))
    for status, cues in lexicon.STATUS_CUES.items():
        for cue in cues:
            add(cue, (STATUS, status, None, False))
    for cue in lexicon.WEAK_STATUS_CUES:
        add(cue, (STATUS, "operational", None, True))
    for cue in lexicon.WEAK_CONTRACT_CUES:
        add(cue, (STATUS, "contracted", None, True))
    for cue in lexicon.HEDGE_CUES:
        add(cue, (HEDGE, True, None, False))
    for category, cues in lexicon.NEGATIVE_CUES.items():
        for cue in cues:
            add(cue, (NEGATIVE, category, None, False))
    for surface, place in res.gazetteer.terms.items():
        add(surface, (PLACE, place, surface, False))
    for surface, name in res.aliases.items():
        exact = surface if surface in res.case_sensitive else None
        add(surface, (ORG, name, exact, False))
        if "–" in surface:
            add(surface.replace("–", "-"), (ORG, name, exact, False))
    auto = ahocorasick.Automaton()
    for key, values in entries.items():
        auto.add_word(key, (len(key), tuple(values)))
    auto.make_automaton()
    return auto


_YEAR_RE = re.compile(r"(?<![\d.$€£])(?<!\d,)(?:19[89]\d|20[0-3]\d)(?!\d|,\d)")
_MONEY_RE = re.compile(
    r"(?:US\$|\$|€|£|¥|USD|EUR|KES|Ksh\.?|Sh\.?|RMB|CNY|PKR|Rs\.?|N)\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m|mn|trillion))?"
    r"|\d[\d,.]*\s?(?:million|billion|bn|trillion)?\s?(?:dollars|euros|yuan|shillings|rupees|naira|pesos)",
)
_TOKEN = r"[A-Z][\w&'’.+-]*[\w+]|[A-Z]"
_NAME = rf"(?:{_TOKEN})(?:,? (?:{_TOKEN}|&|of|de|del|da|do|des|du|la|for)){{0,6}}"
_SUBJECT_RE = re.compile(rf"(?P<org>{_NAME})(?:,[^,]{{1,60}},)? (?:{lexicon.SUPPLIER_VERBS})\b")
_DESCRIBED = (
    r"(?:(?:[A-Z][\w-]*|local|private|state-owned|[a-z-]+) ){0,2}"
    r"(?:firm|company|integrator|contractor|developer|supplier|vendor|maker|manufacturer|group|"
    r"consortium|start-?up|provider|partner|distributor|specialist) "
)
_AGENT_RE = re.compile(
    rf"\b(?:{lexicon.SUPPLIER_PREPS}) (?:the |a |an )?(?:{_DESCRIBED}|(?:[a-z-]+ ){{0,3}})"
    rf"(?P<org>{_NAME})"
)
_DESCRIBED_RE = re.compile(rf"\b{_DESCRIBED}(?P<org>{_NAME})")
_LEGAL_RE = re.compile(rf"(?P<org>{_NAME} (?:{lexicon.LEGAL_SUFFIXES}))(?![\w]| [A-Z])")
_CONNECTORS = frozenset({"and", "of", "de", "del", "da", "do", "des", "du", "la", "for", "&"})
_ANAPHOR_RE = re.compile(lexicon.ANAPHORA)
# Status phrases with words in between ("signed a $126 million deal").
_STATUS_RES = (
    (re.compile(r"\bsign(?:ed|s|ing)\b[^.;]{0,60}?\b(?:contracts?|deals?|agreements?)\b"), "contracted"),
    (
        re.compile(r"\b(?:won|awarded|secured|clinched)\b[^.;]{0,40}?\b(?:contracts?|tenders?|deals?)\b"),
        "contracted",
    ),
    (re.compile(r"\b(?:mou|memorandum of understanding)\b"), "planned"),
    (
        re.compile(
            r"\b(?:will|would|plans? to|planning to|set to|expected to)\b(?: \w+){0,3} "
            r"(?:install|deploy|build|introduce|roll out|expand|launch|set up|equip)\b"
        ),
        "planned",
    ),
)
_STOP_FIRST = frozenset(
    [
        "the",
        "a",
        "an",
        "it",
        "its",
        "this",
        "that",
        "these",
        "those",
        "they",
        "their",
        "he",
        "she",
        "we",
        "our",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "with",
        "but",
        "and",
        "however",
        "meanwhile",
        "officials",
        "authorities",
        "today",
        "yesterday",
        "last",
        "next",
        "after",
        "before",
        "while",
        "when",
        "where",
        "according",
        "reports",
        "report",
        "under",
        "since",
        "as",
        "if",
        "also",
        "both",
        "each",
        "all",
        "some",
        "many",
        "most",
        "such",
        "his",
        "her",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ]
)


def tag(
    text: str, res: Resources, spans: list[tuple[int, int]] | None = None, published: str | None = None
) -> list[Mention]:
    """All mentions in the text, sorted by start.

    With sentence ``spans``, the pattern-based tags (years, money, status phrases, "the
    company", unnamed suppliers) are looked for only near sentences with a technology cue:
    the rest of a long article cannot change a claim. With the article's ``published`` date,
    relative dates ("yesterday", "in April", "last year") are years too (dates.py).
    """
    low = fold(text)
    entities: list[Mention] = []
    cues: list[Mention] = []
    for end, (length, values) in res.automaton("tag").iter(low):
        start, stop = end + 1 - length, end + 1
        if not on_boundary(low, start, stop):
            continue
        for kind, value, exact, weak in values:
            if kind == PLACE and text[start:stop] != exact:
                continue
            if kind == ORG and exact is not None and text[start:stop] != exact:
                continue
            if kind == ORG:
                org = res.organisations[value]
                mention = Mention(ORG, start, stop, value, org_kind=org.kind)
            else:
                mention = Mention(kind, start, stop, value, weak=weak)
            (entities if kind in _ENTITY_KINDS else cues).append(mention)
    entities = _longest(entities)
    statuses = _longest([m for m in cues if m.kind == STATUS])
    cues = [m for m in cues if m.kind != STATUS] + statuses
    found: list[Mention] = []
    names_at = _coverage(len(text), [m for m in entities if m.kind in (ORG, PLACE)])
    status_at = _coverage(len(text), statuses)
    for start, end in _focus(spans, entities, len(text)):
        found.extend(_unknown_suppliers(text, start, end, names_at, res))
        found.extend(
            Mention(YEAR, m.start(), m.end(), int(m.group())) for m in _YEAR_RE.finditer(text, start, end)
        )
        found.extend(Mention(YEAR, s, e, year) for s, e, year in relative_years(text, published, start, end))
        found.extend(
            Mention(MONEY, m.start(), m.end(), m.group()) for m in _MONEY_RE.finditer(text, start, end)
        )
        for pattern, status in _STATUS_RES:
            for m in pattern.finditer(low, start, end):
                if status_at.find(0, m.start(), m.end()) != -1:  # not inside a cue already found
                    found.append(Mention(STATUS, m.start(), m.end(), status))
        found.extend(
            Mention(ANAPHOR, m.start(), m.end(), m.group()) for m in _ANAPHOR_RE.finditer(text, start, end)
        )
    return sorted(entities + cues + found, key=lambda m: (m.start, -m.end))


def _focus(spans: list[tuple[int, int]] | None, entities: list[Mention], size: int) -> list[tuple[int, int]]:
    """Stretches of text around sentences with a technology cue (two before, one after)."""
    if spans is None:
        return [(0, size)]
    starts = [s for s, _ in spans]
    wanted: set[int] = set()
    for m in entities:
        if m.kind == TECH:
            i = bisect.bisect_right(starts, m.start) - 1
            wanted.update(range(max(0, i - 2), min(len(spans), i + 2)))
    out: list[tuple[int, int]] = []
    for i in sorted(wanted):
        start, end = spans[i]
        if out and (i - 1) in wanted:
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _longest(mentions: list[Mention]) -> list[Mention]:
    """Keep the longest of overlapping entity mentions (earliest first on ties)."""
    if not mentions:
        return []
    mentions.sort(key=lambda m: (-(m.end - m.start), m.start))
    # One byte per character, set where a kept mention lies: linear in the text, so long
    # reports with thousands of mentions stay fast.
    occupied = bytearray(max(m.end for m in mentions))
    taken: list[Mention] = []
    for m in mentions:
        if occupied.find(1, m.start, m.end) != -1:
            continue
        taken.append(m)
        occupied[m.start : m.end] = b"\x01" * (m.end - m.start)
    return taken


def _coverage(size: int, mentions: list[Mention]) -> bytearray:
    """One byte per character of the text, set where one of the mentions lies."""
    covered = bytearray(size)
    for m in mentions:
        covered[m.start : m.end] = b"\x01" * (m.end - m.start)
    return covered


def _unknown_suppliers(
    text: str, begin: int, stop: int, names_at: bytearray, res: Resources
) -> list[Mention]:
    """Organisations the registry does not know, where the text presents them as suppliers."""
    found: dict[tuple[int, int], Mention] = {}
    for pattern, weak in (
        (_SUBJECT_RE, False),
        (_AGENT_RE, False),
        (_DESCRIBED_RE, False),
        (_LEGAL_RE, True),
    ):
        for match in pattern.finditer(text, begin, stop):
            span = _clean_name(
                text,
                match.start("org"),
                match.end("org"),
                res,
                acronyms=pattern is _AGENT_RE or pattern is _DESCRIBED_RE,
            )
            if span is None:
                continue
            start, end = span
            if pattern is _SUBJECT_RE and " " not in text[start:end] and _sentence_start(text, start):
                continue  # "Sensors installed ...": one capitalised word opening a sentence
            if any(s <= start and end <= e and (s, e) != (start, end) for s, e in found) or any(
                start <= s and e <= end for s, e in found
            ):
                # Keep the longer of two overlapping names ("Caspian Security Integrator").
                if any(start <= s and e <= end and (s, e) != (start, end) for s, e in found):
                    for s, e in [k for k in found if start <= k[0] and k[1] <= end and k != (start, end)]:
                        del found[(s, e)]
                else:
                    continue
            if names_at.find(1, start, end) != -1:
                continue
            name = text[start:end]
            kind = "financier" if re.search(r"\bBank\b|\bFund\b", name) else "unknown"
            found.setdefault(span, Mention(ORG, start, end, res.canonical(name), weak=weak, org_kind=kind))
    return list(found.values())


def _sentence_start(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \"'“‘(")
    return not before or before[-1] in ".!?\n:"


def _clean_name(
    text: str, start: int, end: int, res: Resources, acronyms: bool = False
) -> tuple[int, int] | None:
    """Trim a candidate name to the organisation proper, or None when it is not one."""
    name = text[start:end]
    words = name.split(" ")
    # Leading words that are not part of the name: "The", "Shenzhen-based", places, demonyms.
    while words and (
        words[0].lower().strip(",") in _STOP_FIRST
        or words[0].endswith("-based")
        or words[0] in res.gazetteer.terms
        and len(words) > 1
        and words[1][:1].isupper() is False
    ):
        start += len(words[0]) + 1
        words = words[1:]
    while words and (words[-1].endswith(",") or words[-1] in _CONNECTORS):
        if words[-1] in _CONNECTORS:
            words = words[:-1]
        else:
            words[-1] = words[-1].rstrip(",")
    if not words:
        return None
    name = " ".join(words)
    end = start + len(name)
    lowered = {w.lower().strip(",.") for w in words}
    if (
        lowered & lexicon.AGENCY_WORDS
        or name.lower() in lexicon.NON_SUPPLIERS
        or name in res.gazetteer.terms
        or words[0].lower() in _STOP_FIRST
        or len(name) < 3
        or name.isdigit()
    ):
        return None
    if len(words) == 1 and name.upper() == name and len(name) <= 4 and not acronyms:
        return None  # an acronym alone is too often a programme or an agency, unless introduced
    return start, end
