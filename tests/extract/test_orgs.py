"""The organisation recogniser for names the registry does not know."""

from __future__ import annotations

import pytest

from oversight.extract import orgs
from oversight.extract.orgs import not_an_organisation, unknown_suppliers
from oversight.extract.resources import Resources
from oversight.extract.tag import ANAPHOR, ORG, tag


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


def _names(text: str, res: Resources) -> set[str]:
    return {n for _, _, n, _, _ in unknown_suppliers(text, 0, len(text), bytearray(len(text)), res)}


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The integration was carried out by Talvera Networks, which won the bid.", "Talvera Networks"),
        ("Norvik Systems has installed 300 cameras in the port.", "Norvik Systems"),
        ("The ministry hired the Israeli firm Caspira to run the platform.", "Caspira"),
        ("The app's developer, Qarin Holding, was linked to the agency.", "Qarin Holding"),
        ("The matching engine was developed by 7Vantage, a local start-up.", "7Vantage"),
        ("with the Chinese radio maker Hytera and the Lao conglomerate Vong Sai Group", "Vong Sai Group"),
        ("El contrato se adjudicó en 2021 a la Unión Temporal Vigía Andina.", "Unión Temporal Vigía Andina"),
        ("A empresa alemã Kessler vai produzir os cartões biométricos.", "Kessler"),
        ("Le ministre a attribué la semaine dernière à l'américain Borealis Systems un marché.",
         "Borealis Systems"),
        ("Selon le ministère, Orvane Analytics a été retenue pour un lot.", "Orvane Analytics"),
        ("um projeto-piloto em parceria com a operadora Xo, que cedeu as câmeras", "Xo"),
        ("La instalación estuvo a cargo de la firma Lumbra Tecnologías.", "Lumbra Tecnologías"),
        ("Le groupe réalisera le chantier avec son partenaire local Kavrane.", "Kavrane"),
        ("Las cámaras instaladas por Vigicorp cubren el centro.", "Vigicorp"),
        ("Les travaux seront exécutés par Batimex dès juillet.", "Batimex"),
        ("As câmeras fornecidas pela Olhar Seguro já funcionam.", "Olhar Seguro"),
        ("La obra la ejecuta junto a su socio local Ardentia.", "Ardentia"),
        ("A montagem ficou com a sua parceira Luzeira desde 2019.", "Luzeira"),
    ],
)  # fmt: skip
def test_role_grammar_in_four_languages_finds_suppliers(text: str, name: str, res: Resources) -> None:
    assert name in _names(text, res)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The cameras came from Hikvision and Lumora Sistemas Ltda.", "Lumora Sistemas"),
        ("The contract went to Pavo Distribution Inc., a company based in the capital.", "Pavo Distribution"),
        ("Kestrel Vision GmbH und Partner", "Kestrel Vision"),
        ("Les caméras de Vigimax SARL équipent la ville.", "Vigimax"),
    ],
)
def test_a_legal_form_makes_a_firm_supplier_named_without_it(text: str, name: str, res: Resources) -> None:
    found = unknown_suppliers(text, 0, len(text), bytearray(len(text)), res)
    assert any(n == name and not weak for _, _, n, weak, _ in found)


@pytest.mark.parametrize(
    "text",
    [
        "A new platform will be delivered by a Silicon Valley company next year.",
        "A pasta afirma que o Córtex não faz reconhecimento facial.",
        "Cameras from Russian company, Watchdog Report finds",
        "Sensors installed at the junctions feed the centre.",
        "La Policía Nacional instaló las cámaras en 2020.",
        "A Polícia Federal instalou câmeras no aeroporto.",
        "Huawei Technologies (Mauritius) Co Ltd supplied the equipment.",
    ],
)
def test_places_kinds_systems_and_public_bodies_are_not_suppliers(text: str, res: Resources) -> None:
    assert not _names(text, res) - {"Huawei"}  # the registry name of the firm in the last one


def test_a_word_opening_a_sentence_is_a_name_when_the_text_writes_it_as_one(res: Resources) -> None:
    text = "Veridato instala controles en los aeropuertos. La obra la ha hecho Veridato este año."
    assert "Veridato" in _names(text, res)


def test_a_company_name_may_hold_a_place_but_a_list_of_places_is_not_one(res: Resources) -> None:
    text = (
        "The software was developed by the Indian Space Research Organisation. "
        "Cameras were supplied by Kenya, Uganda and Tanzania."
    )
    names = {m.value for m in tag(text, res) if m.kind == ORG}
    assert "Indian Space Research Organisation" in names
    assert not any("Kenya" in n for n in names)


def test_romance_anaphora_point_back_to_the_last_supplier(res: Resources) -> None:
    text = "En 2015, la firme avait déjà installé 1 800 caméras à Nairobi."
    assert any(m.kind == ANAPHOR and text[m.start : m.end] == "la firme" for m in tag(text, res))


@pytest.mark.parametrize(
    "text",
    [
        "The ministry ran the project, with the Delta Orbital Limited (DOL) as consultant.",
        "La alcaldía contrató a Andes Consultores S.A.S. como asesora del proyecto de cámaras.",
    ],
)
def test_a_firm_in_a_role_other_than_supplying_is_not_a_supplier(text: str, res: Resources) -> None:
    assert _names(text, res) == set()


def test_provided_as_a_conjunction_does_not_make_a_supplier(res: Resources) -> None:
    text = "The court let the state continue with REGISTRA provided it passed a data law first."
    assert _names(text, res) == set()


