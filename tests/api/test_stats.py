"""GET /stats: the analytics figures, with the deployment filters."""

from __future__ import annotations

import pytest

from oversight.analytics.index import country_index
from oversight.analytics.stats import stats
from oversight.store.queries import DeploymentFilter
from tests.api.conftest import API, error_of


@pytest.mark.parametrize(("query", "filters"), [
    ("", DeploymentFilter()),
    ("country=KEN&country=UGA", DeploymentFilter(country=["KEN", "UGA"])),
    ("vendor_country=CHN&status=operational",
     DeploymentFilter(vendor_country=["CHN"], status=["operational"])),
    ("technology=facial_recognition&since=2017",
     DeploymentFilter(technology=["facial_recognition"], since=2017)),
])
def test_stats_are_the_analytics_figures(client, registry, query: str, filters) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/stats?{query}")
    assert response.status_code == 200
    records = registry.deployment_records(filters)
    assert response.json() == {**stats(records), "index": country_index(records)}


def test_whole_registry_figures(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/stats").json()
    assert body["deployments"] == 4 and body["with_chinese_supplier"] == 3
    assert body["with_chinese_financing"] == 1


def test_bad_filter_is_422(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/stats?status=maybe")
    assert response.status_code == 422 and error_of(response)["field"] == "status"
