"""Organisations the registry does not know, recognised where the text presents them as suppliers.

Patterns (English, Spanish, French, Portuguese): a name before a role verb ("Acme installed",
"Acme, a local integrator, won the tender"), after a role preposition ("supplied by Acme",
"a contract with Acme", "in partnership with Acme", "provisto por Acme"), after a description
("the firm Acme", "la integradora Acme"), in apposition ("Acme, a Greek integrator"), or
ending in a legal form ("Acme Ltd", weak: used only when no other supplier is named).

A candidate name is rejected when it is not an organisation (``not_an_organisation``): names of
systems, programmes, products, offices and places ("the Fugitive Facial Recognition System",
"Integrated Centre for Public Security", "Broadband Trunking Network", "Minister of Security"),
civil-society groups and newsroom labels ("Big Brother Watch", "SHARE Foundation", "Breaking").
``unknown_suppliers`` is pure: it returns ``(start, end, name, weak, kind)`` tuples.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from oversight.extract import lexicon

if TYPE_CHECKING:
    from oversight.extract.resources import Resources

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
_APPOSITION_RE = re.compile(
    rf"(?P<org>{_NAME}), (?:a|an|the|une?|una?|um|uma) (?:[\w-]+ ){{0,3}}?"
    r"(?:firm|company|integrator|contractor|developer|supplier|vendor|maker|manufacturer|start-?up|operator"
    r"|société|entreprise|intégrateur|opérateur|empresa|compañía|integradora|operadora|fabricante)\b"
)
# Last words of names of systems, programmes, places and offices rather than of companies.
_NOT_ORG_HEADS = frozenset(
    [
        "system",
        "systems",
        "network",
        "platform",
        "project",
        "programme",
        "program",
        "centre",
        "center",
        "initiative",
        "unit",
        "office",
        "database",
        "register",
        "registry",
        "card",
        "act",
        "law",
        "bill",
        "policy",
        "strategy",
        "plan",
        "service",
        "scheme",
        "solution",
        "watch",
        "foundation",
        "institute",
        "coalition",
        "alliance",
        "campaign",
        "association",
        "society",
        "fund",
        "trust",
        "lab",
        "ministry",
        "minister",
        "secretary",
        "police",
        "council",
        "department",
        "agency",
        "bureau",
        "directorate",
    ]
)
# Words of the generic descriptions that make up names of systems and programmes.
_GENERIC_WORDS = frozenset(
    [
        "automated",
        "automatic",
        "integrated",
        "intelligent",
        "smart",
        "safe",
        "national",
        "public",
        "city",
        "urban",
        "police",
        "security",
        "surveillance",
        "monitoring",
        "video",
        "facial",
        "face",
        "recognition",
        "identification",
        "biometric",
        "fingerprint",
        "predictive",
        "policing",
        "crime",
        "emergency",
        "command",
        "control",
        "communication",
        "communications",
        "transportation",
        "transport",
        "traffic",
        "broadband",
        "trunking",
        "conference",
        "digital",
        "data",
        "big",
        "central",
        "unified",
        "electronic",
        "fugitive",
        "other",
        "new",
        "advanced",
        "real-time",
        "the",
        "of",
        "for",
        "and",
        "de",
        "del",
        "la",
        "el",
        "los",
        "las",
        "des",
        "du",
        "le",
    ]
)
# Romance-language heads that open the name of a system, programme or office.
_NOT_ORG_OPENERS = frozenset(
    [
        "sistema",
        "sistemas",
        "système",
        "centro",
        "centre",
        "programa",
        "programme",
        "projeto",
        "proyecto",
        "projet",
        "red",
        "réseau",
        "plataforma",
        "plateforme",
        "plan",
        "ministerio",
        "ministère",
        "ministério",
        "secretaría",
        "secretaria",
        "el",
        "la",
        "los",
        "las",
        "le",
        "les",
    ]
)
_OF_WORDS = frozenset({"of", "for", "de", "du", "des", "del", "da", "do"})
_CIVIL_SOCIETY_HEADS = frozenset({"watch", "foundation", "institute", "coalition", "alliance", "campaign"})
# Single words that open headlines or label site furniture rather than name anything.
_LABELS = frozenset(
    [
        "breaking",
        "exclusive",
        "update",
        "updated",
        "related",
        "watch",
        "video",
        "photo",
        "analysis",
        "opinion",
        "live",
    ]
)


# Legal forms that are also common nouns: "Facial Recognition Technology", "Video Analytics".
_COMMON_NOUN_FORMS = frozenset(
    [
        "technology",
        "technologies",
        "system",
        "systems",
        "solutions",
        "security",
        "network",
        "networks",
        "intelligence",
        "analytics",
        "vision",
        "communications",
        "electronics",
        "engineering",
    ]
)


def not_an_organisation(name: str) -> bool:
    """True for names of systems, programmes, offices, groups and labels (see the module)."""
    words = [w.strip(",.()\"'").lower() for w in name.split()]
    if not words:
        return True
    if len(words) == 1 and words[0] in _LABELS or words[0] in _NOT_ORG_OPENERS:
        return True
    # "Integrated Centre for Public Security", "Minister of Security": judge the part before "of".
    cut = next((i for i, w in enumerate(words) if i and w in _OF_WORDS), len(words))
    head, described = words[cut - 1], words[: cut - 1]
    if head in _NOT_ORG_HEADS and all(w in _GENERIC_WORDS or w in _NOT_ORG_HEADS for w in described):
        return True
    if words[-1] in _COMMON_NOUN_FORMS and all(w in _GENERIC_WORDS for w in words[:-1]):
        return True  # "Other Surveillance Technologies": a description, whatever its case
    return words[-1] in _CIVIL_SOCIETY_HEADS


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


def unknown_suppliers(
    text: str, begin: int, stop: int, names_at: bytearray, res: Resources
) -> list[tuple[int, int, str, bool, str]]:
    """Organisations the registry does not know, where the text presents them as suppliers:
    ``(start, end, canonical name, weak, kind)`` with kind ``financier`` or ``unknown``."""
    found: dict[tuple[int, int], tuple[int, int, str, bool, str]] = {}
    for pattern, weak in (
        (_SUBJECT_RE, False),
        (_APPOSITION_RE, False),
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
                acronyms=pattern is not _SUBJECT_RE and pattern is not _LEGAL_RE,
            )
            if span is None:
                continue
            start, end = span
            if pattern is _SUBJECT_RE and " " not in text[start:end] and _sentence_start(text, start):
                continue  # "Sensors installed ...": one capitalised word opening a sentence
            if weak and (
                _INDEFINITE_BEFORE_RE.search(text, max(0, start - 4), start) or _whole_line(text, start, end)
            ):
                continue  # "used a Predictive Crime Defence System", a heading: a thing, not a firm
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
            found.setdefault(span, (start, end, res.canonical(name), weak, kind))
    return list(found.values())


_INDEFINITE_BEFORE_RE = re.compile(r"\b(?:a|an|un|une|una|um|uma) $", re.IGNORECASE)


def _whole_line(text: str, start: int, end: int) -> bool:
    return text[max(0, start - 1) : start] in ("", "\n") and text[end : end + 1] in ("", "\n")


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
        or lowered <= lexicon.NON_SUPPLIERS  # "Amnesty International", "Human Rights Watch"
        or name in res.gazetteer.terms
        or words[0].lower() in _STOP_FIRST
        or len(name) < 3
        or name.isdigit()
        or not_an_organisation(name)
    ):
        return None
    if len(words) == 1 and name.upper() == name and len(name) <= 4 and not acronyms:
        return None  # an acronym alone is too often a programme or an agency, unless introduced
    return start, end
