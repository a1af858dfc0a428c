"""A response cache for anonymous reads, invalidated by the registry's version.

The registry changes only through loads, reviews, contributions, deletions and assessments, and
every one of them moves `store.queries.registry_version`. Anonymous GET answers (pages and JSON)
are therefore kept, per path, query and compression, until the version moves: a country page
then costs a dictionary lookup instead of its queries and template. Signed-in requests, answers
that set cookies and anything but a complete 200 are never cached.

A hit is served by the outermost middleware, as stored: status, headers (security headers and
`Vary: Accept-Encoding` included, since the layers that add them sit inside) and the body,
already gzip-compressed when the request accepted gzip. Each kept answer has an ETag, so a
client that sends it back in `If-None-Match` gets a 304 without the body. Reading the version
takes several queries, so it is read again only when `store.changes` says the database may
have changed (SQLite's commit counter): a hit uses no session and no worker thread.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import Any

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from oversight.accounts.sessions import COOKIE

MAX_ENTRY_BYTES = 2 * 1024 * 1024
NOT_CACHED_PREFIXES = ("/static/", "/api/v1/exports/", "/api/v1/me", "/login", "/logout", "/review",
                       "/contribute")
# What a 304 repeats of the 200 it stands for (RFC 9110, 15.4.5), besides the security headers.
NOT_MODIFIED_DROPS = frozenset({b"content-length", b"content-type", b"content-encoding"})
_COOKIE_NAME = f"{COOKIE}=".encode()


@dataclass
class Entry:
    version: Any
    start: Message
    body: bytes
    etag: bytes = b""
    not_modified: Message = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not self.etag:
            self.etag = b'"' + hashlib.blake2b(self.body, digest_size=16).hexdigest().encode() + b'"'
        headers = [(n, v) for n, v in self.start.get("headers", []) if n.lower() != b"etag"]
        headers.append((b"etag", self.etag))
        self.start = {**self.start, "headers": headers}
        self.not_modified = {"type": "http.response.start", "status": 304,
                             "headers": [(n, v) for n, v in headers if n.lower() not in NOT_MODIFIED_DROPS]}

    def matches(self, if_none_match: bytes) -> bool:
        """Whether an If-None-Match header names this entry (weak comparison, as RFC 9110 asks)."""
        if if_none_match.strip() == b"*":
            return True
        return any(tag.strip().removeprefix(b"W/") == self.etag for tag in if_none_match.split(b","))


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


class VersionWatch:
    """The registry's version for each request, read again (in a worker thread, since it may wait
    for a database connection) only when `probe()` has moved since it was last read. Without a
    probe it is read for every request."""

    def __init__(self, version: Callable[[], Any], probe: Callable[[], Hashable] | None = None):
        self.version, self.probe = version, probe
        self._mark: Hashable = None
        self._current: Any = None
        self._reading = anyio.Lock()

    async def current(self) -> Any:
        if self.probe is None:
            return await anyio.to_thread.run_sync(self.version)
        if self.probe() == self._mark:
            return self._current
        async with self._reading:  # one reading at a time; the others wait and use it
            mark = self.probe()  # before reading: a commit during the reading moves it again
            if mark != self._mark:
                self._current = await anyio.to_thread.run_sync(self.version)
                self._mark = mark
            return self._current


@dataclass
class _Asked:
    """What the cache needs from a request's headers, found in one pass over them."""

    anonymous: bool = True
    gzip: bool = False
    if_none_match: bytes | None = None

    @classmethod
    def of(cls, scope: Scope) -> _Asked:
        asked = cls()
        for name, value in scope["headers"]:
            if name == b"authorization" or (name == b"cookie" and _COOKIE_NAME in value):
                asked.anonymous = False
            elif name == b"accept-encoding":
                asked.gzip = asked.gzip or b"gzip" in value
            elif name == b"if-none-match":
                asked.if_none_match = value
        return asked


class CacheMiddleware:
    """Serve anonymous GETs (and HEADs, from the GET's entry) from a ResponseCache while the
    registry's version is what it was when they were kept."""

    def __init__(self, app: ASGIApp, version: VersionWatch, cache: ResponseCache | None = None):
        self.app = app
        self.version = version
        self.cache = cache or ResponseCache()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (scope["type"] != "http" or scope["method"] not in ("GET", "HEAD")
                or path.startswith(NOT_CACHED_PREFIXES)):
            await self.app(scope, receive, send)
            return
        asked = _Asked.of(scope)
        if not asked.anonymous:
            await self.app(scope, receive, send)
            return
        # Everything an answer depends on. Answers hold no absolute URL (so not the Host), but the
        # scheme decides cookie and HSTS details.
        key = ("GET", scope.get("scheme", "http"), path, scope.get("query_string", b"").decode("latin-1"),
               str(asked.gzip))
        version = await self.version.current()
        entry = self.cache.get(key, version)
        if entry is not None:
            if asked.if_none_match is not None and entry.matches(asked.if_none_match):
                await send(entry.not_modified)
                await send({"type": "http.response.body", "body": b""})
                return
            body = b"" if scope["method"] == "HEAD" else entry.body
            await send(entry.start)
            await send({"type": "http.response.body", "body": body})
            return
        if scope["method"] == "HEAD":  # its body is empty: nothing to keep for a GET
            await self.app(scope, receive, send)
            return
        await self.app(scope, receive, self._keeping(send, key, version))

    def _keeping(self, send: Send, key: tuple[str, ...], version: Any) -> Send:
        """Pass the answer on and keep it. A 200 in one body message (nearly all) is held back
        until its body is known, so that it already carries its ETag."""
        state: dict[str, Any] = {"start": None, "chunks": [], "size": 0, "keep": False}

        async def keeping(message: Message) -> None:
            if message["type"] == "http.response.start":
                state["start"], state["keep"] = message, _cacheable_start(message)
                if not state["keep"]:
                    await send(message)
                return
            if message["type"] != "http.response.body" or not state["keep"]:
                await send(message)
                return
            body = message.get("body", b"")
            more = message.get("more_body", False)
            if not more and not state["chunks"]:
                entry = Entry(version, state["start"], body)
                if len(body) <= MAX_ENTRY_BYTES:
                    self.cache.put(key, entry)
                await send(entry.start)
                await send(message)
                return
            if not state["chunks"]:  # a streamed answer: its start goes out as it came
                await send(state["start"])
            state["size"] += len(body)
            if state["size"] > MAX_ENTRY_BYTES:
                state["keep"], state["chunks"] = False, []
            else:
                state["chunks"].append(body)
                if not more:
                    self.cache.put(key, Entry(version, state["start"], b"".join(state["chunks"])))
            await send(message)

        return keeping


def _cacheable_start(message: Message) -> bool:
    if message["status"] != 200:
        return False
    names = {name.lower() for name, _ in message.get("headers", [])}
    return b"set-cookie" not in names
