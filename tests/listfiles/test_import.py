"""`oversight lists import`: editions recorded with hash and counts, history kept, all or
nothing, and the imported lists used by screening."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import func, select
from typer.testing import CliRunner

from oversight.app import Registry
from oversight.cli import app
from oversight.store.models import ListEntryRow, ListImport
from tests.listfiles.test_parsers import FIXTURES

runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'lists.db'}"
    assert runner.invoke(app, ["--db", url, "init", "--empty"]).exit_code == 0
    return url


def run(db: str, *args: str) -> list[dict]:  # type: ignore[type-arg]
    result = runner.invoke(app, ["--db", db, *args, "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def counts(db: str) -> tuple[int, int]:
    registry = Registry(db)
    with registry.session() as session:
        return (session.scalar(select(func.count(ListImport.id))) or 0,
                session.scalar(select(func.count(ListEntryRow.id))) or 0)


def test_every_format_imports_with_its_date_hash_and_counts(db: str) -> None:
    files = [str(FIXTURES / f) for f in ("sdn.xml", "eu_fsf.xml", "uk_sanctions.csv",
                                         "un_consolidated.xml", "entities.ftm.json",
                                         "targets.simple.csv")]
    reports = run(db, "lists", "import", *files)
    by_list = {r["list"]: r for r in reports}
    assert by_list["ofac_sdn"]["published"] == "2026-03-05"
    assert (by_list["ofac_sdn"]["entries"], by_list["ofac_sdn"]["skipped"]) == (3, 1)
    assert by_list["eu_sanctions"]["added"] == 1 and by_list["un_sanctions"]["entries"] == 1
    assert len(by_list["uk_sanctions"]["sha256"]) == 64
    assert [r["list"] for r in reports].count("opensanctions") == 2


def test_files_without_a_date_need_published(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "lists", "import", str(FIXTURES / "csl.csv")])
    assert result.exit_code == 1
    assert "csl.csv [published]: the file carries no publication date" in result.stderr
    reports = run(db, "lists", "import", str(FIXTURES / "csl.csv"), str(FIXTURES / "sdn.csv"),
                  "--published", "2026-02-10")
    assert {r["list"] for r in reports} == {"us_entity_list", "us_csl", "ofac_sdn"}


def test_a_new_edition_reports_added_removed_and_keeps_history(db: str, tmp_path: Path) -> None:
    run(db, "lists", "import", str(FIXTURES / "sdn.xml"))
    [report] = run(db, "lists", "import", str(FIXTURES / "sdn_v2.xml"))
    assert (report["added"], report["removed"], report["changed"]) == (1, 1, 1)
    assert report["entries"] == 3 and report["published"] == "2026-06-20"
    history = run(db, "lists", "history", "--list", "ofac_sdn")
    assert [h["published"] for h in history] == ["2026-06-20", "2026-03-05"]
    # The removed entry is kept, with the date it left the list.
    registry = Registry(db)
    with registry.session() as session:
        gone = session.scalar(select(ListEntryRow).where(ListEntryRow.entry_key == "90002"))
        assert gone is not None and (gone.from_date, gone.to_date) == ("2026-03-05", "2026-06-20")


def test_the_same_file_twice_changes_nothing(db: str) -> None:
    run(db, "lists", "import", str(FIXTURES / "sdn.xml"))
    [again] = run(db, "lists", "import", str(FIXTURES / "sdn.xml"))
    assert again["already_imported"] and again["added"] == 0
    assert counts(db) == (1, 3)


def test_an_older_edition_is_refused(db: str) -> None:
    run(db, "lists", "import", str(FIXTURES / "sdn_v2.xml"))
    result = runner.invoke(app, ["--db", db, "lists", "import", str(FIXTURES / "sdn.xml")])
    assert result.exit_code == 1 and "is older than the edition of 2026-06-20" in result.stderr


def test_a_malformed_file_writes_nothing_not_even_the_good_files(db: str) -> None:
    result = runner.invoke(app, ["--db", db, "lists", "import", str(FIXTURES / "eu_fsf.xml"),
                                 str(FIXTURES / "bad_sdn.xml")])
    assert result.exit_code == 1
    assert f"{FIXTURES / 'bad_sdn.xml'}:12 [lastName]: missing or unknown lastName" in result.stderr
    assert "nothing was written" in result.stderr
    assert counts(db) == (0, 0)


def test_duplicate_entry_ids_are_refused(db: str, tmp_path: Path) -> None:
    twice = tmp_path / "targets.simple.csv"
    lines = (FIXTURES / "targets.simple.csv").read_text("utf-8").splitlines()
    twice.write_text("\n".join([*lines, lines[1]]) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["--db", db, "lists", "import", str(twice)])
    assert result.exit_code == 1 and "appears twice (first on line 2)" in result.stderr


def test_imported_lists_are_screened_with_their_edition(db: str) -> None:
    run(db, "lists", "import", str(FIXTURES / "sdn.xml"), str(FIXTURES / "eu_fsf.xml"))
    [quill, sorrel, bakery] = run(db, "screen", "Quillfeather Vision", "Sorrelpeak Surveillance",
                                  "Acme Bakery Ltd")
    assert quill["match"]["entity"] == "QUILLFEATHER IMAGING CO., LTD."
    [hit] = quill["match"]["lists"]
    assert hit["list"] == "ofac_sdn" and "sdn.xml" in hit["citation"]
    assert "entry 90001" in hit["citation"]
    assert sorrel["match"]["lists"][0]["list"] == "eu_sanctions"
    assert bakery["match"] is None
    versions = {v["list"]: v for v in bakery["list_versions"]}
    assert versions["ofac_sdn"]["as_of"] == "2026-03-05" and versions["ofac_sdn"]["entries"] == 3
    assert len(versions["eu_sanctions"]["sha256"]) == 64


def test_an_imported_listing_joins_the_registry_organisation(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'full.db'}"
    assert runner.invoke(app, ["--db", db, "init"]).exit_code == 0
    feed = tmp_path / "targets.simple.csv"
    shutil.copy(FIXTURES / "targets.simple.csv", feed)
    text = feed.read_text("utf-8").replace("Ashgrove Public Security Technology Co Ltd", "Hikvision")
    feed.write_text(text, encoding="utf-8")
    run(db, "lists", "import", str(feed))
    [ezviz] = run(db, "screen", "Ezviz")
    vias = {(hit["list"], hit["via"]) for hit in ezviz["match"]["lists"]}
    assert ("opensanctions", "Hikvision") in vias
