"""Registry benchmark: load N synthetic deployments, then time the filtered queries.

    python benchmarks/bench_registry.py [--deployments 100000] [--db URL] [--repeat 25]

Reports load time and peak memory (RSS of a fresh process doing only the load), and the
median / p99 latency of each filter of `oversight deployments` (a page of 50 rows, plus the
total count). Baseline in the same run: the same filters as a pandas scan over a DataFrame of
the flattened rows already in memory (what an analyst with a spreadsheet export would do).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import write_corpus  # noqa: E402

from oversight.app import Registry  # noqa: E402
from oversight.publish.exports import flatten  # noqa: E402
from oversight.store import queries  # noqa: E402
from oversight.store.queries import DeploymentFilter  # noqa: E402

LOAD_SCRIPT = """
import json, resource, sys, time
from oversight.app import Registry
registry = Registry(sys.argv[1])
start = time.perf_counter()
report = registry.load(sys.argv[2:])
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "report": report.as_dict()}))
"""

FILTERS: dict[str, dict[str, object]] = {
    "all": {},
    "country": {"country": ["KEN"]},
    "vendor": {"vendor": ["Vendor 0042 Technology"]},
    "vendor_country": {"vendor_country": ["CHN"]},
    "technology": {"technology": ["facial_recognition"]},
    "status": {"status": ["operational"]},
    "since_until": {"since": 2015, "until": 2017},
    "q": {"q": "number 4242 "},
    "combined": {"country": ["PAK"], "technology": ["safe_city"], "vendor_country": ["CHN"],
                 "since": 2012},
}


def pandas_filter(frame: pd.DataFrame, spec: dict[str, object]) -> pd.DataFrame:
    mask = pd.Series(True, index=frame.index)
    if "country" in spec:
        mask &= frame["country"].isin(spec["country"])  # type: ignore[arg-type]
    if "vendor" in spec:
        mask &= frame["suppliers"].str.contains(spec["vendor"][0], regex=False)  # type: ignore[index]
    if "vendor_country" in spec:
        mask &= frame["supplier_countries"].str.contains(spec["vendor_country"][0], regex=False)  # type: ignore[index]
    if "technology" in spec:
        mask &= frame["technologies"].str.contains(spec["technology"][0], regex=False)  # type: ignore[index]
    if "status" in spec:
        mask &= frame["status"].isin(spec["status"])  # type: ignore[arg-type]
    if "since" in spec:
        mask &= frame["year"] >= spec["since"]
    if "until" in spec:
        mask &= frame["year"] <= spec["until"]
    if "q" in spec:
        mask &= frame["description"].str.lower().str.contains(str(spec["q"]), regex=False)
    return frame[mask].head(50)


def timed(function, repeat: int) -> list[float]:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def p99(samples: list[float]) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deployments", type=int, default=100_000)
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    parser.add_argument("--repeat", type=int, default=25)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="oversight-bench-"))
    files = write_corpus(work, args.deployments)
    url = args.db or f"sqlite:///{work / 'bench.db'}"
    size_mb = sum(f.stat().st_size for f in files) / 1e6

    start = time.perf_counter()
    for path in files:
        with path.open() as handle:
            for line in handle:
                json.loads(line)
    parse_seconds = time.perf_counter() - start

    Registry(url)  # migrate outside the measured process
    loaded = subprocess.run([sys.executable, "-c", LOAD_SCRIPT, url, *map(str, files)],
                            check=True, capture_output=True, text=True)
    load = json.loads(loaded.stdout)
    print(f"input: {args.deployments} deployments, {size_mb:.1f} MB JSONL; database: "
          f"{url.split(':')[0]}")
    print(f"load: {load['seconds']:.1f} s ({args.deployments / load['seconds']:.0f} deployments/s), "
          f"peak RSS {load['peak_mb']:.0f} MB; baseline JSON parse only: {parse_seconds:.2f} s")

    registry = Registry(url)
    frame = pd.DataFrame([flatten(d) for d in registry.deployment_records()])
    print(f"\n{'filter':<15}{'rows':>8}{'page p50':>10}{'page p99':>10}{'count p50':>11}"
          f"{'pandas p50':>12}{'ratio':>7}   (milliseconds)")
    for name, spec in FILTERS.items():
        filters = DeploymentFilter(**spec)  # type: ignore[arg-type]
        with registry.session() as session:
            rows = queries.count_deployments(session, filters)
            page = timed(lambda f=filters: queries.deployments(session, f, limit=50), args.repeat)
            count = timed(lambda f=filters: queries.count_deployments(session, f), args.repeat)
        scan = timed(lambda s=spec: pandas_filter(frame, s), args.repeat)
        print(f"{name:<15}{rows:>8}{statistics.median(page):>10.1f}{p99(page):>10.1f}"
              f"{statistics.median(count):>11.1f}{statistics.median(scan):>12.1f}"
              f"{statistics.median(scan) / statistics.median(page):>7.1f}")


if __name__ == "__main__":
    main()
