"""Filters, sorting and paging change the tables; bad values are a 422 page naming the field."""

from __future__ import annotations

import pytest
from starlette.datastructures import QueryParams

from oversight.portal.filters import PageError, parse_filters
from tests.portal.markup import Page


def rows(client, url: str, table: str = "deployments-table") -> list[str]:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200, response.text[:500]
    return Page(response.text).rows(table)


@pytest.mark.parametrize(("query", "expected"), [
    ("technology=facial_recognition", {"uga-kampala-cctv", "gbr-london-lfr", "ecu-quito-hostile"}),
    ("status=pilot", {"gbr-london-lfr"}),
    ("country=ken", {"ken-nairobi-safe-city", "ken-mombasa-planned"}),
    ("vendor_country=JPN", {"gbr-london-lfr"}),
    ("vendor=Hikvision", {"ecu-national-ecu911", "ecu-quito-hostile"}),
    ("since=2018&until=2019", {"uga-kampala-cctv", "ecu-quito-hostile"}),
    ("q=kampala", {"uga-kampala-cctv"}),
    # An HTML form sends "" for "Any": no filter, not an error.
    ("technology=&status=&vendor=&since=&until=&q=", {
        "ken-nairobi-safe-city", "uga-kampala-cctv", "gbr-london-lfr", "ecu-national-ecu911",
        "ecu-quito-hostile", "ken-mombasa-planned"}),
])
def test_filters_change_the_deployment_table(client, query: str, expected: set[str]) -> None:  # type: ignore[no-untyped-def]
    assert set(rows(client, f"/deployments?{query}")) == expected


def test_sorting_by_year_both_ways(client) -> None:  # type: ignore[no-untyped-def]
    ascending = rows(client, "/deployments?sort=year")
    assert ascending[0] == "ecu-national-ecu911"  # announced 2011, the oldest year
    descending = rows(client, "/deployments?sort=-year")
    assert descending[0] == "ken-mombasa-planned"  # 2021


def test_sort_headers_link_to_the_reverse_order_and_keep_filters(client) -> None:  # type: ignore[no-untyped-def]
    doc = Page(client.get("/deployments?status=operational&sort=year").text)
    year = [th for th in doc.tags("th") if th.attrs.get("aria-sort") == "ascending"]
    assert len(year) == 1
    links = {a.attrs["href"] for a in doc.tags("a")}
    assert "/deployments?status=operational&sort=-year" in links


def test_paging(client, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from oversight.portal import deployment_pages

    monkeypatch.setattr(deployment_pages, "PAGE_SIZE", 4)
    first = Page(client.get("/deployments?sort=id").text)
    second = Page(client.get("/deployments?sort=id&page=2").text)
    assert len(first.rows("deployments-table")) == 4 and len(second.rows("deployments-table")) == 2
    assert not set(first.rows("deployments-table")) & set(second.rows("deployments-table"))
    assert first.tags("a", rel="next")[0].attrs["href"] == "/deployments?sort=id&page=2"


def test_home_filters_change_the_map_and_figures(client) -> None:  # type: ignore[no-untyped-def]
    doc = Page(client.get("/?vendor_country=JPN").text)
    assert doc.text("figure-countries") == "1"
    shaded = {p.attrs["data-country"] for p in doc.tags("path") if "data-score" in p.attrs}
    assert shaded == {"GBR"}


def test_country_page_filters_its_table(client) -> None:  # type: ignore[no-untyped-def]
    assert rows(client, "/countries/KEN?status=planned", "country-deployments") == ["ken-mombasa-planned"]
    assert rows(client, "/countries/KEN?sort=-year", "country-deployments") == [
        "ken-mombasa-planned", "ken-nairobi-safe-city"]


@pytest.mark.parametrize(("url", "field"), [
    ("/deployments?technology=lasers", "technology"),
    ("/deployments?status=rumoured", "status"),
    ("/deployments?country=XYZ", "country"),
    ("/?vendor_country=China", "vendor_country"),
    ("/deployments?since=twenty", "since"),
    ("/deployments?since=2020&until=2010", "until"),
    ("/deployments?sort=buyer", "sort"),
    ("/deployments?page=0", "page"),
    ("/deployments?page=99", "page"),
    ("/countries/KEN?technology=lasers", "technology"),
    (f"/search?q={'x' * 201}", "q"),
])
def test_bad_filter_values_are_a_422_page_naming_the_field(client, url: str, field: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 422
    assert response.headers["content-type"].startswith("text/html")
    doc = Page(response.text)
    assert [("".join(t.text)) for t in doc.tags("code") if t.attrs.get("class") == "field"] == [field]


def test_parse_filters_names_the_field() -> None:
    with pytest.raises(PageError) as caught:
        parse_filters(QueryParams("status=operational&status=maybe"))
    assert caught.value.field == "status" and "'maybe'" in caught.value.message
    form = parse_filters(QueryParams("country=ken&technology=safe_city&q=+&since=2015"))
    assert form.filters.country == ["KEN"] and form.filters.q is None and form.filters.since == 2015
    assert form.query(page=2) == "country=KEN&technology=safe_city&since=2015&page=2"
