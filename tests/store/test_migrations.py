"""The models and the Alembic migrations describe the same schema."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from oversight.app import Registry
from oversight.store import search_index
from oversight.store.models import Base


def test_migrations_match_models(registry: Registry) -> None:
    with registry.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={
            "include_name": lambda name, _type, _parents: not search_index.index_only(name)})
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def test_upgrade_is_repeatable(db_url: str) -> None:
    Registry(db_url).engine.dispose()
    Registry(db_url).engine.dispose()
