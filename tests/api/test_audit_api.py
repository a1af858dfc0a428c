"""GET /deployments/{id} carries the deployment's audit history; DELETE /deployments/{id} is for
admins only and leaves the deleted record in the audit log."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oversight.api import create_app
from oversight.app import Registry
from tests.accounts.people import Person, add_people
from tests.api.conftest import API, TestClient, error_of

NAIROBI = "ken-nairobi-safe-city"


@pytest.fixture
def setup(fresh_registry: Registry) -> Iterator[tuple[TestClient, dict[str, Person], Registry]]:
    people = add_people(fresh_registry)
    with TestClient(create_app(fresh_registry)) as client:
        yield client, people, fresh_registry


def _bearer(person: Person) -> dict[str, str]:
    return {"Authorization": f"Bearer {person.token}"}


def test_deployment_detail_has_its_history(client: TestClient) -> None:
    response = client.get(f"{API}/deployments/{NAIROBI}")
    assert response.status_code == 200
    (entry,) = response.json()["history"]
    assert set(entry) == {"seq", "at", "actor", "action", "before", "after", "note"}
    assert entry["action"] == "create" and entry["before"] is None
    assert entry["after"]["id"] == NAIROBI and entry["note"].startswith("load ")


def test_history_is_in_the_openapi_schema(client: TestClient) -> None:
    schemas = client.get(f"{API}/openapi.json").json()["components"]["schemas"]
    assert "history" in schemas["DeploymentDetail"]["properties"]
    assert "delete" in schemas["AuditAction"]["enum"]


def test_admin_deletes_and_the_log_keeps_the_record(setup) -> None:  # type: ignore[no-untyped-def]
    client, people, registry = setup
    response = client.delete(f"{API}/deployments/{NAIROBI}", params={"note": "duplicate"},
                             headers=_bearer(people["admin"]))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["deleted"] == NAIROBI
    assert (body["entry"]["action"], body["entry"]["actor"], body["entry"]["note"]) == (
        "delete", "adam", "duplicate")
    assert body["entry"]["before"]["id"] == NAIROBI and body["entry"]["after"] is None
    assert client.get(f"{API}/deployments/{NAIROBI}").status_code == 404
    assert [e["action"] for e in registry.history("deployment", NAIROBI)] == ["create", "delete"]
    assert registry.audit_verify() == []


@pytest.mark.parametrize("role", ["contributor", "reviewer"])
def test_delete_needs_the_admin_role(setup, role: str) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = setup
    response = client.delete(f"{API}/deployments/{NAIROBI}", headers=_bearer(people[role]))
    assert response.status_code == 403
    assert "admin" in error_of(response)["message"]
    assert client.get(f"{API}/deployments/{NAIROBI}").status_code == 200


def test_delete_without_credentials_is_401(setup) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = setup
    response = client.delete(f"{API}/deployments/{NAIROBI}")
    assert response.status_code == 401
    assert error_of(response)["field"] == "Authorization"


def test_deleting_a_missing_deployment_is_404(setup) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = setup
    response = client.delete(f"{API}/deployments/no-such-id", headers=_bearer(people["admin"]))
    assert response.status_code == 404
    assert "no-such-id" in error_of(response)["message"]
