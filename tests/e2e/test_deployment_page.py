"""A deployment page as a reader weighs it (issue #13): each fact carries numbered links to the
sources that support it, a link lands on its source in the evidence list, the status says as of
when, an undated source says why, and the page shows its safeguards scorecard and EU AI Act class.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import PHONE, SIZES, Portal, fact_row, page_width

# Police face recognition across a city's CCTV: the record the issue names.
SAFE_CITY = "ken-nairobi-mombasa-safe-city"


def cited_numbers(row: Any) -> list[int]:
    """The source numbers a facts-table row (or any element) links to."""
    hrefs = row.locator("a.ref").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert all(re.fullmatch(r"#source-\d+", href) for href in hrefs), hrefs
    return [int(href.removeprefix("#source-")) for href in hrefs]


@pytest.mark.parametrize("size", SIZES)
def test_each_fact_links_to_the_sources_that_support_it(page: Any, portal: Portal,
                                                        size: dict[str, int]) -> None:
    deployment = portal.get_json(f"/api/v1/deployments/{SAFE_CITY}")
    supporting = {field: {n for n, s in enumerate(deployment["sources"], start=1) if field in s["supports"]}
                  for field in ("country", "city", "technologies", "status", "buyer", "suppliers")}
    page.set_viewport_size(size)
    page.goto(f"/deployments/{SAFE_CITY}")
    assert page.locator("ol.sources > li[id^='source-']").count() == len(deployment["sources"])
    rows = [("Country \\(where used\\)", "country"), ("City", "city"), ("Technologies", "technologies"),
            ("Status", "status"), ("Buyer", "buyer")]
    for label, field in rows:
        assert set(cited_numbers(fact_row(page, label))) == supporting[field], f"the {label} row's citations"
    suppliers = page.locator("section", has=page.locator("#suppliers-heading"))
    assert set(cited_numbers(suppliers)) == supporting["suppliers"], "the suppliers' citations"

    # A citation is a link a reader can follow, on a phone too: it lands on the source it names,
    # which lists the field among those it supports.
    status_ref = fact_row(page, "Status").locator("a.ref").first
    box = status_ref.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"]
    number = cited_numbers(fact_row(page, "Status"))[0]
    status_ref.click()
    page.wait_for_url(f"**#source-{number}")
    target = page.locator(f"#source-{number}")
    assert target.evaluate("li => li.matches(':target')")
    in_view = page.evaluate("() => { const r = document.querySelector(':target').getBoundingClientRect();"
                            " return r.top > -1 && r.top < window.innerHeight; }")
    assert in_view, "the source is not scrolled into view"
    assert "status" in target.locator(".supports").inner_text()
    assert page_width(page)[0] <= page_width(page)[1], "the page is wider than the viewport"


def test_status_says_as_of_when_and_undated_sources_say_why(page: Any, portal: Portal) -> None:
    deployment = portal.get_json(f"/api/v1/deployments/{SAFE_CITY}")
    page.goto(f"/deployments/{SAFE_CITY}")
    status = fact_row(page, "Status").locator("td").inner_text()
    assert deployment["status_as_of"], "the safe-city record should have a dated status"
    assert re.match(rf"Operational as of {deployment['status_as_of']}\b", status), status
    undated = page.locator("ol.sources .undated")
    assert undated.count() == sum(1 for s in deployment["sources"] if not s["published"]) >= 1
    for text in undated.all_inner_texts():
        assert re.match(r"undated: \w+.{10,}", text), f"an undated source should say why: {text!r}"
    evidence = fact_row(page, "Evidence").locator("td").inner_text()
    dated = sum(1 for s in deployment["sources"] if s["published"])
    sources = len(deployment["sources"])
    assert re.match(rf"{sources} sources from \d+ publishers, {dated} of them dated", evidence), evidence


@pytest.mark.parametrize("size", SIZES)
def test_page_shows_the_ai_act_class_and_links_the_full_scorecard(page: Any, portal: Portal,
                                                                   size: dict[str, int]) -> None:
    card = portal.get_json(f"/api/v1/deployments/{SAFE_CITY}/assessment")
    page.set_viewport_size(size)
    page.goto(f"/deployments/{SAFE_CITY}")
    section = page.locator("section", has=page.locator("#assessment-heading"))
    headline = section.locator(".verdict").inner_text()
    # The registry's own facts (face recognition, police, city CCTV) rule out the mildest class:
    # the headline leads with the range, not with "Minimal risk".
    assert headline == card["ai_act"]["headline"]
    assert headline.startswith("High-risk, or prohibited"), headline
    assert "Minimal" not in headline

    section.get_by_role("link", name="the full assessment").click()
    page.wait_for_url(f"**/deployments/{SAFE_CITY}/assessment")
    assert page.locator(".verdict").inner_text() == headline
    rows = page.locator("#safeguards-table tbody tr")
    assert rows.count() == len(card["criteria"])
    first = card["criteria"][0]
    assert rows.first.locator("th").inner_text() == first["label"]
    questions = page.locator("section", has=page.locator("#ai-act-heading")).locator("h3 + ul > li")
    assert questions.count() == len(card["ai_act"]["open_questions"]) >= 1
    if size == PHONE:  # each safeguard stacks under its name, with its status in view
        status = rows.first.locator("td[data-label='Status']").bounding_box()
        assert status is not None and status["x"] + status["width"] <= size["width"]
    assert page_width(page)[0] <= page_width(page)[1]
