"""Validation of a batch: every problem is named with file, line, field and reason."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.registry.load import Known, build_batch, parse_records
from oversight.registry.readers import read_files
from oversight.registry.records import normalise_name

SOURCE = "    sources: [{url: 'https://news.example.org/a', publisher: Example}]\n"
ORGS = """organisations:
  - {name: Huawei, kind: vendor, country: CHN, aliases: [华为]}
  - {name: Safaricom, kind: integrator, country: KEN}
"""


def check(tmp_path: Path, text: str, known: Known | None = None):  # type: ignore[no-untyped-def]
    path = tmp_path / "data.yaml"
    path.write_text(text, encoding="utf-8")
    read = read_files([path])
    located, problems = parse_records(read.records)
    batch, more = build_batch(located, known or Known())
    return batch, read.problems + problems + more


def deployment(**fields: str) -> str:
    base = {"id": "ken-a", "country": "KEN", "technologies": "[safe_city]", "status": "operational"}
    base.update(fields)
    body = "".join(f"    {k}: {v}\n" for k, v in base.items() if v != "")
    return "  - " + body[4:] + SOURCE


def test_good_batch(tmp_path: Path) -> None:
    batch, problems = check(tmp_path, ORGS + "deployments:\n" + deployment(
        suppliers="[{organisation: 华为}, {organisation: safaricom, role: integrator}]"))
    assert problems == []
    assert list(batch.deployments) == ["ken-a"]
    assert len(batch.organisations) == 2


@pytest.mark.parametrize(
    ("fields", "field", "reason"),
    [
        ({"country": "Kenya"}, "country", "ISO 3166-1 alpha-3"),
        ({"technologies": "[face_scanning]"}, "technologies[0]", "not a known technology"),
        ({"status": "rumoured"}, "status", "not a known status"),
        ({"started": "2015-13"}, "started", "not a real date"),
        ({"announced": "May 2014"}, "announced", "YYYY"),
        ({"confidence": "1.5"}, "confidence", "less than or equal to 1"),
        ({"contract_value": "100", "currency": "XYZ"}, "currency", "ISO 4217"),
        ({"id": "Not A Slug"}, "id", "not a valid id"),
        ({"colour": "red"}, "colour", "unknown field"),
        ({"suppliers": "[{organisation: Huawei, role: buyer}]"}, "suppliers[0].role", "supplier role"),
    ],
)
def test_invalid_fields_are_named(tmp_path: Path, fields: dict[str, str], field: str, reason: str) -> None:
    _, problems = check(tmp_path, ORGS + "deployments:\n" + deployment(**fields))
    assert len(problems) == 1, problems
    problem = problems[0]
    assert problem.field == field
    assert reason in problem.reason
    assert problem.file.endswith("data.yaml") and problem.line is not None


def test_problem_points_at_the_line_of_the_field(tmp_path: Path) -> None:
    _, problems = check(tmp_path, ORGS + "deployments:\n" + deployment(status="rumoured"))
    lines = (ORGS + "deployments:\n" + deployment(status="rumoured")).splitlines()
    assert "status: rumoured" in lines[problems[0].line - 1]


def test_unknown_supplier(tmp_path: Path) -> None:
    _, problems = check(tmp_path, "deployments:\n" + deployment(suppliers="[{organisation: Acme}]"))
    assert problems[0].field == "suppliers[0].organisation"
    assert "unknown organisation 'Acme'" in problems[0].reason


def test_supplier_known_to_the_store(tmp_path: Path) -> None:
    known = Known(organisation_keys={normalise_name("Acme"): normalise_name("Acme")})
    _, problems = check(tmp_path, "deployments:\n" + deployment(suppliers="[{organisation: ACME}]"), known)
    assert problems == []


def test_deployment_without_source(tmp_path: Path) -> None:
    text = "deployments:\n" + deployment().replace(SOURCE, "")
    _, problems = check(tmp_path, text)
    assert problems[0].field == "sources" and "at least one" in problems[0].reason


def test_identical_duplicate_is_merged(tmp_path: Path) -> None:
    batch, problems = check(tmp_path, "deployments:\n" + deployment() + deployment())
    assert problems == [] and batch.duplicates == 1


def test_conflicting_duplicate_names_both_places(tmp_path: Path) -> None:
    _, problems = check(tmp_path, "deployments:\n" + deployment() + deployment(status="planned"))
    assert len(problems) == 1
    assert problems[0].field == "status"
    assert "also defined at" in problems[0].reason and "data.yaml:2" in problems[0].reason


def test_conflicting_organisations(tmp_path: Path) -> None:
    text = ORGS + "  - {name: HUAWEI, kind: vendor, country: KEN}\n"
    _, problems = check(tmp_path, text)
    assert [p.field for p in problems] == ["country"]


def test_organisations_merge_aliases(tmp_path: Path) -> None:
    text = ORGS + "  - {name: huawei, kind: vendor, aliases: [Huawei Technologies]}\n"
    batch, problems = check(tmp_path, text)
    assert problems == []
    assert batch.organisations["huawei"].record.aliases == ["华为", "Huawei Technologies"]


def test_alias_naming_another_organisation(tmp_path: Path) -> None:
    text = ORGS + "  - {name: Huawei Kenya, kind: vendor, aliases: [Safaricom]}\n"
    _, problems = check(tmp_path, text)
    assert problems[0].field == "aliases" and "already names" in problems[0].reason


def test_source_metadata_conflict(tmp_path: Path) -> None:
    other = SOURCE.replace("publisher: Example", "publisher: Other")
    text = "deployments:\n" + deployment() + deployment(id="ken-b").replace(SOURCE, other)
    _, problems = check(tmp_path, text)
    assert problems[0].field == "sources.publisher"


def test_csv_rows_are_reshaped(tmp_path: Path) -> None:
    (tmp_path / "organisations.csv").write_text("name,kind,aliases\nHuawei,vendor,华为; HW\n")
    (tmp_path / "deployments.csv").write_text(
        "id,country,suppliers,technologies,status,source_url,source_supports\n"
        "ken-a,KEN,Huawei:supplier; HW:integrator,safe_city; video_surveillance,pilot,"
        "https://news.example.org/a,country; status\n"
    )
    read = read_files([tmp_path])
    located, problems = parse_records(read.records)
    batch, more = build_batch(located, Known())
    assert problems == more == []
    record = batch.deployments["ken-a"].record
    assert [s.role for s in record.suppliers] == ["supplier", "integrator"]
    assert record.technologies == ["safe_city", "video_surveillance"]
    assert record.sources[0].supports == ["country", "status"]
