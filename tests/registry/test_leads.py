"""Searched leads are read with file:line errors, and the bundled folder holds only valid ones."""

from __future__ import annotations

from pathlib import Path

from oversight.registry.leads import bundled_leads_dir, lead_files, read_leads

SEARCHED = """leads:
  - country: ARM
    index: aigs2022
    finding: smart_policing
    searched: 2026-12-03
    queries:
      - Armenia police video analytics system supplier
      - Yerevan safe city cameras contract
    result: not_found
    notes: A 2021 ministry plan was announced; no supplier or contract reported.
  - country: KEN
    index: aigs2019
    finding: company:Huawei
    searched: 2026-12-03
    queries: [Kenya Huawei safe city]
    result: found
    deployments: [ken-nairobi-safe-city]
"""


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "region.yaml"
    path.write_text(text)
    return path


def test_leads_are_read_with_their_place(tmp_path: Path) -> None:
    leads, problems = read_leads([write(tmp_path, SEARCHED)])
    assert problems == []
    first, second = leads
    assert (first.record.country, first.record.finding, first.line) == ("ARM", "smart_policing", 2)
    assert second.record.company == "Huawei" and second.record.deployments == ["ken-nairobi-safe-city"]


def test_errors_name_file_line_and_field(tmp_path: Path) -> None:
    text = SEARCHED.replace("finding: smart_policing", "finding: drones").replace(
        "result: found", "result: maybe")
    _, problems = read_leads([write(tmp_path, text)])
    assert [(p.line, p.field) for p in problems] == [(2, None), (16, "result")]
    assert "not a category of aigs2022" in problems[0].reason
    assert str(problems[1]).startswith(f"{tmp_path / 'region.yaml'}:16 [result]")


def test_a_closed_lead_says_what_was_done(tmp_path: Path) -> None:
    text = SEARCHED.replace("    notes: A 2021", "    other: A 2021").replace(
        "    deployments: [ken-nairobi-safe-city]\n", "")
    _, problems = read_leads([write(tmp_path, text)])
    reasons = " | ".join(p.reason for p in problems)
    assert "unknown field" in reasons
    text = SEARCHED.replace("    deployments: [ken-nairobi-safe-city]\n", "")
    _, problems = read_leads([write(tmp_path, text)])
    assert [p.reason for p in problems] == [
        "a lead closed as 'found' lists the ids of the deployments that back it"]


def test_company_findings_are_2019_only_and_a_finding_is_recorded_once(tmp_path: Path) -> None:
    text = SEARCHED.replace("index: aigs2019", "index: aigs2022")
    _, problems = read_leads([write(tmp_path, text)])
    assert "'company:' findings are 2019 only" in problems[0].reason
    twice = SEARCHED + SEARCHED.removeprefix("leads:\n")
    leads, problems = read_leads([write(tmp_path, twice)])
    assert len(leads) == 2 and [p.field for p in problems] == ["finding", "finding"]


def test_a_file_that_is_not_a_list_of_leads(tmp_path: Path) -> None:
    _, problems = read_leads([write(tmp_path, "deployments: []\n")])
    assert problems[0].reason == "expected one section 'leads:' holding a list"


def test_bundled_leads_are_valid() -> None:
    assert (bundled_leads_dir() / "README.md").exists()
    _, problems = read_leads(lead_files(bundled_leads_dir()))
    assert problems == []
