"""Each published list format, parsed from a fixture in its exact layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.listfiles import ORGANISATION, detect, parse_file

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.mark.parametrize(
    ("file", "format", "published", "organisations"),
    [
        ("sdn.xml", "ofac-sdn-xml", "2026-03-05", {
            ("ofac_sdn", "QUILLFEATHER IMAGING CO., LTD."),
            ("ofac_sdn", "MARROWGATE INTRUSION SYSTEMS S.A."),
            ("ofac_sdn", "TARNWELL DATA FORENSICS LIMITED")}),
        ("sdn.csv", "ofac-sdn-csv", None, {
            ("ofac_sdn", "QUILLFEATHER IMAGING CO., LTD."),
            ("ofac_sdn", "HALDRIC SIGNALS TRADING LLC")}),
        ("eu_fsf.xml", "eu-fsf-xml", "2026-04-14", {
            ("eu_sanctions", "Sorrelpeak Monitoring Technologies")}),
        ("uk_sanctions.csv", "uk-csv", "2026-05-14", {
            ("uk_sanctions", "Brackenford Facial Analytics LLC")}),
        ("un_consolidated.xml", "un-xml", "2026-05-30", {
            ("un_sanctions", "GREYWATER TELECOMMUNICATIONS CORPORATION")}),
        ("csl.csv", "csl-csv", None, {
            ("us_entity_list", "Lanternfield Smart Camera Co., Ltd."),
            ("us_csl", "Kittering Aviation Components Limited")}),
        ("csl.json", "csl-json", None, {
            ("us_entity_list", "Lanternfield Smart Camera Co., Ltd."),
            ("ns_cmic_list", "Duskhaven Remote Sensing Group Co., Ltd.")}),
        ("entities.ftm.json", "ftm-jsonl", "2026-05-20", {
            ("opensanctions", "Wrenmoor Biometric Identity Ltd")}),
        ("targets.simple.csv", "targets-simple-csv", "2026-05-21", {
            ("opensanctions", "Ashgrove Public Security Technology Co Ltd")}),
    ],
)
def test_each_format_is_recognised_and_read(file: str, format: str, published: str | None,
                                            organisations: set[tuple[str, str]]) -> None:
    path = FIXTURES / file
    assert detect(path) == format
    parsed = parse_file(path)
    assert parsed.problems == []
    assert parsed.published == published
    assert {(e.list_id, e.name) for e in parsed.entries if e.kind == ORGANISATION} == organisations
    assert any(e.kind != ORGANISATION for e in parsed.entries)  # persons are read, then skipped


def test_aliases_dates_and_programmes_are_kept() -> None:
    sdn = {e.key: e for e in parse_file(FIXTURES / "sdn.xml").entries}
    assert sdn["90001"].aliases == ("QUILLFEATHER VISION",) and sdn["90001"].programs == ("CYBER2",)
    assert sdn["90004"].name == "Edda VOSSKAMP"
    [eu] = [e for e in parse_file(FIXTURES / "eu_fsf.xml").entries if e.kind == ORGANISATION]
    assert eu.key == "EU.9001.11" and eu.listed == "2026-04-12"
    assert eu.aliases == ("Sorrelpeak Surveillance Co.",) and eu.countries == ("IR",)
    uk = {e.key: e for e in parse_file(FIXTURES / "uk_sanctions.csv").entries}
    assert uk["FIX0001"].aliases == ("Бракенфорд", "Brackenford Analytics")
    assert uk["FIX0001"].listed == "2026-05-02" and uk["FIX0001"].line == 3
    [un] = [e for e in parse_file(FIXTURES / "un_consolidated.xml").entries
            if e.kind == ORGANISATION]
    assert un.aliases == ("그레이워터", "Greywater Telecom") and un.listed == "2026-05-01"
    csl = {e.key: e for e in parse_file(FIXTURES / "csl.csv").entries}
    assert csl["fx0001"].aliases == ("Lanternfield Camera", "Hefei Lanternfield")


def test_a_forced_list_id_applies_to_every_entry() -> None:
    parsed = parse_file(FIXTURES / "csl.json", list_id="us_csl")
    assert {e.list_id for e in parsed.entries} == {"us_csl"}


def test_malformed_entries_are_reported_with_file_line_and_field() -> None:
    path = FIXTURES / "bad_sdn.xml"
    problems = [str(p) for p in parse_file(path).problems]
    assert problems == [f"{path}:12 [lastName]: missing or unknown lastName",
                        f"{path}:16 [uid]: missing or unknown uid"]


def test_a_document_type_declaration_is_refused_before_parsing() -> None:
    path = FIXTURES / "bad_entities.xml"
    [problem] = parse_file(path).problems
    assert str(problem) == f"{path}:2: XML with a document type declaration (DTD) is refused"


@pytest.mark.parametrize(("content", "reason"), [
    ("<sdnList><sdnEntry><uid>1</uid>", "malformed XML"),
    ("hello,world\n", "not a list format Oversight reads"),
    ('{"results": [\n  {"id": 1,\n', "malformed JSON"),
])
def test_unreadable_files_are_reported(tmp_path: Path, content: str, reason: str) -> None:
    path = tmp_path / "list.txt"
    path.write_text(content, encoding="utf-8")
    [problem] = parse_file(path).problems
    assert problem.file == str(path) and reason in problem.reason and problem.line is not None
