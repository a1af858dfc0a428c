"""Corrections in the browser (issue #13): a contributor proposes a record as it should read from
its page, sees it among their submissions, a reviewer accepts it, and the corrected record and the
/corrections page show it; an admin edits a published record at once, with problems in plain words.

Each test corrects its own record (one the other browser tests never read), so the order of the
tests does not matter. The corrections are fictional and say so in their notes.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import DESKTOP, PHONE, Portal, fact_row, page_width, sign_in

# A record per size, each with a one-line city to correct.
CORRECTED = [pytest.param(PHONE, "ury-mininterior-predpol", id="phone"),
             pytest.param(DESKTOP, "ecu-mdi-crime-analysis-daid", id="desktop")]
EDITED_BY_ADMIN = "ury-mininterior-centro-comando-unificado"
ADDED_PLACE = "Testville (fictional)"


def with_city_added(text: str) -> tuple[str, str]:
    """The record's YAML with a place added to its city line, and the new city."""
    old = re.search(r"^city: (.+)$", text, re.M)
    assert old, f"the record has no one-line city:\n{text[:300]}"
    city = f"{old[1]}; {ADDED_PLACE}"
    return text.replace(old[0], f"city: {city}", 1), city


def notice(page: Any) -> str:
    return page.locator(".notice[role=status]").inner_text()


def fits(page: Any, selector: str, width: int) -> None:
    """The control lies within the viewport's width (usable without scrolling sideways)."""
    box = page.locator(selector).bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= width, f"{selector}: {box}"


@pytest.mark.parametrize(("size", "record"), CORRECTED)
def test_contributor_correction_is_reviewed_and_published(
    page: Any, portal: Portal, contributor: tuple[str, str], reviewer: tuple[str, str], size: dict[str, int],
    record: str,
) -> None:
    page.set_viewport_size(size)
    page.goto(f"/deployments/{record}")
    page.get_by_role("link", name="Suggest a correction").click()
    page.wait_for_url(re.compile(r"/login\?next="))  # it takes an account: sign in, then come back
    page.fill("input[name=name]", contributor[0])
    page.fill("input[name=password]", contributor[1])
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"**/deployments/{record}/correct")
    for control in ("#record", "#note", "form.stacked button[type=submit]"):
        fits(page, control, size["width"])
    assert page_width(page)[0] <= size["width"]

    text, city = with_city_added(page.locator("#record").input_value())
    assert f"id: {record}" in text
    page.fill("#record", text)
    page.get_by_role("button", name="Send for review").click()
    problems = page.locator("#correction-problems")
    assert problems.is_visible(), "a correction without a note should be refused"
    assert "Say what is wrong and how the sources show it" in problems.inner_text()
    assert page.locator("#record").input_value() == text, "the corrected text should be kept"
    assert page.locator("#record").get_attribute("aria-describedby") == "correction-problems"

    page.fill("#note", "FICTIONAL TEST CORRECTION for the browser tests: a place is added to the city.")
    page.get_by_role("button", name="Send for review").click()
    page.wait_for_url(re.compile(r"/contribute\?submitted=\d+"))
    number = re.search(r"submitted=(\d+)", page.url)[1]
    assert f"contribution {number} is waiting for a reviewer" in notice(page)
    page.get_by_role("link", name="See your contributions").click()
    mine = page.locator("#my-contributions tbody tr", has_text=f"Correction of {record}")
    assert mine.count() == 1 and "Waiting for a reviewer" in mine.inner_text()

    page.context.clear_cookies()
    sign_in(page, *reviewer)
    page.goto("/review#contributions")
    page.get_by_role("link", name=f"Contribution {number}", exact=True).click()
    city_row = page.get_by_role("rowheader", name="city", exact=True)
    change = page.locator("#correction-changes tbody tr", has=city_row)
    assert ADDED_PLACE in change.locator("td[data-label='Proposed']").inner_text()
    assert ADDED_PLACE not in change.locator("td[data-label='Now']").inner_text()
    fits(page, "form[aria-labelledby='accept-title'] button[type=submit]", size["width"])
    page.get_by_role("button", name="Accept as submitted").click()
    page.wait_for_url(re.compile(rf"/review\?contribution={number}&decision=accepted"))
    assert f"Contribution {number} was accepted as deployment {record}." in notice(page)

    page.context.clear_cookies()  # what every reader sees now
    page.goto(f"/deployments/{record}")
    assert fact_row(page, "City").locator("td").inner_text().startswith(city)
    review = page.locator("section", has=page.locator("#review-heading"))
    assert f"contribution {number}" in review.inner_text()
    page.goto("/corrections")
    row = page.locator("#corrections-table tbody tr", has_text=record)
    assert row.count() == 1 and contributor[0] in row.inner_text()
    assert page_width(page)[0] <= size["width"]

    sign_in(page, *contributor)
    page.goto("/contribute/mine")
    mine = page.locator("#my-contributions tbody tr", has_text=f"Correction of {record}")
    decided = mine.inner_text()
    assert re.search(rf"Accepted by {reviewer[0]} on .*see the deployment", decided), decided


def test_admin_edits_a_published_record_with_problems_in_plain_words(page: Any,
                                                                     admin: tuple[str, str]) -> None:
    page.set_viewport_size(PHONE)
    sign_in(page, *admin)
    page.goto(f"/deployments/{EDITED_BY_ADMIN}")
    page.get_by_role("link", name="Edit this record").click()
    page.wait_for_url(f"**/deployments/{EDITED_BY_ADMIN}/edit")
    for control in ("#record", "#note", "form.stacked button[type=submit]"):
        fits(page, control, PHONE["width"])

    text, city = with_city_added(page.locator("#record").input_value())
    broken = re.sub(r"^status: .+$", "status: finished", text, count=1, flags=re.M)
    page.fill("#record", broken)
    page.fill("#note", "FICTIONAL TEST EDIT for the browser tests.")
    page.get_by_role("button", name="Save the record").click()
    problems = page.locator("#correction-problems")
    assert problems.is_visible()
    message = problems.inner_text()
    assert "Field status: 'finished' is not a known status; expected one of planned" in message, message
    assert page.locator("#record").input_value() == broken

    page.fill("#record", "id: somebody-else\n" + text.split("\n", 1)[1])
    page.get_by_role("button", name="Save the record").click()
    assert f"Keep the line id: {EDITED_BY_ADMIN}" in problems.inner_text()

    page.fill("#record", text)
    page.get_by_role("button", name="Save the record").click()
    page.wait_for_url(f"**/deployments/{EDITED_BY_ADMIN}#review-heading")
    assert fact_row(page, "City").locator("td").inner_text().startswith(city)
    history = page.locator("#history-table tbody tr", has_text=admin[0])
    assert history.count() >= 1 and "city" in history.last.inner_text()
    page.goto("/corrections")
    row = page.locator("#corrections-table tbody tr", has_text=EDITED_BY_ADMIN)
    assert row.count() == 1 and admin[0] in row.inner_text()
