"""The response cache: anonymous reads are kept until the registry changes; nothing else is."""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterator

import anyio
import pytest
from sqlalchemy import create_engine

from oversight.accounts.sessions import COOKIE
from oversight.api import create_app
from oversight.api.cache import Entry, ResponseCache, VersionWatch
from oversight.api.guards import SECURITY_HEADERS
from oversight.app import Registry
from oversight.store import queries
from oversight.store.changes import change_probe
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


def test_a_signed_in_reader_never_gets_the_kept_anonymous_page(client, fresh_registry) -> None:  # type: ignore[no-untyped-def]
    rita = add_people(fresh_registry)["reviewer"]
    anonymous = client.get("/countries/KEN")
    assert "Sign out" not in anonymous.text
    client.cookies.set(COOKIE, rita.cookie)
    assert "Sign out rita" in client.get("/countries/KEN").text


def test_a_kept_answer_is_served_without_reading_the_registry_version(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Reading the version takes several queries; SQLite's commit counter says when it may have moved."""
    client.get(f"{API}/countries/KEN")
    monkeypatch.setattr(queries, "registry_version", lambda *a: pytest.fail("version read on a hit"))
    assert client.get(f"{API}/countries/KEN").status_code == 200


def test_a_change_by_another_process_shows_at_once(client, fresh_registry, tmp_path) -> None:  # type: ignore[no-untyped-def]
    """The CLI loading into the same database file: a connection the server never saw."""
    assert "ken-kisumu-cctv-2031" not in client.get("/countries/KEN").text
    (tmp_path / "new.json").write_text(json.dumps({"deployments": [NEW_KENYAN_DEPLOYMENT]}))
    elsewhere = Registry(str(fresh_registry.engine.url), migrate=False)
    elsewhere.load([tmp_path / "new.json"])
    elsewhere.engine.dispose()
    assert "ken-kisumu-cctv-2031" in client.get("/countries/KEN").text


def raw_get(client: TestClient, path: str, encoding: str) -> tuple[dict[str, str], bytes]:
    """Headers and body bytes as sent, not decoded by the client."""
    with client.stream("GET", path, headers={"Accept-Encoding": encoding}) as response:
        assert response.status_code == 200
        return dict(response.headers), b"".join(response.iter_raw())


def test_a_kept_gzip_answer_decompresses_to_the_plain_one(client) -> None:  # type: ignore[no-untyped-def]
    raw_get(client, "/countries/KEN", "gzip")  # kept compressed
    headers, compressed = raw_get(client, "/countries/KEN", "gzip")
    plain_headers, plain = raw_get(client, "/countries/KEN", "identity")
    assert headers["content-encoding"] == "gzip" and "content-encoding" not in plain_headers
    assert int(headers["content-length"]) == len(compressed) < len(plain) // 2
    assert gzip.decompress(compressed) == plain
    assert headers["vary"] == plain_headers["vary"] == "Accept-Encoding"
    assert headers["etag"] != plain_headers["etag"]  # two representations, two tags


def test_a_kept_answer_keeps_the_security_headers(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get("/countries/KEN")
    again = client.get("/countries/KEN")
    for name, value in SECURITY_HEADERS.items():
        assert first.headers[name] == again.headers[name] == value
    assert "strict-transport-security" not in again.headers  # plain http: no HSTS


def test_a_matching_etag_gets_304_without_the_body(client) -> None:  # type: ignore[no-untyped-def]
    first = client.get(f"{API}/deployments?country=KEN")
    tag = first.headers["etag"]
    assert client.get(f"{API}/deployments?country=KEN").headers["etag"] == tag  # the hit: same tag
    not_modified = client.get(f"{API}/deployments?country=KEN", headers={"If-None-Match": f'"x", {tag}'})
    assert not_modified.status_code == 304 and not_modified.content == b""
    assert not_modified.headers["etag"] == tag and "content-type" not in not_modified.headers
    assert not_modified.headers["x-content-type-options"] == "nosniff"
    other = client.get(f"{API}/deployments?country=KEN", headers={"If-None-Match": '"not-this-one"'})
    assert other.status_code == 200 and other.json() == first.json()


def test_an_old_etag_gets_the_changed_answer(client, fresh_registry, tmp_path) -> None:  # type: ignore[no-untyped-def]
    tag = client.get("/countries/KEN").headers["etag"]
    (tmp_path / "new.json").write_text(json.dumps({"deployments": [NEW_KENYAN_DEPLOYMENT]}))
    fresh_registry.load([tmp_path / "new.json"])
    changed = client.get("/countries/KEN", headers={"If-None-Match": tag})
    assert changed.status_code == 200 and "ken-kisumu-cctv-2031" in changed.text
    assert changed.headers["etag"] != tag


def test_head_is_answered_from_the_kept_get(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    got = client.get(f"{API}/countries/KEN")
    monkeypatch.setattr(queries, "country", lambda *a, **k: pytest.fail("not served from the cache"))
    head = client.head(f"{API}/countries/KEN")
    assert head.status_code == 200 and head.content == b""
    assert head.headers["etag"] == got.headers["etag"]
    assert head.headers["content-length"] == got.headers["content-length"]


def test_only_a_database_other_connections_can_see_has_a_change_probe(tmp_path) -> None:
    assert change_probe(create_engine("sqlite:///:memory:")) is None
    assert change_probe(create_engine("postgresql+psycopg://u@localhost/db")) is None
    probe = change_probe(create_engine(f"sqlite:///{tmp_path / 'r.db'}"))
    assert probe is not None and probe() == probe()


def test_a_probe_that_cannot_read_the_counter_says_the_registry_may_have_changed(tmp_path) -> None:
    path = tmp_path / "r.db"
    probe = change_probe(create_engine(f"sqlite:///{path}"))
    assert probe is not None
    path.write_bytes(b"not a database, " * 512)
    assert probe() != probe()


def test_requests_arriving_together_after_a_change_read_the_version_once() -> None:
    reads: list[int] = []
    mark = [1]

    def version() -> int:
        reads.append(mark[0])
        return mark[0]

    watch = VersionWatch(version, probe=lambda: mark[0])

    async def twenty_requests() -> list[object]:
        seen: list[object] = []

        async def one() -> None:
            seen.append(await watch.current())

        async with anyio.create_task_group() as group:
            for _ in range(20):
                group.start_soon(one)
        return seen

    assert anyio.run(twenty_requests) == [1] * 20 and reads == [1]
    mark[0] = 2  # a commit somewhere
    assert anyio.run(twenty_requests) == [2] * 20 and reads == [1, 2]
