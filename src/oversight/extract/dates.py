# ruff: noqa: E501 - pattern tables are data
"""Relative dates: the year of "yesterday", "this autumn", "in April", "last year" is the year of
the article's own date (GUIDELINES.md §7), shifted for "last year". "Next year" dates a plan's
target, never an event the article reports: it is no year.

``relative_years(text, published, start, end)`` finds such expressions between ``start`` and
``end`` and returns ``(start, end, year)`` for each. A month followed by a year ("April 2019")
or by a day and a year ("April 3, 2019") is not relative: the explicit year is tagged instead.
English, Spanish, French and Portuguese.
"""

from __future__ import annotations

import re

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
    "|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
    "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
)
_DAYS_EN = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_DAYS_ES = "lunes|martes|miércoles|jueves|viernes|sábado|domingo"
_DAYS_FR = "lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
_DAYS_PT = "segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|sábado|domingo"
_DAYS = f"{_DAYS_EN}|{_DAYS_ES}|{_DAYS_FR}|{_DAYS_PT}"
_SAME_YEAR = re.compile(
    rf"\b(?:yesterday|today|this (?:week|month|year|morning|spring|summer|autumn|fall|winter)"
    rf"|(?:earlier|later) this (?:week|month|year)|last (?:week|month)"
    rf"|(?:on|last|this|since|from|in|by|early|late|mid-|end of) (?:{_DAYS})\b"
    rf"|(?:in|since|on|from|by|until|early|late|mid-|end of|this|last) (?:\d{{1,2}} )?(?:{_MONTHS})(?!,? (?:\d{{1,2}},? )?\d{{4}})(?:,? \d{{1,2}}(?!,? \d{{4}}))?"
    # A weekday names a day of the article's week: "este martes", "jeudi 22 août", "nesta
    # terça-feira". Spanish and Portuguese need the article ("Santo Domingo" is a city).
    rf"|(?:el|este|desde el|hasta el|el pasado) (?:{_DAYS_ES})|(?:{_DAYS_FR})"
    rf"|(?:na|no|nesta|neste|desde|desde a|desde o|até|na última|no último) (?:{_DAYS_PT})"
    rf"|ayer|hoy|este año|esta semana|este mes|la semana pasada|el mes pasado|(?:en|desde|el) (?:\d{{1,2}} de )?(?:{_MONTHS})(?! de \d{{4}})(?! \d{{4}})"
    rf"|hier|aujourd'hui|cette année|cette semaine|ce mois-ci|la semaine dernière|le mois dernier|(?:en|depuis|le) (?:\d{{1,2}} )?(?:{_MONTHS})(?! \d{{4}})"
    rf"|ontem|hoje|este ano|esta semana|este mês|na semana passada|no mês passado|(?:em|desde) (?:\d{{1,2}} de )?(?:{_MONTHS})(?! de \d{{4}})(?! \d{{4}})"
    rf")\b",
    re.IGNORECASE,
)
_LAST_YEAR = re.compile(r"\b(?:last year|el año pasado|l'année dernière|l'an dernier|no ano passado|o ano passado)\b", re.IGNORECASE)


def published_year(published: str | None) -> int | None:
    match = re.match(r"(\d{4})", published or "")
    return int(match.group(1)) if match else None


def relative_years(text: str, published: str | None, start: int, end: int) -> list[tuple[int, int, int]]:
    """Spans of relative dates in ``text[start:end]`` and the year each stands for."""
    year = published_year(published)
    if year is None:
        return []
    found = []
    for pattern, shift in ((_SAME_YEAR, 0), (_LAST_YEAR, -1)):
        found += [(m.start(), m.end(), year + shift) for m in pattern.finditer(text, start, end)]
    return found
