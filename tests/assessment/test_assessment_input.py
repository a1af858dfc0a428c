"""Bad description files: every problem names the file, the line (YAML) and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.assessment import DescriptionError, parse_description, read_description


def problems(tmp_path: Path, name: str, text: str) -> list[str]:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DescriptionError) as caught:
        read_description(path)
    return [str(p) for p in caught.value.problems]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("country: Germany\n", ":1 [country]: 'Germany' is not an ISO 3166-1 alpha-3"),
        ("country: DEU\npurpose: spying\n",
         ":2 [purpose]: 'spying' is not one of the choices: write one of 'law_enforcement'"),
        ("country: DEU\nuses:\n  - identification\n  - telepathy\n", ":4 [uses[1]]:"),
        ("country: DEU\nreal_time: maybe\n",
         ":2 [real_time]: 'maybe' is not an answer here: write yes, no or unknown"),
        ("country: DEU\ntechnologies: [drones]\n", ":2 [technologies]: 'drones' is not a technology"),
        ("country: DEU\nsafeguards:\n  audit_logs:\n    answer: sure\n",
         ":4 [safeguards.audit_logs.answer]:"),
        ("country: DEU\nsafeguards:\n  audit_logs:\n    source: ftp://x\n",
         ":4 [safeguards.audit_logs.source]: 'ftp://x' is not an http(s) URL"),
        ("country: DEU\nsafeguards:\n  retention_limits: {days: thirty}\n",
         ":3 [safeguards.retention_limits.days]: 'thirty' is not a whole number"),
        ("country: DEU\nuses: identification\n", ":2 [uses]: expected a list"),
        ("country: DEU\nsafeguards:\n  retention_limits: {days: -3}\n",
         ":3 [safeguards.retention_limits.days]:"),
        ("country: DEU\nsafeguards:\n  audit_log: {answer: 'yes'}\n",
         ":3 [safeguards.audit_log]: unknown field"),
        ("country: DEU\nsuppliers:\n  - name: A\n    lists: [eu_list]\n",
         ":4 [suppliers[0].lists]: 'eu_list' is not a restriction list"),
        ("purpose: commercial\n", ":1 [country]: Field required"),
        ("country: DEU\nuses: [a\n", ":3: invalid YAML"),
        ("- country: DEU\n", ":1: expected a mapping of fields"),
    ],
)
def test_yaml_problems_name_file_line_and_field(tmp_path: Path, text: str, expected: str) -> None:
    found = problems(tmp_path, "plan.yaml", text)
    assert any(p.startswith(str(tmp_path / "plan.yaml")) and expected in p for p in found), found


def test_all_problems_are_reported_at_once(tmp_path: Path) -> None:
    found = problems(tmp_path, "plan.yaml", "country: Germany\npurpose: spying\nreal_time: maybe\n")
    assert len(found) == 3


def test_json_problems_name_the_field(tmp_path: Path) -> None:
    assert any("[purpose]" in p for p in problems(tmp_path, "plan.json", '{"country": "DEU", "purpose": 3}'))
    assert any(":2: invalid JSON" in p or "invalid" in p
               for p in problems(tmp_path, "broken.json", '{"country":\n "DEU",,}'))


def test_unreadable_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(DescriptionError, match="cannot read file"):
        read_description(tmp_path / "missing.yaml")
    (tmp_path / "latin1.yaml").write_bytes(b"country: DEU\ncity: M\xfcnchen\n")
    with pytest.raises(DescriptionError, match=r"latin1.yaml:2: not UTF-8"):
        read_description(tmp_path / "latin1.yaml")


def test_bare_yes_no_and_unknown_are_read_as_meant() -> None:
    d = parse_description("country: deu\nreal_time: unknown\nremote: yes\nsafeguards:\n"
                          "  redress: {answer: no}\n  audit_logs: {answer: yes}\n", "x.yaml")
    assert d.country == "DEU" and d.real_time is None and d.remote is True
    assert d.safeguards.redress.answer == "no" and d.safeguards.audit_logs.answer == "yes"
    assert d.uses is None and d.purpose == "unknown"


def test_aliases_and_deep_nesting_are_refused_before_expansion() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n" for i in range(9)
    ) + "country: DEU\n"
    with pytest.raises(DescriptionError, match=r"plan.yaml:2: YAML aliases"):
        parse_description(bomb, "plan.yaml")
    with pytest.raises(DescriptionError, match="nested deeper"):
        parse_description("country: DEU\nnotes: " + "[" * 200 + "]" * 200 + "\n", "plan.yaml")
