"""The response cache: anonymous reads are kept until the registry changes; nothing else is."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest

from oversight.api import create_app
from oversight.api.cache import Entry, ResponseCache
from oversight.app import Registry
from oversight.store import queries
from tests.accounts.people import add_people
from tests.api.conftest import API, TestClient

NEW_KENYAN_DEPLOYMENT = {
    "id": "ken-kisumu-cctv-2031", "country": "KEN", "city": "Kisumu", "status": "planned",
    "technologies": ["video_surveillance"], "started": "2031",
    "sources": [{"url": "https://news.example.org/kisumu", "publisher": "Example News",
                 "supports": ["country"]}],
}


@pytest.fixture
def client(fresh_registry: Registry) -> Iterator[TestClient]:
    with TestClient(create_app(fresh_registry)) as client:
        yield client


def test_a_kept_answer_is_served_without_the_queries(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    first = client.get(f"{API}/countries/KEN")
    monkeypatch.setattr(queries, "country", lambda *a, **k: pytest.fail("not served from the cache"))
    second = client.get(f"{API}/countries/KEN")
    assert second.status_code == 200 and second.json() == first.json()


def test_a_change_to_the_registry_shows_at_once(client, fresh_registry, tmp_path) -> None:  # type: ignore[no-untyped-def]
    assert "ken-kisumu-cctv-2031" not in client.get("/countries/KEN").text
    (tmp_path / "new.json").write_text(json.dumps({"deployments": [NEW_KENYAN_DEPLOYMENT]}))
    fresh_registry.load([tmp_path / "new.json"])
    assert "ken-kisumu-cctv-2031" in client.get("/countries/KEN").text


def test_signed_in_requests_are_never_served_from_the_cache(client, fresh_registry, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    reviewer = add_people(fresh_registry)["reviewer"]
    # a deployment's answer is kept by the response cache only (no derived figure holds it)
    client.get(f"{API}/deployments/ken-nairobi-safe-city")
    calls = []
    real = queries.deployment
    monkeypatch.setattr(queries, "deployment", lambda *a, **k: calls.append(1) or real(*a, **k))
    headers = {"Authorization": f"Bearer {reviewer.token}"}
    assert client.get(f"{API}/deployments/ken-nairobi-safe-city", headers=headers).status_code == 200
    assert calls == [1]


def test_errors_are_not_kept(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    assert client.get(f"{API}/countries/XXX").status_code == 404
    calls = []
    real = queries.country
    monkeypatch.setattr(queries, "country", lambda *a, **k: calls.append(1) or real(*a, **k))
    assert client.get(f"{API}/countries/XXX").status_code == 404 and calls == [1]


def test_the_cache_is_bounded_and_drops_the_least_recently_used() -> None:
    cache = ResponseCache(max_bytes=10)
    start = {"type": "http.response.start", "status": 200, "headers": []}
    cache.put(("a",), Entry(1, start, b"12345"))
    cache.put(("b",), Entry(1, start, b"12345"))
    assert cache.get(("a",), 1) is not None  # now "b" is the least recently used
    cache.put(("c",), Entry(1, start, b"123"))
    assert cache.get(("b",), 1) is None and cache.get(("a",), 1) and cache.get(("c",), 1)
    assert cache.size <= 10 and cache.get(("a",), 2) is None  # another version is a miss
