"""Hostile text is escaped, every asset comes from /static, unknown ids are HTML 404 pages,
and the JSON API keeps its JSON errors."""

from __future__ import annotations

import re

import pytest

from tests.portal.markup import Page

PAGES = ["/", "/deployments", "/deployments/ken-nairobi-safe-city", "/countries", "/countries/KEN",
         "/vendors", "/vendors/Huawei", "/search?q=cameras", "/screen?q=Ezviz", "/methodology", "/downloads"]


@pytest.mark.parametrize("url", ["/deployments/ecu-quito-hostile", "/countries/ECU", "/deployments",
                                 "/search?q=crossings", "/vendors/Hikvision"])
def test_hostile_text_is_escaped(client, url: str) -> None:  # type: ignore[no-untyped-def]
    html = client.get(url).text
    assert "<script>alert" not in html
    assert "<img src=x" not in html and "<b>bold</b>" not in html
    assert [s for s in Page(html).tags("script") if not s.attrs.get("src")] == []  # no inline script at all


def test_hostile_description_is_shown_as_text(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/deployments/ecu-quito-hostile")
    assert "&lt;script&gt;alert(&#39;pwned&#39;)&lt;/script&gt; cameras" in response.text
    assert "</title><script>" not in response.text


def test_hostile_search_text_is_escaped(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get('/search?q="><script>alert(3)</script>')
    assert response.status_code == 200
    assert "<script>alert(3)" not in response.text


@pytest.mark.parametrize("url", PAGES)
def test_assets_come_from_the_site_itself(client, url: str) -> None:  # type: ignore[no-untyped-def]
    doc = Page(client.get(url).text)
    for tag, attr in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src")):
        for element in doc.tags(tag):
            value = element.attrs.get(attr, "")
            if tag == "link" and element.attrs.get("rel") == "alternate":
                continue
            assert value.startswith("/static/"), f"{url}: <{tag} {attr}={value!r}>"
    for asset in {e.attrs.get("src") or e.attrs.get("href") for e in doc.tags("script") + doc.tags("link")}:
        if asset:
            assert client.get(asset).status_code == 200, asset


@pytest.mark.parametrize("url", PAGES)
def test_every_page_links_its_json_twin(client, url: str) -> None:  # type: ignore[no-untyped-def]
    doc = Page(client.get(url).text)
    twins = [a.attrs["href"] for a in doc.tags("a", rel="alternate", type="application/json")]
    assert twins and all(href.startswith("/api/v1/") for href in twins)
    for href in twins:
        assert client.get(href).status_code == 200, href


@pytest.mark.parametrize("url", ["/countries/XYZ", "/vendors/No Such Vendor",
                                 "/deployments/no-such-deployment", "/no/such/page"])
def test_unknown_ids_are_html_404_pages(client, url: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert Page(response.text).tags("p", role="alert")


def test_api_errors_stay_json(client) -> None:  # type: ignore[no-untyped-def]
    for url, status in (("/api/v1/countries/XYZ", 404), ("/api/v1/deployments?technology=lasers", 422),
                        ("/api/v1/nothing", 404)):
        response = client.get(url)
        assert response.status_code == status
        assert response.headers["content-type"] == "application/json"
        assert set(response.json()) == {"error"}


def test_source_links_never_run_script(client) -> None:  # type: ignore[no-untyped-def]
    for url in PAGES:
        hrefs = [a.attrs.get("href", "") for a in Page(client.get(url).text).tags("a")]
        assert not [h for h in hrefs if re.match(r"\s*(javascript|data):", h, re.I)]
