"""scripts/mark_undated.py: a reason for every source with neither date nor reason, in place,
once, leaving a URL alone when any of its occurrences is dated."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import yaml

SCRIPT = Path(__file__).parents[2] / "scripts" / "mark_undated.py"
spec = importlib.util.spec_from_file_location("mark_undated", SCRIPT)
assert spec and spec.loader
mark_undated = importlib.util.module_from_spec(spec)
sys.modules["mark_undated"] = mark_undated  # its dataclasses look their module up by name
spec.loader.exec_module(mark_undated)

DEPLOYMENTS = """# a comment that stays
deployments:
  - id: ken-a
    sources:
      - url: https://news.example.org/undated
        publisher: Example News
        supports: [status]
      - {url: https://news.example.org/flow, supports: [city]}
      - url: https://news.example.org/dated-elsewhere
      - url: https://gov.example.org/list
        undated_reason: official list, continuously updated
sources:
  - url: https://news.example.org/dated-elsewhere
    published: 2020-01
    deployment: ken-a
"""


def test_reasons_are_added_once_where_missing(tmp_path: Path) -> None:
    path = tmp_path / "deployments.yaml"
    path.write_text(DEPLOYMENTS)
    changed = mark_undated.mark([path])
    assert [line.split(" ")[1] for line in changed] == [
        "https://news.example.org/undated", "https://news.example.org/flow"]
    data = yaml.safe_load(path.read_text())
    sources = data["deployments"][0]["sources"]
    assert [s.get("undated_reason") for s in sources] == [
        mark_undated.REASON, mark_undated.REASON, None, "official list, continuously updated"]
    assert sources[0]["publisher"] == "Example News" and sources[1]["supports"] == ["city"]
    assert path.read_text().startswith("# a comment that stays\n")
    assert mark_undated.mark([path]) == []
