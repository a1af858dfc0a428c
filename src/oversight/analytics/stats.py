"""Counts and shares over deployments, as printed by `oversight stats`."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Any

CHINA = "CHN"
SUPPLYING_ROLES = ("supplier", "integrator", "operator")


def supplier_countries(deployment: dict[str, Any]) -> set[str]:
    """Home countries of the organisations that supplied, integrated or operated the system."""
    return {
        s["country"] for s in deployment["suppliers"]
        if s["role"] in SUPPLYING_ROLES and s["country"]
    }


def financier_countries(deployment: dict[str, Any]) -> set[str]:
    return {s["country"] for s in deployment["suppliers"] if s["role"] == "financier" and s["country"]}


def _sorted(counter: Counter[Any]) -> dict[str, int]:
    return {str(k): v for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))}


def stats(deployments: Iterable[dict[str, Any]]) -> dict[str, Any]:
    by_country: Counter[str] = Counter()
    by_technology: Counter[str] = Counter()
    by_supplier_country: Counter[str] = Counter()
    by_year: Counter[int] = Counter()
    by_status: Counter[str] = Counter()
    reach: dict[str, set[str]] = defaultdict(set)
    total = with_chinese_supplier = chinese_financed = 0
    for dep in deployments:
        total += 1
        by_country[dep["country"]] += 1
        by_status[dep["status"]] += 1
        by_technology.update(dep["technologies"])
        homes = supplier_countries(dep)
        by_supplier_country.update(homes)
        if dep["year"] is not None:
            by_year[dep["year"]] += 1
        if CHINA in homes:
            with_chinese_supplier += 1
        if CHINA in financier_countries(dep):
            chinese_financed += 1
        for supplier in dep["suppliers"]:
            if supplier["role"] in SUPPLYING_ROLES:
                reach[supplier["name"]].add(dep["country"])
    return {
        "deployments": total,
        "countries": len(by_country),
        "by_country": _sorted(by_country),
        "by_technology": _sorted(by_technology),
        "by_status": _sorted(by_status),
        "by_supplier_country": _sorted(by_supplier_country),
        "by_year": {str(year): by_year[year] for year in sorted(by_year)},
        "with_chinese_supplier": with_chinese_supplier,
        "share_with_chinese_supplier": round(with_chinese_supplier / total, 4) if total else 0.0,
        "with_chinese_financing": chinese_financed,
        "countries_reached_by_vendor": {
            name: len(countries)
            for name, countries in sorted(reach.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        },
    }
