"""Tag: find places, organisations, technologies, status cues, dates and money in a text.

Dictionary terms come from one Aho-Corasick automaton (organisations, places, cues); where
matches of names overlap the longest wins ("China Exim Bank" is a bank, not "China").
Organisations missing from the registry are tagged only where the text presents them as a
supplier (orgs.py: "Acme Ltd was contracted to install ...", "... supplied by Acme").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import ahocorasick

from oversight.extract import lexicon
from oversight.extract.dates import published_year, relative_years
from oversight.extract.gazetteer import COUNTRY_KINDS, Place
from oversight.extract.lexicon import whole_words
from oversight.extract.orgs import unknown_suppliers
from oversight.extract.place_context import settle_places
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
        # Cue lists overlap (an English block and a Romance one, two expansions of one group):
        # one entry per key, or a cue would be found twice at every match.
        bucket = entries.setdefault(fold_key(surface), [])
        if entry not in bucket:
            bucket.append(entry)

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
    for surface, place in res.gazetteer.surfaces().items():
        add(surface, (PLACE, place, surface, False))
    for surface, name in res.aliases.items():
        exact = surface if surface in res.case_sensitive else None
        add(surface, (ORG, name, exact, False))
        if "–" in surface:
            add(surface.replace("–", "-"), (ORG, name, exact, False))
    auto = ahocorasick.Automaton()
    for key, values in entries.items():
        # Names of places only, each written with a capital: a match in lower case is a word.
        capitalised = all(v[0] == PLACE and v[2][:1].isupper() for v in values)
        auto.add_word(key, (len(key), tuple(values), capitalised))
    auto.make_automaton()
    return auto


# The year's digits come first and the characters before them are checked behind the match:
# a pattern that opens with what it matches lets the regex engine skip ahead to the digits,
# where one that opens with a look-behind is tried at every position of the text.
_YEAR_MAX = 2039  # the last year _YEAR_RE reads
_YEAR_RE = re.compile(r"(?:19[89]|20[0-3])\d(?<![\d.$€£]\d{4})(?<!\d,\d{4})(?!\d|,\d)")
_MONEY_RE = re.compile(
    r"(?:US\$|\$|€|£|¥|USD|EUR|KES|Ksh\.?|Sh\.?|RMB|CNY|PKR|Rs\.?|N)\s?\d[\d,.]*(?:\s?(?:million|billion|bn|m|mn|trillion))?"
    r"|\d[\d,.]*\s?(?:million|billion|bn|trillion)?\s?(?:dollars|euros|yuan|shillings|rupees|naira|pesos)",
)
_ANAPHOR_RE = re.compile(lexicon.ANAPHORA)
_SHARED_RECOGNITION_RE = re.compile(
    r"\b(?:face|facial)(?P<face_end>)(?:,| and| or|/) ?(?:[\w-]+ ){0,2}recognition\b"
)
# Romance puts "facial" after the adjective it shares with other kinds: "sistema biométrico facial,
# palmar y dactilar", "comprobación biométrica facial o dactilar", "biométrie ... faciale".
_BIOMETRIC_FACIAL_RE = re.compile(r"\b(?:multi ?)?biom[ée]tri(?:c[oa]s?|ques?) (?P<face>faciale?s?)\b")
_SIMILAR_SYSTEM_LOW_RE = re.compile(lexicon.SIMILAR_SYSTEM)  # on lower-cased text: faster


# Status phrases with words in between ("signed a $126 million deal").
_STATUS_RES = (
    (
        re.compile(
            whole_words("signed", "signs", "signing") + r"\b[^.;]{0,60}?\b(?:contracts?|deals?|agreements?)\b"
        ),
        "contracted",
    ),
    (
        re.compile(
            whole_words("won", "awarded", "secured", "clinched")
            + r"\b[^.;]{0,40}?\b(?:contracts?|tenders?|deals?)\b"
        ),
        "contracted",
    ),
    (re.compile(whole_words("mou", "memorandum of understanding") + r"\b"), "planned"),
    (
        re.compile(
            whole_words("will", "would", "plan to", "plans to", "planning to", "set to", "expected to")
            + r"\b(?: \w+){0,3} (?:install|deploy|build|introduce|roll out|expand|launch|set up|equip)\b"
        ),
        "planned",
    ),
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
    place_names: dict[int, str] = {}  # where a place is named, the name as the gazetteer has it
    in_capitals: set[int] = set()
    for end, (length, values, capitalised) in res.automaton("tag").iter(low):
        start, stop = end + 1 - length, end + 1
        if capitalised and not text[start].isupper():
            continue
        if not on_boundary(low, start, stop):
            continue
        for kind, value, exact, weak in values:
            if kind == PLACE:
                written = text[start:stop]
                if written != exact:
                    if written != exact.upper() or not _in_capitals(text, start, stop, value):
                        continue
                    in_capitals.add(start)
                place_names[start] = exact
            if kind == ORG and exact is not None and text[start:stop] != exact:
                continue
            if kind == ORG:
                org = res.organisations[value]
                mention = Mention(ORG, start, stop, value, org_kind=org.kind)
            else:
                mention = Mention(kind, start, stop, value, weak=weak)
            (entities if kind in _ENTITY_KINDS else cues).append(mention)
    if "recognition" in low:
        # "face and fingerprint recognition", "facial, car licence recognition": the face
        # recognition of a coordination that names "recognition" once.
        entities += [
            Mention(TECH, m.start(), m.start("face_end"), "facial_recognition")
            for m in _SHARED_RECOGNITION_RE.finditer(low)
        ]
    if "biom" in low:
        # The face recognition of "biométrico facial", beside the biometric cue it follows.
        entities += [
            Mention(TECH, m.start("face"), m.end("face"), "facial_recognition")
            for m in _BIOMETRIC_FACIAL_RE.finditer(low)
        ]
    entities = settle_places(text, _longest(entities), res.gazetteer, place_names)
    # A city in capitals places the story but names no city: "ABUJA —" is not "Abuja".
    entities = [
        replace(m, value=Place(m.value.iso3, None, "heading"))
        if m.start in in_capitals and m.kind == PLACE and m.value.kind in ("city", "region")
        else m
        for m in entities
    ]
    statuses = _longest([m for m in cues if m.kind == STATUS])
    cues = [m for m in cues if m.kind != STATUS] + statuses
    found: list[Mention] = []
    names_at = _coverage(len(text), [m for m in entities if m.kind == ORG])
    places_at = _coverage(len(text), [m for m in entities if m.kind == PLACE])
    status_at = _coverage(len(text), statuses)
    # "Bolivia runs a similar system": a sentence that points back to a technology is read too.
    pointers = (
        [m.start() for m in _SIMILAR_SYSTEM_LOW_RE.finditer(low)]
        if spans is not None and any(stem in low for stem in lexicon.SIMILAR_SYSTEM_STEMS)
        else []
    )
    # A year after the article's own is a target ("cameras in every city by 2030", "before the
    # 2027 election"), never the date of an event the article reports (GUIDELINES.md §7).
    latest = published_year(published) or _YEAR_MAX
    for start, end in _focus(spans, [m.start for m in entities if m.kind == TECH] + pointers, len(text)):
        found.extend(
            Mention(ORG, s, e, name, weak=weak, org_kind=kind)
            for s, e, name, weak, kind in unknown_suppliers(text, start, end, names_at, res, places_at)
        )
        found.extend(
            Mention(YEAR, m.start(), m.end(), int(m.group()))
            for m in _YEAR_RE.finditer(text, start, end)
            if int(m.group()) <= latest
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


def _in_capitals(text: str, start: int, stop: int, place: Place | None) -> bool:
    """A name in capitals is a place at the head of a dateline ("KAMPALA (Reuters) -",
    "QUITO. —", "SÃO PAULO, SP (Folhapress)"); a country's name, a town's or a region's (which
    need a locative word, place_context.py) also in a line in capitals ("THE REPUBLIC OF
    UGANDA", "ESTADO DO ESPÍRITO SANTO"), where a city's could be a street's ("RIVERSIDE DRIVE")."""
    line_start = text.rfind("\n", 0, start) + 1
    if any(c.islower() for c in text[line_start:start]):
        return False
    line_end = text.find("\n", stop)
    rest = text[stop : line_end if line_end != -1 else len(text)]
    if line_start == start and rest.lstrip()[:1] in (",", "(", ".", "-", "—", "–"):
        return True
    return (place is None or place.kind in COUNTRY_KINDS) and not any(
        c.islower() for c in rest
    )


def _focus(spans: list[tuple[int, int]] | None, cues: list[int], size: int) -> list[tuple[int, int]]:
    """Stretches of text around sentences with a technology cue at one of the positions
    ``cues`` (two before, one after)."""
    if spans is None:
        return [(0, size)]
    starts = [s for s, _ in spans]
    wanted: set[int] = set()
    for position in cues:
        i = bisect.bisect_right(starts, position) - 1
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
