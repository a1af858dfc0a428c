"""Suppliers named away from the technology: "The consortium of Huawei, Orange and Thales won the
contract." in one paragraph, "The first cameras went up in Abidjan in 2017." in another.

A sentence that names suppliers with a deployment event (a status cue) and at most two
deployment countries makes them the document's suppliers for those countries
(``note_suppliers``). A candidate claim that found no vendor in or around its sentence then
takes each supplier of its country (``lend_vendors``), marked ``vendor_from_document`` so the
claim scorer can weigh that weaker link. A candidate without such a supplier keeps no vendor.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from oversight.extract.relate import Candidate
    from oversight.extract.tag import Mention

MAX_COUNTRIES = 2


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
        if c.vendor is not None or not lenders:
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
