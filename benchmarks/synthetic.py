"""Synthetic registry data for benchmarks: realistic shapes, made-up facts, example.org sources."""

from __future__ import annotations

import json
import random
from pathlib import Path

from oversight.vocab import STATUSES, TECHNOLOGIES

COUNTRIES = ["KEN", "UGA", "ZWE", "PAK", "PHL", "SRB", "ECU", "BOL", "VEN", "KGZ", "UZB", "MNG",
             "LAO", "MYS", "MUS", "ZMB", "NGA", "EGY", "BRA", "MEX", "GBR", "USA", "FRA", "DEU",
             "IND", "IDN", "THA", "ARE", "SAU", "TUR", "KAZ", "TJK", "ETH", "GHA", "SEN", "CMR"]
VENDOR_HOMES = ["CHN"] * 6 + ["USA", "JPN", "FRA", "ISR", "RUS", "KOR", "DEU", "SWE", "GBR"]
CITIES = ["Capital", "Harbour City", "North District", "Old Town", None]


def write_corpus(folder: Path, deployments: int, vendors: int = 400, seed: int = 7) -> list[Path]:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    orgs = folder / "organisations.jsonl"
    names = [f"Vendor {i:04d} Technology" for i in range(vendors)]
    with orgs.open("w") as out:
        for i, name in enumerate(names):
            out.write(json.dumps({"name": name, "kind": "vendor", "country": rng.choice(VENDOR_HOMES),
                                  "aliases": [f"V{i:04d}"]}) + "\n")
    deps = folder / "deployments.jsonl"
    with deps.open("w") as out:
        for i in range(deployments):
            country = rng.choice(COUNTRIES)
            year = rng.randint(2008, 2025)
            suppliers = [{"organisation": rng.choice(names), "role": "supplier"}]
            if rng.random() < 0.4:
                suppliers.append({"organisation": rng.choice(names), "role": "integrator"})
            out.write(json.dumps({
                "id": f"{country.lower()}-synthetic-{i:06d}",
                "country": country,
                "city": rng.choice(CITIES),
                "buyer": f"Ministry of Interior {country}",
                "suppliers": suppliers,
                "technologies": rng.sample(TECHNOLOGIES, rng.randint(1, 3)),
                "status": rng.choice(STATUSES),
                "started": f"{year}-{rng.randint(1, 12):02d}",
                "description": f"Synthetic deployment number {i} of a camera and analytics system.",
                "confidence": round(rng.uniform(0.5, 0.95), 2),
                "sources": [{"url": f"https://news.example.org/{year}/story-{i}",
                             "publisher": "Example News", "published": str(year),
                             "supports": ["country", "suppliers"]}],
            }) + "\n")
    return [orgs, deps]
