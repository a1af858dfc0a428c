"""Search that understands what people type: "safe city kenya", "hikvsion", "海康威视 uganda".

A query is split into words as the index splits documents (search_terms.words). A word of five
letters or more that begins no word of the index is corrected to the closest word of the index's
lexicon (candidates from the database's trigram index, chosen by edit distance), so "hikvsion"
is read as "hikvision" and "huawie" as "huawei". Then, left to right, the longest phrase that
names something becomes a filter: a country (in English, Spanish, French or Portuguese), a
technology or a status (with the search terms of schema.yaml), or a supplier by any name or alias
in any script; a place a deployment names stays a word. The words left over must each begin a
word of a deployment's indexed document (names, places, labels, description), and rank the
results: bm25 on SQLite's FTS5, ts_rank on PostgreSQL (store/search_index.py). The portal's
/search and GET /api/v1/search call the same `search`, so both give the same answer.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rapidfuzz import fuzz, process
from rapidfuzz.distance import DamerauLevenshtein
from sqlalchemy import select
from sqlalchemy.orm import Session

from oversight.store import queries, search_index
from oversight.store.models import Organisation
from oversight.store.queries import DeploymentFilter
from oversight.store.search_terms import Phrases, fixed_phrases, fixed_words, words

MAX_PHRASE_WORDS = 5
MIN_FUZZY_LENGTH = 5  # shorter words are too easily mistaken for one another
FUZZY_CUTOFF = 85
# One edit in six letters or more, two in twelve; five letters with one edit (0.8) are too
# easily another word ("kenyx" is not "kenya").
SPELLING_CUTOFF = 0.83
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

    def terms(self) -> list[str]:
        """The index query of the words left over (a place of several words gives several)."""
        return [word for entry in self.words for word in words(entry)]


@cache
def _fuzzy_candidates() -> tuple[list[str], dict[str, list[str]]]:
    """Fixed phrases of one word, and those of several words by their first word."""
    single = [p for p in fixed_phrases() if " " not in p]
    by_first: dict[str, list[str]] = {}
    for phrase in fixed_phrases():
        if " " in phrase:
            by_first.setdefault(phrase.split()[0], []).append(phrase)
    return single, by_first


def _fixed(phrase: str) -> tuple[str, tuple[str, str]] | None:
    """The fixed vocabulary entry for a phrase: exact, else the closest within the edit cutoff.
    A phrase of several words matches fuzzily only a phrase that starts with the same word, so a
    misspelt name never swallows the word before or after it ("kenya police")."""
    phrases = fixed_phrases()
    if phrase in phrases:
        return phrase, phrases[phrase]
    if len(phrase.replace(" ", "")) < MIN_FUZZY_LENGTH:
        return None
    single, by_first = _fuzzy_candidates()
    parts = phrase.split()
    candidates = [p for p in by_first.get(parts[0], []) if len(p.split()) == len(parts)] \
        if len(parts) > 1 else single
    found = process.extractOne(phrase, candidates, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return (found[0], phrases[found[0]]) if found else None


def _correct(session: Session, word: str) -> str:
    """`word`, or the index's closest word when it begins none and looks misspelt: the most
    alike by Damerau-Levenshtein (a swap of neighbours is one edit, so "huawie" is one edit from
    "huawei"), then the word in most documents, then the first in alphabetical order, so that
    both databases choose the same whatever order their trigram indexes offer candidates in."""
    if (len(word) < MIN_FUZZY_LENGTH or word in STOPWORDS or word in fixed_words()
            or search_index.begins_a_word(session, word)):
        return word
    scored = [(DamerauLevenshtein.normalized_similarity(word, candidate), documents, candidate)
              for candidate, documents in search_index.similar_words(session, word)]
    alike = [entry for entry in scored if entry[0] >= SPELLING_CUTOFF]
    return min(alike, key=lambda e: (-e[0], -e[1], e[2]))[2] if alike else word


def understand(session: Session, q: str) -> Understood:
    """Read a query left to right, taking the longest phrase that names something."""
    typed = words(q)
    read = [_correct(session, word) for word in typed]
    result = Understood(corrected={t: r for t, r in zip(typed, read, strict=True) if t != r})
    known = search_index.names(session, (" ".join(read[i:i + n]) for i in range(len(read))
                                         for n in range(1, min(MAX_PHRASE_WORDS, len(read) - i) + 1)))
    i = 0
    while i < len(read):
        for n in range(min(MAX_PHRASE_WORDS, len(read) - i), 0, -1):
            phrase = " ".join(read[i:i + n])
            found = _name(phrase, known)
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
            if read[i] not in STOPWORDS:
                result.words.append(read[i])
            i += 1
    return result


def _name(phrase: str, known: Phrases) -> tuple[str, tuple[str, str]] | None:
    """A country, technology or status first (they are the filters people mean most), then a
    supplier or a place of the registry, then a near spelling of the fixed vocabulary."""
    phrases = fixed_phrases()
    if phrase in phrases:
        return phrase, phrases[phrase]
    if phrase in known:
        return phrase, known[phrase]
    return _fixed(phrase)


def search(session: Session, q: str, *, limit: int, offset: int = 0) -> dict[str, Any]:
    """Deployments (a page of them, the best matches first, with the total) and the
    organisations a query names."""
    understood = understand(session, q)
    filters = DeploymentFilter(country=understood.country, technology=understood.technology,
                               status=understood.status, vendor=understood.vendor)
    terms = understood.terms()
    ranked = search_index.ranked(session, "deployment", terms) if terms else None
    total = queries.count_deployments(session, filters, ranked=ranked)
    deployments = queries.deployments(session, filters, limit=limit, offset=offset, ranked=ranked)
    return {"query": q, "understood": understood.as_dict(), "total": total, "limit": limit,
            "offset": offset, "deployments": deployments,
            "organisations": _organisations(session, understood, terms)}


def _organisations(session: Session, understood: Understood, terms: list[str]) -> list[dict[str, Any]]:
    """The suppliers the query names (through any alias, or a near spelling), else those whose
    indexed documents match the words left over, the best match first."""
    if understood.vendor:
        ids = queries.organisation_ids_named(session, understood.vendor)
        return queries.organisations(session, only=ids)
    if not terms:
        return []
    ranked = search_index.ranked(session, "organisation", terms)
    order = list(session.execute(select(Organisation.id).join(ranked, ranked.c.ref == Organisation.key)
                                 .order_by(ranked.c.score.desc(), Organisation.name)).scalars())
    return queries.organisations(session, only=order)
