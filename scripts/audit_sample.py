"""Draw a reproducible random sample of bundled deployment facts for a manual audit.

A fact is one (deployment, field) pair, the field being one of: suppliers, technologies,
place (country and city), status, year (started, else announced). Every pair that the data
holds is equally likely. The auditor re-reads the cited sources of each drawn fact and records
the verdict in `src/oversight/data/audits/<date>.yaml`.

Usage: python scripts/audit_sample.py [SEED] [COUNT]   (defaults: 20261203, 20)

Prints one YAML list item per drawn fact with the value as recorded and the cited sources.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path
from typing import Any

import yaml

from oversight.app import bundled_data_dir

FIELDS = ("suppliers", "technologies", "place", "status", "year")


def fact_value(deployment: dict[str, Any], field: str) -> Any:
    """The recorded value of one audited field, or None when the deployment lacks it."""
    if field == "suppliers":
        suppliers = deployment.get("suppliers") or []
        return [f"{s['organisation']} ({s['role']})" for s in suppliers] or None
    if field == "place":
        return ", ".join(str(p) for p in (deployment.get("city"), deployment["country"]) if p)
    if field == "year":
        for key in ("started", "announced"):
            if deployment.get(key):
                return f"{key} {deployment[key]}"
        return None
    return deployment.get(field)


def bundled_deployments() -> list[dict[str, Any]]:
    folder = Path(bundled_data_dir()) / "deployments"
    return [d for path in sorted(folder.glob("*.yaml"))
            for d in yaml.safe_load(path.read_text("utf-8"))["deployments"]]


def draw(seed: int, count: int) -> list[dict[str, Any]]:
    deployments = bundled_deployments()
    pairs = [(d, f) for d in sorted(deployments, key=lambda d: d["id"]) for f in FIELDS
             if fact_value(d, f) is not None]
    return [{"deployment": d["id"], "field": f, "recorded": fact_value(d, f),
             "sources": [s["url"] for s in d.get("sources", [])]}
            for d, f in random.Random(seed).sample(pairs, count)]


def main(argv: list[str]) -> None:
    seed = int(argv[0]) if argv else 20261203
    count = int(argv[1]) if len(argv) > 1 else 20
    print(yaml.safe_dump(draw(seed, count), allow_unicode=True, sort_keys=False, width=100))


if __name__ == "__main__":
    main(sys.argv[1:])
