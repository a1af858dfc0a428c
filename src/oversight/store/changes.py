"""Cheap signs that the registry may have changed, so that its version (several queries, about
1.5 ms with a session) is read again only when one of them moves.

SQLite counts commits: `PRAGMA data_version` on a connection returns a new value whenever any
other connection, in this process or another, has committed since the last call. One
connection of its own that never writes therefore sees every change, in microseconds and
without a session or a worker thread. Other databases have no such counter; for them there is
no probe and the version is read on every request, as before.

The bundled searched-lead files are part of the version too (store.queries.registry_version)
but live outside the database; they change only when someone edits the installed package, so
their modification times are looked at no more than once a second.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable, Hashable

from sqlalchemy import Engine

from oversight.registry.leads import bundled_leads_version

LEADS_EVERY_SECONDS = 1.0


def change_probe(engine: Engine) -> Callable[[], Hashable] | None:
    """A function whose answer moves whenever the registry behind `engine` may have changed;
    None when the database keeps no commit counter a separate connection can read (not SQLite,
    or an in-memory SQLite database, which other connections cannot see)."""
    if engine.dialect.name != "sqlite":
        return None
    path = engine.url.database
    if not path or path == ":memory:" or path.startswith("file:") or engine.url.query:
        return None
    # check_same_thread=False: the probe is called from the event loop, and a test client runs
    # that loop in a thread of its own; sqlite3 serialises calls on one connection.
    # A short timeout: the probe runs on the event loop, which must not wait for a lock.
    connection = sqlite3.connect(path, timeout=0.05, check_same_thread=False, isolation_level=None)
    leads = _Every(LEADS_EVERY_SECONDS, bundled_leads_version)

    def probe() -> Hashable:
        try:
            # fetchall steps the statement to its end, so no read transaction stays open.
            (counter,), = connection.execute("PRAGMA data_version").fetchall()
        except sqlite3.Error:  # busy or unreadable: say "may have changed", so the version is read
            return object()
        return counter, leads()

    return probe


class _Every:
    """`read()`'s answer, read again at most once every `seconds`."""

    def __init__(self, seconds: float, read: Callable[[], Hashable]):
        self.seconds, self.read = seconds, read
        self.value = read()
        self.at = time.monotonic()

    def __call__(self) -> Hashable:
        now = time.monotonic()
        if now - self.at >= self.seconds:
            self.value, self.at = self.read(), now
        return self.value
