"""Time the pages and answers that aggregate the registry, built afresh (response cache off).

    python benchmarks/bench_uncached.py --db sqlite:///bench10k.db [--repeat 7] [--json]

Opens an already loaded registry (for 10,000 synthetic deployments, build one with
`benchmarks/bench_portal.py` or `benchmarks/synthetic.py`), builds the app in process with
`cache_bytes=0` and requests each route once ("first": it pays for figures computed once per
registry version) and then `--repeat` times (median). Run it over the code before and after a
change, in the same sitting, to get a ratio that the machine's load does not decide.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
import warnings

from oversight.api import create_app
from oversight.app import Registry

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

ROUTES = ("/", "/countries", "/countries/KEN", "/api/v1/stats", "/api/v1/index", "/api/v1/countries/KEN",
          "/api/v1/deployments?country=KEN")


def measure(db_url: str, repeat: int) -> list[dict[str, object]]:
    registry = Registry(db_url, migrate=False)
    rows = []
    with TestClient(create_app(registry, cache_bytes=0)) as client:
        for route in ROUTES:
            started = time.perf_counter()
            response = client.get(route)
            first = (time.perf_counter() - started) * 1000
            times = []
            for _ in range(repeat):
                started = time.perf_counter()
                client.get(route)
                times.append((time.perf_counter() - started) * 1000)
            rows.append({"route": route, "status": response.status_code, "bytes": len(response.content),
                         "first_ms": round(first, 1), "median_ms": round(statistics.median(times), 1)})
    registry.engine.dispose()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="A loaded registry's URL.")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    rows = measure(args.db, args.repeat)
    if args.json:
        print(json.dumps(rows, indent=2))
        return
    print("| route | status | bytes | first ms | median ms |\n| --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(f"| `{r['route']}` | {r['status']} | {r['bytes']} | {r['first_ms']} | {r['median_ms']} |")


if __name__ == "__main__":
    main()
