"""Search reads the database's own full-text index (SQLite FTS5, PostgreSQL tsvector and pg_trgm),
which every write keeps in step, and finds the same records on both databases."""
# The databases run through conftest's db_url (SQLite always, PostgreSQL with OVERSIGHT_TEST_PG_URL).

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import delete, inspect, select, text

from oversight.app import Registry
from oversight.store import search_index
from oversight.store.db import alembic_config, upgrade
from oversight.store.models import SearchRecord, SearchWord
from oversight.store.search import search
from tests.conftest import FIXTURES, PG_URL

MOMBASA = """
deployments:
  - id: ken-mombasa-port-cameras
    country: KEN
    city: Mombasa
    suppliers:
      - {organisation: Hikvision, role: supplier}
    technologies: [video_surveillance]
    status: contracted
    description: Thermal cameras along the container terminal's quays.
    sources:
      - url: https://news.example.org/2021/mombasa-port
        publisher: Example News
        published: 2021-03
        supports: [country, city, suppliers, technologies, status]
"""
NEW_ALIAS = """
organisations:
  - name: Safaricom
    kind: integrator
    country: KEN
    aliases: [サファリコム]
"""


def _load_text(registry: Registry, tmp_path: Path, name: str, body: str) -> None:
    path = tmp_path / name
    path.write_text(body, encoding="utf-8")
    registry.load([path])


def _ids(registry: Registry, q: str) -> list[str]:
    with registry.session() as session:
        return [d["id"] for d in search(session, q, limit=50)["deployments"]]


def test_migration_creates_the_database_index(registry: Registry) -> None:
    with registry.engine.connect() as connection:
        tables = set(inspect(connection).get_table_names())
        assert {"search_records", "search_words", "search_names"} <= tables
        if connection.dialect.name == "sqlite":
            virtual = dict(connection.execute(text(
                "SELECT name, sql FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'")).all())
            assert "fts5" in virtual["search_documents"] and "trigram" in virtual["search_words_trigram"]
        else:
            trgm = connection.execute(text("SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'")).scalar()
            assert trgm == 1
            indexes = dict(connection.execute(text(
                "SELECT indexname, indexdef FROM pg_indexes WHERE indexname LIKE 'ix_search_%'")).all())
            assert "gin (tsv)" in indexes["ix_search_records_tsv"]
            assert "gin_trgm_ops" in indexes["ix_search_words_trigram"]


def test_a_loaded_deployment_is_found_through_the_index(loaded: Registry, tmp_path: Path) -> None:
    _load_text(loaded, tmp_path, "mombasa.yaml", MOMBASA)
    assert _ids(loaded, "thermal quays") == ["ken-mombasa-port-cameras"]
    with loaded.session() as session:
        assert session.scalar(select(SearchRecord.places).where(
            SearchRecord.ref == "ken-mombasa-port-cameras")).startswith("mombasa kenya")
        ranked = search_index.ranked(session, "deployment", ["thermal"])
        assert list(session.execute(select(ranked.c.ref)).scalars()) == ["ken-mombasa-port-cameras"]


def test_search_reads_the_index_not_the_tables(loaded: Registry) -> None:
    assert _ids(loaded, "camera network") == ["ken-nairobi-safe-city"]
    with loaded.session() as session:
        session.execute(delete(SearchRecord).where(SearchRecord.ref == "ken-nairobi-safe-city"))
    assert _ids(loaded, "camera network") == []


def test_an_edited_deployment_is_found_by_its_new_words_only(loaded: Registry, tmp_path: Path) -> None:
    _load_text(loaded, tmp_path, "mombasa.yaml", MOMBASA)
    _load_text(loaded, tmp_path, "edit.yaml", MOMBASA.replace("Thermal cameras", "Licence-plate readers"))
    assert _ids(loaded, "thermal") == []
    assert _ids(loaded, "licence plate readers") == ["ken-mombasa-port-cameras"]


def test_a_run_too_long_to_be_a_word_is_left_out(loaded: Registry, tmp_path: Path) -> None:
    _load_text(loaded, tmp_path, "mombasa.yaml", MOMBASA.replace("Thermal", "Thermal " + "x" * 3000))
    assert _ids(loaded, "thermal") == ["ken-mombasa-port-cameras"] and _ids(loaded, "xxxx") == []


def _documents_with(registry: Registry, word: str) -> int | None:
    with registry.session() as session:
        return session.scalar(select(SearchWord.documents).where(SearchWord.word == word))


