"""The review API: claims and proposals for reviewers, and decisions through Registry.decide."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oversight.api import create_app
from oversight.app import Registry
from oversight.store import audit
from tests.accounts.people import KAMPALA, LUSAKA, add_claims, add_people
from tests.api.conftest import API, TestClient, error_of


@pytest.fixture
def reviewer(fresh_registry: Registry) -> Iterator[tuple[TestClient, Registry]]:
    add_claims(fresh_registry)
    people = add_people(fresh_registry)
    with TestClient(create_app(fresh_registry)) as client:
        client.headers["Authorization"] = f"Bearer {people['reviewer'].token}"
        yield client, fresh_registry


def _by_vendor(client: TestClient, vendor: str) -> dict:  # type: ignore[type-arg]
    return next(p for p in client.get(f"{API}/proposals").json() if p["vendor"] == vendor)


def test_claims_carry_evidence_and_document(reviewer) -> None:  # type: ignore[no-untyped-def]
    client, _ = reviewer
    page = client.get(f"{API}/claims").json()
    assert page["total"] == 2 and [c["evidence"]["text"] for c in page["items"]] == [KAMPALA, LUSAKA]
    first = page["items"][0]
    assert first["document"]["url"] == "https://news.example.org/wire-1"
    assert first["evidence"]["start"] == len("Report 1. ")
    assert client.get(f"{API}/claims", params={"limit": 1, "offset": 1}).json()["items"][0]["vendor"] == "ZTE"
    assert error_of(client.get(f"{API}/claims", params={"limit": 0}))["field"] == "limit"


def test_proposals_list_and_detail(reviewer) -> None:  # type: ignore[no-untyped-def]
    client, _ = reviewer
    proposals = client.get(f"{API}/proposals").json()
    assert {(p["country"], p["vendor"], p["state"]) for p in proposals} == {
        ("UGA", "Huawei", "open"), ("ZMB", "ZTE", "open")}
    one = proposals[0]
    detail = client.get(f"{API}/proposals/{one['id'][:6]}").json()  # a unique prefix will do
    assert detail == one and detail["evidence"][0]["published"]
    missing = client.get(f"{API}/proposals/ffffffffff")
    assert missing.status_code == 404 and error_of(missing)["field"] == "id"


def test_accept_writes_the_deployment(reviewer) -> None:  # type: ignore[no-untyped-def]
    client, registry = reviewer
    proposal = _by_vendor(client, "ZTE")
    response = client.post(f"{API}/proposals/{proposal['id']}/decision",
                           json={"decision": "accept", "note": "Two outlets agree."})
    assert response.status_code == 200, response.text
    result = response.json()
    assert result == {"proposal": proposal["id"], "decision": "accepted", "deployment": "zmb-zte-safe_city"}
    deployment = client.get(f"{API}/deployments/zmb-zte-safe_city").json()
    assert deployment["country"] == "ZMB" and deployment["sources"][0]["url"].endswith("wire-2")
    assert [p["vendor"] for p in client.get(f"{API}/proposals").json()] == ["Huawei"]
    decided = client.get(f"{API}/proposals", params={"state": "accepted"}).json()
    assert decided[0]["decision"]["decided_by"] == "rita"
    again = client.post(f"{API}/proposals/{proposal['id']}/decision", json={"decision": "reject"})
    assert again.status_code == 409 and "already accepted by rita" in error_of(again)["message"]
    with registry.session() as session:
        assert {e["actor"] for e in audit.history(session, "deployment", "zmb-zte-safe_city")} == {"rita"}


def test_edit_and_reject(reviewer) -> None:  # type: ignore[no-untyped-def]
    client, _ = reviewer
    huawei, zte = _by_vendor(client, "Huawei"), _by_vendor(client, "ZTE")
    edited = client.post(f"{API}/proposals/{huawei['id']}/decision", json={
        "decision": "edit", "edits": {"status": "pilot", "city": "Entebbe"}}).json()
    deployment = client.get(f"{API}/deployments/{edited['deployment']}").json()
    assert (deployment["status"], deployment["city"]) == ("pilot", "Entebbe")
    rejected = client.post(f"{API}/proposals/{zte['id']}/decision",
                           json={"decision": "reject", "note": "Different project."}).json()
    assert rejected["deployment"] is None
    assert client.get(f"{API}/deployments/zmb-zte-safe_city").status_code == 404


@pytest.mark.parametrize(("body", "field"), [
    ({"decision": "approve"}, "decision"),
    ({"decision": "edit"}, "edits"),
    ({"decision": "edit", "edits": {"status": "rumoured"}}, "edits.status"),
    ({"decision": "edit", "edits": {"colour": "red"}}, "edits.colour"),
    ({"decision": "edit", "edits": {"source_url": "not a url"}}, "edits.sources[1].url"),
    ({"decision": "accept", "note": "x" * 2001}, "note"),
])
def test_bad_decisions_are_422(reviewer, body, field) -> None:  # type: ignore[no-untyped-def]
    client, _ = reviewer
    proposal = _by_vendor(client, "Huawei")
    response = client.post(f"{API}/proposals/{proposal['id']}/decision", json=body)
    assert response.status_code == 422, response.text
    assert error_of(response)["field"] == field
    assert _by_vendor(client, "Huawei")["state"] == "open"  # nothing was decided


def test_decisions_are_audited(reviewer) -> None:  # type: ignore[no-untyped-def]
    """Registry.decide's audit entries (store/audit.py) name the reviewer who signed in."""
    client, registry = reviewer
    proposal = _by_vendor(client, "ZTE")
    client.post(f"{API}/proposals/{proposal['id']}/decision", json={"decision": "accept"})
    with registry.session() as session:
        entry = audit.history(session, "proposal", proposal["id"])[-1]
        assert (entry["actor"], entry["action"]) == ("rita", "accept")
        assert audit.verify(session) == []
