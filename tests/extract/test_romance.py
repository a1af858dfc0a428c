"""Spanish, French and Portuguese reporting: country names, technology and status cues, suppliers."""

from __future__ import annotations

import pytest

from oversight.extract import extract_document
from oversight.extract.readers import Document
from oversight.extract.resources import Resources


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "En 2019, la Policía de Perú instaló cámaras de videovigilancia suministradas por Hikvision "
            "en Lima.",
            ("PER", "Hikvision", "video_surveillance", "operational"),
        ),
        (
            "Le gouvernement du Sénégal a signé un contrat avec Huawei pour la vidéosurveillance de Dakar.",
            ("SEN", "Huawei", "video_surveillance", "contracted"),
        ),
        (
            "A Secretaria de Segurança do Brasil suspendeu o reconhecimento facial fornecido pela Avantia.",
            ("BRA", "Avantia", "facial_recognition", "cancelled"),
        ),
        # Present tense, plural participles, "built by", futures in the passive.
        (
            "Depuis mars, des techniciens de Huawei installent des caméras de surveillance à Bamako, "
            "au Mali.",
            ("MLI", "Huawei", "video_surveillance", "operational"),
        ),
        (
            "Le centre de commandement de Niamey, au Niger, construit par Huawei, a été visité par le "
            "ministre.",
            ("NER", "Huawei", "safe_city", "operational"),
        ),
        (
            "Au Togo, les contrats avec ZTE pour la vidéosurveillance de Lomé ont été signés en mars.",
            ("TGO", "ZTE", "video_surveillance", "contracted"),
        ),
        (
            # future work by a named supplier: the supplier has been chosen (status.supplier_chosen)
            "En Bolivia, 500 cámaras de videovigilancia serán desplegadas por Hikvision en La Paz.",
            ("BOL", "Hikvision", "video_surveillance", "contracted"),
        ),
        (
            "Em Moçambique, as câmeras de videovigilância de Maputo serão implantadas pela Huawei.",
            ("MOZ", "Huawei", "video_surveillance", "contracted"),
        ),
    ],
)
def test_romance_language_claims(text: str, expected: tuple[str, str, str, str], res: Resources) -> None:
    claims = extract_document(Document("d", text), res)
    found = {(c["country"], c["vendor"], c["technology"], c["status"]) for c in claims}
    assert expected in found, claims
