"""Read the bundled AIGS tables (data/aigs/) into findings: country × category and, where the
edition names companies, country × company. Findings are what AIGS says, kept apart from the
registry's deployments (analytics/coverage.py reconciles the two)."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from oversight.registry.leads import COMPANY_PREFIX
from oversight.vocab import AIGS_INDEXES, AigsIndex

# The printed 2019 table's abbreviation for "multiple" (China's own row): names no company.
NOT_A_COMPANY = frozenset({"Mult"})


@dataclass(frozen=True)
class Finding:
    index: str
    country: str
    finding: str  # an AIGS category id, or "company:<name>"
    category: str | None = None
    company: str | None = None

    @property
    def technology(self) -> str | None:
        """Our technology that backs a category finding (schema.yaml `aigs_indexes`)."""
        return AIGS_INDEXES[self.index].categories[self.category] if self.category else None


def aigs_dir() -> Path:
    return Path(str(resources.files("oversight").joinpath("data", "aigs")))


def read_index(index: AigsIndex, path: Path) -> list[Finding]:
    findings: list[Finding] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            country = row["iso3"].strip().upper()
            for category in index.categories:
                if row[category].strip() == "1":
                    findings.append(Finding(index.id, country, category, category=category))
            if index.companies_column:
                for name in row[index.companies_column].split(";"):
                    company = name.strip()
                    if company and company not in NOT_A_COMPANY:
                        findings.append(Finding(index.id, country, COMPANY_PREFIX + company,
                                                company=company))
    return findings


def bundled_findings() -> list[Finding]:
    """Every finding of every bundled AIGS edition."""
    directory = aigs_dir()
    return [f for index in AIGS_INDEXES.values() for f in read_index(index, directory / index.file)]
