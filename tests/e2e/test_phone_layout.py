"""Every kind of portal page at a phone's width (390 × 844) and at a desktop's (1280 × 900).

What issue #13 asks for phones: no page wider than the viewport; a data table either becomes
stacked rows or keeps its key columns (the record's name, country, status, year) on screen
without scrolling sideways; a map that is usable (zoom to a region, a plain list beside it).
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import DESKTOP, PHONE, SIZES, Portal, page_width

# The columns a reader needs to tell rows apart; the others may stack below them.
KEY_COLUMN = r"^(deployment|name|organisation|vendor|country|status|year)\b"
# Tap targets: WCAG 2.5.5 asks 44 × 44 CSS px; markers of small countries are held to it.
TAP = 44


def every_kind_of_page(portal: Portal) -> list[str]:
    """One page of each kind, the record pages picked from the registry itself."""
    deployment = next(d for d in portal.get_json("/api/v1/deployments")["items"] if d["suppliers"])
    vendor = deployment["suppliers"][0]["name"]
    return ["/", "/deployments", f"/deployments/{deployment['id']}", "/countries", "/countries/KEN",
            "/vendors", f"/vendors/{vendor}", "/search?q=safe+city+kenya", "/screen", "/methodology",
            "/downloads", "/releases", "/assess", "/corrections", "/login"]


# Each key column's first data cell, and whether it lies inside the viewport (left edge >= 0,
# right edge <= the viewport's width) with the page scrolled fully left.
KEY_CELLS_JS = """pattern => {
  const key = new RegExp(pattern, 'i');
  const out = [];
  for (const table of document.querySelectorAll('table')) {
    if (!table.tHead || !table.tBodies.length || table.closest('details:not([open])')) continue;
    const heads = [...table.tHead.rows[0].cells];
    const row = [...table.tBodies[0].rows].find(r => r.cells.length === heads.length);
    if (!row) continue;
    heads.forEach((th, i) => {
      const label = th.textContent.trim();
      if (!key.test(label)) return;
      if (!row.cells[i].textContent.trim()) return;  // nothing to show, nothing to hide
      const box = row.cells[i].getBoundingClientRect();
      out.push({table: table.id || table.caption?.textContent.trim() || '?', column: label,
                left: Math.round(box.left), right: Math.round(box.right), shown: box.width > 0});
    });
  }
  return out;
}"""


@pytest.mark.parametrize("size", SIZES)
def test_no_page_is_wider_than_the_viewport(page: Any, portal: Portal, size: dict[str, int]) -> None:
    page.set_viewport_size(size)
    too_wide = {}
    for path in every_kind_of_page(portal):
        response = page.goto(path)
        assert response is not None and response.ok, f"{path} answered {response and response.status}"
        scroll_width, viewport = page_width(page)
        if scroll_width > viewport:
            too_wide[path] = scroll_width
    assert not too_wide, f"pages wider than the {size['width']} px viewport (scrollWidth): {too_wide}"


@pytest.mark.parametrize("size", SIZES)
def test_key_columns_are_on_screen_without_scrolling(page: Any, portal: Portal, size: dict[str, int]) -> None:
    page.set_viewport_size(size)
    off_screen, checked = [], 0
    for path in every_kind_of_page(portal):
        page.goto(path)
        for cell in page.evaluate(KEY_CELLS_JS, KEY_COLUMN):
            checked += 1
            if not cell["shown"] or cell["left"] < 0 or cell["right"] > size["width"]:
                where = f"{cell['left']}–{cell['right']} px"
                off_screen.append(f"{path} {cell['table']}: {cell['column']} at {where}")
    assert checked >= 20, f"only {checked} key cells found; the tables' headers changed?"
    assert not off_screen, "key columns off-screen:\n" + "\n".join(off_screen)


def test_phone_tables_are_stacked_rows_with_labels(page: Any) -> None:
    """At phone width a data table's cells stack, each introduced by its column's label."""
    page.set_viewport_size(PHONE)
    page.goto("/deployments")
    cell = page.locator("#deployments-table tbody tr").first.locator("td[data-label='Status']")
    assert cell.evaluate("td => getComputedStyle(td).display") in ("block", "flow-root")
    label = cell.evaluate("td => getComputedStyle(td, '::before').content")
    assert label == '"Status"', f"the stacked cell should show its column label, got {label}"
    page.set_viewport_size(DESKTOP)
    assert cell.evaluate("td => getComputedStyle(td).display") == "table-cell"


@pytest.mark.parametrize("size", SIZES)
def test_map_zooms_to_a_region_and_lists_its_countries(page_without_js: Any, size: dict[str, int]) -> None:
    """Without JavaScript: the map fills the phone's width, a region link crops it, and the
    countries under it are a plain linked list with their index."""
    page = page_without_js
    page.set_viewport_size(size)
    page.goto("/")
    world = page.locator("#map > svg").bounding_box()
    assert world is not None and world["width"] >= min(size["width"] - 60, 1000)
    world_view = page.locator("#map > svg").get_attribute("viewBox")
    page.locator("nav.regions").get_by_role("link", name="Africa", exact=True).click()
    page.wait_for_url("**/?region=africa#map")
    assert page.locator("#map > svg").get_attribute("viewBox") != world_view
    africa = page.locator("#map > svg").bounding_box()
    assert africa is not None and africa["height"] > world["height"], "a region should be drawn larger"
    assert page.locator("#map-list").is_visible()
    listed = page.locator("#map-list a[href='/countries/KEN']")
    assert listed.count() == 1 and "Kenya" in listed.inner_text()
    assert "index" in listed.locator("xpath=..").inner_text()
    assert page.locator("#map-list a[href='/countries/FRA']").count() == 0, "France is not in Africa"
    page.locator("nav.regions").get_by_role("link", name="World", exact=True).click()
    page.wait_for_url("**/#map")
    assert page.locator("#map > svg").get_attribute("viewBox") == world_view
    assert page.locator("#map-list a[href='/countries/FRA']").count() == 1


def test_small_countries_are_tap_sized_in_a_region_on_a_phone(page_without_js: Any) -> None:
    """Singapore, Hong Kong, the Maldives... are dots at their capital; zoomed to their region,
    each dot's link is a target a finger can hit (44 px, WCAG 2.5.5)."""
    page = page_without_js
    page.set_viewport_size(PHONE)
    page.goto("/?region=asia-pacific")
    targets = page.locator("#map a:has(circle.small-country)")
    assert targets.count() >= 3
    sizes = {link.get_attribute("href"): link.bounding_box() for link in targets.all()}
    small = {href: round(min(box["width"], box["height"])) for href, box in sizes.items()
             if box is None or min(box["width"], box["height"]) < TAP - 1}
    assert not small, f"targets smaller than {TAP} px: {small}"
