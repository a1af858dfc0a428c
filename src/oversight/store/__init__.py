"""The store: the only place with state. SQLite by default, PostgreSQL by URL."""

from oversight.store.db import connect, session_scope, upgrade

__all__ = ["connect", "session_scope", "upgrade"]
