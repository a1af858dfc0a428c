"""The store: the only place with state. SQLite by default, PostgreSQL by URL."""

from oversight.store.db import analyse, connect, session_scope, upgrade

__all__ = ["analyse", "connect", "session_scope", "upgrade"]
