"""A response cache for anonymous reads, invalidated by the registry's version.

The registry changes only through loads, reviews, contributions, deletions and assessments, and
every one of them moves `store.queries.registry_version`. Anonymous GET answers (pages and JSON)
are therefore kept, per path, query and compression, until the version moves: a country page
then costs one indexed lookup instead of its queries and template. Signed-in requests, answers
that set cookies and anything but a complete 200 are never cached.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import anyio
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from oversight.accounts.sessions import COOKIE

MAX_ENTRY_BYTES = 2 * 1024 * 1024
NOT_CACHED_PREFIXES = ("/static/", "/api/v1/exports/", "/api/v1/me", "/login", "/logout", "/review",
                       "/contribute")


@dataclass
class Entry:
    version: Any
    start: Message
    body: bytes


@dataclass
class ResponseCache:
    """LRU store of responses, bounded by total bytes."""

    max_bytes: int = 64 * 1024 * 1024
    entries: OrderedDict[tuple[str, ...], Entry] = field(default_factory=OrderedDict)
    size: int = 0

    def get(self, key: tuple[str, ...], version: Any) -> Entry | None:
        entry = self.entries.get(key)
        if entry is None or entry.version != version:
            return None
        self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple[str, ...], entry: Entry) -> None:
        old = self.entries.pop(key, None)
        if old is not None:
            self.size -= len(old.body)
        self.entries[key] = entry
        self.size += len(entry.body)
        while self.size > self.max_bytes and self.entries:
            _, evicted = self.entries.popitem(last=False)
            self.size -= len(evicted.body)


def _anonymous(headers: Headers) -> bool:
    return "authorization" not in headers and f"{COOKIE}=" not in headers.get("cookie", "")


def _cacheable_start(message: Message) -> bool:
    if message["status"] != 200:
        return False
    names = {name.lower() for name, _ in message.get("headers", [])}
    return b"set-cookie" not in names


class CacheMiddleware:
    """Serve anonymous GETs from a ResponseCache while `version()` (run in a worker thread,
    since it may wait for a database connection) returns what it returned when they were kept."""

    def __init__(self, app: ASGIApp, version: Callable[[], Any], cache: ResponseCache | None = None):
        self.app = app
        self.version = version
        self.cache = cache or ResponseCache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or scope["method"] not in ("GET", "HEAD")
                or path.startswith(NOT_CACHED_PREFIXES)):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        if not _anonymous(headers):
            await self.app(scope, receive, send)
            return
        gzip = "gzip" in headers.get("accept-encoding", "")
        # Everything an answer depends on. Answers hold no absolute URL (so not the Host), but the
        # scheme decides cookie and HSTS details.
        key = (scope["method"], scope.get("scheme", "http"), path,
               scope.get("query_string", b"").decode("latin-1"), str(gzip))
        version = await anyio.to_thread.run_sync(self.version)
        entry = self.cache.get(key, version)
        if entry is not None:
            await send(entry.start)
            await send({"type": "http.response.body", "body": entry.body})
            return
        await self.app(scope, receive, self._keeping(send, key, version))

    def _keeping(self, send: Send, key: tuple[str, ...], version: Any) -> Send:
        state: dict[str, Any] = {"start": None, "chunks": [], "size": 0, "keep": False}

        async def keeping(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["start"], state["keep"] = message, _cacheable_start(message)
            elif message["type"] == "http.response.body" and state["keep"]:
                body = message.get("body", b"")
                state["size"] += len(body)
                if state["size"] > MAX_ENTRY_BYTES:
                    state["keep"], state["chunks"] = False, []
                else:
                    state["chunks"].append(body)
                    if not message.get("more_body", False):
                        self.cache.put(key, Entry(version, state["start"], b"".join(state["chunks"])))
            await send(message)

        return keeping
