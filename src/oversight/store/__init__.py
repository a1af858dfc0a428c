"""The store: the only place with state. SQLite by default, PostgreSQL by URL."""

from oversight.store.db import analyse, check_exists, connect, session_scope, upgrade

__all__ = ["analyse", "check_exists", "connect", "session_scope", "upgrade"]