def test_a_deleted_deployment_leaves_the_index_and_the_lexicon(loaded: Registry, tmp_path: Path) -> None:
    kenyan = _documents_with(loaded, "kenya")
    _load_text(loaded, tmp_path, "mombasa.yaml", MOMBASA)
    assert (_documents_with(loaded, "kenya"), _documents_with(loaded, "thermal")) == (kenyan + 1, 1)
    loaded.delete_deployment("ken-mombasa-port-cameras", "tester", note="test")
    assert _ids(loaded, "thermal") == []
    assert (_documents_with(loaded, "kenya"), _documents_with(loaded, "thermal")) == (kenyan, None)


def test_a_new_alias_finds_the_organisations_deployments(loaded: Registry, tmp_path: Path) -> None:
    assert _ids(loaded, "サファリコム") == []
    _load_text(loaded, tmp_path, "alias.yaml", NEW_ALIAS)
    with loaded.session() as session:
        found = search(session, "サファリコム", limit=50)
    assert found["understood"]["vendor"] == ["Safaricom"]
    assert [d["id"] for d in found["deployments"]] == ["ken-nairobi-safe-city"]


@pytest.mark.parametrize(("q", "ids", "corrected"), [
    ("hikvsion", ["ecu-national-ecu911"], {"hikvsion": "hikvision"}),
    ("cammera network", ["ken-nairobi-safe-city"], {"cammera": "camera"}),
    ("exim loan", ["uga-kampala-cctv"], {}),
    ("huawie kampala", ["uga-kampala-cctv"], {"huawie": "huawei"}),  # a swap of neighbours is one edit
])
def test_misspellings_are_corrected_against_the_index(loaded: Registry, q: str, ids: list[str],
                                                      corrected: dict[str, str]) -> None:
    with loaded.session() as session:
        found = search(session, q, limit=50)
    assert [d["id"] for d in found["deployments"]] == ids and found["understood"]["corrected"] == corrected


def test_a_place_outranks_a_word_of_a_description(loaded: Registry, tmp_path: Path) -> None:
    _load_text(loaded, tmp_path, "mombasa.yaml", MOMBASA)
    lamu = (MOMBASA.replace("ken-mombasa-port-cameras", "ken-lamu-port-cameras")
            .replace("city: Mombasa", "city: Lamu").replace("along the", "like those of Mombasa's"))
    _load_text(loaded, tmp_path, "lamu.yaml", lamu)
    assert _ids(loaded, "mombasa") == ["ken-mombasa-port-cameras", "ken-lamu-port-cameras"]


def _summary(found: dict) -> dict:
    """What must agree: the reading, the total and the records found. Their order is each
    database's own ranking (bm25, ts_rank), which may order near-equal matches differently."""
    return {"understood": found["understood"], "total": found["total"],
            "deployments": sorted(d["id"] for d in found["deployments"]),
            "organisations": sorted(o["name"] for o in found["organisations"])}


QUERIES = ("safe city kenya", "hikvsion", "海康威视", "华为", "police", "operational cameras in Nairobi",
           "exim loan", "facial recogniton", "cammera", "huawie", "polica", "b", "nothing like this")


@pytest.mark.postgres
def test_sqlite_and_postgresql_give_the_same_answers(tmp_path: Path) -> None:
    if not PG_URL:
        pytest.skip("no PostgreSQL server: set OVERSIGHT_TEST_PG_URL")
    from tests.conftest import _reset_postgres

    _reset_postgres(PG_URL)
    answers = []
    for url in (f"sqlite:///{tmp_path / 'registry.db'}", PG_URL):
        registry = Registry(url)
        registry.load([FIXTURES / "organisations.yaml", FIXTURES / "deployments.yaml"])
        with registry.session() as session:
            answers.append({q: _summary(search(session, q, limit=50)) for q in QUERIES})
        registry.engine.dispose()
    assert answers[0] == answers[1]


def test_the_migration_indexes_an_existing_registry(loaded: Registry) -> None:
    command.downgrade(alembic_config(loaded.engine), "0008_list_imports")
    with loaded.engine.connect() as connection:
        assert "search_records" not in inspect(connection).get_table_names()
    upgrade(loaded.engine)
    assert _ids(loaded, "camera network") == ["ken-nairobi-safe-city"]
    assert _ids(loaded, "hikvsion") == ["ecu-national-ecu911"]
