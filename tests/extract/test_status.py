"""Status rules on whole sentences: MoU, regulators, denials, trials, the latest state."""

from __future__ import annotations

import pytest

from oversight.extract import extract_document
from oversight.extract.readers import Document
from oversight.extract.resources import Resources


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "In 2019 the city of Campinas signed a memorandum of understanding with Huawei to develop a "
            "safe city project.",
            "planned",
        ),
        (
            "Greece's data protection authority told the police that switching on the biometric "
            "identification devices supplied by Intracom Telecom would be unlawful.",
            "cancelled",
        ),
        (
            "The interior ministry said the face recognition function of the Huawei cameras in Belgrade "
            "was never switched on.",
            "denied",
        ),
        (
            "In 2018 ECU 911 began testing face recognition supplied by CEIEC at the airport of Quito.",
            "pilot",
        ),
        ("CCTV cameras will soon be installed at every junction in Kisumu, Kenya.", "planned"),
        ("La policía de Temuco, Chile, instalará 300 cámaras de videovigilancia en 2025.", "planned"),
        # a plan whose supplier is named: the supplier has been chosen
        ("Hikvision CCTV cameras will soon be installed at every junction in Kisumu, Kenya.", "contracted"),
        ("Huawei va installer 900 caméras de vidéosurveillance à Ouagadougou.", "contracted"),
    ],
)
def test_sentence_status(text: str, status: str, res: Resources) -> None:
    claims = extract_document(Document("d", text), res)
    assert claims and {c["status"] for c in claims} == {status}, claims


def test_a_denial_goes_to_the_capability_it_is_said_of(res: Resources) -> None:
    text = (
        "In 2019 the interior ministry installed Huawei cameras with face recognition in Belgrade; "
        "officials said the function was never switched on."
    )
    statuses = {c["technology"]: c["status"] for c in extract_document(Document("d", text), res)}
    assert statuses == {"facial_recognition": "denied", "video_surveillance": "operational"}


def test_a_call_for_a_moratorium_cancels_nothing(res: Resources) -> None:
    from oversight.extract.segment import segment
    from oversight.extract.status import sentence_status
    from oversight.extract.tag import tag

    text = "Rights groups urged a moratorium on the face recognition cameras that NEC installed in Lagos."
    status = sentence_status(tag(text, res, segment(text)), text)
    assert status is not None and status.value == "operational"


@pytest.mark.parametrize(
    "text",
    [
        "The tender for 500 face recognition cameras in Rosario, Argentina, was not suspended.",
        "O tribunal não suspendeu a licitação de câmeras de videomonitoramento em Natal, Brasil.",
        "Le conseil d'État n'a pas suspendu l'appel d'offres de vidéosurveillance de Nice, en France.",
    ],
)
def test_a_negated_suspension_cancels_nothing(text: str, res: Resources) -> None:
    from oversight.extract.segment import segment
    from oversight.extract.status import sentence_status
    from oversight.extract.tag import tag

    status = sentence_status(tag(text, res, segment(text)), text)
    assert status is not None and status.value == "planned"


@pytest.mark.parametrize(
    ("text", "status"),
    [
        (
            "O Tribunal de Contas impediu a assinatura do contrato de câmeras de videomonitoramento "
            "da prefeitura de Natal, Brasil.",
            "cancelled",
        ),
        (
            "Un juez ordenó suspender el contrato de cámaras de videovigilancia firmado por el municipio "
            "de Rosario, Argentina.",
            "cancelled",
        ),
        # an aim, not an act: the contract stands
        (
            "A proposta busca impedir que a prefeitura de Natal, Brasil, assine o contrato de câmeras "
            "de videomonitoramento.",
            "contracted",
        ),
    ],
)
def test_a_stopping_verb_turns_the_reported_event_into_a_cancellation(
    text: str, status: str, res: Resources
) -> None:
    from oversight.extract.segment import segment
    from oversight.extract.status import sentence_status
    from oversight.extract.tag import tag

    spans = segment(text)
    found = sentence_status(tag(text, res, spans), text, spans[0])
    assert found is not None and found.value == status


def test_a_claims_own_event_counts_before_one_lent_by_a_neighbour() -> None:
    from oversight.extract.relate import Candidate
    from oversight.extract.resolve import _status_and_year

    def sentence(status: str, year: int, lent: bool) -> Candidate:
        return Candidate(
            country="KEN", vendor="Hikvision", vendor_known=True, technology="video_surveillance",
            status=status, year=year, city=None, start=0, end=1, vendor_in_sentence=True,
            country_in_sentence=True, hedged=False, via_anaphor=False, status_lent=lent,
        )  # fmt: skip

    # "Police installed the cameras in 2019." then a critic's quote beside "... was scrapped in 2021."
    installed, beside_a_cancellation = sentence("operational", 2019, False), sentence("cancelled", 2021, True)
    assert _status_and_year([installed, beside_a_cancellation]) == ("operational", 2019)
    assert _status_and_year([beside_a_cancellation]) == ("cancelled", 2021)


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Durante las semanas de prueba, los drones equipados con cámaras vigilarán Valparaíso.", "pilot"),
        ("Les premiers essais des caméras installées au Stade de Lyon ont eu lieu samedi.", "pilot"),
        ("The cameras installed in Mombasa were tested by the national laboratory.", "operational"),
        ("The cameras installed in Mombasa now cover the whole port.", "operational"),
    ],
)
def test_a_deployment_reported_as_a_trial_is_a_pilot(sentence: str, status: str) -> None:
    from oversight.extract.status import trial_reported

    assert trial_reported("operational", [sentence]) == status
    assert trial_reported("contracted", [sentence]) == "contracted"


