"""The AIGS layer in the API: GET /findings and the `aigs` part of GET /countries/{iso3}."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from oversight.api import create_app
from oversight.app import Registry
from tests.api.conftest import API, error_of

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient


@pytest.fixture(autouse=True)
def no_searched_leads(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin reconciliation against the fixtures alone, whatever leads are bundled."""
    monkeypatch.setattr("oversight.store.findings.bundled_leads", list)


@pytest.fixture
def aigs_client(fresh_registry: Registry) -> Iterator[TestClient]:
    fresh_registry.load_aigs()
    with TestClient(create_app(fresh_registry)) as client:
        yield client


def test_findings_with_filters(aigs_client: TestClient) -> None:
    body = aigs_client.get(f"{API}/findings", params={"index": "aigs2019", "country": "KEN"}).json()
    assert set(body["citations"]) == {"aigs2019"}
    assert "Carnegie Endowment" in body["citations"]["aigs2019"]["citation"]
    states = {f["finding"]: (f["state"], f["deployments"]) for f in body["findings"]}
    assert states["company:Huawei"] == ("backed", ["ken-nairobi-safe-city"])
    assert states["smart_policing"] == ("open", [])
    open_only = aigs_client.get(f"{API}/findings", params={"state": "open", "index": "aigs2022"}).json()
    assert open_only["findings"] and {f["state"] for f in open_only["findings"]} == {"open"}
    assert {f["index"] for f in open_only["findings"]} == {"aigs2022"}


def test_a_bad_filter_is_a_clear_error(aigs_client: TestClient) -> None:
    response = aigs_client.get(f"{API}/findings", params={"index": "aigs2020"})
    assert response.status_code == 422 and error_of(response)["field"] == "index"


def test_country_shows_aigs_beside_our_records(aigs_client: TestClient) -> None:
    body = aigs_client.get(f"{API}/countries/UGA").json()
    assert [d["id"] for d in body["deployments"]] == ["uga-kampala-cctv"]
    backed = [f for f in body["aigs"]["findings"] if f["state"] == "backed"]
    assert {(f["index"], f["finding"]) for f in backed} >= {("aigs2019", "facial_recognition")}
    assert aigs_client.get(f"{API}/countries/FRA").json()["aigs"]["citations"]


def test_the_findings_route_is_documented(aigs_client: TestClient) -> None:
    spec = aigs_client.get(f"{API}/openapi.json").json()
    operation = spec["paths"][f"{API}/findings"]["get"]
    assert {p["name"] for p in operation["parameters"]} == {"index", "country", "state"}
    assert "AigsFinding" in spec["components"]["schemas"]
