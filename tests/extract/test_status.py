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
    ],
)
def test_sentence_status(text: str, status: str, res: Resources) -> None:
    claims = extract_document(Document("d", text), res)
    assert claims and {c["status"] for c in claims} == {status}, claims
