"""Places that are not deployment places: currencies, metonymy, lenders, donors, signing, comparisons."""

from __future__ import annotations

import pytest

from oversight.extract.places import not_deployment_place
from oversight.extract.resources import Resources
from oversight.extract.tag import ORG, PLACE, tag


def _verdicts(text: str, res: Resources) -> dict[str, bool]:
    places = [m for m in tag(text, res) if m.kind == PLACE]
    named = {m.value.iso3 for m in places}
    return {text[m.start : m.end]: not_deployment_place(text, m, set(), set(), named) for m in places}


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Some 9 million US dollars will be spent on cameras in Dushanbe.", "US"),
        ("The US$32M project adds cameras in Port Louis.", "US"),
        ("Beijing denies that the cameras in Lusaka send data abroad.", "Beijing"),
        ("Cameras were installed in Lusaka with support from the Chinese government.", "Chinese government"),
        ("Tajikistan's ministry signed a loan agreement for the Safe City Project in Beijing.", "Beijing"),
        ("Police in Quito use face recognition, as in China.", "China"),
        ("Chinese vendors have won contracts across Latin America, starting in Quito.", "America"),
        ("La vigilancia avanza en América Latina, empezando por Quito.", "Latina"),
        ("Lima hosts fairs where vendors from Germany, Korea and Japan sell face recognition.", "Korea"),
        ("Quito bought cameras from a firm registered in Panama.", "Panama"),
        ("Un consultant basé à Dakar juge le projet de caméras de Bamako trop cher.", "Dakar"),
        ("Las cámaras donadas por Japón vigilan el centro de La Paz.", "Japón"),
        ("Le système de caméras proposé par la Chine sera déployé à Ouagadougou.", "Chine"),
        ("The New York Times found that cameras in Quito send footage to the army.", "New York"),
        ("Researchers at the University of Toronto traced spyware used in Addis Ababa.", "Toronto"),
        ("Le réseau de caméras de Dakar est financé par l'Exim Bank de Chine.", "Chine"),
        ("Laos and India's Export-Import Bank agreed a loan for cameras in Vientiane.", "India's"),
    ],
)
def test_a_place_used_otherwise_is_not_a_deployment_place(text: str, place: str, res: Resources) -> None:
    verdicts = _verdicts(text, res)
    assert verdicts[place] is True
    assert not all(verdicts.values()) or len(verdicts) == 1


def test_the_place_of_the_cameras_stays(res: Resources) -> None:
    text = "Serbia's interior ministry signed a contract with Huawei for 1,000 cameras in Belgrade."
    assert set(_verdicts(text, res).values()) == {False}


def test_a_country_ending_a_suppliers_name_is_its_label(res: Resources) -> None:
    text = "The ministry gave the kiosks to Huawei Technologies Chile and cameras to a local firm in Quito."
    mentions = tag(text, res)
    org_ends = {m.end for m in mentions if m.kind == ORG}
    verdicts = {
        text[m.start : m.end]: not_deployment_place(text, m, set(), set(), {"CHL", "ECU"}, org_ends)
        for m in mentions
        if m.kind == PLACE
    }
    assert verdicts == {"Chile": True, "Quito": False}


def test_romance_names_of_major_cities_place_the_claim(res) -> None:  # type: ignore[no-untyped-def]
    # CLDR's Spanish, French and Portuguese exemplar-city names, mapped to the English city.
    for local, iso3 in (("Lisboa", "PRT"), ("Londres", "GBR"), ("Argel", "DZA"), ("Ciudad de México", "MEX")):
        place = res.gazetteer.terms[local]
        assert (place.iso3, place.kind) == (iso3, "city")
    # A name the gazetteer already has keeps its own place.
    assert res.gazetteer.terms["Paris"].iso3 == "FRA"


def _countries(text: str, res: Resources) -> set[str]:
    from oversight.extract.relate import relate
    from oversight.extract.segment import segment

    spans = segment(text)
    return {c.country for c in relate(text, spans, tag(text, res, spans), res)}


def test_a_city_that_alone_names_its_country_in_a_story_placed_elsewhere_is_dropped(res: Resources) -> None:
    text = (
        "Bolivia's interior ministry will install 500 cameras in La Paz. "
        "The command centre for the cameras will stand in the Miraflores district, the minister said."
    )
    assert _countries(text, res) == {"BOL"}  # not Peru, for Lima's Miraflores


def test_a_capital_stands_for_its_country_in_a_roundup(res: Resources) -> None:
    text = (
        "Hungary's police plan cameras for Budapest. "
        "In Belgrade, the interior ministry installed Huawei cameras in 2019."
    )
    assert _countries(text, res) == {"HUN", "SRB"}
