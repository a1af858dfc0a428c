"""Which of the places of a name the text means.

A name may stand for several places (gazetteer.py): a city and its smaller namesakes in other
countries, a town, the short form of a city's name, a region. The text settles which:

- where the text confirms a place once, the name is that place throughout the document: a
  region or country written just after it ("León, Guanajuato", "Unaí (MG)", "Cascais,
  Lisboa", "León, Nicaragua"), or a locative word before it ("Prefeitura de Unaí",
  "municipio de", "the city of", "ville de", "Estado do Espírito Santo"), which takes the
  namesake in a country the document names;
- otherwise a city's name is the namesake in a country the document names, by its name or
  by its capital ("Santiago" in a story that names the Dominican Republic or Santo Domingo),
  else the most populous city of that name;
- a town or region that the text never confirms is not tagged: its name is too often a word
  or a person's name.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from oversight.extract.gazetteer import COUNTRY_KINDS

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


def settle_places(
    text: str, mentions: list[Mention], gaz: Gazetteer, names: dict[int, str] | None = None
) -> list[Mention]:
    """``mentions`` with each place of an ambiguous or contextual name settled: the place the
    text means, or none (the mention is dropped). A name keeps one place through the document:
    where the text confirms it once ("León, Guanajuato"), its other mentions ("el C4 de León")
    are that place too. ``names``: the name of the place at each start, as the gazetteer has
    it, where the text writes it otherwise ("LEÓN")."""
    names = names or {}
    # The countries the document names: by a country's name or demonym, or by its capital
    # ("Santo Domingo" places "Santiago" in the Dominican Republic, "Montevideo" the "San José"
    # of Uruguay). A name never vouches for itself: "San José" does not place itself in Costa Rica.
    named = {
        m.value.iso3
        for m in mentions
        if m.kind == "place" and m.value is not None and m.value.kind in COUNTRY_KINDS
    }
    capitals: dict[str, set[str]] = {}
    for m in mentions:
        place = m.value if m.kind == "place" else None
        if place is not None and place.kind == "city" and place.city in gaz.capitals:
            capitals.setdefault(place.iso3, set()).add(names.get(m.start) or text[m.start : m.end])

    def named_besides(name: str) -> set[str]:
        return named | {iso3 for iso3, written in capitals.items() if written - {name}}

    settled: list[tuple[Mention, str, list[Place]]] = []
    confirmed: dict[str, Place] = {}
    for m in mentions:
        name = names.get(m.start) or text[m.start : m.end]
        others = gaz.contextual.get(name) if m.kind == "place" else None
        if others:
            candidates = ([m.value] if m.value else []) + list(others)
            settled.append((m, name, candidates))
            place = _confirmed(text, m, candidates, named_besides(name), gaz)
            if place is not None:
                confirmed.setdefault(name, place)
    chosen: dict[int, Place | None] = {}
    for m, name, candidates in settled:
        if name in confirmed:
            chosen[m.start] = confirmed[name]
        elif m.value is not None:  # the name of a city: the namesake in a country the text names
            chosen[m.start] = next((p for p in candidates if p.iso3 in named_besides(name)), m.value)
        else:
            chosen[m.start] = None  # a town or region named without context
    out: list[Mention] = []
    for m in mentions:
        if m.kind != "place" or m.start not in chosen:
            out.append(m)
        elif (place := chosen[m.start]) is not None:
            out.append(replace(m, value=place))
    return out


def _confirmed(
    text: str, m: Mention, candidates: list[Place], named: set[str], gaz: Gazetteer
) -> Place | None:
    """The place the text confirms at this mention: by a region or country written after it,
    or, after a locative word, the namesake in a country the document names, else the most
    populous."""
    after = _AFTER_RE.match(text, m.end)
    if after:
        words = after.group(1).split()
        written = {" ".join(words[:k]) for k in range(1, len(words) + 1)}
        countries = {p.iso3 for w in written if (p := gaz.terms.get(w)) and p.kind == "country"}
        for place in candidates:
            if place.iso3 in countries or written & gaz.region_names.get(place.iso3, frozenset()):
                return place
    if _LOCATIVE_BEFORE_RE.search(text, max(0, m.start - 40), m.start):
        return next((p for p in candidates if p.iso3 in named), candidates[0])
    return None
