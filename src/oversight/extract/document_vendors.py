"""Suppliers named away from the technology: "The consortium of Huawei, Orange and Thales won the
contract." in one paragraph, "The first cameras went up in Abidjan in 2017." in another.

A sentence that names suppliers with a deployment event (a status cue) and at most two
deployment countries makes them the document's suppliers for those countries
(``note_suppliers``). A candidate claim that found no vendor in or around its sentence then
takes each supplier of its country (``lend_vendors``), marked ``vendor_from_document`` so the
claim scorer can weigh that weaker link. A candidate without such a supplier keeps no vendor.

Nothing is lent where the text says the supplier is not known (``supplier_withheld``: "using
software from a provider that officials declined to name", "the ministry did not say which
companies supply the cameras", "aún sin proveedor adjudicado"): the claim has no vendor.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oversight.extract.relate import Candidate
    from oversight.extract.tag import Mention

MAX_COUNTRIES = 2

_SUPPLIER = r"(?:suppliers?|vendors?|providers?|contractors?|compan(?:y|ies)|firms?|makers?|manufacturers?)"
_WITHHELD_RE = re.compile(
    rf"\bno {_SUPPLIER} (?:has|have|had|was|were|is) (?:yet )?(?:been )?"
    r"(?:named|chosen|selected|identified|disclosed|announced)"
    r"|\b(?:declined|refused|did not|didn't|would not|wouldn't|has not|have not|never|not) (?:to )?"
    r"(?:name|identify|disclose|say|reveal|said|named|identified|disclosed|revealed)\b[^.;]{0,40}?"
    rf"(?:\b{_SUPPLIER}\b|from whom|who (?:supplied|made|built|installed))"
    rf"|\b{_SUPPLIER} (?:that|which|whom) [^.;]{{0,30}}?(?:declined|refused) to (?:name|identify)"
    rf"|\b(?:undisclosed|unnamed|unidentified|unknown) {_SUPPLIER}"
    rf"|\b(?:little|no) transparency (?:about|on|over) (?:the )?{_SUPPLIER}"
    r"|\bsin proveedor(?:es)? (?:adjudicado|definido|identificado|conocido)s?"
    r"|\bno hay proveedor(?:es)? (?:definido|identificado)s?"
    r"|\bproveedor(?:es)? (?:no identificado|desconocido)s?"
    r"|\b(?:no|sin) (?:informó|informar|reveló|revelar|precisó|precisar|dijo|identificó|identificar)"
    r" qu[ée] empresa"
    r"|\bnegaron a informar qu[ée] empresa"
    r"|\bsans (?:nommer|préciser|citer|identifier) (?:le |la |les |l')?"
    r"(?:fournisseur|prestataire|entreprise|société)s?"
    r"|\bn'a pas (?:précisé|révélé|dit|indiqué) (?:quel|quelle)s? "
    r"(?:entreprise|société|fournisseur|prestataire)"
    r"|\bfournisseurs? (?:inconnu|non identifié)s?"
    r"|\bnão (?:informou|revelou|disse|identificou) (?:qual|que) (?:empresa|fornecedor)"
    r"|\bfornecedor(?:es)? (?:não identificado|desconhecido)s?"
    r"|\bsem (?:revelar|informar|identificar) (?:o fornecedor|a empresa)"
)  # matched against lower-cased text: several times faster than re.IGNORECASE


def supplier_withheld(sentence: str) -> bool:
    """True when ``sentence`` says the supplier is not named or not yet chosen."""
    return _WITHHELD_RE.search(sentence.lower()) is not None


def note_suppliers(
    found: dict[str, dict[str, Mention]], suppliers: list[Mention], countries: list[str], has_event: bool
) -> None:
    """Record ``suppliers`` as suppliers in ``countries`` when the sentence reports an event."""
    countries = list(dict.fromkeys(countries))
    if not suppliers or not has_event or not 0 < len(countries) <= MAX_COUNTRIES:
        return
    for country in countries:
        for supplier in suppliers:
            found.setdefault(country, {}).setdefault(supplier.value, supplier)


def lend_vendors(candidates: list[Candidate], found: dict[str, dict[str, Mention]]) -> list[Candidate]:
    """Candidates, those without a vendor replaced by one per supplier of their country."""
    out: list[Candidate] = []
    for c in candidates:
        lenders = found.get(c.country, {})
        if c.vendor is not None or not lenders or c.supplier_withheld:
            out.append(c)
            continue
        out.extend(
            replace(
                c,
                vendor=m.value,
                vendor_known=m.org_kind != "unknown",
                vendor_from_document=True,
            )
            for m in lenders.values()
        )
    return out
