"""CPU cost of one response-cache hit through the whole ASGI app, in process (no sockets).

    python benchmarks/bench_cached_hit.py --db sqlite:///bench10k.db [--repeat 2000] [--profile]

Opens an already loaded registry (for 10,000 synthetic deployments, build one with
`benchmarks/synthetic.py` or `benchmarks/bench_portal.py`), builds the app as `oversight serve`
does (response cache on), sends each route once to fill the cache, then calls the ASGI app
directly `--repeat` times per route with an anonymous GET, collecting the answer in memory. The
time per call is the server's own cost of a cached hit, before uvicorn's parsing and writing:
what a load test on a shared 2-core machine cannot separate from its neighbours' noise.

Routes: the baseline (/api/v1/vocabulary: constant, also kept), the country page and the
deployments API for Kenya, each plain and with `Accept-Encoding: gzip` (the browser's case).
Medians are per call, in batches of 100 (so the clock's cost is not in them), and the ratio
of each route to the baseline in the same run. `--profile` prints the top of a cProfile of
the country page's hits.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import json
import pstats
import statistics
import time
from typing import Any

from oversight.api import create_app
from oversight.app import Registry

ROUTES = (("baseline", "/api/v1/vocabulary", ""), ("country page", "/countries/KEN", ""),
          ("deployments API", "/api/v1/deployments", "country=KEN"),
          ("country page, gzip", "/countries/KEN", "gzip"))
BATCH = 100


def scope_for(path: str, query: str, gzip: bool) -> dict[str, Any]:
    headers = [(b"host", b"127.0.0.1:8000"), (b"user-agent", b"bench"), (b"accept", b"*/*")]
    if gzip:
        headers.append((b"accept-encoding", b"gzip, deflate, br"))
    return {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
            "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(),
            "query_string": query.encode(), "root_path": "", "headers": headers,
            "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8000), "state": {}}


async def call(app: Any, scope: dict[str, Any]) -> tuple[int, int]:
    """One request through the app; (status, body bytes)."""
    sent: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        sent.append(message)

    await app(dict(scope), receive, send)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    return status, sum(len(m.get("body", b"")) for m in sent if m["type"] == "http.response.body")


async def per_call_ms(app: Any, scope: dict[str, Any], repeat: int) -> list[float]:
    samples = []
    for _ in range(max(1, repeat // BATCH)):
        started = time.perf_counter()
        for _ in range(BATCH):
            await call(app, scope)
        samples.append((time.perf_counter() - started) * 1000 / BATCH)
    return samples


async def run(app: Any, repeat: int, profile: bool) -> list[dict[str, Any]]:
    rows = []
    for name, path, extra in ROUTES:
        gzip = extra == "gzip"
        scope = scope_for(path, "" if gzip else extra, gzip)
        status, size = await call(app, scope)  # builds and keeps the answer
        assert status == 200, f"{path}: HTTP {status}"
        status, size = await call(app, scope)
        samples = await per_call_ms(app, scope, repeat)
        rows.append({"route": name, "path": path + (f"?{extra}" if extra and not gzip else ""),
                     "bytes": size, "median_ms": round(statistics.median(samples), 3),
                     "min_ms": round(min(samples), 3)})
    base = rows[0]["median_ms"]
    for row in rows:
        row["x_baseline"] = round(row["median_ms"] / base, 2) if base else None
    if profile:
        profiler = cProfile.Profile()
        scope = scope_for("/countries/KEN", "", False)
        profiler.enable()
        await per_call_ms(app, scope, repeat)
        profiler.disable()
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(35)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", required=True, help="An already loaded registry (SQLAlchemy URL).")
    parser.add_argument("--repeat", type=int, default=2000, help="Calls per route.")
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    app = create_app(Registry(args.db, migrate=False))
    rows = asyncio.run(run(app, args.repeat, args.profile))
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print("| route | path | bytes | median ms/hit | min ms/hit | x baseline |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| {r['route']} | `{r['path']}` | {r['bytes']} | {r['median_ms']} | {r['min_ms']} "
              f"| {r['x_baseline']} |")


if __name__ == "__main__":
    main()
