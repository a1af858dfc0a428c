"""Sentences that are not claims, and deployment reports that must stay claims."""

from __future__ import annotations

import pytest

from oversight.extract.notclaims import asked_about, not_claim, ruled_out


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Several vendors are marketing biometric systems in the UAE.", "marketing"),
        ("Hikvision and Dahua had some of the largest stands, showing thermal cameras.", "marketing"),
        ("India's CCTV market is worth about $3.5 billion a year.", "market"),
        ("The two firms are the world's two biggest camera makers.", "market"),
        ("Its products are sold in more than 150 countries, the company said.", "generic"),
        ("Some 1.3 million of its cameras are in use in Britain.", "generic"),
        ("The order says new cameras from the firms will not be approved.", "restriction"),
        ("The war memorial said it would remove 11 Hikvision cameras.", "restriction"),
        ("Member states approved the AI Act, with exceptions for police biometric identification.", "law"),
        ("Several start-ups have begun offering face recognition to police forces.", "marketing"),
        ("The firm is pursuing a role in the national biometric database.", "marketing"),
        ("L'entreprise a lancé son offre de vidéosurveillance en mai.", "marketing"),
        ("La empresa lanzó su oferta de cámaras para municipios.", "marketing"),
        ("Agencies were told to stop putting foreign-made cameras on military bases.", "restriction"),
        ("Los fabricantes de cámaras podrían entrar en la lista negra de Washington.", "restriction"),
        ("Le fabricant de caméras figure sur la liste noire américaine.", "restriction"),
        ("O governo mandou deixar de comprar câmeras do fabricante.", "restriction"),
    ],
)
def test_not_claims(sentence: str, kind: str) -> None:
    assert not_claim(sentence) == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Huawei installed 1,800 cameras in Nairobi in 2015.",
        "The interior ministry signed a contract with Dahua for face recognition in 120 cities.",
        "La policía de Quito instaló cámaras de videovigilancia en 2019.",
        "The city's largest camera network was installed by Dahua in 2018.",
        "A polícia instalou câmeras com reconhecimento facial em 2020.",
    ],
)
def test_deployments_are_not_not_claims(sentence: str) -> None:
    assert not_claim(sentence) is None


@pytest.mark.parametrize(
    ("before", "asked"),
    [
        ("The mayor would not say whether the new cameras use ", True),
        ("Reporters asked if the transport police had ", True),
        ("El concejal quiso saber si la alcaldía compró ", True),
        ("A deputada perguntou se o governo instalou ", True),
        ("Nobody knows whether the scheme works; the police installed ", False),
        ("The transport police installed ", False),
    ],
)
def test_asked_about_is_a_mention_inside_an_indirect_question(before: str, asked: bool) -> None:
    assert asked_about(before) is asked


@pytest.mark.parametrize(
    ("before", "out"),
    [
        ("The new law explicitly excludes ", True),
        ("Le projet de loi exclut explicitement la ", True),
        ("El pliego excluye el uso de ", True),
        ("O edital não contempla a utilização de ", True),
        ("The ordinance bans the use of ", True),
        ("La ley prohíbe el uso de la ", True),
        ("Le texte interdit l'utilisation de la ", True),
        ("Fica proibido o uso de tecnologias de ", True),
        # A court or a council stopping a deployment reports a cancelled claim.
        ("The judge banned the use of ", False),
        ("Le tribunal a interdit l'usage de la ", False),
        ("El juez ordenó suspender el uso del sistema de ", False),
        ("The police installed 40 ", False),
    ],
)
def test_ruled_out_is_an_exclusion_or_a_general_ban(before: str, out: bool) -> None:
    assert ruled_out(before) is out
