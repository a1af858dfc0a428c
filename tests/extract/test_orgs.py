"""The organisation recogniser for names the registry does not know."""

from __future__ import annotations

import pytest

from oversight.extract.orgs import not_an_organisation, unknown_suppliers
from oversight.extract.resources import Resources


@pytest.mark.parametrize(
    "name",
    [
        "Automated Facial Recognition System",
        "Fugitive Facial Recognition System",
        "Integrated Centre for Public Security",
        "Broadband Trunking Network",
        "Intelligent Transportation Systems",
        "Video Conference System",
        "Minister of Security",
        "Big Brother Watch",
        "SHARE Foundation",
        "Breaking",
        "Sistema de Reconocimiento Facial",
        "El Ministerio del Interior",
        "Facial Recognition Technology",
        "Other Surveillance Technologies",
    ],
)
def test_systems_programmes_offices_and_groups_are_not_organisations(name: str) -> None:
    assert not_an_organisation(name)


@pytest.mark.parametrize(
    "name", ["NDI Recognition Systems", "Hardcore Biometric System", "Naung Yoe", "Danaide"]
)
def test_companies_stay_organisations(name: str) -> None:
    assert not not_an_organisation(name)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Kestrel Integrators, a Greek integrator, installed the cameras.", "Kestrel Integrators"),
        ("The cameras were supplied by Novatek Vision.", "Novatek Vision"),
        ("The police signed a contract with Alvora for the cameras.", "Alvora"),
        ("La Policía eligió a la integradora Danaide para el sistema.", "Danaide"),
        ("The ministry works in partnership with Sentrix on the platform.", "Sentrix"),
    ],
)
def test_role_patterns_find_unknown_suppliers(text: str, name: str, res: Resources) -> None:
    found = {n for _, _, n, _, _ in unknown_suppliers(text, 0, len(text), bytearray(len(text)), res)}
    assert name in found


def test_a_system_named_as_the_agent_is_not_a_supplier(res: Resources) -> None:
    text = "Suspects were identified by the Automated Facial Recognition System."
    assert unknown_suppliers(text, 0, len(text), bytearray(len(text)), res) == []


@pytest.mark.parametrize(
    "text",
    [
        "Since 2019 the prefecture has run a Burglary Forecast System that maps risky streets.",
        "Findings\nRegional Monitoring Technologies\nThe police bought cameras.",
    ],
)
def test_a_thing_or_heading_ending_in_a_legal_form_is_not_a_supplier(text: str, res: Resources) -> None:
    assert unknown_suppliers(text, 0, len(text), bytearray(len(text)), res) == []


def test_a_name_made_only_of_watchdog_and_newsroom_words_is_not_a_supplier(res: Resources) -> None:
    text = "The spyware traces were analysed by Amnesty International, the report says."
    names = {name for _, _, name, _, _ in unknown_suppliers(text, 0, len(text), bytearray(len(text)), res)}
    assert "Amnesty International" not in names
