"""Every write (and every reviewer read) checks who is asking: 401 without credentials, 403 for
a role too low or a cookie request without its CSRF token; bearer tokens work and revoked ones
do not."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from oversight.accounts import sessions, tokens, users
from oversight.api import create_app
from oversight.app import Registry
from tests.accounts.people import Person, add_claims, add_people
from tests.api.conftest import API, TestClient, error_of

CONTRIBUTION = {
    "country": "ZMB", "city": "Lusaka", "technologies": ["safe_city"], "status": "contracted",
    "suppliers": [{"organisation": "Huawei", "role": "supplier"}],
    "sources": [{"url": "https://news.example.org/lusaka-safe-city", "title": "Lusaka safe city deal"}],
}


@pytest.fixture
def setup(fresh_registry: Registry) -> Iterator[tuple[TestClient, dict[str, Person], Registry]]:
    add_claims(fresh_registry)
    people = add_people(fresh_registry)
    with TestClient(create_app(fresh_registry)) as client:
        yield client, people, fresh_registry


def _proposal_id(registry: Registry) -> str:
    return registry.proposals()[0]["id"]


def _contribution_id(registry: Registry) -> int:
    from oversight.review import contributions

    with registry.session() as session:
        return contributions.submit(session, CONTRIBUTION, "carol")["id"]


# (method, path maker, json body, role needed)
WRITES: list[tuple[str, Any, dict[str, Any], str]] = [
    ("POST", lambda r: f"{API}/proposals/{_proposal_id(r)}/decision", {"decision": "reject"}, "reviewer"),
    ("POST", lambda r: f"{API}/contributions", CONTRIBUTION, "contributor"),
    ("POST", lambda r: f"{API}/contributions/{_contribution_id(r)}/decision", {"decision": "reject"},
     "reviewer"),
]
REVIEWER_READS = [f"{API}/claims", f"{API}/proposals", f"{API}/contributions"]
IDS = ["proposal-decision", "contribute", "contribution-decision"]


@pytest.mark.parametrize(("method", "path", "body", "role"), WRITES, ids=IDS)
def test_missing_auth_is_401(setup, method, path, body, role) -> None:  # type: ignore[no-untyped-def]
    client, _, registry = setup
    response = client.request(method, path(registry), json=body)
    assert response.status_code == 401
    assert error_of(response)["field"] == "Authorization"
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize("path", REVIEWER_READS)
def test_reviewer_reads_need_auth_and_role(setup, path: str) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = setup
    assert client.get(path).status_code == 401
    contributor = people["contributor"].bearer
    forbidden = client.get(path, headers=contributor)
    assert forbidden.status_code == 403 and "reviewer role" in error_of(forbidden)["message"]
    reviewer = people["reviewer"].bearer
    assert client.get(path, headers=reviewer).status_code == 200


@pytest.mark.parametrize(("method", "path", "body", "role"),
                         [w for w in WRITES if w[3] == "reviewer"], ids=["proposal", "contribution"])
def test_wrong_role_is_403(setup, method, path, body, role) -> None:  # type: ignore[no-untyped-def]
    client, people, registry = setup
    response = client.request(method, path(registry), json=body, headers=people["contributor"].bearer)
    assert response.status_code == 403
    assert "needs the reviewer role" in error_of(response)["message"]


@pytest.mark.parametrize(("method", "path", "body", "role"), WRITES, ids=IDS)
def test_bearer_token_works(setup, method, path, body, role) -> None:  # type: ignore[no-untyped-def]
    client, people, registry = setup
    response = client.request(method, path(registry), json=body, headers=people[role].bearer)
    assert response.status_code in (200, 201), response.text


@pytest.mark.parametrize(("method", "path", "body", "role"), WRITES, ids=IDS)
def test_cookie_needs_csrf(setup, method, path, body, role) -> None:  # type: ignore[no-untyped-def]
    client, people, registry = setup
    person = people[role]
    client.cookies.set(sessions.COOKIE, person.cookie)
    url = path(registry)
    missing = client.request(method, url, json=body)
    assert missing.status_code == 403 and error_of(missing)["field"] == "csrf_token"
    wrong = client.request(method, url, json=body, headers={"X-CSRF-Token": "not-the-token"})
    assert wrong.status_code == 403
    other = client.request(method, url, json=body, headers={"X-CSRF-Token": people["admin"].csrf})
    assert other.status_code == 403  # another session's token is no good either
    right = client.request(method, url, json=body, headers={"X-CSRF-Token": person.csrf})
    assert right.status_code in (200, 201), right.text


def test_csrf_form_field_is_read_and_body_kept(setup) -> None:  # type: ignore[no-untyped-def]
    """A form post carries the token as a field; the route still reads the whole form after."""
    client, people, registry = setup
    client.cookies.set(sessions.COOKIE, people["contributor"].cookie)
    form = {"csrf_token": people["contributor"].csrf, "country": "ZMB", "technologies": "safe_city",
            "status": "planned", "source_url": "https://news.example.org/form"}
    response = client.post("/contribute", data=form, follow_redirects=False)
    assert response.status_code == 303, response.text
    assert client.post("/contribute", data={**form, "csrf_token": "x"}).status_code == 403


def test_reads_stay_open(setup) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = setup
    assert client.get(f"{API}/deployments").status_code == 200
    client.cookies.set(sessions.COOKIE, people["reviewer"].cookie)
    assert client.get(f"{API}/deployments").status_code == 200  # GET needs no CSRF token


def test_revoked_token_is_401(setup) -> None:  # type: ignore[no-untyped-def]
    client, people, registry = setup
    headers = people["reviewer"].bearer
    assert client.get(f"{API}/me", headers=headers).json() == {"name": "rita", "role": "reviewer",
                                                                "via": "token"}
    with registry.session() as session:
        token_id = tokens.list_tokens(session, "rita")[0]["id"]
        tokens.revoke_token(session, token_id, actor="adam")
    response = client.get(f"{API}/me", headers=headers)
    assert response.status_code == 401 and "revoked" in error_of(response)["message"]
    assert client.post(f"{API}/contributions", json=CONTRIBUTION, headers=headers).status_code == 401


@pytest.mark.parametrize("header", ["Basic cml0YTpwdw==", "Bearer", "Bearer ovt_made_up_token", "Token x"])
def test_bad_authorization_is_401(setup, header: str) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = setup
    response = client.get(f"{API}/me", headers={"Authorization": header})
    assert response.status_code == 401 and error_of(response)["field"] == "Authorization"


def test_removed_or_disabled_users_lose_access(setup) -> None:  # type: ignore[no-untyped-def]
    client, people, registry = setup
    with registry.session() as session:
        users.get_user(session, "carol").disabled = True
        users.remove_user(session, "rita", actor="adam")
    for person in (people["contributor"], people["reviewer"]):
        response = client.get(f"{API}/me", headers=person.bearer)
        assert response.status_code == 401
    client.cookies.set(sessions.COOKIE, people["contributor"].cookie)
    assert client.get(f"{API}/me").status_code == 401  # the session no longer signs in


def test_me_anonymous_and_by_cookie(setup) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = setup
    assert client.get(f"{API}/me").status_code == 401
    client.cookies.set(sessions.COOKIE, people["admin"].cookie)
    assert client.get(f"{API}/me").json() == {"name": "adam", "role": "admin", "via": "cookie"}


def test_openapi_documents_auth_errors(setup) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = setup
    schema = client.get(f"{API}/openapi.json").json()
    decision = schema["paths"][f"{API}/proposals/{{id}}/decision"]["post"]
    assert {"401", "403", "422"} <= set(decision["responses"])
    assert "examples" in str(schema["paths"][f"{API}/contributions"]["post"])
