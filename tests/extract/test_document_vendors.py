"""Suppliers named in another paragraph than the technology."""

from __future__ import annotations

import pytest

from oversight.extract.document_vendors import supplier_withheld
from oversight.extract.relate import relate
from oversight.extract.resources import Resources
from oversight.extract.segment import segment
from oversight.extract.tag import tag

TEXT = (
    "In 2013 the government of Senegal awarded the contract to a consortium of Huawei and Orange.\n\n"
    "The loan took three years to negotiate. Officials then chose the sites.\n\n"
    "Years later, the first surveillance cameras were installed in Dakar in 2017."
)


def _candidates(text: str, res: Resources):
    spans = segment(text)
    return relate(text, spans, tag(text, res, spans), res)


def test_a_claim_without_vendor_takes_the_suppliers_of_its_country(res: Resources) -> None:
    found = {(c.country, c.vendor, c.vendor_from_document) for c in _candidates(TEXT, res)}
    assert ("SEN", "Huawei", True) in found
    assert not any(vendor is None for _, vendor, _ in found)


def test_suppliers_of_another_country_are_not_lent(res: Resources) -> None:
    text = TEXT.replace("Dakar", "Lagos")
    found = {(c.country, c.vendor) for c in _candidates(text, res)}
    assert ("NGA", None) in found and ("NGA", "Huawei") not in found


def test_no_supplier_is_lent_where_the_text_withholds_it(res: Resources) -> None:
    text = TEXT + " The city did not say which companies supply the new cameras."
    found = {(c.country, c.vendor) for c in _candidates(text, res)}
    assert found == {("SEN", None)}


@pytest.mark.parametrize(
    ("sentence", "withheld"),
    [
        ("Officials have never said who built the command centre.", True),
        ("It uses software from a provider that the ministry declined to name.", True),
        ("La alcaldía anunció cámaras nuevas, aún sin proveedor adjudicado.", True),
        ("La mairie n'a pas précisé quelle entreprise fournit les caméras.", True),
        ("A secretaria não informou qual empresa fornece o software.", True),
        ("The ministry named Huawei as the supplier of the cameras.", False),
    ],
)
def test_supplier_withheld(sentence: str, withheld: bool) -> None:
    assert supplier_withheld(sentence) is withheld
