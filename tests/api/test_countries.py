"""GET /countries and /countries/{iso3}."""

from __future__ import annotations

import pytest

from tests.api.conftest import API, error_of


def test_lists_countries_with_deployments(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/countries").json()
    assert [c["country"] for c in body] == ["ECU", "GBR", "KEN", "UGA"]
    uganda = body[-1]
    assert uganda["name"] == "Uganda" and uganda["with_chinese_supplier"] == 1
    assert uganda["suppliers"] == ["Huawei"]  # the financier is not a supplier


@pytest.mark.parametrize("code", ["KEN", "ken"])
def test_one_country(client, code: str) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/countries/{code}").json()
    assert body["country"] == "KEN" and body["name"] == "Kenya"
    assert [d["id"] for d in body["deployments"]] == ["ken-nairobi-safe-city"]
    assert body["suppliers"][0] == {"name": "Huawei", "country": "CHN", "roles": ["supplier"],
                                    "deployments": 1}


def test_country_without_deployments_is_empty(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/countries/FRA").json()
    assert body["name"] == "France" and body["deployments"] == [] and body["sources"] == []


def test_unknown_country_code_is_404_json(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/countries/XXX")
    assert response.status_code == 404
    assert "ISO 3166-1" in error_of(response)["message"]


@pytest.mark.parametrize("code", ["KE", "Kenya", "K3N"])
def test_a_code_that_is_not_three_letters_is_422_json(client, code: str) -> None:  # type: ignore[no-untyped-def]
    """The schema's pattern for an alpha-3 code: malformed is 422, well-formed but unknown is 404."""
    response = client.get(f"{API}/countries/{code}")
    assert response.status_code == 422 and error_of(response)["field"] == "iso3"
