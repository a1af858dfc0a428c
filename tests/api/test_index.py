"""GET /index and /index/{iso3}: the analytics index with the deployment filters."""

from __future__ import annotations

from oversight.analytics.index import country_index, index_series
from oversight.store.queries import DeploymentFilter
from tests.api.conftest import API, error_of


def test_index_is_the_analytics_index(client, registry) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/index").json()
    assert body["countries"] == country_index(registry.deployment_records())
    assert {c["key"] for c in body["definition"]["components"]} == {"breadth", "depth", "suppliers"}


def test_index_takes_the_deployment_filters_and_a_year(client, registry) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/index?vendor_country=CHN&year=2016").json()
    expected = country_index(registry.deployment_records(DeploymentFilter(vendor_country=["CHN"])), 2016)
    assert body["countries"] == expected
    assert all(row["year"] == 2016 for row in body["countries"])


def test_country_series(client, registry) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/index/ken").json()
    assert body["country"] == "KEN" and body["name"] == "Kenya"
    kenya = registry.deployment_records(DeploymentFilter(country=["KEN"]))
    assert body["series"] == index_series(kenya)["KEN"]


def test_bad_year_and_bad_country_are_errors(client) -> None:  # type: ignore[no-untyped-def]
    assert error_of(client.get(f"{API}/index?year=abc"))["field"] == "year"
    response = client.get(f"{API}/index/XXX")
    assert response.status_code == 404 and "XXX" in error_of(response)["message"]
