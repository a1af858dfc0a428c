"""Status rules on whole sentences: MoU, regulators, denials, trials, the latest state."""

from __future__ import annotations

import pytest

from oversight.extract import extract_document
from oversight.extract.pipeline import scored_document_claims
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
    # Every claim before the scorer's threshold: the status rule, whatever the retrained scorer.
    claims = [claim for claim, _ in scored_document_claims(Document("d", text), res)]
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
