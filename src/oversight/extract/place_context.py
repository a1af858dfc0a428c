"""Which of the places of a name the text means.

A name may stand for several places (gazetteer.py): a city and its smaller namesakes in other
countries, a town, the short form of a city's name, a region. The text settles which, in
this order:

- a region or country written just after the name: "León, Guanajuato", "Unaí (MG)",
  "Marataízes/ES", "Cascais, Lisboa", "León, Nicaragua";
- the document names the country of one of them ("León" in a story that names Mexico);
- failing both, the place the gazetteer gives the name (its most populous city); a name with
  no such place (a town, a region) is a place only after a locative word: "Prefeitura de
  Unaí", "municipio de", "the city of", "ville de", "Estado do Espírito Santo".

Otherwise the name is not tagged: a town's name is too often a word or a person's name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oversight.extract.gazetteer import Gazetteer, Place
    from oversight.extract.tag import Mention

# A region after a place: ", Guanajuato", " (MG)", "/ES", " - SP".
_AFTER_RE = re.compile(r"(?:,|/| ?\(| [-–—]) ?([\w'’-]+(?: [\w'’-]+){0,3})")
_LOCATIVE_BEFORE_RE = re.compile(
    r"\b(?:city|town|municipality|state|province|region|county|district|"
    r"ciudad|municipio|alcald[ií]a|ayuntamiento|provincia|estado|departamento|regi[oó]n|"
    r"cidade|munic[ií]pio|prefeitura(?: municipal)?|c[aâ]mara municipal|distrito|"
    r"ville|commune|mairie|d[ée]partement|r[ée]gion) (?:of|de|del|do|da|dos|das|de la|du|d')(?: the)? ?$",
    re.IGNORECASE,
)
_COUNTRY_KINDS = ("country", "demonym", "agency")


def settle_places(text: str, mentions: list[Mention], gaz: Gazetteer) -> list[Mention]:
    """``mentions`` with each place of an ambiguous or contextual name settled: the place the
    text means, or none (the mention is dropped)."""
    named = {
        m.value.iso3
        for m in mentions
        if m.kind == "place" and m.value is not None and m.value.kind in _COUNTRY_KINDS
    }
    out: list[Mention] = []
    for m in mentions:
        others = gaz.contextual.get(text[m.start : m.end]) if m.kind == "place" else None
        if not others:
            out.append(m)
            continue
        place = _choose(text, m, m.value, others, named, gaz)
        if place is not None:
            out.append(replace(m, value=place))
    return out


def _choose(
    text: str, m: Mention, primary: Place | None, others: tuple[Place, ...], named: set[str], gaz: Gazetteer
) -> Place | None:
    candidates = ([primary] if primary else []) + list(others)
    after = _AFTER_RE.match(text, m.end)
    if after:
        words = after.group(1).split()
        written = {" ".join(words[:k]) for k in range(1, len(words) + 1)}
        for place in candidates:
            country = {p for w in written if (p := gaz.terms.get(w)) and p.kind == "country"}
            if written & gaz.region_names.get(place.iso3, frozenset()) or any(
                p.iso3 == place.iso3 for p in country
            ):
                return place
    if primary is None and not _LOCATIVE_BEFORE_RE.search(text, max(0, m.start - 40), m.start):
        return None
    return next((place for place in candidates if place.iso3 in named), candidates[0])
