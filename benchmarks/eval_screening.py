"""Screening quality on the labelled name cases, per slice, on the dev and test parts.

    python benchmarks/eval_screening.py [--json] [--wrong]

Cases: tests/screening/name_cases.csv (query, expected entity, kind); index: the 28
entities of tests/screening/conftest.py. The dev/test split is fixed by a hash of the
query (oversight.screening.evaluation.split_of); the matcher is tuned on dev only. For the
negatives slice, precision and recall have no meaning: its false positives are counted.
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

from bench_screening import CASES, fixture_entities

from oversight.screening import MATCHER_VERSION, build_index
from oversight.screening.evaluation import evaluate, split_of


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--wrong", action="store_true", help="List the wrong answers of dev.")
    args = parser.parse_args()
    with Path(CASES).open(encoding="utf-8", newline="") as handle:
        cases = list(csv.DictReader(handle))
    index = build_index(fixture_entities())
    report = {part: evaluate(index, [c for c in cases if split_of(c["query"]) == part])
              for part in ("dev", "test")}
    if args.json:
        json.dump({"matcher": MATCHER_VERSION, **{
            part: {k: {x: y for x, y in v.items() if x != "wrong"} for k, v in rows.items()}
            for part, rows in report.items()}}, sys.stdout, indent=2)
        sys.stdout.write("\n")
        return
    print(f"matcher {MATCHER_VERSION}; {len(cases)} cases")
    print(f"{'slice':12} {'part':4} {'cases':>5} {'precision':>9} {'recall':>6} {'false +':>7}")
    for name in sorted(report["dev"], key=lambda n: (n != "all", n)):
        for part in ("dev", "test"):
            row = report[part].get(name)
            if row:
                print(f"{name:12} {part:4} {row['cases']:5} {row['precision'] or '-':>9} "
                      f"{row['recall'] or '-':>6} {row['fp']:7}")
    if args.wrong:
        for name, row in report["dev"].items():
            for query, expected, found in row["wrong"] if name != "all" else []:
                print(f"dev {name}: {query!r} expected {expected!r}, found {found!r}")


if __name__ == "__main__":
    main()
