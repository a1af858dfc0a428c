"""Search as a reader uses it (issue #13), on what the page shows rather than how it is built: a
misspelt supplier is found, words for a technology and a country find that country's deployments
of it, and long answers come a page at a time.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import SIZES, Portal, page_width

RESULT_ROWS = "#deployments-table tbody tr"


def search(page: Any, words: str) -> None:
    """Type into the search page's box and submit, as a reader does."""
    page.goto("/search")
    page.get_by_role("searchbox").fill(words)
    with page.expect_navigation():
        page.get_by_role("searchbox").press("Enter")


def deployments_found(page: Any) -> int:
    return int(re.search(r"Deployments \((\d+)\)", page.locator("#found-deployments").inner_text())[1])


def listed_ids(page: Any) -> list[str]:
    return page.locator(f"{RESULT_ROWS} td[data-label='Deployment'] a").evaluate_all(
        "links => links.map(a => a.getAttribute('href').split('/').pop())")


@pytest.mark.parametrize("size", SIZES)
def test_a_misspelt_supplier_is_found(page: Any, size: dict[str, int]) -> None:
    page.set_viewport_size(size)
    search(page, "hikvsion")
    organisation = page.locator("section[aria-labelledby=found-organisations]").get_by_role(
        "link", name="Hikvision", exact=True)
    assert organisation.count() == 1, "the misspelling should find Hikvision"
    assert deployments_found(page) >= 1
    suppliers = page.locator(f"{RESULT_ROWS} td[data-label='Suppliers']").all_inner_texts()
    assert suppliers and all("Hikvision" in s for s in suppliers), suppliers[:3]
    # On a phone the rows stay readable: each deployment's link and supplier in view.
    first = page.locator(RESULT_ROWS).first
    for cell in ("td[data-label='Deployment']", "td[data-label='Suppliers']"):
        box = first.locator(cell).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"], cell
    assert page_width(page)[0] <= size["width"]
    organisation.click()
    page.wait_for_url("**/vendors/Hikvision")


def test_safe_city_kenya_lists_kenyas_safe_city_deployments_first(page: Any, portal: Portal) -> None:
    kenya_safe_city = portal.get_json("/api/v1/deployments?country=KEN&technology=safe_city")["items"]
    wanted = {d["id"] for d in kenya_safe_city}
    assert len(wanted) >= 2
    search(page, "safe city kenya")
    found = listed_ids(page)
    assert set(found[:len(wanted)]) == wanted, f"Kenya's safe-city deployments should lead: {found[:5]}"
    for row in page.locator(RESULT_ROWS).all()[:len(wanted)]:
        assert row.locator("td[data-label='Country']").inner_text() == "Kenya"
        assert "Safe city" in row.locator("td[data-label='Technologies']").inner_text()


@pytest.mark.parametrize("size", SIZES)
def test_long_answers_come_a_page_at_a_time(page: Any, size: dict[str, int]) -> None:
    page.set_viewport_size(size)
    search(page, "video surveillance")
    total, first = deployments_found(page), listed_ids(page)
    assert total > len(first) >= 10, f"{total} found, {len(first)} on the first page"
    page.locator("a[rel=next]").first.click()
    page.wait_for_url(re.compile(r"page=2"))
    second = listed_ids(page)
    assert second and not set(first) & set(second), "page 2 repeats page 1"
    assert deployments_found(page) == total
    assert page.get_by_role("searchbox").input_value() == "video surveillance", "the words stay in the box"
    next_link = page.locator("a[rel=next]").first
    if size["width"] < 600 and next_link.count():
        box = next_link.bounding_box()
        assert box is not None and box["x"] + box["width"] <= size["width"], "the pager is off-screen"
    page.locator("a[rel=prev]").first.click()
    page.wait_for_url(re.compile(r"page=1|^[^?]*\?q=[^&]*$"))
    assert listed_ids(page) == first
