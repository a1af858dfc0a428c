"""Review at scale in the browser (issue #13): the queue comes a page at a time and filters by
country, supplier and technology; a proposal that repeats a registry deployment is flagged and can
be merged into it; a contributor gets plain-words errors beside the fields and sees their own
submissions.

The queue holds the proposals of the fictional stories in conftest: one in Botswana, 21 Namibian
suppliers (more than the queue's page of 20), and one that repeats a Kenyan deployment.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import (
    QUEUE_COUNTRY,
    QUEUE_VENDORS,
    SAME_KEY_DEPLOYMENT,
    SAME_KEY_STORY,
    SIZES,
    Portal,
    page_width,
    sign_in,
)

QUEUE_PAGE = 20
PROPOSALS = "section.proposal"


def proposal_titles(page: Any) -> list[str]:
    return page.locator(f"{PROPOSALS} h3").all_inner_texts()


def total_in_heading(page: Any) -> int:
    return int(re.search(r"Extracted proposals \((\d+)\)", page.locator("#proposals").inner_text())[1])


def apply_filters(page: Any, **fields: str) -> None:
    form = page.locator("form[aria-label='Filter proposals']")
    for name, value in fields.items():
        control = form.locator(f"[name={name}]")
        if control.evaluate("el => el.tagName") == "SELECT":
            control.select_option(value)
        else:
            control.fill(value)
    with page.expect_navigation():
        form.get_by_role("button", name="Apply filters").click()


@pytest.mark.parametrize("size", SIZES)
def test_queue_pages_and_filters(page: Any, reviewer: tuple[str, str], size: dict[str, int]) -> None:
    page.set_viewport_size(size)
    sign_in(page, *reviewer)
    page.goto("/review")
    total = total_in_heading(page)
    assert total > QUEUE_PAGE, f"the fictional stories should fill more than one page, got {total}"
    first = proposal_titles(page)
    assert len(first) == QUEUE_PAGE
    assert "Page 1 of 2" in page.locator("nav.pager").inner_text()
    page.get_by_role("link", name="Next →").click()
    page.wait_for_url(re.compile(r"/review\?page=2$"))
    second = proposal_titles(page)
    assert len(second) == total - QUEUE_PAGE and not set(first) & set(second)
    assert page_width(page)[0] <= size["width"], "the queue is wider than the viewport"

    apply_filters(page, country=QUEUE_COUNTRY)
    namibian = proposal_titles(page)
    assert total_in_heading(page) == len(QUEUE_VENDORS)
    assert all(title.startswith(f"{QUEUE_COUNTRY} · ") for title in namibian), namibian
    page.get_by_role("link", name="Next →").click()  # the filter holds on the next page
    page.wait_for_url(re.compile(rf"country={QUEUE_COUNTRY}.*page=2"))
    assert len(proposal_titles(page)) == len(QUEUE_VENDORS) - QUEUE_PAGE
    assert page.locator("#f-country").input_value() == QUEUE_COUNTRY

    apply_filters(page, country="", vendor="birch")  # part of a name, any case
    assert proposal_titles(page) == [f"{QUEUE_COUNTRY} · Birch Optics Systems · facial_recognition"]
    apply_filters(page, vendor="", technology="safe_city")
    titles = proposal_titles(page)
    assert titles and all(t.endswith(" · safe_city") for t in titles), titles
    apply_filters(page, technology="", vendor="no such supplier anywhere")
    assert proposal_titles(page) == []
    assert "No open proposals match these filters" in page.locator("main").inner_text()
    if size["width"] < 600:  # the filter form stays usable on a phone
        for control in ("#f-country", "#f-vendor", "#f-technology"):
            box = page.locator(control).bounding_box()
            assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"], control


def test_a_proposal_with_a_registry_key_is_flagged_and_merged(page: Any, portal: Portal,
                                                              reviewer: tuple[str, str]) -> None:
    sign_in(page, *reviewer)
    page.goto("/review?country=KEN&technology=facial_recognition")
    proposal = page.locator(PROPOSALS, has_text="Huawei")
    assert proposal.count() == 1
    flag = proposal.locator(".same-key")
    assert flag.is_visible() and "Possible duplicate" in flag.inner_text()
    assert flag.locator(f"a[href='/deployments/{SAME_KEY_DEPLOYMENT}']").count() == 1
    flag.get_by_role("link", name="Merge its evidence instead").click()
    page.wait_for_url(re.compile(r"/review/\w+#merge-title$"))
    proposal_id = re.search(r"/review/(\w+)#", page.url)[1]
    merge = page.locator("form[aria-labelledby='merge-title']")
    assert merge.locator("#merge-deployment").input_value() == SAME_KEY_DEPLOYMENT
    merge.locator("input[name=note]").fill("FICTIONAL TEST STORY: the same system as the registry's.")
    merge.get_by_role("button", name="Merge").click()
    page.wait_for_url(re.compile(rf"/review\?proposal={proposal_id}&decision=merged"))
    notice = page.locator(".notice[role=status]").inner_text()
    assert f"Proposal {proposal_id} was merged as deployment {SAME_KEY_DEPLOYMENT}." in notice
    assert page.locator(f"#p-{proposal_id}").count() == 0, "a merged proposal leaves the queue"

    page.get_by_role("link", name="See the deployment").click()
    page.wait_for_url(f"**/deployments/{SAME_KEY_DEPLOYMENT}")
    cited = page.locator("ol.sources > li a[href]").evaluate_all("a => a.map(x => x.getAttribute('href'))")
    assert SAME_KEY_STORY["url"] in cited, "the merged story should be a source of the deployment"
    assert "merged" in page.locator("section", has=page.locator("#review-heading")).inner_text()
    ids = [d["id"] for d in portal.get_json("/api/v1/deployments?country=KEN&limit=100")["items"]]
    nairobi = [i for i in ids if i.startswith("ken-nairobi")]
    assert nairobi == [SAME_KEY_DEPLOYMENT], f"the merge made a duplicate: {nairobi}"


@pytest.mark.parametrize("size", SIZES)
def test_contribution_errors_are_plain_words_beside_their_fields(page: Any, contributor: tuple[str, str],
                                                                 size: dict[str, int]) -> None:
    page.set_viewport_size(size)
    sign_in(page, *contributor)
    page.goto("/contribute")
    page.select_option("#c-country", QUEUE_COUNTRY)
    page.fill("#c-year", "soon")
    page.fill("#c-supplier-0", f"Larch Optics Systems ({size['width']} px, fictional)")
    page.get_by_role("button", name="Submit for review").click()
    assert page.locator("p.error[role=alert]").inner_text().startswith("Please correct the")
    expected = {  # field -> the start of its sentence
        "technologies": "Tick at least one technology.",
        "status": "Choose a status",
        "year": "Write the year as 2021",
        "source_url": "Give the web address of a source",
    }
    for field, sentence in expected.items():
        error = page.locator(f"#{field}-error")
        assert error.is_visible() and error.inner_text().startswith(sentence), field
        # Beside its field: in the same paragraph or fieldset as the control it is about.
        holder = error.locator("xpath=ancestor::*[self::p or self::fieldset][1]")
        assert holder.locator(f"[name={field}]").count() >= 1, f"the {field} error is not beside its field"
        box = error.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"]
    assert page.locator("#c-year").get_attribute("aria-invalid") == "true"
    assert page.locator("#c-year").input_value() == "soon", "what was typed is kept"
    assert page.locator("#c-country").input_value() == QUEUE_COUNTRY

    page.check("input[name=technologies][value=facial_recognition]")
    page.select_option("#c-status", "planned")
    page.fill("#c-year", "2025")
    page.fill("#c-source-url", "https://news.example.org/e2e/fictional-contribution")
    page.fill("#c-source-title", "FICTIONAL TEST STORY for the browser tests")
    page.get_by_role("button", name="Submit for review").click()
    page.wait_for_url(re.compile(r"/contribute\?submitted=\d+"))
    number = re.search(r"submitted=(\d+)", page.url)[1]
    page.get_by_role("link", name="See your contributions").click()
    row = page.locator("#my-contributions tbody tr", has=page.get_by_role("cell", name=number, exact=True))
    assert row.count() == 1
    assert "Larch Optics Systems" in row.inner_text() and "Waiting for a reviewer" in row.inner_text()
    assert page_width(page)[0] <= size["width"]
