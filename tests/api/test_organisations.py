"""GET /organisations and /organisations/{name}."""

from __future__ import annotations

import pytest

from tests.api.conftest import API, error_of


def test_lists_organisations_without_buyers(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/organisations").json()
    names = [org["name"] for org in body]
    assert names == sorted(names)
    assert "Huawei" in names and "National Police Service" not in names
    huawei = next(org for org in body if org["name"] == "Huawei")
    assert huawei["deployments"] == 2 and huawei["countries_reached"] == ["KEN", "UGA"]


@pytest.mark.parametrize("name", ["Huawei", "华为", "huawei technologies", "HUAWEI"])
def test_one_organisation_by_name_or_alias(client, name: str) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/organisations/{name}").json()
    assert body["name"] == "Huawei"
    assert [d["id"] for d in body["deployments"]] == ["ken-nairobi-safe-city", "uga-kampala-cctv"]
    assert body["sources"][0]["url"] == "https://registry.example.org/orgs/huawei"


def test_parent_and_subsidiaries(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/organisations/Hikvision").json()
    assert body["parent"] == "CETC" and body["subsidiaries"] == ["Ezviz"]


def test_missing_organisation_is_404_json(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/organisations/Acme Surveillance/Kenya")
    assert response.status_code == 404
    assert "Acme Surveillance/Kenya" in error_of(response)["message"]
