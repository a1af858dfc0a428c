"""The models and the Alembic migrations describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from oversight.app import Registry
from oversight.store.models import Base


def test_migrations_match_models(registry: Registry) -> None:
    with registry.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    assert diff == []


def test_upgrade_is_repeatable(db_url: str) -> None:
    Registry(db_url).engine.dispose()
    Registry(db_url).engine.dispose()
