"""Defects a hostile or careless client finds (issue 14), each pinned by the request that found it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oversight.accounts.sessions import COOKIE
from oversight.accounts.throttle import ACCOUNT_LIMIT, ADDRESS_LIMIT
from oversight.api import create_app
from oversight.app import Registry
from oversight.store import audit
from tests.accounts.people import Person, add_people
from tests.api.conftest import API, TestClient, error_of
from tests.api.test_contributions import MOMBASA

PAGES_AND_JSON = ["/", "/countries", "/countries/KEN", "/deployments", f"{API}/deployments",
                  f"{API}/stats", "/static/style.css", "/no-such-page", f"{API}/no-such-route"]


@pytest.mark.parametrize("path", PAGES_AND_JSON)
def test_every_response_carries_the_security_headers(client, path: str) -> None:
    headers = client.get(path).headers
    policy = headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "unsafe-inline" not in policy
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["x-frame-options"] == "DENY"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert headers["cross-origin-opener-policy"] == "same-origin"
    assert "camera=()" in headers["permissions-policy"]
    assert "strict-transport-security" not in headers  # plain http: HSTS would mean nothing


def test_hsts_only_over_https(client) -> None:
    assert "max-age=" in client.get("https://testserver/countries").headers["strict-transport-security"]


@pytest.mark.parametrize("path", ["/", "/countries/KEN", "/vendors/Huawei"])
def test_pages_need_no_inline_style_or_script(client, path: str) -> None:
    """The policy forbids inline styles: the colour keys of the map and charts are SVG."""
    html = client.get(path).text
    assert "style=" not in html
    assert "<script>" not in html and " on" + "click=" not in html


@pytest.mark.parametrize("path", [f"{API}/deployments?cachebuster=1", f"{API}/stats?x=", "/countries?x=1",
                                  "/?utm_source=mail", "/countries/KEN?nonce=7", f"{API}/countries/KEN?a=b",
                                  "/deployments?sort=id&junk=1"])
def test_unknown_query_parameters_are_refused(client, path: str) -> None:
    """An ignored parameter would make a fresh cache key for the same answer: refused instead."""
    response = client.get(path)
    assert response.status_code == 422
    if path.startswith(API):
        assert "unknown query parameter" in error_of(response)["message"]
    else:
        assert "unknown query parameter" in response.text


@pytest.mark.parametrize("path", [f"{API}/deployments?country=KEN&limit=5&offset=0&sort=-year",
                                  "/?technology=safe_city", "/search?q=huawei",
                                  "/deployments?status=operational&sort=year&page=1",
                                  "/countries/KEN?sort=id&status=operational", "/login?next=/review"])
def test_declared_query_parameters_still_work(client, path: str) -> None:
    assert client.get(path).status_code == 200


def test_a_forged_host_header_cannot_poison_the_cache(client) -> None:
    """After a change, the first reader's Host made the `next` link every later reader got."""
    path = f"{API}/deployments?limit=1"
    poisoned = client.get(path, headers={"Host": "attacker.example"}).json()["next"]
    assert poisoned == f"{API}/deployments?limit=1&offset=1"
    honest = client.get(path)
    assert "attacker.example" not in honest.text
    assert honest.json()["next"].startswith(f"{API}/deployments?")


@pytest.fixture(scope="module")
def people(registry: Registry) -> dict[str, Person]:
    return add_people(registry)


HUGE = 2**63  # one past SQLite's and PostgreSQL's largest integer


@pytest.mark.parametrize("path", [f"{API}/deployments?offset={HUGE}", f"{API}/deployments?offset={2**31}",
                                  f"{API}/claims?offset={HUGE}", f"{API}/contributions/{HUGE}",
                                  f"{API}/contributions/0"])
def test_out_of_range_integers_are_a_422_not_a_500(client, people, path: str) -> None:
    response = client.get(path, headers=people["admin"].bearer)
    assert response.status_code == 422
    assert error_of(response)["field"] in ("offset", "id")