@pytest.mark.parametrize(
    ("vendor", "sentence", "status"),
    [
        (
            None,
            "The council published a tender for the supply and installation of 80 cameras in Kitwe.",
            "planned",
        ),
        (None, "A prefeitura de Natal lançou a licitação para instalar 300 câmeras.", "planned"),
        # the supplier named built what the claim is about
        (
            "Hikvision",
            "The council published a tender for more of the cameras Hikvision installed.",
            "operational",
        ),
        (None, "The cameras installed in Kitwe in 2019 now cover the market.", "operational"),
    ],
)
def test_a_system_put_out_to_tender_is_planned(vendor: str | None, sentence: str, status: str) -> None:
    from oversight.extract.status import tender_open

    assert tender_open("operational", vendor, [sentence]) == status


@pytest.mark.parametrize(
    ("sentence", "events", "status"),
    [
        (
            "The agreement provides for 900 cameras and a command centre in Lusaka.",
            ["operational"],
            "contracted",
        ),
        (
            "Le contrat prévoit l'installation de 600 caméras à Douala.",
            ["operational", "contracted", "planned"],
            "contracted",
        ),
        (
            "O edital previa a instalação de 200 câmeras em Maringá.",
            ["operational", "cancelled"],
            "cancelled",
        ),
        # an installation the text reports as done stays operational
        ("The city installed 900 cameras in Lusaka in 2019.", ["operational", "contracted"], "operational"),
    ],
)
def test_what_an_agreement_provides_for_is_not_yet_running(
    sentence: str, events: list[str], status: str
) -> None:
    from oversight.extract.status import agreed_content

    assert agreed_content("operational", [sentence], events) == status
    assert agreed_content("planned", [sentence], events) == "planned"


@pytest.mark.parametrize(
    "text",
    [
        "The minister has authorised the use of CCTV cameras on the seafront of Durban, South Africa.",
        "A Secretaria está autorizada a usar câmeras com reconhecimento facial em Fortaleza, Brasil.",
        "O ministro autoriza a instalação de câmaras de videovigilância pela PSP em Braga, Portugal.",
        "El ministerio aprobó la instalación de cámaras de videovigilancia en Rosario, Argentina.",
        "Le préfet autorise l'utilisation de caméras de vidéosurveillance à Lyon, en France.",
    ],
)
def test_an_authorisation_to_install_or_use_is_a_plan(text: str, res: Resources) -> None:
    claims = extract_document(Document("d", text), res)
    assert claims and {c["status"] for c in claims} == {"planned"}, claims


def test_leave_to_speak_is_no_authorisation(res: Resources) -> None:
    text = "An officer who was not authorised to speak said the CCTV cameras in Kampala, Uganda, work."
    claims = extract_document(Document("d", text), res)
    assert all(c["status"] != "planned" for c in claims), claims


@pytest.mark.parametrize(
    "text",
    [
        # negotiations and proposals
        "La alcaldía negocia la compra de cámaras de videovigilancia para Cochabamba, Bolivia.",
        "O prefeito propõe instalar câmeras de videomonitoramento em Recife, no Brasil.",
        "La mairie a proposé d'installer des caméras de vidéosurveillance à Rennes, en France.",
        # intentions
        "La alcaldía estudia instalar cámaras de videovigilancia en Cochabamba, Bolivia.",
        "O prefeito procura vigiar as escolas com câmeras de videomonitoramento em Recife, Brasil.",
        "La mairie souhaite installer des caméras de vidéosurveillance à Rennes, en France.",
    ],
)
def test_a_negotiation_proposal_or_intention_in_romance_is_a_plan(text: str, res: Resources) -> None:
    from oversight.extract.pipeline import scored_document_claims

    claims = [claim for claim, _ in scored_document_claims(Document("d", text), res)]
    assert claims and {c["status"] for c in claims} == {"planned"}, claims


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("The county has put up 60 street cameras around its offices in Nakuru, Kenya.", "operational"),
        ("Officials say 400 surveillance cameras will soon go up in the centre of Mosul, Iraq.", "planned"),
        ("A facial recognition system is to be introduced at the airport of Manila, Philippines.", "planned"),
        ("A prefeitura pôs a funcionar 500 câmeras de videomonitoramento em Recife, Brasil.", "operational"),
    ],
)
def test_phrasal_verbs_of_installation_report_a_status(text: str, status: str, res: Resources) -> None:
    from oversight.extract.pipeline import scored_document_claims

    claims = [claim for claim, _ in scored_document_claims(Document("d", text), res)]
    assert claims and {c["status"] for c in claims} == {status}, claims


def test_an_opinion_is_no_plan(res: Resources) -> None:
    text = "Los diputados consideran poco útiles las cámaras de videovigilancia instaladas en Puebla, México."
    claims = extract_document(Document("d", text), res)
    assert all(c["status"] != "planned" for c in claims), claims