def test_a_legal_form_with_its_full_stop_ends_the_name_before_the_next_sentence(res: Resources) -> None:
    text = "The tender was won by a consortium of Rivo Ltda., Onda Latam LLC and Pax S.A. It ran a year."
    assert {"Rivo", "Onda Latam", "Pax"} <= _names(text, res)


@pytest.mark.parametrize(
    "text",
    [
        "The depot was opened by the interior minister, Rui Tavares. Later Rui Tavares delivered ten cars.",
        "When President Dario Mendes signed the act, the cameras were installed by the army.",
        '"It predicts crimes," said Lena Okafor, the company\'s president.',
        "The platform runs the software Orion supplied by a US company.",
        "Watchdog International's Forensic Lab has found that the phones were infected.",
        "The line will be built by China Road and Bridge Corporation, the ministry said.",
        "Huawei has signed a partnership agreement with 42 Data Networks Limited, a Lagos firm.",
        "Lo explicó el director de ventas de la empresa para Centroamérica y el Caribe.",
    ],
)
def test_people_products_parts_of_bodies_and_pieces_of_names_are_not_suppliers(
    text: str, res: Resources
) -> None:
    names = _names(text, res)
    assert not {"Rui Tavares", "President Dario Mendes", "Lena Okafor", "Orion", "Bridge", "Data Networks",
                "Centroamérica"} & names  # fmt: skip
    assert not any("'s" in n for n in names)


def test_a_firm_named_like_a_rank_stays_a_firm(res: Resources) -> None:
    assert "General Electric" in _names("La obra fue ejecutada por General Electric en 2018.", res)


@pytest.mark.parametrize(
    "text",
    [
        '"Cameras are a tool of control," said Sok Dara of the Cambodian rights group Kanhchna.',
        "Research firm Vidcount reported last year that the cameras were installed by the city.",
        "The findings were published by the Observatorio de Vigilancia Digital, which installed probes.",
        "The Daily Post supplied the photographs of the cameras.",
        "The cameras were financed by Afreximbank and installed in 2020.",
    ],
)
def test_civil_society_research_groups_newspapers_and_lenders_are_not_suppliers(
    text: str, res: Resources
) -> None:
    found = unknown_suppliers(text, 0, len(text), bytearray(len(text)), res)
    assert not [name for _, _, name, _, kind in found if kind != "financier"]


@pytest.mark.parametrize(
    "text",
    [
        "The contract went to the Israeli firm Acme Vision, and local integrator Beta Systems installed it.",
        "A state-owned company Gamma Ltd and a start-up Delta built the network for the city.",
        "The Spanish-based group Epsilon Works would supply the cameras; the firm Zeta did not.",
        "The subgroup company Eta runs it (x-local firm Theta helps).",
    ],
)
def test_described_names_found_from_their_noun_match_a_scan_of_every_position(text: str) -> None:
    pattern = orgs._DESCRIBED_NAME
    for begin, stop in [(0, len(text)), (10, len(text)), (0, 40)]:
        expected = [m.span("org") for m in pattern.pattern.finditer(text, begin, stop)]
        assert list(pattern.spans(text, begin, stop)) == expected
    assert list(pattern.spans(text, 0, len(text)))  # each sentence names a described firm


@pytest.mark.parametrize(
    "text",
    [
        "Each offer must include the Bid Security. A bid security of 2% of the price is required.",
        "Five Analytics tools were compared; the five tools all flagged the same faces.",
    ],
)
def test_a_title_case_phrase_of_the_documents_own_words_is_not_a_firm(text: str, res: Resources) -> None:
    assert _names(text, res) == set()


def test_a_firm_named_by_its_descriptive_form_alone_stays_a_firm(res: Resources) -> None:
    text = "The tender papers name Korvel Security. The security of the site is weak."
    assert "Korvel Security" in _names(text, res)


@pytest.mark.parametrize(
    "text",
    [
        "The cameras are the work of Huawei, which signed the contract with the Harbour Development Board.",
        "Huawei opened a lab. The company reached an agreement with the Delta Innovation Park last week.",
        "En 2021, Huawei a signé un accord avec Verdane Logistique pour la ville.",
    ],
)
def test_the_other_party_of_a_contract_a_firm_signed_is_its_buyer(text: str, res: Resources) -> None:
    assert not {name for _, _, name, _, kind in _found_in_tagged(text, res) if kind == "unknown"}


def test_the_other_party_of_a_contract_an_authority_signed_is_its_supplier(res: Resources) -> None:
    text = "In 2022 the Port Authority signed a contract with Velmora Systems for the cameras."
    assert "Velmora Systems" in _names(text, res)


def _found_in_tagged(text: str, res: Resources) -> list[tuple[int, int, str, bool, str]]:
    """Unknown suppliers with the registry's names of the text marked, as the tagger passes them."""
    names_at = bytearray(len(text))
    for m in tag(text, res):
        if m.kind == ORG and m.org_kind != "unknown":
            names_at[m.start : m.end] = b"\x01" * (m.end - m.start)
    return unknown_suppliers(text, 0, len(text), names_at, res)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The cameras were installed by Brightwave, of Mombasa, last year.", "Brightwave"),
        ("A montagem ficou com a sua parceira Luzeira, de Campinas.", "Luzeira"),
    ],
)
def test_a_comma_and_a_preposition_end_the_name_before_its_town(text: str, name: str, res: Resources) -> None:
    assert name in _names(text, res)
