"""What a reader takes away (issue #13): a country brief downloaded from the country page is a
real PDF of several pages (read back with pypdf), and /releases lists the numbered data release,
whose files download with the size and SHA-256 hash the page and its datapackage.json state.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.e2e.conftest import SIZES, Portal, page_width


def download(page: Any, link: Any) -> tuple[str, bytes]:
    """Click a download link as a reader would; the file's suggested name and its bytes."""
    with page.expect_download() as started:
        link.click()
    done = started.value
    assert done.failure() is None, done.failure()
    return done.suggested_filename, Path(done.path()).read_bytes()


@pytest.mark.parametrize("size", SIZES)
def test_country_brief_downloads_as_a_pdf_of_several_pages(page: Any, portal: Portal,
                                                           size: dict[str, int]) -> None:
    kenya = portal.get_json("/api/v1/countries/KEN")
    page.set_viewport_size(size)
    page.goto("/countries/KEN")
    link = page.get_by_role("link", name="Printable country brief (PDF)")
    box = link.bounding_box()
    assert box is not None and box["x"] + box["width"] <= size["width"], "the brief's link is off-screen"
    name, data = download(page, link)
    assert name == "oversight-brief-KEN.pdf" and data.startswith(b"%PDF-")

    pdf = PdfReader(io.BytesIO(data))
    assert len(pdf.pages) >= 3, f"a brief of {len(pdf.pages)} page(s)"
    assert pdf.metadata.title == "Oversight country brief: Kenya"
    text = "\n".join(p.extract_text() for p in pdf.pages)
    assert "Country brief: Kenya (KEN)" in text
    for deployment in kenya["deployments"]:
        assert deployment["id"] in text, f"{deployment['id']} is not in the brief"
    for supplier in kenya["suppliers"]:
        assert supplier["name"] in text
    # Every source, numbered: the last number is the country's count of sources.
    sources = len(kenya["sources"])
    numbered = {int(n) for n in re.findall(r"^\[(\d+)\] ", text, re.M)}
    assert numbered == set(range(1, sources + 1)), f"numbered {sorted(numbered)}, expected 1..{sources}"
    assert "The index measures what this registry records, not what exists" in text


@pytest.mark.parametrize("size", SIZES)
def test_release_lists_its_files_and_they_match_their_hashes(page: Any, portal: Portal,
                                                             size: dict[str, int]) -> None:
    [release] = portal.get_json("/api/v1/releases")  # conftest writes one release
    page.set_viewport_size(size)
    page.goto("/releases")
    row = page.locator("#releases-table tbody tr").first
    assert row.locator("th").inner_text().startswith(f"{release['number']} ")
    assert row.locator("td[data-label='Date']").inner_text() == release["date"]
    deployments = release["counts"]["deployments"]
    assert row.locator("td[data-label='Deployments']").inner_text() == (
        f"{deployments} in {release['counts']['countries']} countries")
    changes = row.locator("td[data-label='Changes since the previous release']").inner_text()
    assert changes == f"{deployments} added, 0 changed, 0 removed", "the first release adds every record"
    assert page_width(page)[0] <= size["width"]

    files = row.locator("td[data-label='Files'] li")
    assert files.count() == len(release["resources"])
    csv_item = files.filter(has=page.get_by_role("link", name="deployments.csv", exact=True))
    stated = csv_item.locator("code.hash").get_attribute("title")
    name, data = download(page, csv_item.get_by_role("link"))
    assert name == "deployments.csv"
    assert stated == "sha256:" + hashlib.sha256(data).hexdigest(), "the file does not match the hash shown"
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8"))))
    assert len(rows) == deployments

    package = page.request.get(row.get_by_role("link", name="datapackage.json").get_attribute("href")).json()
    [described] = [r for r in package["resources"] if r["path"] == "deployments.csv"]
    assert (described["hash"], described["bytes"]) == (stated, len(data))
    assert package["licenses"], "a release names its licence"