def test_out_of_range_contribution_decision_is_a_422(client, people) -> None:
    response = client.post(f"{API}/contributions/{HUGE}/decision", json={"decision": "reject"},
                           headers=people["admin"].bearer)
    assert response.status_code == 422 and error_of(response)["field"] == "id"


def test_out_of_range_contribution_page_is_a_422_page(client, people) -> None:
    client.cookies.set(COOKIE, people["reviewer"].cookie)
    try:
        response = client.get(f"/review/contributions/{HUGE}")
    finally:
        client.cookies.clear()
    assert response.status_code == 422 and "contribution_id" in response.text


@pytest.fixture
def site(fresh_registry: Registry) -> Iterator[tuple[TestClient, dict[str, Person], Registry]]:
    """An app of its own: the sign-in throttle counts per app."""
    people = add_people(fresh_registry)
    with TestClient(create_app(fresh_registry)) as client:
        yield client, people, fresh_registry


def _throttled(registry: Registry) -> list[dict]:
    with registry.session() as session:
        return [e for e in audit.entries(session) if e["action"] == "signin_throttled"]


def test_wrong_passwords_lock_the_account_even_for_the_right_one(site) -> None:
    client, people, registry = site
    rita = people["reviewer"]
    for _ in range(ACCOUNT_LIMIT):
        assert client.post("/login", data={"name": rita.name, "password": "guess-guess-1"}).status_code == 401
    refused = client.post("/login", data={"name": rita.name, "password": rita.password},
                          follow_redirects=False)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert "Too many failed sign-ins" in refused.text
    carol = people["contributor"]  # another account from the same address still signs in
    assert client.post("/login", data={"name": carol.name, "password": carol.password},
                       follow_redirects=False).status_code == 303
    (entry,) = _throttled(registry)
    assert entry["entity"] == "account" and entry["entity_id"] == rita.name


def test_unknown_tokens_lock_the_client_address(site) -> None:
    client, people, registry = site
    for n in range(ADDRESS_LIMIT):
        assert client.get(f"{API}/me", headers={"Authorization": f"Bearer wrong-{n}"}).status_code == 401
    refused = client.get(f"{API}/me", headers=people["reviewer"].bearer)
    assert refused.status_code == 429 and int(refused.headers["retry-after"]) > 0
    assert error_of(refused)["field"] == "Authorization"
    assert client.post("/login", data={"name": "someone", "password": "anything-1"}).status_code == 429
    assert [e["entity"] for e in _throttled(registry)] == ["address"]


def test_the_review_notice_never_echoes_the_query_string(site) -> None:
    """The notice after a decision used to print any text sent as ?decided=..."""
    client, people, _ = site
    made = client.post(f"{API}/contributions", json=MOMBASA, headers=people["contributor"].bearer).json()
    decided = client.post(f"{API}/contributions/{made['id']}/decision", json={"decision": "accept"},
                          headers=people["reviewer"].bearer).json()
    client.cookies.set(COOKIE, people["reviewer"].cookie)
    try:
        honest = client.get(f"/review?contribution={made['id']}&decision=accepted"
                            f"&deployment={decided['deployment_id']}").text
        forged = [client.get(path) for path in (
            "/review?proposal=Your+account+is+suspended&decision=rejected",
            f"/review?contribution={made['id']}&decision=approved+by+the+minister",
            f"/review?contribution={made['id']}&decision=accepted&deployment=call-555-0100",
            "/review?contribution=424242&decision=accepted",
        )]
        old_style = client.get("/review?decided=Call+555-0100&decision=accepted")
    finally:
        client.cookies.clear()
    assert f"Contribution {made['id']} was accepted as deployment {decided['deployment_id']}." in honest
    for response in forged:
        assert response.status_code == 200 and 'class="notice"' not in response.text
    assert old_style.status_code == 422 and "555-0100" not in old_style.text
