"""Each page renders from the fixtures and shows the facts it is for, with its JSON twin."""

from __future__ import annotations

import pytest

from oversight import vocab
from oversight.publish.exports import FORMATS
from tests.portal.markup import Page

ACCEPTED = {"ken-nairobi-safe-city", "uga-kampala-cctv", "gbr-london-lfr", "ecu-national-ecu911",
            "ecu-quito-hostile", "ken-mombasa-planned"}


def page(client, url: str) -> Page:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    return Page(response.text)


def twins(doc: Page) -> set[str]:
    return {a.attrs["href"] for a in doc.tags("a", rel="alternate", type="application/json")}


def test_home_shows_headline_figures_and_the_index_table(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/")
    # Live countries: KEN, UGA, GBR and ECU (Quito is operational; the ECU 911 entry is cancelled).
    assert doc.text("figure-countries") == "4"
    # A supplier based in China in a live deployment: KEN (Huawei), UGA (Huawei), ECU (Hikvision).
    assert doc.text("figure-chinese") == "3"
    assert doc.text("figure-deployments") == "6"
    statuses = doc.text("by-status")
    for term in vocab.VOCAB.statuses:  # every status of schema.yaml, none hard-coded
        assert term.label in statuses
    index_rows = {a.attrs["href"] for a in doc.tags("a") if a.attrs.get("href", "").startswith("/countries/")}
    assert {"/countries/KEN", "/countries/UGA", "/countries/GBR", "/countries/ECU"} <= index_rows
    assert "/api/v1/index" in twins(doc)


def test_home_map_zooms_to_a_region_and_lists_its_countries(client) -> None:  # type: ignore[no-untyped-def]
    world = page(client, "/")
    africa = page(client, "/?region=africa&technology=safe_city")
    view = africa.tags("svg")[0].attrs["viewbox"]
    assert view != world.tags("svg")[0].attrs["viewbox"]
    listed = africa.text("map-list")
    assert "Kenya" in listed and "United Kingdom" not in listed
    zooms = {a.attrs["href"] for a in africa.tags("a") if "#map" in a.attrs.get("href", "")}
    assert "/?technology=safe_city&region=europe#map" in zooms, "a zoom keeps the filters"
    assert "/?technology=safe_city#map" in zooms
    kept = [i.attrs["value"] for i in africa.tags("input", type="hidden") if i.attrs.get("name") == "region"]
    assert kept == ["africa"], "filtering keeps the zoom"
    refused = client.get("/?region=atlantis")
    assert refused.status_code == 422 and "region" in refused.text


def test_deployment_list_shows_every_accepted_deployment(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/deployments")
    assert set(doc.rows("deployments-table")) == ACCEPTED
    assert "6 deployments match" in doc.text("result-count")
    assert any(href.startswith("/api/v1/deployments?") for href in twins(doc))


def test_deployment_page_shows_all_fields_suppliers_and_evidence(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/deployments/ken-nairobi-safe-city")
    doc = Page(response.text)
    assert "A city camera network with a police command centre." in doc.text("description")
    suppliers = doc.text("suppliers-table")
    assert "Huawei" in suppliers and "Supplier" in suppliers
    assert "Safaricom" in suppliers and "Integrator" in suppliers
    assert "China" in suppliers and "Kenya" in suppliers
    source = doc.tags("a", href="https://news.example.org/2015/nairobi-cameras")
    assert source and "Nairobi switches on its camera network" in "".join(source[0].text)
    assert doc.tags("time", datetime="2015-06-01")
    assert "100,000,000 USD" in response.text
    assert "National Police Service" in response.text
    assert twins(doc) == {"/api/v1/deployments/ken-nairobi-safe-city"}


def test_country_page_lists_deployments_suppliers_sources_and_financing(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/countries/KEN")
    assert set(doc.rows("country-deployments")) == {"ken-nairobi-safe-city", "ken-mombasa-planned"}
    suppliers = doc.text("suppliers-table")
    assert "Huawei" in suppliers and "China" in suppliers and "Safaricom" in suppliers
    assert "Export-Import Bank of China" in doc.text("financing")
    sources = {a.attrs["href"] for a in doc.tags("a") if a.attrs.get("href", "").startswith("https://news.")}
    assert sources == {"https://news.example.org/2015/nairobi-cameras", "https://news.example.org/2021/mombasa-plan"}
    assert doc.by_id("timeline")  # deployments in 2015 and 2021
    assert float(doc.text("country-score")) > 0
    assert {"/api/v1/countries/KEN", "/api/v1/index/KEN"} <= twins(doc)
    assert any(href.startswith("/api/v1/deployments?") and "country=KEN" in href for href in twins(doc))


def test_country_page_flags_restriction_listed_suppliers(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/countries/ECU")
    listed = doc.text("listed-suppliers")
    assert "Hikvision" in listed and "US Entity List" in listed


def test_country_without_deployments_still_has_a_page(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/countries/fra")
    assert "France" in doc.text("no-deployments")


def test_countries_list(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/countries")
    text = doc.text("countries-table")
    for name in ("Kenya", "Uganda", "United Kingdom", "Ecuador"):
        assert name in text
    assert "/api/v1/countries" in twins(doc)


def test_vendor_page_shows_reach_parent_subsidiaries_and_listings(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/vendors/Hikvision")
    assert "CETC" in doc.text("parent")
    assert "Ezviz" in doc.text("subsidiaries")
    assert "US Entity List" in doc.text("listings")
    # The cited act links to its official text; the page it was read on is "read at".
    [official] = doc.tags("a", **{"class": "official"})
    assert official.attrs["href"] == "https://www.govinfo.gov/link/fr/84/54002"
    assert "read at" in doc.text("listings")
    reached = {p.attrs["data-country"] for p in doc.tags("path") if p.attrs.get("fill") != "#e4e4e4"}
    assert reached == {"ECU"}
    assert "/api/v1/organisations/Hikvision" in twins(doc)


def test_vendor_page_answers_to_an_alias(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/vendors/华为")
    assert doc.tags("h1") and "Huawei" in "".join(doc.tags("h1")[0].text)
    assert set(doc.rows("vendor-deployments")) == {
        "ken-nairobi-safe-city", "uga-kampala-cctv", "ken-mombasa-planned"}


def test_vendors_list(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/vendors")
    text = doc.text("vendors-table")
    assert "Huawei" in text and "NEC" in text and "China Exim Bank" in text


@pytest.mark.parametrize(("q", "expected"), [
    ("nairobi", "ken-nairobi-safe-city"),
    ("Hikvision", "ecu-national-ecu911"),
])
def test_search_finds_deployments(client, q: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, f"/search?q={q}")
    assert expected in doc.rows("deployments-table")


def test_search_finds_organisations_by_alias_and_sources_by_publisher(client) -> None:  # type: ignore[no-untyped-def]
    org = page(client, "/search?q=Export-Import")
    assert org.tags("a", href="/vendors/China%20Exim%20Bank")
    source = page(client, "/search?q=Example Coast")
    assert source.tags("a", href="https://news.example.org/2021/mombasa-plan")


def test_methodology_reads_the_vocabulary_and_the_index_definition(client) -> None:  # type: ignore[no-untyped-def]
    from oversight.analytics.index import index_definition

    response = client.get("/methodology")
    doc = Page(response.text)
    for terms in (vocab.VOCAB.technologies, vocab.VOCAB.statuses, vocab.VOCAB.supplier_roles,
                  vocab.VOCAB.restriction_lists):
        for term in terms:
            assert f"<code>{term.id}</code>" in response.text
    components = doc.text("index-components")
    for component in index_definition()["components"]:
        assert component["label"] in components
    assert doc.by_id("cite") and "CC-BY-4.0" in response.text and "Apache" in response.text


def test_downloads_link_every_export_format(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/downloads")
    links = {a.attrs["href"] for a in doc.tags("a") if a.attrs.get("href", "").startswith("/api/v1/exports/")}
    assert {f"/api/v1/exports/{fmt}" for fmt in FORMATS} <= links
    for fmt in FORMATS:  # the links work
        assert client.get(f"/api/v1/exports/{fmt}").status_code == 200


def test_deployment_page_shows_the_audit_history(client) -> None:  # type: ignore[no-untyped-def]
    doc = page(client, "/deployments/ken-nairobi-safe-city")
    history = doc.text("history-table")
    assert "create" in history and "load" in history  # loading the fixtures is the first change
    assert "description" in history  # a creation lists the fields it set


def test_changed_fields() -> None:
    from oversight.portal.deployment_pages import changed_fields

    before, after = {"status": "planned", "city": "A"}, {"status": "operational", "city": "A"}
    assert changed_fields(before, after) == ["status"]
    assert changed_fields(None, {"id": "x", "status": "planned"}) == ["id", "status"]
    assert changed_fields(None, None) == []
