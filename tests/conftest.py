"""Shared fixtures: a registry on each database the machine offers.

SQLite always runs. PostgreSQL runs when OVERSIGHT_TEST_PG_URL names a server (CI starts one);
with OVERSIGHT_REQUIRE_PG=1 a missing server is a failure, not a skip.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from oversight.app import Registry
from oversight.store.db import connect
from oversight.store.models import Base

FIXTURES = Path(__file__).parent / "fixtures"
PG_URL = os.environ.get("OVERSIGHT_TEST_PG_URL")


def _reset_postgres(url: str) -> None:
    engine = connect(url)
    with engine.begin() as connection:
        Base.metadata.drop_all(connection)
        connection.execute(text("DROP TABLE IF EXISTS alembic_version"))
    engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'registry.db'}"
    if not PG_URL:
        if os.environ.get("OVERSIGHT_REQUIRE_PG") == "1":
            pytest.fail("OVERSIGHT_REQUIRE_PG=1 but OVERSIGHT_TEST_PG_URL is not set")
        pytest.skip("no PostgreSQL server: set OVERSIGHT_TEST_PG_URL")
    _reset_postgres(PG_URL)
    return PG_URL


@pytest.fixture
def registry(db_url: str) -> Registry:
    registry = Registry(db_url)
    yield registry
    registry.engine.dispose()


@pytest.fixture
def loaded(registry: Registry) -> Registry:
    registry.load([FIXTURES / "organisations.yaml", FIXTURES / "deployments.yaml"])
    return registry


@pytest.fixture
def sqlite_registry(tmp_path: Path) -> Registry:
    return Registry(f"sqlite:///{tmp_path / 'registry.db'}")
