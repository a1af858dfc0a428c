"""The screening page in the browser (issue #13): several supplier names typed at once, and a CSV
file uploaded, each name with the organisation it matched and the restriction lists that reach it.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlencode

import pytest

from tests.e2e.conftest import SIZES, Portal, page_width

# A listed vendor by its English and its Chinese name, a listed one by its legal name, one in the
# registry on no list, and a made-up bakery that matches nothing.
NAMES = ["Hikvision", "海康威视", "Huawei Technologies Co., Ltd.", "Safaricom", "Acme Bakery Ltd (fictional)"]


def result_row(page: Any, name: str) -> Any:
    return page.locator("section[aria-labelledby=screened] tbody tr",
                        has=page.get_by_role("rowheader", name=name, exact=True))


def expected(portal: Portal, names: list[str]) -> dict[str, Any]:
    """The JSON twin's answer for each name: the page must say the same."""
    answers = portal.get_json("/api/v1/screen?" + urlencode([("q", name) for name in names]))
    return {answer["query"]: answer["match"] for answer in answers}


@pytest.mark.parametrize("size", SIZES)
def test_several_names_are_screened_at_once(page: Any, portal: Portal, size: dict[str, int]) -> None:
    matches = expected(portal, NAMES)
    page.set_viewport_size(size)
    page.goto("/screen")
    page.fill("#q", "\n".join(NAMES))
    page.get_by_role("button", name="Screen", exact=True).click()
    page.wait_for_url(re.compile(r"/screen\?q="))
    flagged = sum(bool(m and m["lists"]) for m in matches.values())
    assert flagged == 3
    heading = page.locator("#screened").inner_text()
    assert heading.startswith(f"{len(NAMES)} names screened, {flagged} on a list"), heading

    for name in ("Hikvision", "海康威视"):
        row = result_row(page, name)
        assert row.locator("td").first.inner_text().startswith("Hikvision")
        lists = row.locator("ul.lists > li")
        assert lists.count() == len(matches[name]["lists"])
        assert "US Entity List" in lists.first.inner_text()
        assert row.locator("ul.lists a[href^='http']").count() >= 1, "each listing should cite its source"
    huawei = result_row(page, "Huawei Technologies Co., Ltd.")
    assert huawei.locator("td").first.inner_text().startswith("Huawei")
    assert "On no list." in result_row(page, "Safaricom").inner_text()
    assert result_row(page, NAMES[-1]).locator("td").first.inner_text() == "No match"
    assert page.locator("#q").input_value() == "\n".join(NAMES), "the names stay in the box"
    # The name and the lists it is on are what a compliance officer reads: on screen, on a phone too.
    hikvision = result_row(page, "Hikvision")
    for cell in (hikvision.locator("th"), hikvision.locator("ul.lists")):
        box = cell.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + min(box["width"], 100) <= size["width"]
    assert page_width(page)[0] <= size["width"], "the results are wider than the viewport"


def test_a_csv_file_of_names_is_screened_and_a_wrong_column_is_explained(page: Any, portal: Portal) -> None:
    names = ["Hikvision", "Acme Bakery Ltd (fictional)"]
    upload = {"name": "suppliers.csv", "mimeType": "text/csv",
              "buffer": ("supplier,amount\n" + "".join(f"{n},100\n" for n in names)).encode("utf-8")}
    page.goto("/screen")
    page.set_input_files("#file", upload)
    page.fill("#column", "vendor")  # not a column of the file
    page.get_by_role("button", name="Screen the file").click()
    problems = page.locator(".problems[role=alert]")
    assert problems.is_visible() and "suppliers.csv" in problems.inner_text()
    assert "Nothing was screened" in problems.inner_text()

    page.set_input_files("#file", upload)
    page.fill("#column", "supplier")
    page.get_by_role("button", name="Screen the file").click()
    assert page.locator("#screened").inner_text().startswith("2 names screened, 1 on a list")
    assert "US Entity List" in result_row(page, "Hikvision").inner_text()
    assert result_row(page, names[1]).locator("td").first.inner_text() == "No match"
