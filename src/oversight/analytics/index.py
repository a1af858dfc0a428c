"""The Oversight index: how much AI surveillance a country has, per country and year, from the registry.

A score from 0 to 100 built from three documented components (see COMPONENTS and
`index_definition`), computed over the deployments a country had as of the end of a year.
The share from Chinese suppliers and the deals financed by Chinese state lenders are reported
beside the score, never inside it, so the index measures the surveillance, not its origin.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from oversight.analytics.stats import CHINA, SUPPLYING_ROLES, chinese_financed, stats, supplier_countries
from oversight.registry.records import country_name
from oversight.vocab import TECHNOLOGIES

INDEX_VERSION = "oversight-index-v1"

# How far along a deployment is, as a weight: a running system counts fully, a plan a quarter.
STATUS_WEIGHTS: dict[str, float] = {
    "operational": 1.0, "pilot": 0.6, "contracted": 0.5, "planned": 0.25, "cancelled": 0.0, "denied": 0.0,
}
PLANNED_STATUSES = ("planned", "contracted", "pilot")
DEPTH_SATURATION = 4.0  # operational-equivalent deployments at which depth is full
SUPPLIER_SATURATION = 4  # distinct supplying organisations at which diversity is full


@dataclass(frozen=True)
class Component:
    key: str
    weight: float
    label: str
    method: str


COMPONENTS = (
    Component("breadth", 40, "Technology breadth",
              "Share of the technology categories present among the country's live deployments "
              "(any status but cancelled or denied)."),
    Component("depth", 40, "Deployment depth",
              "Deployments weighted by status (operational 1, pilot 0.6, contracted 0.5, planned 0.25, "
              f"cancelled or denied 0), summed and capped at {DEPTH_SATURATION:g}, "
              f"over {DEPTH_SATURATION:g}."),
    Component("suppliers", 20, "Supplier diversity",
              "Distinct organisations that supplied, integrated or operated live deployments, "
              f"capped at {SUPPLIER_SATURATION}, over {SUPPLIER_SATURATION}."),
)


INDEX_CAVEAT = ("The index measures what this registry records, not what exists: a country with few "
                "records may have little surveillance or little reporting of it, and a high score can "
                "reflect how much has been reported.")


def index_definition() -> dict[str, Any]:
    """The method, as data: the methodology page, the API and the docs all show this."""
    return {
        "version": INDEX_VERSION,
        "caveat": INDEX_CAVEAT,
        "scale": "0 to 100; 100 means every technology category, at least "
                 f"{DEPTH_SATURATION:g} operational-equivalent deployments "
                 f"and {SUPPLIER_SATURATION} suppliers",
        "as_of": "A country's index for year Y counts deployments whose year (start, else announcement) is "
                 "Y or earlier; deployments with no known year count only in the latest index. Status is "
                 "the deployment's current status in the registry.",
        "components": [vars(c) for c in COMPONENTS],
        "status_weights": STATUS_WEIGHTS,
        "technologies": list(TECHNOLOGIES),
        "reported_beside": {
            "chinese_supplier_share": "Share of live deployments with at least one supplier, integrator or "
                                      "operator based in China.",
            "chinese_financed": "Live deployments financed by a Chinese state lender or the Chinese "
                                "government (a financier based in China, or financing described as a China "
                                "Exim Bank, China Development Bank or Chinese government loan, credit or "
                                "grant), the financing channel of Belt-and-Road deals.",
        },
    }


def _live(deployment: dict[str, Any]) -> bool:
    return STATUS_WEIGHTS.get(deployment["status"], 0.0) > 0


def _suppliers(deployment: dict[str, Any]) -> set[str]:
    return {s["name"] for s in deployment["suppliers"] if s["role"] in SUPPLYING_ROLES}


def score_country(deployments: list[dict[str, Any]]) -> dict[str, Any]:
    """The index and its parts over one country's deployments (already cut to a year)."""
    live = [d for d in deployments if _live(d)]
    technologies = sorted({t for d in live for t in d["technologies"]})
    suppliers = set().union(*(_suppliers(d) for d in live))
    home_sets = [supplier_countries(d) for d in live]
    homes = set().union(*home_sets)
    weighted = sum(STATUS_WEIGHTS[d["status"]] for d in live)
    parts = {
        "breadth": len(technologies) / len(TECHNOLOGIES),
        "depth": min(weighted, DEPTH_SATURATION) / DEPTH_SATURATION,
        "suppliers": min(len(suppliers), SUPPLIER_SATURATION) / SUPPLIER_SATURATION,
    }
    with_chinese = sum(1 for countries in home_sets if CHINA in countries)
    return {
        "score": round(sum(c.weight * parts[c.key] for c in COMPONENTS), 1),
        "components": {key: round(value, 3) for key, value in parts.items()},
        "technologies": technologies,
        "suppliers": len(suppliers),
        "supplier_countries": sorted(homes),
        "deployments": len(deployments),
        "operational": sum(1 for d in live if d["status"] == "operational"),
        "planned": sum(1 for d in live if d["status"] in PLANNED_STATUSES),
        "ended": len(deployments) - len(live),
        "chinese_supplier_share": round(with_chinese / len(live), 3) if live else 0.0,
        "chinese_financed": sum(1 for d in live if chinese_financed(d)),
    }


def _by_country(deployments: Iterable[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for deployment in deployments:
        grouped[deployment["country"]].append(deployment)
    return grouped


def _as_of(deployments: list[dict[str, Any]], year: int | None) -> list[dict[str, Any]]:
    if year is None:
        return deployments
    return [d for d in deployments if d["year"] is not None and d["year"] <= year]


def country_index(deployments: Iterable[dict[str, Any]], year: int | None = None) -> list[dict[str, Any]]:
    """One row per country with at least one deployment as of `year` (None: everything known),
    highest score first."""
    rows = []
    for country, own in _by_country(deployments).items():
        cut = _as_of(own, year)
        if cut:
            rows.append({"country": country, "name": country_name(country) or country, "year": year,
                         **score_country(cut)})
    return sorted(rows, key=lambda row: (-row["score"], row["country"]))


def index_series(deployments: Iterable[dict[str, Any]], first_year: int | None = None,
                 last_year: int | None = None) -> dict[str, list[dict[str, Any]]]:
    """Each country's score for every year from its first dated deployment (or `first_year`) to
    `last_year` (default: the latest year in the data)."""
    grouped = _by_country(deployments)
    years = [d["year"] for own in grouped.values() for d in own if d["year"] is not None]
    if not years:
        return {}
    last = last_year if last_year is not None else max(years)
    series: dict[str, list[dict[str, Any]]] = {}
    for country, own in sorted(grouped.items()):
        dated = [d["year"] for d in own if d["year"] is not None]
        if not dated:
            continue
        start = max(min(dated), first_year) if first_year is not None else min(dated)
        points = []
        for year in range(start, last + 1):
            figures = score_country(_as_of(own, year))
            points.append({"year": year, "score": figures["score"], "deployments": figures["deployments"],
                           "chinese_supplier_share": figures["chinese_supplier_share"]})
        series[country] = points
    return series


def stats_with_index(deployments: list[dict[str, Any]]) -> dict[str, Any]:
    """The figures of `oversight stats` and GET /stats: the counts, and each country's index."""
    return {**stats(deployments), "index": country_index(deployments)}
