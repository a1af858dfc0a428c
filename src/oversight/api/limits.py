"""Admission control: at most N requests at a time reach the routes that use the database.

FastAPI runs a sync route, and then the validation of its answer, in a pool of 40 worker threads,
while SQLAlchemy lends 15 connections (5 + 10 overflow). Under a burst, every thread could wait
for a connection held by a request that itself waits for a thread to validate its answer: a
deadlock until the pool timeout. Holding the extra requests here, on the event loop, keeps the
number of requests in threads below the number of connections, so each one that starts finishes.
"""

from __future__ import annotations

import anyio
from starlette.types import ASGIApp, Receive, Scope, Send

MAX_IN_FLIGHT = 10


class ConcurrencyLimit:
    def __init__(self, app: ASGIApp, limit: int = MAX_IN_FLIGHT, exempt: tuple[str, ...] = ("/static/",)):
        self.app = app
        self.exempt = exempt
        self.slots = anyio.Semaphore(limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("path", "").startswith(self.exempt):
            await self.app(scope, receive, send)
            return
        async with self.slots:
            await self.app(scope, receive, send)
