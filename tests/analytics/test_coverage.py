"""Reconciling AIGS findings with deployments: backed by a technology or by a company (or its
subsidiary), else searched when a lead records the search, else open."""

from __future__ import annotations

from datetime import date

from oversight.analytics.coverage import DeploymentFacts, Organisations, coverage, reconcile
from oversight.registry.aigs import Finding, bundled_findings
from oversight.registry.leads import LeadIn

HUAWEI_TECH = "huawei technologies"
ORGS = Organisations(
    keys={"huawei": "huawei", "华为": "huawei", HUAWEI_TECH: HUAWEI_TECH, "hikvision": "hikvision"},
    parents={HUAWEI_TECH: "huawei"},
)
NAIROBI = DeploymentFacts("ken-nairobi", "KEN", frozenset({"safe_city"}), frozenset({HUAWEI_TECH}))
KAMPALA = DeploymentFacts("uga-kampala", "UGA", frozenset({"facial_recognition"}), frozenset())


def finding(country: str, name: str, index: str = "aigs2019") -> Finding:
    if name.startswith("company:"):
        return Finding(index, country, name, company=name.removeprefix("company:"))
    return Finding(index, country, name, category=name)


def states(*findings: Finding, leads: tuple[LeadIn, ...] = ()) -> list[tuple[str, tuple[str, ...]]]:
    return [(s.state, s.deployments) for s in reconcile(findings, [NAIROBI, KAMPALA], ORGS, leads)]


def test_a_category_is_backed_by_a_deployment_with_its_technology_in_that_country() -> None:
    assert states(finding("KEN", "safe_city"), finding("KEN", "facial_recognition"),
                  finding("UGA", "safe_city")) == [("backed", ("ken-nairobi",)), ("open", ()), ("open", ())]


def test_social_media_surveillance_maps_to_our_technology() -> None:
    listening = DeploymentFacts("ken-listening", "KEN", frozenset({"social_media_monitoring"}), frozenset())
    [state] = reconcile([finding("KEN", "social_media_surveillance", "aigs2022")], [listening], ORGS, [])
    assert state.state == "backed" and state.finding.technology == "social_media_monitoring"


def test_a_company_is_backed_by_itself_or_a_subsidiary_never_by_an_unknown_name() -> None:
    assert states(finding("KEN", "company:Huawei"), finding("KEN", "company:Hikvision"),
                  finding("KEN", "company:Yitu")) == [
        ("backed", ("ken-nairobi",)), ("open", ()), ("open", ())]


def test_a_searched_lead_makes_an_unbacked_finding_searched() -> None:
    lead = LeadIn(country="UGA", index="aigs2019", finding="safe_city", searched=date(2026, 12, 3),
                  queries=["Kampala safe city", "Uganda police cameras supplier"], result="not_found",
                  notes="Only a 2019 announcement; no supplier reported.")
    [state] = reconcile([finding("UGA", "safe_city")], [NAIROBI, KAMPALA], ORGS, [lead])
    assert state.state == "searched" and state.as_dict()["lead"]["result"] == "not_found"


def test_coverage_counts_per_index_category_and_companies() -> None:
    found = reconcile([finding("KEN", "safe_city"), finding("KEN", "company:Huawei"),
                       finding("UGA", "smart_policing")], [NAIROBI, KAMPALA], ORGS, [])
    report = coverage(found, {"KEN", "UGA"})["aigs2019"]
    assert report["countries"] == {"listed": 2, "with_deployments": 2}
    assert report["categories"]["all"] == {"backed": 1, "searched": 0, "open": 1}
    assert report["categories"]["smart_policing"] == {"backed": 0, "searched": 0, "open": 1}
    assert report["companies"] == {"backed": 1, "searched": 0, "open": 0}


def test_the_bundled_tables_give_the_published_totals() -> None:
    findings = bundled_findings()
    by_index: dict[str, dict[str, int]] = {}
    for f in findings:
        group = by_index.setdefault(f.index, {})
        key = f.category or "companies"
        group[key] = group.get(key, 0) + 1
    assert by_index["aigs2019"] == {"safe_city": 56, "facial_recognition": 64, "smart_policing": 53,
                                    "companies": 94}
    assert by_index["aigs2022"] == {"safe_city": 64, "facial_recognition": 78, "smart_policing": 69,
                                    "social_media_surveillance": 38}
    assert len({f.country for f in findings if f.index == "aigs2019"}) == 75
    assert len({f.country for f in findings if f.index == "aigs2022"}) == 97
