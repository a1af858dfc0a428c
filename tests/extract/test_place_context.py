"""Names of several places, towns and regions: the text says which place it means."""

from __future__ import annotations

import pytest

from oversight.extract.resources import Resources
from oversight.extract.tag import PLACE, tag


def _places(text: str, res: Resources) -> dict[str, tuple[str, str]]:
    return {
        text[m.start : m.end]: (m.value.iso3, m.value.kind) for m in tag(text, res) if m.kind == PLACE
    }


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        # A region or country written after the name picks the namesake it belongs to.
        ("León, Guanajuato.- El municipio compra 40 cámaras de vigilancia.", "León", "MEX"),
        ("La alcaldía de León, Nicaragua, instaló cámaras en el centro.", "León", "NIC"),
        ("A prefeitura de Unaí (MG) contratou o videomonitoramento das câmeras.", "Unaí", "BRA"),
        ("The council of Cascais, Lisboa, approved CCTV on the seafront.", "Cascais", "PRT"),
        # The country the document names picks among namesakes.
        ("México compra cámaras. En León se instalarán 40 postes con cámaras.", "León", "MEX"),
        # So does a capital it names, but a name does not vouch for itself.
        ("Santo Domingo compra cámaras. En Santiago se instalarán 40 postes.", "Santiago", "DOM"),
        ("Police in San José bought cameras.", "San José", "CRI"),
        # A town needs a locative word before it.
        ("A Câmara Municipal de Cascais aprovou a videovigilância na marginal.", "Cascais", "PRT"),
        ("O governo do estado de Minas Gerais ampliou o cerco eletrônico.", "Minas Gerais", "BRA"),
    ],
)
def test_context_settles_the_place(text: str, name: str, country: str, res: Resources) -> None:
    assert _places(text, res)[name][0] == country


def test_a_name_without_context_is_its_most_populous_city_or_nothing(res: Resources) -> None:
    places = _places("Police in León and Cascais tested cameras; Minas Gerais watched.", res)
    assert places["León"][0] == res.gazetteer.terms["León"].iso3
    assert "Cascais" not in places  # a town named without context
    assert "Minas Gerais" not in places  # a region named without context


def test_a_countrys_name_is_never_a_towns(res: Resources) -> None:
    # Lebanon, Tennessee and Georgia, USA do not make the countries ambiguous.
    assert _places("Cameras went up in Lebanon, Tennessee.", res)["Lebanon"] == ("LBN", "country")
    assert "Lebanon" not in res.gazetteer.contextual and "Georgia" not in res.gazetteer.contextual


def test_names_in_capitals_are_places_in_headers_and_datelines(res: Resources) -> None:
    text = (
        "THE REPUBLIC OF GHANA\nMINISTRY OF THE INTERIOR\n\n"
        "ACCRA, May 2 (Wire) - The ministry signed a contract for cameras.\n\n"
        "RIVERSIDE DRIVE\n\nTraffic was slow on the road past the hotel."
    )
    places = _places(text, res)
    assert places["REPUBLIC OF GHANA"] == ("GHA", "country")
    assert places["ACCRA"] == ("GHA", "heading")  # it places the story, names no city
    assert "RIVERSIDE" not in places  # a city's name in a heading may be a street's


def test_a_region_in_capitals_needs_its_locative_word(res: Resources) -> None:
    text = "PREFEITURA MUNICIPAL DE EXEMPLO — ESTADO DO ESPÍRITO SANTO\n\nAVISO DE LICITAÇÃO"
    assert _places(text, res)["ESPÍRITO SANTO"] == ("BRA", "heading")
    assert "ESPÍRITO SANTO" not in _places("ESPÍRITO SANTO\n\nAVISO DE LICITAÇÃO", res)


def test_a_name_keeps_the_place_the_text_confirms_once(res: Resources) -> None:
    text = "Licitación de cámaras para el C4 de León.\n\nLeón, Guanajuato.- El municipio compra 40 postes."
    mentions = [m for m in tag(text, res) if m.kind == PLACE]
    assert [m.value.iso3 for m in mentions] == ["MEX", "MEX"]


def test_names_of_fewer_than_four_letters_are_never_contextual(res: Resources) -> None:
    assert all(len(name) >= 4 for name in res.gazetteer.contextual)


@pytest.mark.parametrize(
    ("text", "name", "country"),
    [
        ("La policía de Rusia compró cámaras con reconocimiento facial.", "Rusia", "RUS"),
        ("La Russie a déployé la reconnaissance faciale dans le métro.", "Russie", "RUS"),
        ("O Irã instalou câmeras nas ruas de Teerã.", "Irã", "IRN"),
        ("A polícia do Quênia comprou câmeras.", "Quênia", "KEN"),
        ("Arabia Saudita instaló cámaras en La Meca.", "Arabia Saudita", "SAU"),
        ("La police du Perou a installé des caméras.", "Perou", "PER"),  # written without accents
    ],
)
def test_countries_have_their_short_names_in_each_language(
    text: str, name: str, country: str, res: Resources
) -> None:
    assert _places(text, res)[name] == (country, "country")


def test_a_countrys_name_that_is_a_towns_or_a_word_is_not_taken(res: Resources) -> None:
    terms = res.gazetteer.terms
    assert "Santa Elena" not in terms  # Ecuador's, not Saint Helena
    assert "Ira" not in terms and "Keeling" not in terms
