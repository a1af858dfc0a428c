"""Search that understands what people type: "safe city kenya", "hikvsion", "海康威视 uganda".

A query is read against a vocabulary of the registry's own names: countries, technologies and
statuses (with the search terms of schema.yaml, in several languages), organisations with every
alias in any script, and the places deployments name. Phrases that match a name (exactly, or
within a small edit distance for words of five letters or more, so "hikvsion" is Hikvision)
become filters; the words left over must each appear in a deployment's text. The portal's
/search and GET /api/v1/search call the same `search`, so both give the same answer.
"""

from __future__ import annotations

import gettext
from dataclasses import dataclass, field
from functools import cache
from typing import Any

import pycountry
from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from oversight import vocab
from oversight.registry.records import EXTRA_COUNTRIES, normalise_name
from oversight.store import queries
from oversight.store.models import Deployment, Organisation, OrganisationAlias
from oversight.store.queries import DeploymentFilter

COUNTRY_LANGUAGES = ("es", "fr", "pt")
MAX_PHRASE_WORDS = 5
MIN_FUZZY_LENGTH = 5  # shorter words are too easily mistaken for one another
FUZZY_CUTOFF = 85
FILTERS = ("country", "technology", "status", "vendor")
# Words that carry no meaning in a search box, in the languages of the search terms.
STOPWORDS = frozenset((
    "a", "an", "and", "at", "by", "for", "from", "in", "of", "on", "or", "the", "to", "with",  # en
    "de", "del", "la", "las", "los", "el", "en", "y", "o", "por", "para", "con",  # es
    "le", "les", "des", "du", "et", "au", "aux", "à",  # fr
    "da", "do", "das", "dos", "e", "em", "no", "na", "nos", "nas", "com",  # pt
))


@dataclass
class Understood:
    """What a query was read as: filters, the words left over, and the spellings corrected."""

    country: list[str] = field(default_factory=list)
    technology: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    vendor: list[str] = field(default_factory=list)
    words: list[str] = field(default_factory=list)
    corrected: dict[str, str] = field(default_factory=dict)  # as typed -> as understood

    def as_dict(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in (*FILTERS, "words", "corrected")}


Vocabulary = dict[str, tuple[str, str]]  # normalised phrase -> (filter or "place", value)


@cache
def _countries() -> Vocabulary:
    """Country names in English and in the registry's other common languages (pycountry's
    translations of ISO 3166-1)."""
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                                        fallback=True) for lang in COUNTRY_LANGUAGES]
    names: Vocabulary = {}
    for country in pycountry.countries:
        english = [n for n in (country.name, getattr(country, "common_name", None),
                               getattr(country, "official_name", None)) if n]
        for name in english + [t.gettext(n) for t in translations for n in english]:
            names.setdefault(normalise_name(name), ("country", country.alpha_3))
    for code, name in EXTRA_COUNTRIES.items():
        names[normalise_name(name)] = ("country", code)
    return names


_built: dict[tuple[Any, ...], Vocabulary] = {}


def vocabulary(session: Session) -> Vocabulary:
    """Every phrase the registry knows, normalised, with what it stands for; built once per
    registry version (the last one is kept)."""
    version = queries.registry_version(session)
    if version not in _built:
        _built.clear()
        _built[version] = _build(session)
    return _built[version]


def _build(session: Session) -> Vocabulary:
    phrases = dict(_countries())
    for kind, terms in (("technology", vocab.VOCAB.technologies), ("status", vocab.VOCAB.statuses)):
        for term in terms:
            for phrase in (term.id.replace("_", " "), term.label, *term.search_terms):
                phrases[normalise_name(phrase)] = (kind, term.id)
    for (name,) in session.execute(select(Organisation.name).where(Organisation.kind != "buyer_agency")):
        phrases[normalise_name(name)] = ("vendor", name)
    aliases = select(OrganisationAlias.alias, Organisation.name).join(
        Organisation, Organisation.id == OrganisationAlias.organisation_id).where(
        Organisation.kind != "buyer_agency")
    for alias, name in session.execute(aliases):
        phrases.setdefault(normalise_name(alias), ("vendor", name))
    for (cities,) in session.execute(select(Deployment.city).where(Deployment.city.is_not(None)).distinct()):
        for city in str(cities).split(";"):
            if city.strip():
                phrases.setdefault(normalise_name(city), ("place", city.strip()))
    phrases.pop("", None)
    return phrases


def _lookup(phrase: str, phrases: Vocabulary) -> tuple[str, tuple[str, str]] | None:
    """The vocabulary entry for a phrase: exact, else the closest within the edit cutoff. A
    phrase of several words matches fuzzily only a name that starts with the same word, so a
    misspelt name never swallows the word before or after it ("kenya police")."""
    if phrase in phrases:
        return phrase, phrases[phrase]
    if len(phrase.replace(" ", "")) < MIN_FUZZY_LENGTH:
        return None
    words = phrase.split()
    candidates = [p for p in phrases if len(p.split()) == len(words) and p.split()[0] == words[0]] \
        if len(words) > 1 else [p for p in phrases if " " not in p]
    found = process.extractOne(phrase, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return (found[0], phrases[found[0]]) if found else None


def understand(q: str, phrases: Vocabulary) -> Understood:
    """Read a query left to right, taking the longest phrase that names something."""
    words = normalise_name(q).split()
    result = Understood()
    i = 0
    while i < len(words):
        for n in range(min(MAX_PHRASE_WORDS, len(words) - i), 0, -1):
            phrase = " ".join(words[i:i + n])
            found = _lookup(phrase, phrases)
            if found is None:
                continue
            matched, (kind, value) = found
            if matched != phrase:
                result.corrected[phrase] = matched
            if kind == "place":
                result.words.append(value)
            elif value not in getattr(result, kind):
                getattr(result, kind).append(value)
            i += n
            break
        else:
            if words[i] not in STOPWORDS:
                result.words.append(words[i])
            i += 1
    return result


def search(session: Session, q: str, *, limit: int, offset: int = 0,
           phrases: Vocabulary | None = None) -> dict[str, Any]:
    """Deployments (a page of them, with the total), organisations and sources for a query."""
    understood = understand(q, phrases if phrases is not None else vocabulary(session))
    filters = DeploymentFilter(country=understood.country, technology=understood.technology,
                               status=understood.status, vendor=understood.vendor,
                               q=" ".join(understood.words) or None)
    total = queries.count_deployments(session, filters)
    deployments = queries.deployments(session, filters, limit=limit, offset=offset)
    organisations = _organisations(session, q, understood)
    return {"query": q, "understood": understood.as_dict(), "total": total, "limit": limit,
            "offset": offset, "deployments": deployments, "organisations": organisations}


def _organisations(session: Session, q: str, understood: Understood) -> list[dict[str, Any]]:
    """Organisations the query names (through any alias, or a near spelling), else those whose
    names contain the query."""
    everyone = queries.organisations(session)
    if understood.vendor:
        named = set(understood.vendor)
        return [org for org in everyone if org["name"] in named]
    key = normalise_name(q)
    return [org for org in everyone if key and any(
        key in normalise_name(name) for name in (org["name"], org["legal_name"] or "", *org["aliases"]))]
