"""Reconcile AIGS findings with the registry: for each finding, the deployments that back it,
else the searched lead that records a look for it, else "open" (no sourced deployment yet).

Plain functions over data: the store gathers the inputs (store/findings.py), so the rules can
be tested with a few literal records.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from oversight.registry.aigs import Finding
from oversight.registry.leads import LeadIn
from oversight.registry.records import normalise_name
from oversight.vocab import AIGS_INDEXES, FINDING_STATES

PARENT_CHAIN_LIMIT = 10  # parent chains are short; the bound guards against cycles


@dataclass(frozen=True)
class DeploymentFacts:
    """What reconciliation needs of an accepted deployment."""

    id: str
    country: str
    technologies: frozenset[str]
    suppliers: frozenset[str]  # organisation keys of its suppliers, integrators and operators


@dataclass
class Organisations:
    """Name resolution: every normalised name or alias -> organisation key; key -> parent key."""

    keys: dict[str, str] = field(default_factory=dict)
    parents: dict[str, str] = field(default_factory=dict)

    def resolve(self, name: str) -> str:
        """The key of the organisation a name or alias names (the name's own key if unknown)."""
        key = normalise_name(name)
        return self.keys.get(key, key)

    def ancestors(self, key: str) -> set[str]:
        """The organisation and every parent above it."""
        found = {key}
        current = key
        for _ in range(PARENT_CHAIN_LIMIT):
            parent = self.parents.get(current)
            if parent is None or parent in found:
                break
            found.add(parent)
            current = parent
        return found


@dataclass(frozen=True)
class FindingState:
    finding: Finding
    state: str  # schema.yaml `finding_states`
    deployments: tuple[str, ...] = ()
    lead: LeadIn | None = None

    def as_dict(self) -> dict[str, Any]:
        lead = self.lead
        return {
            "index": self.finding.index,
            "country": self.finding.country,
            "finding": self.finding.finding,
            "category": self.finding.category,
            "company": self.finding.company,
            "technology": self.finding.technology,
            "state": self.state,
            "deployments": list(self.deployments),
            "lead": None if lead is None else {
                "searched": lead.searched.isoformat(), "result": lead.result,
                "queries": lead.queries, "notes": lead.notes,
                "sources": [s.model_dump(exclude_none=True) for s in lead.sources],
            },
        }


def backing(finding: Finding, candidates: Iterable[DeploymentFacts],
            organisations: Organisations) -> list[str]:
    """Ids of the deployments (in the finding's country) that back it: with the category's
    technology, or supplied by the named company or one of its subsidiaries."""
    if finding.category is not None:
        technology = finding.technology
        return sorted(d.id for d in candidates if technology in d.technologies)
    company = organisations.keys.get(normalise_name(finding.company or ""))
    if company is None:
        return []  # AIGS names a company the registry does not know: nothing can back it yet
    return sorted(d.id for d in candidates
                  if any(company in organisations.ancestors(s) for s in d.suppliers))


def reconcile(findings: Iterable[Finding], deployments: Iterable[DeploymentFacts],
              organisations: Organisations, leads: Iterable[LeadIn]) -> list[FindingState]:
    by_country: dict[str, list[DeploymentFacts]] = defaultdict(list)
    for dep in deployments:
        by_country[dep.country].append(dep)
    leads_by_key = {lead.key: lead for lead in leads}
    states = []
    for finding in findings:
        lead = leads_by_key.get((finding.index, finding.country, finding.finding))
        backed = backing(finding, by_country[finding.country], organisations)
        if backed:
            states.append(FindingState(finding, "backed", tuple(backed), lead))
        elif lead is not None:
            states.append(FindingState(finding, "searched", (), lead))
        else:
            states.append(FindingState(finding, "open"))
    return states


def coverage(states: Iterable[FindingState], countries_with_deployments: set[str]) -> dict[str, Any]:
    """Per index: the countries with at least one deployment, and backed / searched / open
    counts of its category findings (each category and all together) and company findings."""
    report: dict[str, Any] = {}
    for index in AIGS_INDEXES.values():
        report[index.id] = {"label": index.label, "citation": index.citation, "url": index.url,
                            "countries": {"listed": 0, "with_deployments": 0},
                            "categories": {"all": _zero()}, "companies": _zero()}
    countries: dict[str, set[str]] = defaultdict(set)
    for state in states:
        entry = report[state.finding.index]
        countries[state.finding.index].add(state.finding.country)
        if state.finding.category is not None:
            entry["categories"].setdefault(state.finding.category, _zero())[state.state] += 1
            entry["categories"]["all"][state.state] += 1
        else:
            entry["companies"][state.state] += 1
    for index_id, listed in countries.items():
        report[index_id]["countries"] = {"listed": len(listed),
                                          "with_deployments": len(listed & countries_with_deployments)}
    return report


def _zero() -> dict[str, int]:
    return dict.fromkeys(FINDING_STATES, 0)
