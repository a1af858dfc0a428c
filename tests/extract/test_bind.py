"""Clause binding: each vendor keeps its own countries and technologies."""

from __future__ import annotations

import pytest

from oversight.extract import extract_document
from oversight.extract.bind import bind, clauses, separate
from oversight.extract.readers import Document
from oversight.extract.resources import Resources


def _keys(text: str, res: Resources) -> set[tuple[str, str | None, str]]:
    return {(c["country"], c["vendor"], c["technology"]) for c in extract_document(Document("d", text), res)}


def test_a_roundup_binds_vendors_to_the_countries_of_their_clause(res: Resources) -> None:
    text = (
        "Huawei's Safe City has been rolled out in Pakistan and Kenya; "
        "ZTE installed surveillance cameras for the police in Venezuela in 2017."
    )
    keys = _keys(text, res)
    assert ("VEN", "ZTE", "video_surveillance") in keys
    assert not any(country in ("PAK", "KEN") and vendor == "ZTE" for country, vendor, _ in keys)
    assert not any(country == "VEN" and vendor == "Huawei" for country, vendor, _ in keys)


def test_technology_per_vendor() -> None:
    text = "Acme built the command centre, while Bolt installed the cameras."
    parts = clauses(text, 0, len(text))
    assert len(parts) == 2
    bound = bind(
        parts,
        [(0, "Acme"), (text.index("Bolt"), "Bolt")],
        [(text.index("command"), "safe_city"), (text.index("cameras"), "video_surveillance")],
    )
    assert bound == {"Acme": ["safe_city"], "Bolt": ["video_surveillance"]}


def test_one_clause_keeps_the_cross_product() -> None:
    text = "Acme and Bolt installed cameras and a command centre."
    bound = bind(
        clauses(text, 0, len(text)),
        [(0, "Acme"), (9, "Bolt")],
        [(24, "video_surveillance"), (38, "safe_city")],
    )
    assert bound == {"Acme": ["video_surveillance", "safe_city"], "Bolt": ["video_surveillance", "safe_city"]}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "In 2021 the police of Peru installed cameras from Hikvision, with face-recognition software "
            "from CloudWalk, in Lima.",
            {
                ("PER", "Hikvision", "video_surveillance"),
                ("PER", "CloudWalk Technology", "facial_recognition"),
            },
        ),
        (
            "In 2021 Peru's police installed Hikvision cameras and CloudWalk face recognition software "
            "in Lima.",
            {
                ("PER", "Hikvision", "video_surveillance"),
                ("PER", "CloudWalk Technology", "facial_recognition"),
            },
        ),
        (
            "En 2021 la policía de Perú instaló cámaras de Hikvision y un software de reconocimiento facial "
            "de CloudWalk en Lima.",
            {
                ("PER", "Hikvision", "video_surveillance"),
                ("PER", "CloudWalk Technology", "facial_recognition"),
            },
        ),
        (
            "In 2021 Huawei supplied the cameras and ZTE built the command centre in Lima, Peru.",
            {("PER", "Huawei", "video_surveillance"), ("PER", "ZTE", "safe_city")},
        ),
        # "with equipment from Huawei" qualifies the whole delivery: no separation, every pair.
        (
            "In 2021 Safaricom delivered 900 cameras and a command centre with equipment from Huawei in "
            "Mombasa, Kenya.",
            {
                (c, v, t)
                for c in ["KEN"]
                for v in ("Safaricom", "Huawei")
                for t in ("video_surveillance", "safe_city")
            },
        ),
    ],
)
def test_words_next_to_a_vendor_give_it_its_own_technology(
    text: str, expected: set[tuple[str, str, str]], res: Resources
) -> None:
    assert _keys(text, res) == expected


def test_ties_separate_only_vendors_tied_to_different_technologies() -> None:
    tech_of = {"A": ["cameras", "centre"], "B": ["cameras", "centre"], "C": ["cameras", "centre"]}
    assert separate(tech_of, {"A": {"cameras"}}) == tech_of  # one tie: nothing told about the others
    assert separate(tech_of, {"A": {"cameras"}, "B": {"cameras"}}) == tech_of  # the same tie
    assert separate(tech_of, {"A": {"cameras"}, "B": {"centre"}}) == {
        "A": ["cameras"],
        "B": ["centre"],
        "C": tech_of["C"],
    }
