"""Admission control: a burst larger than the connection pool is answered, not deadlocked."""

from __future__ import annotations

import asyncio
import time

import httpx

from oversight.api import create_app
from oversight.app import Registry


def test_a_burst_of_120_uncached_requests_all_succeed(fresh_registry: Registry) -> None:
    # Without the limit, 120 requests in flight filled the 40 worker threads with requests waiting
    # for one of 15 pooled connections: every answer waited for the 30 s pool timeout, then failed.
    app = create_app(fresh_registry, cache_bytes=0)

    async def burst() -> list[int]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://portal") as client:
            answers = await asyncio.gather(*(
                client.get(f"/api/v1/deployments?offset={i % 4}&limit=2") for i in range(120)))
        return [answer.status_code for answer in answers]

    started = time.perf_counter()
    statuses = asyncio.run(burst())
    assert statuses == [200] * 120
    assert time.perf_counter() - started < 20
