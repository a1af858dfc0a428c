"""Contributions through the API: validated by the registry's record model (errors name the
field), pending until a reviewer accepts, edits or rejects, and audited."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oversight.api import create_app
from oversight.app import Registry
from oversight.store import audit
from tests.accounts.people import Person, add_people
from tests.api.conftest import API, TestClient, error_of

# A made-up deployment with an example.org source.
MOMBASA = {
    "country": "KEN", "city": "Mombasa", "buyer": "County Government of Mombasa",
    "suppliers": [{"organisation": "Huawei", "role": "supplier"},
                  {"organisation": "Coast Integrators Ltd", "role": "integrator"}],
    "technologies": ["video_surveillance", "facial_recognition"], "status": "contracted",
    "announced": "2021-03", "description": "A county camera network with face matching.",
    "sources": [{"url": "https://news.example.org/2021/mombasa-cameras", "title": "Mombasa signs camera deal",
                 "publisher": "Example News", "published": "2021-03-04"}],
}


@pytest.fixture
def clients(fresh_registry: Registry) -> Iterator[tuple[TestClient, dict[str, Person], Registry]]:
    people = add_people(fresh_registry)
    with TestClient(create_app(fresh_registry)) as client:
        yield client, people, fresh_registry


def test_submit_then_accept(clients) -> None:  # type: ignore[no-untyped-def]
    client, people, registry = clients
    submitted = client.post(f"{API}/contributions", json=MOMBASA, headers=people["contributor"].bearer)
    assert submitted.status_code == 201, submitted.text
    body = submitted.json()
    assert body["state"] == "pending" and body["submitted_by"] == "carol"
    assert body["payload"]["technologies"] == ["facial_recognition", "video_surveillance"]
    reviewer = people["reviewer"].bearer
    assert [c["id"] for c in client.get(f"{API}/contributions", headers=reviewer).json()] == [body["id"]]
    decided = client.post(f"{API}/contributions/{body['id']}/decision", json={"decision": "accept"},
                          headers=reviewer).json()
    assert decided["state"] == "accepted" and decided["decided_by"] == "rita"
    deployment = client.get(f"{API}/deployments/{decided['deployment_id']}").json()
    assert deployment["city"] == "Mombasa" and deployment["review_state"] == "accepted"
    assert {s["name"] for s in deployment["suppliers"]} == {"Huawei", "Coast Integrators Ltd"}
    assert deployment["sources"][0]["url"] == MOMBASA["sources"][0]["url"]
    assert client.get(f"{API}/contributions", headers=reviewer).json() == []
    again = client.post(f"{API}/contributions/{body['id']}/decision", json={"decision": "reject"},
                        headers=reviewer)
    assert again.status_code == 409 and error_of(again)["field"] == "decision"
    with registry.session() as session:
        log = audit.history(session, "contribution", str(body["id"]))
        assert [(e["actor"], e["action"]) for e in log] == [("carol", "contribute"), ("rita", "accept")]
        written = audit.history(session, "deployment", decided["deployment_id"])
        assert {e["actor"] for e in written} == {"rita"}


def test_same_id_gets_a_suffix_not_an_overwrite(clients) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = clients
    ids = []
    for _ in range(2):
        made = client.post(f"{API}/contributions", json=MOMBASA, headers=people["contributor"].bearer).json()
        ids.append(client.post(f"{API}/contributions/{made['id']}/decision", json={"decision": "accept"},
                               headers=people["reviewer"].bearer).json()["deployment_id"])
    assert ids[0] == "ken-mombasa-huawei-facial_recognition" and ids[1] == f"{ids[0]}-c2"


def test_edit_and_reject(clients) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = clients
    first = client.post(f"{API}/contributions", json=MOMBASA, headers=people["contributor"].bearer).json()
    second = client.post(f"{API}/contributions", json=MOMBASA, headers=people["contributor"].bearer).json()
    reviewer = people["reviewer"].bearer
    edit = {"decision": "edit", "edits": {"status": "operational", "started": "2022"}, "note": "Running now."}
    edited = client.post(f"{API}/contributions/{first['id']}/decision", headers=reviewer, json=edit).json()
    assert edited["edited_payload"]["status"] == "operational" and edited["payload"]["status"] == "contracted"
    deployment = client.get(f"{API}/deployments/{edited['deployment_id']}").json()
    assert (deployment["status"], deployment["started"]) == ("operational", "2022")
    rejected = client.post(f"{API}/contributions/{second['id']}/decision", headers=reviewer,
                           json={"decision": "reject", "note": "Duplicate."}).json()
    assert rejected["state"] == "rejected" and rejected["deployment_id"] is None
    every = client.get(f"{API}/contributions", params={"state": "all"}, headers=reviewer).json()
    assert [c["state"] for c in every] == ["accepted", "rejected"]


@pytest.mark.parametrize(("change", "field", "words"), [
    ({"sources": []}, "sources", "at least one source"),
    ({"sources": [{"url": "news.example.org/x"}]}, "sources[0].url", "not an http(s) URL"),
    ({"country": "Kenya"}, "country", "ISO 3166-1 alpha-3"),
    ({"technologies": ["lasers"]}, "technologies[0]", "not a known technology"),
    ({"technologies": []}, "technologies", "at least 1"),
    ({"status": "rumoured"}, "status", "not a known status"),
    ({"announced": "March 2021"}, "announced", "YYYY"),
    ({"suppliers": [{"organisation": "Huawei", "role": "seller"}]}, "suppliers[0].role", "supplier role"),
    ({"id": "my-own-id"}, "id", "no deployment 'my-own-id' to correct"),  # an id makes a correction
    ({"colour": "red"}, "colour", "unknown field"),
])
def test_bad_submissions_name_the_field(clients, change, field, words) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = clients
    response = client.post(f"{API}/contributions", json={**MOMBASA, **change},
                           headers=people["contributor"].bearer)
    assert response.status_code == 422, response.text
    error = error_of(response)
    assert error["field"] == field and words in error["message"]


def test_not_an_object_and_unknown_ids(clients) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = clients
    listed = client.post(f"{API}/contributions", json=[MOMBASA], headers=people["contributor"].bearer)
    assert listed.status_code == 422
    reviewer = people["reviewer"].bearer
    assert client.get(f"{API}/contributions/99", headers=reviewer).status_code == 404
    missing = client.post(f"{API}/contributions/99/decision", json={"decision": "accept"}, headers=reviewer)
    assert missing.status_code == 404 and "no contribution 99" in error_of(missing)["message"]
    assert error_of(client.get(f"{API}/contributions", params={"state": "lost"}, headers=reviewer))[
        "field"] == "state"


def test_bad_edit_changes_nothing(clients) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = clients
    made = client.post(f"{API}/contributions", json=MOMBASA, headers=people["contributor"].bearer).json()
    response = client.post(f"{API}/contributions/{made['id']}/decision", headers=people["reviewer"].bearer,
                           json={"decision": "edit", "edits": {"status": "rumoured"}})
    assert response.status_code == 422 and error_of(response)["field"] == "edits.status"
    assert client.get(f"{API}/contributions/{made['id']}", headers=people["reviewer"].bearer).json()[
        "state"] == "pending"


def test_contributors_see_their_own_and_the_decision(clients) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = clients
    carol, reviewer = people["contributor"].bearer, people["reviewer"].bearer
    assert client.get(f"{API}/contributions/mine", headers=carol).json() == []
    assert client.get(f"{API}/contributions/mine").status_code == 401
    sent = client.post(f"{API}/contributions", json=MOMBASA, headers=carol).json()
    client.post(f"{API}/contributions/{sent['id']}/decision", headers=reviewer,
                json={"decision": "accept", "note": "Two outlets agree."})
    [mine] = client.get(f"{API}/contributions/mine", headers=carol).json()
    assert (mine["id"], mine["state"], mine["decided_by"], mine["note"]) == (
        sent["id"], "accepted", "rita", "Two outlets agree.")
    assert client.get(f"{API}/contributions/mine", headers=reviewer).json() == []  # rita sent none
    review = client.get(f"{API}/deployments/{mine['deployment_id']}").json()["review"]
    assert [(r["decision"], r["decided_by"], r["contribution"]) for r in review] == [
        ("accepted", "rita", sent["id"])]


def test_admins_edit_a_record_at_once(clients) -> None:  # type: ignore[no-untyped-def]
    client, people, _ = clients
    admin, reviewer = people["admin"].bearer, people["reviewer"].bearer
    record = {k: v for k, v in client.get(f"{API}/deployments/uga-kampala-cctv").json().items()
              if k in ("id", "country", "city", "technologies", "status", "started")}
    record["suppliers"] = [{"organisation": "Huawei", "role": "supplier"}]
    record["sources"] = [{"url": "https://news.example.org/2019/kampala-cctv", "title": "Kampala cameras"}]
    edit = {"record": {**record, "city": "Entebbe"}, "note": "The source names Entebbe."}
    url = f"{API}/deployments/uga-kampala-cctv"
    assert client.put(url, json=edit, headers=reviewer).status_code == 403
    assert error_of(client.put(url, json={**edit, "note": ""}, headers=admin))["field"] == "note"
    bad = client.put(url, json={**edit, "record": {**record, "status": "humming"}}, headers=admin)
    assert bad.status_code == 422 and error_of(bad)["field"] == "record.status"
    assert client.put(f"{API}/deployments/nowhere", json={**edit, "record": {**record, "id": "nowhere"}},
                      headers=admin).status_code == 404
    done = client.put(url, json=edit, headers=admin)
    assert done.status_code == 200, done.text
    assert (done.json()["state"], done.json()["decided_by"], done.json()["corrects"]) == (
        "accepted", "adam", "uga-kampala-cctv")
    after = client.get(url).json()
    assert after["city"] == "Entebbe"
    assert after["review"][-1]["note"] == "admin edit: The source names Entebbe."
