"""Time the portal's pages in process (FastAPI TestClient) on the bundled demo data.

    python benchmarks/bench_pages.py [--repeat 20] [--json]

Loads the bundled dataset (what `oversight init` loads) into a temporary SQLite registry, builds
the app once, requests each page once to warm up (the first request of a process also decodes
the world map, which create_app does in advance), then `--repeat` times: median and maximum
wall time per page, including rendering. The issue's target: the home page under one second.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import time
import warnings
from pathlib import Path

from oversight.app import Registry

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

PAGES = ("/", "/?technology=facial_recognition&vendor_country=CHN", "/deployments",
         "/deployments?sort=-year&page=2", "/countries", "/countries/KEN", "/vendors", "/vendors/Huawei",
         "/search?q=camera", "/methodology", "/downloads", "/?layer=aigs2019", "/countries/ARM",
         "/api/v1/findings?state=open")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    from oversight.api import create_app

    with tempfile.TemporaryDirectory() as tmp:
        registry = Registry(f"sqlite:///{Path(tmp) / 'registry.db'}")
        registry.load_bundled()
        started = time.perf_counter()
        app = create_app(registry)
        build = time.perf_counter() - started
        results = []
        with TestClient(app) as client:
            for page in PAGES:
                first = time.perf_counter()
                response = client.get(page)
                first = time.perf_counter() - first
                assert response.status_code == 200, (page, response.status_code)
                times = []
                for _ in range(args.repeat):
                    t = time.perf_counter()
                    client.get(page)
                    times.append(time.perf_counter() - t)
                results.append({"page": page, "bytes": len(response.content),
                                "first_ms": round(first * 1000, 1),
                                "median_ms": round(statistics.median(times) * 1000, 1),
                                "max_ms": round(max(times) * 1000, 1)})
        registry.engine.dispose()
    if args.json:
        print(json.dumps({"app_build_ms": round(build * 1000), "pages": results}, indent=1))
        return
    print(f"create_app (includes decoding the map): {build * 1000:.0f} ms")
    print(f"{'page':55} {'KB':>6} {'first':>8} {'median':>8} {'max':>8}")
    for r in results:
        print(f"{r['page']:55} {r['bytes'] / 1024:6.0f} {r['first_ms']:7.1f}ms {r['median_ms']:7.1f}ms "
              f"{r['max_ms']:7.1f}ms")


if __name__ == "__main__":
    main()
