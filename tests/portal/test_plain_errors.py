"""Contribution form errors in plain words, each next to its field."""

from __future__ import annotations

import re

from oversight.portal.contribution_form import plain_error
from oversight.review.contributions import ContributionError, FieldProblem, validate
from tests.portal.test_review_pages import sign_in, site  # noqa: F401  (site is a fixture)


def problems_of(record: dict) -> list[FieldProblem]:  # type: ignore[type-arg]
    try:
        validate(record)
    except ContributionError as error:
        return error.problems
    raise AssertionError("the record was valid")


def test_each_record_problem_reads_as_a_sentence() -> None:
    record = {"country": "XXX", "technologies": [], "status": "humming", "announced": "soon",
              "suppliers": [{"organisation": "", "role": "boss"}],
              "sources": [{"url": "not a url", "published": "yesterday"}]}
    plain = dict(plain_error(p) for p in problems_of(record))
    assert plain == {
        "country": "Choose a country from the list.",
        "technologies": "Tick at least one technology.",
        "status": "Choose a status from the list.",
        "year": "Write the year as 2021, or the month or day as 2021-03 or 2021-03-04.",
        "supplier_0": "Write the supplier's name, or leave this row empty.",
        "supplier_role_0": "Choose the supplier's role from the list.",
        "source_url": "This is not a web address: it should start with https:// (or http://).",
        "source_published": "Write the date as 2021-03-04, or just the month (2021-03) or the year (2021).",
    }
    missing = dict(plain_error(p) for p in problems_of({}))
    assert missing["country"] == "Choose the country where the system is used."
    assert missing["status"].startswith("Choose a status")
    [too_long] = problems_of({"country": "KEN", "technologies": ["safe_city"], "status": "planned",
                              "sources": [{"url": "https://example.org/" + "x" * 2000}]})
    assert plain_error(too_long) == ("source_url", "This is too long: keep it to 2000 characters or fewer.")


def test_the_form_shows_them_beside_their_fields(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, _ = site
    token = sign_in(client, "carol")
    page = client.post("/contribute", data={"csrf_token": token, "country": "KEN",
                                            "technologies": ["safe_city"], "status": "planned"}).text
    assert "Please correct the 1 field(s) marked below." in page
    assert re.search(r'id="c-source-url" name="source_url"[^>]*aria-invalid="true" '
                     r'aria-describedby="source_url-error">\s*'
                     r'<span class="field-error" id="source_url-error">'
                     r'Give the web address of a source that shows this', page)
    assert "Field required" not in page and "List should have" not in page


def test_a_missing_source_is_named_with_the_other_problems() -> None:
    """One round of corrections: the missing source is not held back until the rest is valid."""
    fields = {p.field for p in problems_of({"country": "KEN", "technologies": [], "announced": "soon"})}
    assert {"technologies", "status", "announced", "sources"} <= fields
