"""/assess in the browser (issue #13): a described deployment (the YAML of `oversight assess`)
gets its EU AI Act class and safeguards scorecard; a description that cannot be read is explained
line by line beside the box, and the text typed is kept.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import SIZES, page_width

# Real-time police face recognition in public space, its authorisation unknown.
STATION_TRIAL = """\
country: DEU
name: Station face recognition trial (fictional)
buyer: Federal Police
technologies: [facial_recognition]
purpose: law_enforcement
biometric: true
remote: true
real_time: true
publicly_accessible_space: true
uses: [identification]
authorisation: unknown
"""


def assess(page: Any, text: str) -> None:
    page.fill("#description", text)
    with page.expect_navigation():
        page.get_by_role("button", name="Assess").click()


@pytest.mark.parametrize("size", SIZES)
def test_a_described_deployment_gets_its_class_and_scorecard(page: Any, size: dict[str, int]) -> None:
    page.set_viewport_size(size)
    page.goto("/assess")
    box = page.locator("#description").bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= size["width"]
    assess(page, STATION_TRIAL)
    verdict = page.locator(".verdict").inner_text()
    # Open questions decide between classes: the page leads with the range, never the mildest.
    assert verdict.startswith("High-risk, or prohibited"), verdict
    assert "Art. 5(1)(h)" in verdict
    assert page.locator("#safeguards-table tbody tr").count() >= 5
    assert page.locator("#missing-heading").is_visible(), "what the description leaves out is listed"
    assert page.locator("#description").input_value() == STATION_TRIAL
    assert page_width(page)[0] <= size["width"]


def test_an_unreadable_description_is_explained_beside_the_box(page: Any) -> None:
    page.goto("/assess")
    assess(page, "country: KEN\ntechnologies: [lasers]\n")
    problems = page.locator("#description-problems")
    assert problems.is_visible()
    assert problems.inner_text().startswith("Line 2, field technologies: 'lasers' is not a technology")
    assert page.locator("#description").get_attribute("aria-describedby") == "description-problems"
    assert page.locator(".verdict").count() == 0, "no scorecard for a description that was not read"
    assert page.locator("#description").input_value() == "country: KEN\ntechnologies: [lasers]\n"
    assess(page, "   ")
    assert "The description is empty" in problems.inner_text()
