"""Official links for the acts that restriction-list citations name.

A listing's `citation` names the act that made it ("84 FR 54002", "Federal Register document
2019-22210", "Pub. L. 115-232, sec. 889", "US Treasury press release JY0127"). Each form has a
stable address at its official publisher: GovInfo's link service resolves a Federal Register
volume and page or a public law, federalregister.gov a document number, the Treasury a press
release number. The link is built from the citation itself, so a reader reaches the official
publication even where the page the researcher read was a copy or an alert.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

from oversight.vocab import VOCAB


@dataclass(frozen=True)
class OfficialLink:
    label: str
    url: str

    def as_dict(self) -> dict[str, str]:
        return {"label": self.label, "url": self.url}


# "84 FR 54002", "88 FR 18983-18987", "85 F.R. 51,596", "75 Fed. Reg. 28404"
_FR_PAGE = re.compile(
    r"\b(?P<volume>\d{2,3}) ?(?:FR|F\. ?R\.|Fed\. ?Reg\.) (?P<page>\d{1,3}(?:,\d{3})+|\d+)\b")
# "Federal Register document 2019-22210", "FR Doc. 2021-12019", "FR doc 2024-24723"
_FR_DOCUMENT = re.compile(
    r"\b(?:Federal Register document|FR Doc\.?|FR doc(?:ument)?) (?P<number>(?:19|20)\d\d-\d{4,6})\b")
# "Pub. L. 115-232", "Public Law 115-232", "Pub. L. No. 117-263"
_PUBLIC_LAW = re.compile(r"\b(?:Pub\. ?L\.|Public Law)(?: No\.)? (?P<congress>\d{3})-(?P<number>\d{1,3})\b")
# "press release JY0127", "press release sm1073": the Treasury numbers its press releases
_TREASURY_RELEASE = re.compile(r"\bTreasury press release (?P<number>(?:JY|SM)\d{3,4})\b", re.IGNORECASE)

# Public laws are on GovInfo from the 104th Congress on.
_FIRST_GOVINFO_CONGRESS = 104


def official_links(citation: str | None) -> list[OfficialLink]:
    """The official addresses of the acts a citation names, in the order it names them."""
    if not citation:
        return []
    found: list[tuple[int, OfficialLink]] = []
    for m in _FR_PAGE.finditer(citation):
        volume, page = int(m["volume"]), int(m["page"].replace(",", ""))
        found.append((m.start(), OfficialLink(f"{volume} FR {page}",
                                              f"https://www.govinfo.gov/link/fr/{volume}/{page}")))
    for m in _FR_DOCUMENT.finditer(citation):
        found.append((m.start(), OfficialLink(f"FR Doc. {m['number']}",
                                              f"https://www.federalregister.gov/d/{m['number']}")))
    for m in _PUBLIC_LAW.finditer(citation):
        congress, number = int(m["congress"]), int(m["number"])
        if congress >= _FIRST_GOVINFO_CONGRESS:
            found.append((m.start(), OfficialLink(
                f"Pub. L. {congress}-{number}",
                f"https://www.govinfo.gov/link/plaw/{congress}/public/{number}")))
    for m in _TREASURY_RELEASE.finditer(citation):
        number = m["number"].upper()
        found.append((m.start(), OfficialLink(
            f"Treasury press release {number}",
            f"https://home.treasury.gov/news/press-releases/{number.lower()}")))
    links: list[OfficialLink] = []
    for _, link in sorted(found, key=lambda pair: pair[0]):
        if link not in links:
            links.append(link)
    return links


def on_hosts(url: str, domains: Iterable[str]) -> bool:
    """Whether a URL's host is one of ``domains`` or a subdomain of one."""
    host = (urlsplit(url).hostname or "").rstrip(".").removeprefix("www.")
    return any(host == domain or host.endswith("." + domain) for domain in domains)


def is_official_url(url: str) -> bool:
    """Whether a URL is on an official publisher's host (schema.yaml `official_publishers`)."""
    return on_hosts(url, VOCAB.official_publishers)
