"""Search reads what people type into filters: names in several languages, any alias, typos."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from oversight.app import Registry
from oversight.store.search import search, understand

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    registry = Registry(f"sqlite:///{tmp_path_factory.mktemp('search') / 'registry.db'}")
    registry.load([FIXTURES])
    yield registry
    registry.engine.dispose()


@pytest.mark.parametrize(("q", "expected"), [
    ("safe city kenya", {"country": ["KEN"], "technology": ["safe_city"]}),
    ("Kenia ciudad segura", {"country": ["KEN"], "technology": ["safe_city"]}),
    ("vidéosurveillance Ouganda", {"country": ["UGA"], "technology": ["video_surveillance"]}),
    ("facial recogniton", {"technology": ["facial_recognition"]}),
    ("hikvsion", {"vendor": ["Hikvision"]}),
    ("海康威视", {"vendor": ["Hikvision"]}),
    ("operational cameras in Nairobi", {"status": ["operational"], "technology": ["video_surveillance"],
                                        "words": ["Nairobi"]}),
    ("kenya police", {"country": ["KEN"], "words": ["police"]}),
])
def test_queries_are_read_as_filters(registry: Registry, q: str, expected: dict) -> None:
    with registry.session() as session:
        understood = understand(session, q).as_dict()
    assert {k: v for k, v in understood.items() if v and k != "corrected"} == expected


def test_short_words_are_not_corrected_into_names(registry: Registry) -> None:
    with registry.session() as session:
        understood = understand(session, "nec kenyx")
    assert understood.vendor == ["NEC"] and understood.words == ["kenyx"] and not understood.corrected


def test_search_finds_deployments_by_filters_and_pages_them(registry: Registry) -> None:
    with registry.session() as session:
        everything = search(session, "safe city kenya", limit=50)
        first = search(session, "safe city kenya", limit=1)
        second = search(session, "safe city kenya", limit=1, offset=1)
    assert everything["total"] >= 1
    assert all(d["country"] == "KEN" and "safe_city" in d["technologies"] for d in everything["deployments"])
    if everything["total"] > 1:
        assert first["deployments"][0]["id"] != second["deployments"][0]["id"]


def test_typo_finds_the_organisation_and_its_deployments(registry: Registry) -> None:
    with registry.session() as session:
        found = search(session, "hikvsion", limit=50)
    assert [o["name"] for o in found["organisations"]] == ["Hikvision"]
    assert found["total"] >= 1 and found["understood"]["corrected"] == {"hikvsion": "hikvision"}
