"""GET /sources and /listings."""

from __future__ import annotations

from pathlib import Path

from oversight.api import create_app
from tests.api.conftest import API, TestClient

LISTINGS = """\
listings:
  - list: us_entity_list
    organisation: Hikvision
    listed_name: Hangzhou Hikvision Digital Technology Co., Ltd.
    listed: '2019-10-09'
    citation: 84 FR 54002 (example citation for tests)
    sources:
      - url: https://rules.example.org/entity-list-2019-10
        publisher: Example Register
        supports: [listing]
"""


def add_listing(registry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "listings.yaml"
    path.write_text(LISTINGS, encoding="utf-8")
    registry.load([path])


def test_sources_count_their_deployments(client) -> None:  # type: ignore[no-untyped-def]
    body = client.get(f"{API}/sources").json()
    by_url = {s["url"]: s for s in body}
    assert by_url["https://news.example.org/2015/nairobi-cameras"]["deployments"] == 1
    assert by_url["https://registry.example.org/orgs/huawei"]["deployments"] == 0
    assert [s["url"] for s in body] == sorted(by_url)


def test_listings_empty_then_listed(fresh_registry, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    client = TestClient(create_app(fresh_registry))
    assert client.get(f"{API}/listings").json() == []
    add_listing(fresh_registry, tmp_path)
    [listing] = client.get(f"{API}/listings").json()
    assert listing["organisation"] == "Hikvision" and listing["list"] == "us_entity_list"
    assert listing["url"] == "https://rules.example.org/entity-list-2019-10"
    # The act the citation names, at its official publisher, beside the page it was read on.
    assert listing["official"] == [{"label": "84 FR 54002", "url": "https://www.govinfo.gov/link/fr/84/54002"}]
    # A listed supplier is flagged wherever a deployment is shown.
    dep = client.get(f"{API}/deployments/ecu-national-ecu911").json()
    assert dep["suppliers"][0]["lists"] == ["us_entity_list"]
