"""Counts and shares over deployments, as printed by `oversight stats`."""

from __future__ import annotations

import re
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


# Financing is free text in the registry; these are the ways sources name Chinese state money.
# A vendor paying for its own pilot ("funded by Huawei") is not state financing and does not match.
CHINESE_STATE_FINANCE = re.compile(
    r"China Exim|Export-Import Bank of China|Exim ?Bank of China|China Development Bank"
    r"|Belt and Road|Chinese (?:government|state)|Government of (?:the People's Republic of )?China"
    r"|People's Republic of China|China's Ministry|Chinese (?:credit|loan|financing|grant|concessional)",
    re.IGNORECASE,
)


def chinese_financed(deployment: dict[str, Any]) -> bool:
    """Financed by a Chinese state lender or the Chinese government: a financier based in China, or
    financing text that names one."""
    if CHINA in financier_countries(deployment):
        return True
    return bool(deployment.get("financing") and CHINESE_STATE_FINANCE.search(deployment["financing"]))


def _sorted(counter: Counter[Any]) -> dict[str, int]:
    return {str(k): v for k, v in sorted(counter.items(), key=lambda kv: (-kv[1], str(kv[0])))}


def stats(deployments: Iterable[dict[str, Any]]) -> dict[str, Any]:
    by_country: Counter[str] = Counter()
    by_technology: Counter[str] = Counter()
    by_supplier_country: Counter[str] = Counter()
    by_year: Counter[int] = Counter()
    by_status: Counter[str] = Counter()
    reach: dict[str, set[str]] = defaultdict(set)
    total = with_chinese_supplier = financed = 0
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
        if chinese_financed(dep):
            financed += 1
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
        "with_chinese_financing": financed,
        "countries_reached_by_vendor": {
            name: len(countries)
            for name, countries in sorted(reach.items(), key=lambda kv: (-len(kv[1]), kv[0]))
        },
    }
