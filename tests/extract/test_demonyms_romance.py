"""Country adjectives of Spanish, French and Portuguese after a public body's noun place the buyer."""

from __future__ import annotations

import pytest

from oversight.extract.demonyms_romance import inflections
from oversight.extract.resources import Resources
from oversight.extract.tag import PLACE, tag


@pytest.mark.parametrize(
    ("adjective", "language", "forms"),
    [
        ("boliviano", "es", ["boliviano", "boliviana", "bolivianos", "bolivianas"]),
        ("senegalés", "es", ["senegalés", "senegalesa", "senegaleses", "senegalesas"]),
        ("ivoirien", "fr", ["ivoirien", "ivoirienne", "ivoiriens", "ivoiriennes"]),
        ("camerounais", "fr", ["camerounais", "camerounaise", "camerounaises"]),
        ("guinéen", "fr", ["guinéen", "guinéenne", "guinéens", "guinéennes"]),
        ("camaronês", "pt", ["camaronês", "camaronesa", "camaroneses", "camaronesas"]),
        ("alemão", "pt", ["alemão", "alemã", "alemães", "alemãos", "alemãs"]),
    ],
)
def test_adjectives_agree_in_gender_and_number(adjective: str, language: str, forms: list[str]) -> None:
    assert inflections(adjective, language) == forms


@pytest.mark.parametrize(
    ("text", "country"),
    [
        ("La Policía boliviana recibió cámaras de videovigilancia.", "BOL"),
        ("Les autorités ivoiriennes ont installé des caméras à Yamoussoukro.", "CIV"),
        ("O governo angolano contratou um centro de comando.", "AGO"),
        ("Le ministère de l'Intérieur sénégalais a signé le contrat.", "SEN"),
    ],
)
def test_a_public_body_with_its_countrys_adjective_places_the_buyer(
    text: str, country: str, res: Resources
) -> None:
    places = [m.value for m in tag(text, res) if m.kind == PLACE]
    assert (country, "agency") in {(p.iso3, p.kind) for p in places}


def test_an_adjective_alone_labels_a_supplier_and_is_no_place(res: Resources) -> None:
    text = "La empresa china instaló cámaras; une société française fournit le logiciel."
    assert [m for m in tag(text, res) if m.kind == PLACE] == []
