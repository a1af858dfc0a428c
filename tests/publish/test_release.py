"""`oversight release`: numbered, dated releases with a Frictionless data package and a changelog."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import frictionless
import pytest

from oversight.app import Registry
from oversight.publish.release import changes, release_file, releases, write_release

FIXTURES = Path(__file__).parents[1] / "fixtures"
DAY = date(2026, 12, 3)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    registry = Registry(f"sqlite:///{tmp_path / 'registry.db'}")
    registry.load([FIXTURES])
    return registry


def test_first_release_is_a_valid_data_package_with_hashes(registry: Registry, tmp_path: Path) -> None:
    made = registry.release(tmp_path / "releases", today=DAY)
    folder = tmp_path / "releases" / "1-2026-12-03"
    assert made["name"] == "1-2026-12-03" and made["number"] == 1
    package = json.loads((folder / "datapackage.json").read_text("utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["sources"] and all(s["path"].startswith("http") for s in package["sources"])
    for resource in package["resources"]:
        data = (folder / resource["path"]).read_bytes()
        assert resource["hash"] == "sha256:" + hashlib.sha256(data).hexdigest()
        assert resource["bytes"] == len(data)
    assert made["changes"] == {"added": len(registry.deployment_records()), "removed": 0, "changed": 0}
    # the CSV matches its table schema, size and hash, as a Frictionless validator reads them
    csv = frictionless.Package(str(folder / "datapackage.json")).get_resource("deployments")
    report = csv.validate()
    assert report.valid, report.flatten(["rowNumber", "fieldName", "type", "note"])[:5]


def test_next_release_lists_what_was_added_changed_and_removed(registry: Registry, tmp_path: Path) -> None:
    root = tmp_path / "releases"
    registry.release(root, today=DAY)
    first_id, *_ = sorted(d["id"] for d in registry.deployment_records())
    registry.delete_deployment(first_id, actor="tester", note="test")
    made = registry.release(root, today=date(2026, 12, 4))
    assert made["name"] == "2-2026-12-04"
    assert made["changes"] == {"added": 0, "removed": 1, "changed": 0}
    changelog = (root / "2-2026-12-04" / "CHANGELOG.md").read_text("utf-8")
    assert "Since release 1-2026-12-03: 0 added, 0 changed, 1 removed" in changelog
    assert f"`{first_id}`" in changelog
    assert [r["number"] for r in releases(root)] == [2, 1]


def test_changes_name_the_fields_that_moved_and_ignore_bookkeeping() -> None:
    before = {"a": {"id": "a", "status": "pilot", "updated_at": "1"}, "b": {"id": "b"}}
    after = {"a": {"id": "a", "status": "operational", "updated_at": "2"}, "c": {"id": "c"}}
    assert changes(before, after) == {"added": ["c"], "removed": ["b"],
                                      "changed": [{"id": "a", "fields": ["status"]}]}


def test_a_failed_release_leaves_nothing_behind(registry: Registry, tmp_path: Path) -> None:
    broken = [{"id": "x"}]  # no fields the writers need
    with pytest.raises(KeyError):
        write_release(tmp_path / "releases", broken, [], [], today=DAY)
    assert list((tmp_path / "releases").iterdir()) == []


def test_only_listed_files_of_real_releases_resolve(registry: Registry, tmp_path: Path) -> None:
    root = tmp_path / "releases"
    registry.release(root, today=DAY)
    (tmp_path / "secret.txt").write_text("no", encoding="utf-8")
    assert release_file(root, "1-2026-12-03", "deployments.csv") == root / "1-2026-12-03" / "deployments.csv"
    assert release_file(root, "1-2026-12-03", "../../secret.txt") is None
    assert release_file(root, "..", "secret.txt") is None
    assert release_file(root, "9-2026-12-03", "deployments.csv") is None
