"""Clause binding: each vendor keeps its own countries and technologies."""

from __future__ import annotations

from oversight.extract import extract_document
from oversight.extract.bind import bind, clauses
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
