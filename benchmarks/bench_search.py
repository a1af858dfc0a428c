"""Search benchmark: the database's full-text index against the Python path it replaced.

    python benchmarks/bench_search.py [--deployments 10000] [--db URL] [--repeat 15]

Loads N synthetic deployments (benchmarks/synthetic.py), then times `store.search.search` (a
page of 20, the total and the organisations, as the portal and GET /api/v1/search ask) for a set
of queries, median and p99 over --repeat runs. Baseline, in the same run on the same database:
the search module before the index (commit BASELINE, read from git history, not kept in the
source tree): a vocabulary of every registry name built in Python and cached per registry
version, rapidfuzz for misspellings, and SQL LIKE for the words left over. Its vocabulary is
rebuilt after every write to the registry; that rebuild is timed apart. Also reported: how long
the load took with the index kept in step, and a full rebuild of the index.
"""

from __future__ import annotations

import argparse
import importlib.util
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType

sys.path.insert(0, str(Path(__file__).parent))
from bench_registry import p99, timed  # noqa: E402
from synthetic import write_corpus  # noqa: E402

from oversight.app import Registry  # noqa: E402
from oversight.store import search, search_index  # noqa: E402

BASELINE = "cc12fd4"  # main before the search index
QUERIES = (
    "safe city kenya",  # fixed vocabulary only: filters
    "Vendor 0042 Technology",  # a supplier's name
    "v0042 pakistan",  # an alias and a country
    "vendr 0042 technolgy",  # misspelt words of a name
    "harbour city facial recognition",  # a place and a technology
    "number 4242",  # words of a description
    "camera analytics operational",  # common words and a status
)


def baseline_module(root: Path) -> ModuleType:
    source = subprocess.run(["git", "-C", str(root), "show", f"{BASELINE}:src/oversight/store/search.py"],
                            check=True, capture_output=True, text=True).stdout
    spec = importlib.util.spec_from_loader("search_before_index", loader=None)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    exec(compile(source, f"{BASELINE}:search.py", "exec"), module.__dict__)  # noqa: S102
    return module


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--deployments", type=int, default=10_000)
    parser.add_argument("--db", help="database URL (default: a new SQLite file)")
    parser.add_argument("--repeat", type=int, default=15)
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="oversight-bench-search-"))
    files = write_corpus(work, args.deployments)
    url = args.db or f"sqlite:///{work / 'bench.db'}"
    registry = Registry(url)
    start = time.perf_counter()
    registry.load(files)
    load_seconds = time.perf_counter() - start
    with registry.session() as session:
        start = time.perf_counter()
        search_index.rebuild(session)
        rebuild_seconds = time.perf_counter() - start
    before = baseline_module(Path(__file__).resolve().parents[1])
    print(f"{args.deployments} deployments on {registry.engine.dialect.name}; load with the index kept: "
          f"{load_seconds:.1f} s; full index rebuild: {rebuild_seconds:.2f} s")

    with registry.session() as session:
        built = timed(lambda: before._build(session), 3)
        print(f"Python path: vocabulary rebuilt after a write: {statistics.median(built):.0f} ms "
              "(median of 3)")
        phrases = before.vocabulary(session)
        print(f"\n{'query':<34}{'hits idx':>9}{'hits py':>8}{'index p50':>10}{'p99':>7}"
              f"{'python p50':>11}{'p99':>7}{'ratio':>7}   (ms)")
        ratios = []
        for q in QUERIES:
            found = search.search(session, q, limit=20)
            old = before.search(session, q, limit=20, phrases=phrases)
            index = timed(lambda q=q: search.search(session, q, limit=20), args.repeat)
            python = timed(lambda q=q: before.search(session, q, limit=20, phrases=phrases), args.repeat)
            ratios.append(statistics.median(python) / statistics.median(index))
            print(f"{q:<34}{found['total']:>9}{old['total']:>8}{statistics.median(index):>10.1f}"
                  f"{p99(index):>7.1f}{statistics.median(python):>11.1f}{p99(python):>7.1f}{ratios[-1]:>7.1f}")
        print(f"\nmedian ratio python / index: {statistics.median(ratios):.1f}")
    registry.engine.dispose()


if __name__ == "__main__":
    main()
