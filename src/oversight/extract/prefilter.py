"""Prefilter: skip, fast, the documents that cannot hold a claim.

One Aho-Corasick automaton (ahocorasick_rs, compiled to a DFA: several times faster than
pyahocorasick on the ~98% of documents it rejects) holds the technology cues and the
organisation names and aliases. A document is kept only when it has a technology cue and an organisation
name or, failing that, a word naming a buying agency ("police", "ministry of"). Matching runs
over the lower-cased text; matches are checked for word boundaries and, for short or common
names, for case. Agency words are frequent in news, so they are not in the automaton: they
are looked for, with one regular expression, only in the few documents with a technology cue
and no organisation.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, NamedTuple

import ahocorasick_rs

from oversight.extract.lexicon import TECHNOLOGY_CUES

if TYPE_CHECKING:
    from oversight.extract.resources import Resources

TECH, ORG = 1, 2
AGENCY_CUES = (
    "police",
    "ministry of",
    "interior ministry",
    "government",
    "authorities",
    "municipality",
    "municipal",
    "city council",
    "law enforcement",
    "security forces",
    "security services",
    "gendarmerie",
    "public security",
    "national guard",
    "army",
    "intelligence agency",
    "border",
    "customs",
    "state security",
    "governor",
    "mayor",
    "president",
    "city of",
    "council",
    "officials",
    "minister",
    "department",
    "agency",
    "airport",
    "airports",
    "schools",
    "prison",
    "prisons",
    "federal",
    "provincial",
    "regional",
    "county",
    "municipalities",
    "cities",
    "state-owned",
    "gouvernement",
    "gobierno",
    "governo",
    "ministère",
    "ministerio",
    "ministério",
    "policía",
    "polícia",
    "secretaría",
    "secretaria",
    "prefeitura",
    "alcaldía",
    "ayuntamiento",
    "municipalidad",
    "intendencia",
    "mairie",
    "préfecture",
    "carabineros",
    "gendarmería",
    "installed",
    "deployed",
    "contract",
    "tender",
    # The same words in Spanish, French and Portuguese, as the English ones above.
    "policia",
    "municipio",
    "município",
    "commune",
    "alcalde",
    "prefeito",
    "maire",
    "préfet",
    "gobernador",
    "governador",
    "gouverneur",
    "ministro",
    "ministre",
    "ejército",
    "exército",
    "armée",
    "frontera",
    "frontière",
    "fronteira",
    "aduana",
    "douane",
    "aeropuerto",
    "aéroport",
    "aeroporto",
    "fuerzas de seguridad",
    "forces de sécurité",
    "forças de segurança",
    "contrato",
    "contrat",
    "licitación",
    "licitação",
    "appel d'offres",
    "instalado",
    "instalada",
    "installé",
    "installée",
    "desplegado",
    "déployé",
    "implantado",
)


def lower_same_length(text: str) -> str:
    """``text.lower()``, keeping one character per character so offsets stay valid."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)


def fold(text: str) -> str:
    """The text as the automata see it: lower case, hyphens as spaces ("video-surveillance"
    matches "video surveillance"), one character per character so offsets stay valid."""
    return lower_same_length(text).replace("-", " ")


def fold_key(phrase: str) -> str:
    return phrase.lower().replace("-", " ")


def is_word_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _han(char: str) -> bool:
    return "\u3400" <= char <= "\u9fff" or "\uf900" <= char <= "\ufaff"


def on_boundary(text: str, start: int, end: int) -> bool:
    """The match text[start:end] does not start or end inside a word (Han script excepted)."""
    if start > 0 and is_word_char(text[start - 1]) and not _han(text[start]):
        return False
    return not (end < len(text) and is_word_char(text[end]) and not _han(text[end - 1]))


def _prefilter_names(res: Resources) -> list[str]:
    return [s for s, name in res.aliases.items() if res.organisations[name].kind != "financier"]


def non_ascii_names(res: Resources) -> tuple[str, ...]:
    """Names in other scripts (海康威视, Вега): kept out of the automaton and looked for, as
    written, only in non-ASCII documents that have a technology cue and no other organisation."""
    return tuple(s for s in _prefilter_names(res) if not s.isascii())


def _minimal(entries: dict[str, tuple[int, str | None]]) -> dict[str, tuple[int, str | None]]:
    """Drop keys that contain a shorter case-insensitive key of the same kind as a whole word:
    "facial recognition cameras" adds nothing to "facial recognition" for a yes/no decision,
    and a smaller automaton scans faster."""
    kept: dict[str, tuple[int, str | None]] = {}
    for key in sorted(entries, key=len):
        kind, exact = entries[key]
        padded = f" {key} "
        if any(
            k_kind == kind and k_exact is None and f" {k} " in padded
            for k, (k_kind, k_exact) in kept.items()
            if len(k) < len(key)
        ):
            continue
        kept[key] = (kind, exact)
    return kept


_AGENCY_RE = re.compile(r"\b(?:" + "|".join(re.escape(fold_key(cue)) for cue in AGENCY_CUES) + r")\b")


def build_automaton(res: Resources) -> _Scanner:
    entries: dict[str, tuple[int, str | None]] = {}
    for cues in TECHNOLOGY_CUES.values():
        for cue in cues:
            entries[fold_key(cue)] = (TECH, None)
    for surface in _prefilter_names(res):
        if surface.isascii():
            entries.setdefault(fold_key(surface), (ORG, surface if surface in res.case_sensitive else None))
    kept = _minimal(entries)
    return _Scanner(
        ahocorasick_rs.AhoCorasick(list(kept), implementation=ahocorasick_rs.Implementation.DFA),
        list(kept.values()),
    )


class _Scanner(NamedTuple):
    """The prefilter's automaton and, by pattern index, each pattern's kind and the exact
    spelling it must have in the text (None: any case)."""

    automaton: ahocorasick_rs.AhoCorasick
    values: list[tuple[int, str | None]]


def prefilter(text: str, res: Resources) -> bool:
    """True when the text has a technology cue and an organisation or agency cue."""
    scanner = res.automaton("prefilter")
    low = fold(text)
    seen_tech = seen_org = False
    values = scanner.values
    for index, start, end in scanner.automaton.find_matches_as_indexes(low, overlapping=True):
        kind, exact = values[index]
        if (seen_tech if kind == TECH else seen_org) or not _confirmed(text, low, start, end, exact):
            continue
        if kind == TECH:
            seen_tech = True
        else:
            seen_org = True
        if seen_tech and seen_org:
            return True
    if not seen_tech:
        return False
    if not text.isascii() and any(name in text for name in res.non_ascii_names):
        return True
    return _AGENCY_RE.search(low) is not None


def _confirmed(text: str, low: str, start: int, end: int, exact: str | None) -> bool:
    if not on_boundary(low, start, end):
        return False
    return exact is None or text[start:end] == exact
