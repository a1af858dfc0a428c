"""Engines, sessions and migrations for SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from oversight.errors import RegistryMissing


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


def connect(url: str) -> Engine:
    """An engine for `url`; a bare path means an SQLite file."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(url, future=True)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    return engine


def check_exists(url: str) -> None:
    """Raise RegistryMissing unless `url` names an existing Oversight registry. Creates
    nothing: unlike `connect`, no folder, no SQLite file."""
    if "://" not in url:
        url = f"sqlite:///{url}"
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = parsed.database or ""
        if path in ("", ":memory:") or not Path(path).is_file():
            raise RegistryMissing(f"no registry at {path or url}")
    engine = create_engine(url, future=True)
    try:
        tables = set(inspect(engine).get_table_names())
    except (OperationalError, DatabaseError) as error:
        raise RegistryMissing(f"cannot open {parsed.render_as_string(hide_password=True)}: "
                              f"{error.orig}") from None
    finally:
        engine.dispose()
    if "alembic_version" not in tables:
        raise RegistryMissing(f"{parsed.render_as_string(hide_password=True)} is not an "
                              "Oversight registry (it has no schema version table)")


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option(
        "script_location", str(resources.files("oversight.store").joinpath("migrations"))
    )
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the schema of the database behind `engine` to `revision`."""
    command.upgrade(alembic_config(engine), revision)


def analyse(engine: Engine) -> None:
    """Refresh the planner's statistics after a load, so that it picks the selective index
    (without them SQLite assumes every equality is selective, e.g. review_state = 'accepted')."""
    with engine.begin() as connection:
        connection.exec_driver_sql("ANALYZE")


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """One transaction: committed when the block ends, rolled back on any error."""
    session = sessionmaker(engine, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()
