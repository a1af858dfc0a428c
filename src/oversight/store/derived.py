"""Figures that many pages repeat (the index, the statistics, country summaries), computed once
per registry version instead of once per request.

Every change to the registry moves `queries.registry_version` (one indexed lookup), so a kept
value is right exactly while the version it was computed at is current. Unlike the response
cache this serves every reader, whatever the query string, the sign-in or the compression.
Kept values are shared between requests and threads: callers must not change them.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from oversight.store.queries import registry_version

T = TypeVar("T")
MAX_ENTRIES = 1024  # country summaries for every country, and the registry-wide figures


class DerivedCache:
    def __init__(self, max_entries: int = MAX_ENTRIES):
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._version: Any = None
        self._values: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, session: Session, key: Hashable, compute: Callable[[], T]) -> T:
        """The value kept for `key` at the registry's current version, computing it if needed.
        Two requests may both compute a missing value; both get a correct one."""
        version = registry_version(session)
        with self._lock:
            if version != self._version:
                self._values.clear()
                self._version = version
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]  # type: ignore[no-any-return]
        value = compute()
        with self._lock:
            if version == self._version:
                self._values[key] = value
                while len(self._values) > self.max_entries:
                    self._values.popitem(last=False)
        return value
