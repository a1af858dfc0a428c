"""GET /deployments and /deployments/{id}: filters, pagination, sorting, errors."""

from __future__ import annotations

import pytest

from oversight.store import queries
from oversight.store.queries import DeploymentFilter
from tests.api.conftest import API, error_of

ALL_IDS = ["ecu-national-ecu911", "gbr-london-lfr", "ken-nairobi-safe-city", "uga-kampala-cctv"]


def ids(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_lists_every_deployment_with_the_page_envelope(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/deployments").json()
    assert body["total"] == 4 and body["limit"] == 50 and body["offset"] == 0 and body["next"] is None
    assert [item["id"] for item in body["items"]] == ALL_IDS


def test_items_are_the_store_views(client, registry) -> None:  # type: ignore[no-untyped-def]
    with registry.session() as session:
        expected = queries.deployments(session, DeploymentFilter())
    assert client.get(f"{API}/deployments").json()["items"] == expected


@pytest.mark.parametrize(("query", "expected"), [
    ("country=KEN", ["ken-nairobi-safe-city"]),
    ("country=ken&country=UGA", ["ken-nairobi-safe-city", "uga-kampala-cctv"]),
    ("vendor=华为", ["ken-nairobi-safe-city", "uga-kampala-cctv"]),
    ("vendor=Hikvision", ["ecu-national-ecu911"]),
    ("vendor_country=JPN", ["gbr-london-lfr"]),
    ("technology=facial_recognition", ["gbr-london-lfr", "uga-kampala-cctv"]),
    ("status=pilot&status=cancelled", ["ecu-national-ecu911", "gbr-london-lfr"]),
    ("since=2015&until=2016", ["gbr-london-lfr", "ken-nairobi-safe-city"]),
    ("q=camera", ["ken-nairobi-safe-city"]),
    ("q=nec", ["gbr-london-lfr"]),
    ("country=KEN&technology=facial_recognition", []),
])
def test_filters_match_the_cli(client, query: str, expected: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert ids(client.get(f"{API}/deployments?{query}")) == expected


def test_sort_descending_by_year(client) -> None:  # type: ignore[no-untyped-def]
    assert ids(client.get(f"{API}/deployments?sort=-year")) == [
        "uga-kampala-cctv", "gbr-london-lfr", "ken-nairobi-safe-city", "ecu-national-ecu911"]


def test_pages_follow_next_until_the_end(client) -> None:  # type: ignore[no-untyped-def]
    seen, url, pages = [], f"{API}/deployments?limit=3&sort=-year", 0
    while url:
        body = client.get(url).json()
        assert body["total"] == 4 and body["limit"] == 3
        seen += [item["id"] for item in body["items"]]
        url, pages = body["next"], pages + 1
    assert pages == 2
    assert seen == ids(client.get(f"{API}/deployments?sort=-year"))


def test_next_keeps_the_filters(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/deployments?status=operational&limit=1").json()
    assert body["total"] == 2
    assert "status=operational" in body["next"] and "offset=1" in body["next"]
    assert client.get(body["next"]).json()["next"] is None


def test_offset_past_the_end_is_an_empty_page(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/deployments?offset=10").json()
    assert body["items"] == [] and body["total"] == 4 and body["next"] is None


@pytest.mark.parametrize(("query", "field"), [
    ("technology=lasers", "technology"),
    ("status=rumoured", "status"),
    ("status=operational&status=bogus", "status"),
    ("limit=501", "limit"),
    ("limit=0", "limit"),
    ("limit=ten", "limit"),
    ("offset=-1", "offset"),
    ("since=2015.5", "since"),
    ("until=soon", "until"),
    ("sort=buyer", "sort"),
    ("sort=--year", "sort"),
    ("country=Kenya", "country"),
    ("country=KE", "country"),
    ("vendor_country=XXX", "vendor_country"),
])
def test_bad_parameters_are_422_with_the_field(client, query: str, field: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/deployments?{query}")
    assert response.status_code == 422
    assert error_of(response)["field"] == field


def test_bad_enum_message_lists_the_choices(client) -> None:  # type: ignore[no-untyped-def]
    message = error_of(client.get(f"{API}/deployments?technology=lasers"))["message"]
    assert "'lasers'" in message and "safe_city" in message


def test_one_deployment_with_sources_and_review(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/deployments/ken-nairobi-safe-city").json()
    assert body["suppliers"][0] == {"name": "Huawei", "role": "supplier", "country": "CHN", "lists": []}
    assert {"country", "suppliers"} <= set(body["sources"][0]["supports"])
    assert body["assessments"] == [] and body["review"] == []


def test_missing_deployment_is_404_json(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/deployments/no-such-thing")
    assert response.status_code == 404
    assert "no-such-thing" in error_of(response)["message"]
