"""The AIGS layer on the portal: findings beside our records on country pages, the map layer,
the coverage table on the home page, and the status date next to every status."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from oversight.app import Registry
from tests.portal.conftest import OWN, SHARED
from tests.portal.markup import Page
from tests.portal.test_pages import page


@pytest.fixture(autouse=True)
def no_searched_leads(monkeypatch: pytest.MonkeyPatch) -> None:
    """These tests pin reconciliation against the fixtures alone, whatever leads are bundled."""
    monkeypatch.setattr("oversight.store.findings.bundled_leads", list)


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    registry = Registry(f"sqlite:///{tmp_path_factory.mktemp('aigs') / 'registry.db'}")
    registry.load([SHARED, OWN / "portal.yaml"])
    registry.load_aigs()
    yield registry
    registry.engine.dispose()


def row_texts(doc: Page, table_id: str) -> list[str]:
    """Each row of a table as its cells' text, separated by single spaces."""
    start = doc.all.index(doc.by_id(table_id))
    end = next(i for i in range(start, len(doc.all)) if doc.all[i].name == "/table")
    return [" ".join(" ".join(t.strip() for t in tag.text if t.strip()).split())
            for tag in doc.all[start:end] if tag.name == "tr"]


def test_country_page_shows_findings_beside_our_records(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/countries/KEN")
    rows = row_texts(doc, "aigs-findings")
    assert "AIGS 2019 Company: Huawei Backed ken-mombasa-planned , ken-nairobi-safe-city" in rows
    assert "AIGS 2019 Smart policing Open No sourced deployment yet." in rows
    assert doc.tags("a", href="/deployments/ken-nairobi-safe-city")
    cited = [a for a in doc.tags("a") if a.attrs.get("href") == "https://doi.org/10.17632/386s7f9d25.1"]
    assert cited and "Carnegie Endowment" in "".join(cited[-1].text)
    assert "/api/v1/findings?country=KEN" in {a.attrs["href"] for a in doc.tags("a", rel="alternate")}


def test_a_country_aigs_does_not_list(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/countries/ISL")
    assert "Neither edition of the AIGS index lists Iceland" in doc.text("aigs-not-listed")


def test_home_map_switches_to_an_aigs_layer(client) -> None:  # type: ignore[no-untyped-def]
    index_map = page(client, "/")
    assert index_map.tags("strong", **{"aria-current": "page"})[0].text == ["Oversight index"]
    doc = page(client, "/?layer=aigs2019")
    kenya = doc.tags("path", **{"data-country": "KEN"})[0]
    france = doc.tags("path", **{"data-country": "FRA"})[0]
    iceland = doc.tags("path", **{"data-country": "ISL"})[0]
    assert kenya.attrs["fill"] == "#abd9e9"  # some of Kenya's findings are backed, not all
    assert france.attrs["fill"] == "#d7191c"  # listed, but no French deployment in the fixtures
    assert iceland.attrs["fill"] == "#e4e4e4"
    assert "<title>Iceland: not listed by AIGS 2019</title>" in client.get("/?layer=aigs2019").text
    assert doc.tags("a", href="/countries/FRA")
    assert "every finding backed" in doc.text("map")


def test_an_unknown_layer_is_refused(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/?layer=aigs2030")
    assert response.status_code == 422 and "layer" in response.text


def test_home_reports_coverage_against_aigs(client) -> None:  # type: ignore[no-untyped-def]
    rows = row_texts(page(client, "/"), "coverage-table")
    assert "AIGS 2019 countries listed with at least one deployment 4 of 75" in rows  # KEN, UGA, GBR, ECU
    assert "AIGS 2022 social media surveillance 0 of 38 0 38" in rows


def test_status_is_shown_with_the_date_of_its_latest_source(client) -> None:  # type: ignore[no-untyped-def]
    html = client.get("/deployments/ken-mombasa-planned").text
    assert 'as of <time datetime="2021-07-12">2021-07-12</time>' in html
    listing = page(client, "/countries/KEN").text("country-deployments")
    assert "Planned as of 2021-07-12" in listing
