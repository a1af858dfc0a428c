"""Official links built from the acts a restriction-list citation names."""

from __future__ import annotations

import pytest

from oversight.registry.citations import OfficialLink, is_official_url, official_links


@pytest.mark.parametrize(("citation", "expected"), [
    ("84 FR 54002", [("84 FR 54002", "https://www.govinfo.gov/link/fr/84/54002")]),
    ("88 FR 18983-18987 (Federal Register document 2023-06663; effective 2023-03-28)", [
        ("88 FR 18983", "https://www.govinfo.gov/link/fr/88/18983"),
        ("FR Doc. 2023-06663", "https://www.federalregister.gov/d/2023-06663")]),
    ("Executive Order 14032 of June 3, 2021, 86 FR 30145 (FR Doc. 2021-12019), annex", [
        ("86 FR 30145", "https://www.govinfo.gov/link/fr/86/30145"),
        ("FR Doc. 2021-12019", "https://www.federalregister.gov/d/2021-12019")]),
    ("85 F.R. 51,596", [("85 FR 51596", "https://www.govinfo.gov/link/fr/85/51596")]),
    ("75 Fed. Reg. 28404", [("75 FR 28404", "https://www.govinfo.gov/link/fr/75/28404")]),
    ("Pub. L. 115-232, sec. 889 (John S. McCain NDAA for FY2019, enacted 2018-08-13)", [
        ("Pub. L. 115-232", "https://www.govinfo.gov/link/plaw/115/public/232")]),
    ("OFAC SDN entry 31455 (designated 2021-04-15; US Treasury press release JY0127)", [
        ("Treasury press release JY0127", "https://home.treasury.gov/news/press-releases/jy0127")]),
])
def test_each_cited_act_gets_its_official_address(citation: str, expected: list[tuple[str, str]]) -> None:
    assert official_links(citation) == [OfficialLink(label, url) for label, url in expected]


@pytest.mark.parametrize("citation", [
    None,
    "",
    "DoD section 1260H list update of 2024-01-31",  # a date is not an act's number
    "FCC Public Notice DA 22-320, WC Docket No. 18-89",
    "Pub. L. 99-145",  # before the 104th Congress, GovInfo has no public-law text
    "Council of the EU, Regulation (EU) No 359/2011, Annex I",
])
def test_citations_without_a_resolvable_act_get_no_link(citation: str | None) -> None:
    assert official_links(citation) == []


def test_the_same_act_cited_twice_is_linked_once() -> None:
    assert len(official_links("84 FR 54002; see also 84 FR 54002")) == 1


def test_official_publishers_are_matched_on_the_host() -> None:
    assert is_official_url("https://www.federalregister.gov/documents/2019/10/09/2019-22210/x")
    assert is_official_url("https://home.treasury.gov/news/press-releases/jy0127")
    assert is_official_url("https://www.bis.doc.gov/index.php/documents/regulations-docs/2326")
    assert not is_official_url("https://docslib.org/doc/243735/federal-register")
    assert not is_official_url("https://notfederalregister.gov.example.org/x")
