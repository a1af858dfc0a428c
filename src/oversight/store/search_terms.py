"""The fixed words of search: country names in English, Spanish, French and Portuguese, and the
labels and search terms of schema.yaml's technologies and statuses. They do not depend on the
registry, so they are built once per process; the index (store/search_index.py) writes them into
each deployment's document, and a query reads them as filters (store/search.py).
"""

from __future__ import annotations

import gettext
import re
from collections import defaultdict
from functools import cache

import pycountry

from oversight import vocab
from oversight.registry.records import EXTRA_COUNTRIES, normalise_name

COUNTRY_LANGUAGES = ("es", "fr", "pt")
NOT_A_WORD = re.compile(r"[\W_]+")
MAX_WORD = 200  # characters; search_words.word holds 300

Phrases = dict[str, tuple[str, str]]  # normalised phrase -> (filter, value)


def words(text: str) -> list[str]:
    """The words search indexes and matches: case, width, accents and punctuation folded, and
    underscores split (so "safe_city" is two words, as SQLite's tokenizer would read it). Runs
    longer than MAX_WORD are no words anyone types, and would break the lexicon's column and
    PostgreSQL's lexeme limit. ASCII text skips the Unicode folding, which changes nothing
    there and is most of the cost of indexing a large load."""
    folded = text.lower() if text.isascii() else normalise_name(text)
    return [word for word in NOT_A_WORD.sub(" ", folded).split() if len(word) <= MAX_WORD]


@cache
def country_phrases() -> Phrases:
    """Country names in English and in the registry's other common languages (pycountry's
    translations of ISO 3166-1)."""
    translations = [gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang],
                                        fallback=True) for lang in COUNTRY_LANGUAGES]
    names: Phrases = {}
    for country in pycountry.countries:
        english = [n for n in (country.name, getattr(country, "common_name", None),
                               getattr(country, "official_name", None)) if n]
        for name in english + [t.gettext(n) for t in translations for n in english]:
            names.setdefault(" ".join(words(name)), ("country", country.alpha_3))
    for code, name in EXTRA_COUNTRIES.items():
        names[" ".join(words(name))] = ("country", code)
    return names


@cache
def country_names(code: str) -> tuple[str, ...]:
    """Every name of a country, normalised."""
    by_code: dict[str, list[str]] = defaultdict(list)
    for phrase, (_, value) in country_phrases().items():
        by_code[value].append(phrase)
    return tuple(by_code.get(code, ()))


@cache
def term_phrases(kind: str, term_id: str) -> tuple[str, ...]:
    """The id, label and search terms of a technology or status, normalised."""
    terms = vocab.VOCAB.technologies if kind == "technology" else vocab.VOCAB.statuses
    for term in terms:
        if term.id == term_id:
            return tuple(dict.fromkeys(" ".join(words(p)) for p in (term.id, term.label, *term.search_terms)))
    return (" ".join(words(term_id)),)


@cache
def fixed_phrases() -> Phrases:
    """Countries, technologies and statuses by every phrase that names them."""
    phrases = dict(country_phrases())
    for kind, terms in (("technology", vocab.VOCAB.technologies), ("status", vocab.VOCAB.statuses)):
        for term in terms:
            for phrase in term_phrases(kind, term.id):
                phrases[phrase] = (kind, term.id)
    phrases.pop("", None)
    return phrases


@cache
def fixed_words() -> frozenset[str]:
    """Every word of a fixed phrase: such words are never "corrected" into a registry name."""
    return frozenset(word for phrase in fixed_phrases() for word in phrase.split())
