"""POST /screen: DESIGN.md's screening contract, limits, and the cached index."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from oversight.api import create_app
from oversight.app import Registry
from oversight.screening import MATCHER_VERSION, build_index, screen_all
from oversight.store import queries
from tests.api.conftest import API, FIXTURES, TestClient, error_of
from tests.api.test_sources import add_listing


@pytest.fixture(scope="module", name="registry")
def listed_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    """The API fixtures plus one listing: screening refuses a registry with no list entries."""
    yield from registry_with_a_listing(tmp_path_factory.mktemp("screen"))


def registry_with_a_listing(folder: Path) -> Iterator[Registry]:
    registry = Registry(f"sqlite:///{folder / 'registry.db'}")
    registry.load([FIXTURES])
    add_listing(registry, folder)
    yield registry
    registry.engine.dispose()


NAMES = ["Hangzhou Hikvision Digital Technology Co., Ltd.", "华为", "Ezviz", "Acme Widgets"]


def test_results_follow_the_contract(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post(f"{API}/screen", json={"names": NAMES})
    assert response.status_code == 200
    body = response.json()
    assert [r["query"] for r in body] == NAMES
    assert [r["match"]["entity"] if r["match"] else None for r in body] == [
        "Hikvision", "Huawei", "Ezviz", None]
    first = body[0]
    assert set(first) == {"query", "match", "near_misses", "matcher", "list_versions",
                          "as_of"}
    assert set(first["match"]) == {"entity", "score", "lists", "explanation", "matched_name",
                                   "matched_field"}
    assert first["matcher"] == MATCHER_VERSION and "legal name" in first["match"]["explanation"]


def test_same_results_as_the_library(client, registry) -> None:  # type: ignore[no-untyped-def]
    with registry.session() as session:
        index = build_index(queries.screening_entities(session), queries.list_versions(session))
    expected = screen_all(index, NAMES, threshold=0.9)
    assert client.post(f"{API}/screen", json={"names": NAMES, "threshold": 0.9}).json() == expected


@pytest.mark.parametrize(("body", "field"), [
    ({"names": []}, "names"),
    ({"names": ["x"] * 1001}, "names"),
    ({}, "names"),
    ({"names": "Huawei"}, "names"),
    ({"names": ["Huawei", 7]}, "names.1"),
    ({"names": ["Huawei"], "threshold": 0}, "threshold"),
    ({"names": ["Huawei"], "threshold": 1.5}, "threshold"),
    ({"names": ["Huawei"], "threshold": "high"}, "threshold"),
    ({"names": ["Huawei"], "limit": 3}, "limit"),
])
def test_bad_bodies_are_422_with_the_field(client, body: dict, field: str) -> None:  # type: ignore[no-untyped-def]
    response = client.post(f"{API}/screen", json=body)
    assert response.status_code == 422
    assert error_of(response)["field"] == field


def test_a_thousand_names_are_accepted(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post(f"{API}/screen", json={"names": [f"Vendor {i}" for i in range(1000)]})
    assert response.status_code == 200 and len(response.json()) == 1000


def test_malformed_json_is_422(client) -> None:  # type: ignore[no-untyped-def]
    response = client.post(f"{API}/screen", content=b'{"names": [',
                           headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert error_of(response)["field"] == "body"


def test_body_over_one_megabyte_is_413(client) -> None:  # type: ignore[no-untyped-def]
    names = ["N" * 1000] * 1100  # about 1.1 MB, and under the name count limit
    response = client.post(f"{API}/screen", json={"names": names})
    assert response.status_code == 413
    assert error_of(response)["field"] == "body"


def test_streamed_body_over_the_limit_is_413(client) -> None:  # type: ignore[no-untyped-def]
    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"names": ["'
        for _ in range(200):
            yield b"N" * 10_000
        yield b'"]}'

    response = client.post(f"{API}/screen", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in {k.lower() for k in response.request.headers}
    assert response.status_code == 413
    error_of(response)


def test_index_is_built_once_and_rebuilt_when_the_registry_changes(  # type: ignore[no-untyped-def]
        fresh_registry, tmp_path: Path) -> None:
    app = create_app(fresh_registry)
    client = TestClient(app)
    cache = app.state.screening_index
    assert client.post(f"{API}/screen", json={"names": ["Ezviz"]}).status_code == 503
    assert cache.builds == 0
    add_listing(fresh_registry, tmp_path)
    after = client.post(f"{API}/screen", json={"names": ["Ezviz"]}).json()
    client.post(f"{API}/screen", json={"names": ["Hikvision"]})
    assert cache.builds == 1
    # The listing of the parent reaches the subsidiary.
    assert [(hit["list"], hit["via"]) for hit in after[0]["match"]["lists"]] == [
        ("us_entity_list", "Hikvision")]


def test_index_is_rebuilt_when_a_listing_is_edited_in_place(  # type: ignore[no-untyped-def]
        fresh_registry, tmp_path: Path) -> None:
    add_listing(fresh_registry, tmp_path)
    app = create_app(fresh_registry)
    client = TestClient(app)
    [before] = client.post(f"{API}/screen", json={"names": ["Hikvision"]}).json()
    assert before["match"]["lists"][0]["citation"].startswith("84 FR 54002")
    path = tmp_path / "listings.yaml"
    path.write_text(path.read_text("utf-8").replace("84 FR 54002", "84 FR 99999"), encoding="utf-8")
    fresh_registry.load([path])
    [after] = client.post(f"{API}/screen", json={"names": ["Hikvision"]}).json()
    assert after["match"]["lists"][0]["citation"].startswith("84 FR 99999")
    assert app.state.screening_index.builds == 2


def test_every_answer_states_the_list_versions(client) -> None:  # type: ignore[no-untyped-def]
    body = client.post(f"{API}/screen", json={"names": ["Acme Widgets"]}).json()
    [result] = body
    assert result["match"] is None
    assert result["list_versions"] and all(
        v["list"] and v["entries"] > 0 for v in result["list_versions"])


def test_a_registry_without_listings_answers_503(tmp_path: Path) -> None:
    with TestClient(create_app(Registry(f"sqlite:///{tmp_path / 'empty.db'}"))) as empty:
        response = empty.post(f"{API}/screen", json={"names": ["Hikvision"]})
    assert response.status_code == 503
    assert "no restriction-list entries" in response.json()["error"]["message"]
