"""Pages that stay fast without the response cache (issue 14): a country page sends one page of
its deployments and the sources of those rows; registry-wide figures are kept per registry
version and are never stale."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from oversight.api import create_app
from oversight.app import Registry
from oversight.portal.filters import PAGE_SIZE
from oversight.settings import load_settings
from tests.api.conftest import API, FIXTURES, TestClient

MANY = PAGE_SIZE + 12  # deployments in Zambia: two pages


def zambia(count: int, first: int = 0) -> list[dict]:
    """Made-up deployments in Zambia, one example.org source each."""
    return [{"id": f"zmb-test-{n:03d}", "country": "ZMB", "suppliers": [{"organisation": "Huawei",
             "role": "supplier"}], "technologies": ["video_surveillance"], "status": "operational",
             "started": str(2000 + n % 20),
             "sources": [{"url": f"https://news.example.org/zmb/{n:03d}", "title": f"Story {n}",
                          "publisher": "Example News", "published": f"{2000 + n % 20}-01-01"}]}
            for n in range(first, first + count)]


def load(registry: Registry, folder: Path, deployments: list[dict]) -> None:
    path = folder / f"more-{deployments[0]['id']}.json"
    path.write_text(json.dumps({"deployments": deployments}), encoding="utf-8")
    registry.load([path])


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[TestClient, Registry]]:
    registry = Registry(f"sqlite:///{tmp_path / 'r.db'}")
    registry.load([FIXTURES])
    load(registry, tmp_path, zambia(MANY))
    with TestClient(create_app(registry, cache_bytes=0)) as client:  # every answer built afresh
        yield client, registry
    registry.engine.dispose()


def rows(html: str) -> list[str]:
    table = html.split('id="country-deployments"', 1)[1].split("</table>", 1)[0]
    return re.findall(r'href="/deployments/(zmb-test-\d+)"', table)


def sources(html: str) -> list[str]:
    return re.findall(r'href="https://news.example.org/zmb/(\d+)"', html.split('id="sources-heading"', 1)[1])


def test_a_country_page_sends_one_page_of_rows_and_their_sources(site) -> None:
    client, _ = site
    first = client.get("/countries/ZMB")
    assert first.status_code == 200
    assert len(set(rows(first.text))) == PAGE_SIZE
    assert f"{MANY} of {MANY} deployments; showing {PAGE_SIZE} on page 1 of 2" in first.text
    assert len(sources(first.text)) == PAGE_SIZE  # the sources of the rows shown, not all 62
    assert 'rel="next"' in first.text and "page=2" in first.text
    second = client.get("/countries/ZMB?page=2")
    assert len(set(rows(second.text))) == MANY - PAGE_SIZE
    assert not set(rows(first.text)) & set(rows(second.text))
    assert client.get("/countries/ZMB?page=3").status_code == 422


def test_a_filtered_country_page_is_paginated_too(site) -> None:
    client, _ = site
    sorted_by_id = client.get("/countries/ZMB?sort=id&page=2")
    assert rows(sorted_by_id.text) == [f"zmb-test-{n:03d}" for n in range(PAGE_SIZE, MANY)]


def test_kept_figures_follow_every_change(site, tmp_path: Path) -> None:
    client, registry = site
    before = client.get(f"{API}/stats").json()
    again = client.get(f"{API}/stats").json()
    assert before == again and before["by_country"]["ZMB"] == MANY
    load(registry, tmp_path, zambia(3, first=MANY))
    after = client.get(f"{API}/stats").json()
    assert after["by_country"]["ZMB"] == MANY + 3
    assert client.get(f"{API}/countries/ZMB").json()["deployments"][-1]["id"].startswith("zmb-test-")
    assert len(client.get(f"{API}/countries/ZMB").json()["deployments"]) == MANY + 3
    assert f"{MANY + 3} of {MANY + 3} deployments" in client.get("/countries/ZMB").text
    zambia_row = next(r for r in client.get(f"{API}/index").json()["countries"] if r["country"] == "ZMB")
    assert zambia_row["deployments"] == MANY + 3


def test_workers_and_cache_size_are_settings() -> None:
    settings = load_settings({"OVERSIGHT_WORKERS": "3", "OVERSIGHT_CACHE_MB": "0"})
    assert settings.workers == 3 and settings.cache_mb == 0
    assert load_settings({}).workers >= 1 and load_settings({}).cache_mb == 64
    with pytest.raises(ValueError, match="OVERSIGHT_WORKERS"):
        load_settings({"OVERSIGHT_WORKERS": "0"})
