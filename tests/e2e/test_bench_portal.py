"""The load benchmark's own client, so that benchmarks/bench_portal.py cannot rot unnoticed:
its HTTP/1.1 response reading, and one short open-loop run against the e2e server."""

from __future__ import annotations

import asyncio
import importlib.util
import sys
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from types import ModuleType
from typing import Any, TypeVar

import pytest

from tests.e2e.conftest import ROOT, Portal


@pytest.fixture(scope="module")
def bench() -> Iterator[ModuleType]:
    folder = ROOT / "benchmarks"
    sys.path.insert(0, str(folder))  # bench_portal imports its neighbour synthetic.py
    spec = importlib.util.spec_from_file_location("bench_portal", folder / "bench_portal.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["bench_portal"] = module  # dataclasses look their module up while it loads
    try:
        spec.loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop("bench_portal", None)
        sys.path.remove(str(folder))


T = TypeVar("T")


def run_alone(coroutine: Coroutine[Any, Any, T]) -> T:
    """asyncio.run on a thread of its own: once a browser test has run, Playwright's sync API keeps
    an event loop on this thread, and asyncio.run refuses to start a second one beside it."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def read(bench: ModuleType, raw: bytes) -> tuple[tuple[int, bool], bytes]:
    """Feed `raw` to the benchmark's response reader; what it returned and what it left unread."""

    async def run() -> tuple[tuple[int, bool], bytes]:
        reader = asyncio.StreamReader()
        reader.feed_data(raw)
        reader.feed_eof()
        result = await bench._read_response(reader)
        return result, await reader.read()

    return run_alone(run())


@pytest.mark.parametrize(("raw", "expected"), [
    (b"HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhelloNEXT", ((200, True), b"NEXT")),
    (b"HTTP/1.1 404 Not Found\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}", ((404, False), b"")),
    (b"HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\nNEXT",
     ((200, True), b"NEXT")),
    (b"HTTP/1.1 200 OK\r\n\r\nbody until the end", ((200, False), b"")),
], ids=["content-length", "close", "chunked", "to-eof"])
def test_reads_exactly_one_response(bench: ModuleType, raw: bytes, expected: tuple[object, bytes]) -> None:
    assert read(bench, raw) == expected


def test_short_open_loop_run_accounts_for_every_request(bench: ModuleType, portal: Portal) -> None:
    phase = bench.Phase("baseline", ["/api/v1/vocabulary", "/static/style.css"])
    run_alone(bench.service_time(portal.url, phase, 5))
    run_alone(bench.run_phase(portal.url, phase, rate=40, seconds=1.0, warmup=0.25))
    summary = phase.summary(40)
    assert summary["sent"] == 40 and summary["ok"] + summary["errors"] == 40
    assert summary["errors"] == 0, summary["error_kinds"]
    assert 0 < summary["p50_ms"] <= summary["p99_ms"] <= summary["max_ms"]
    assert phase.alone_ms > 0 and 1 <= summary["connections"] <= 40
    assert "| baseline |" in bench.markdown([summary])


def test_missing_country_page_counts_as_errors(bench: ModuleType, portal: Portal) -> None:
    phase = bench.Phase("country_page", ["/countries/XXX"])
    run_alone(bench.run_phase(portal.url, phase, rate=20, seconds=0.5, warmup=0))
    assert phase.errors == {"HTTP 404": 10}
    assert "MISSES" in bench.verdicts([phase.summary(20)])[0]

