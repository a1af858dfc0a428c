"""Sign-in throttling: after too many failed sign-ins, refuse further attempts for a while.

Two counters, each over a sliding window: failures per account name (an attacker guessing one
account's password) and failures per client address (one client trying many names, or unknown
API tokens). While either is at its limit, attempts are refused, the right password included,
until the oldest failure in the window expires. A success clears the account's count; the
address keeps its count, so signing in to one's own account does not reset a guessing run.

The counts live in the memory of one server process: with several workers each keeps its own,
so the effective limits are multiplied by the number of workers.
"""

from __future__ import annotations

import math
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from oversight.store import audit

ACCOUNT_LIMIT = 5
ADDRESS_LIMIT = 20
WINDOW_SECONDS = 15 * 60
MAX_TRACKED = 100_000  # keys kept at most; expired ones are swept first, then the oldest dropped
THROTTLE_ACTION = "signin_throttled"


class SigninThrottle:
    def __init__(self, account_limit: int = ACCOUNT_LIMIT, address_limit: int = ADDRESS_LIMIT,
                 window: float = WINDOW_SECONDS, clock: Callable[[], float] = time.monotonic):
        self.limits = {"account": account_limit, "address": address_limit}
        self.window = window
        self.clock = clock
        self._failures: dict[tuple[str, str], deque[float]] = {}
        self._lock = threading.Lock()  # sign-ins run in worker threads

    def _recent(self, key: tuple[str, str], now: float) -> deque[float]:
        times = self._failures.get(key, deque())
        while times and times[0] <= now - self.window:
            times.popleft()
        return times

    def _keys(self, name: str | None, address: str) -> list[tuple[str, str]]:
        return ([("account", name)] if name else []) + [("address", address)]

    def retry_after(self, name: str | None, address: str) -> int | None:
        """Seconds until an attempt for `name` from `address` may be made; None if it may now."""
        now = self.clock()
        waits = []
        with self._lock:
            for key in self._keys(name, address):
                times = self._recent(key, now)
                if len(times) >= self.limits[key[0]]:
                    waits.append(times[-self.limits[key[0]]] + self.window - now)
        return max(1, math.ceil(max(waits))) if waits else None

    def failed(self, name: str | None, address: str) -> list[tuple[str, str]]:
        """Count a failed attempt; returns the (kind, key) pairs this failure has just locked."""
        now = self.clock()
        locked = []
        with self._lock:
            if len(self._failures) >= MAX_TRACKED:
                self._sweep(now)
            for key in self._keys(name, address):
                times = self._recent(key, now)
                times.append(now)
                self._failures[key] = times
                if len(times) == self.limits[key[0]]:
                    locked.append(key)
        return locked

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._failures.pop(("account", name), None)

    def _sweep(self, now: float) -> None:
        for key in list(self._failures):
            if not self._recent(key, now):
                del self._failures[key]
        while len(self._failures) >= MAX_TRACKED:  # still full: forget the oldest keys
            self._failures.pop(next(iter(self._failures)))


def record_lockouts(session: Session, locked: list[tuple[str, str]], address: str, via: str,
                    throttle: SigninThrottle) -> list[dict[str, Any]]:
    """One audit entry per counter that has just reached its limit (not one per refused attempt:
    every entry moves the registry version, which empties the response cache)."""
    return [audit.record(session, actor=f"client {address}", action=THROTTLE_ACTION, entity=kind,
                         entity_id=key, before=None,
                         after={"failures": throttle.limits[kind], "window_seconds": int(throttle.window),
                                "via": via},
                         note=f"sign-ins refused for {kind} {key!r} until failures age out")
            for kind, key in locked]
