"""Each rule of the data linter on a few literal records."""

from __future__ import annotations

from pathlib import Path

from oversight.registry.lint import LintReport, lint_paths, secondary_kind

ORGANISATIONS = """organisations:
  - name: Huawei
    kind: vendor
    country: CHN
    sources:
      - url: https://en.wikipedia.org/wiki/Huawei
        undated_reason: encyclopedia article, continuously edited
  - name: Huawei Technologies Kenya
    kind: vendor
    parent: Huawei
    sources:
      - url: https://www.huawei.com/ke/news/2015
        published: 2015
"""

DEPLOYMENTS = """deployments:
  - id: ken-nairobi-cameras
    country: KEN
    city: Nairobi
    suppliers: [{organisation: Huawei Technologies Kenya, role: supplier}]
    technologies: [safe_city]
    status: operational
    sources:
      - url: https://news.example.org/2015/nairobi
  - id: ken-nairobi-cameras-again
    country: KEN
    city: nairobi
    suppliers: [{organisation: Huawei Technologies Kenya}]
    technologies: [safe_city]
    status: pilot
    sources:
      - url: https://www.scribd.com/document/1/nairobi
        published: 2016
      - url: https://en.wikipedia.org/wiki/Huawei
  - id: ken-mombasa-cameras
    country: KEN
    city: Mombasa
    technologies: [video_surveillance]
    status: operational
    single_source: the county's own award notice
    sources:
      - url: https://county.example.org/award
        published: 2020-02-01
"""

LISTINGS = """listings:
  - list: us_entity_list
    organisation: Huawei
    listed_name: Huawei Technologies Co., Ltd.
    sources:
      - url: https://docslib.org/doc/1/federal-register
        published: 2019-05-21
  - list: us_entity_list
    organisation: Huawei
    listed_name: Huawei Technologies Co., Ltd. (read in a copy, cited to the official act)
    citation: 84 FR 22961
    sources:
      - url: https://docslib.org/doc/1/federal-register
        published: 2019-05-21
  - list: us_entity_list
    organisation: Huawei
    listed_name: Huawei Technologies Co., Ltd. (the official page beside a copy)
    sources:
      - url: https://www.federalregister.gov/documents/2019/05/21/2019-10616/addition-of-entities
        published: 2019-05-21
      - url: https://docslib.org/doc/1/federal-register
        published: 2019-05-21
"""

LEADS = """leads:
  - country: KEN
    index: aigs2019
    finding: company:Huawei
    searched: 2026-12-03
    result: found
    deployments: [ken-mombasa-cameras, ken-gone]
  - country: UGA
    index: aigs2019
    finding: smart_policing
    searched: 2026-12-03
    queries: [Uganda police analytics, Kampala predictive policing]
    result: not_found
    notes: Nothing beyond AIGS itself.
"""


def lint_files(tmp_path: Path) -> LintReport:
    for name, text in (("organisations.yaml", ORGANISATIONS), ("deployments.yaml", DEPLOYMENTS),
                       ("listings.yaml", LISTINGS)):
        (tmp_path / name).write_text(text)
    leads = tmp_path / "leads"
    leads.mkdir()
    (leads / "africa.yaml").write_text(LEADS)
    report = lint_paths([tmp_path / "organisations.yaml", tmp_path / "deployments.yaml",
                         tmp_path / "listings.yaml"], leads)
    assert report.load_problems == []
    return report


def lint(tmp_path: Path) -> dict[str, list[str]]:
    report = lint_files(tmp_path)
    found: dict[str, list[str]] = {}
    for problem in report.problems:
        found.setdefault(problem.rule, []).append(problem.subject)
    return found


def test_every_rule_on_literal_records(tmp_path: Path) -> None:
    assert lint(tmp_path) == {
        "undated_source": ["https://news.example.org/2015/nairobi"],
        "single_source_operational": ["ken-nairobi-cameras"],
        "aggregator_only": ["ken-nairobi-cameras-again"],
        "organisation_aggregator_only": ["Huawei"],
        "duplicate_deployment": ["ken-nairobi-cameras-again"],
        "mirror_citation": ["us_entity_list: Huawei Technologies Co., Ltd."],
        "lead_without_evidence": ["aigs2019 KEN company:Huawei"],
        "lead_not_backed": ["aigs2019 KEN company:Huawei", "aigs2019 KEN company:Huawei"],
    }


def test_lead_not_backed_says_why(tmp_path: Path) -> None:
    report = lint_files(tmp_path)
    messages = [p.message for p in report.problems if p.rule == "lead_not_backed"]
    assert messages == ["no deployment 'ken-gone'",
                        "'ken-mombasa-cameras' do(es) not back it (another country, or neither the "
                        "technology nor the company)"]


def test_secondary_sources_are_matched_on_the_host() -> None:
    assert secondary_kind("https://fr.wikipedia.org/wiki/Huawei").id == "encyclopedia"  # type: ignore[union-attr]
    assert secondary_kind("https://www.scribd.com/document/1").id == "document_mirror"  # type: ignore[union-attr]
    assert secondary_kind("https://notwikipedia.org/x") is None
    assert secondary_kind("https://www.federalregister.gov/documents/x") is None
