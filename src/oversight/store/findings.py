"""The AIGS layer in the store: write the findings, and gather what reconciliation reads
(findings, accepted deployments, organisation names and parents)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session

from oversight.analytics.coverage import (
    DeploymentFacts,
    FindingState,
    Organisations,
    coverage,
    reconcile,
)
from oversight.registry.aigs import Finding
from oversight.registry.leads import bundled_leads
from oversight.registry.records import normalise_name
from oversight.store.models import (
    AigsFinding,
    Deployment,
    DeploymentSupplier,
    DeploymentTechnology,
    Organisation,
    OrganisationAlias,
)
from oversight.vocab import AIGS_INDEXES


def save_findings(session: Session, findings: list[Finding]) -> dict[str, int]:
    """Make the stored findings exactly these (the bundled tables are the whole truth of AIGS);
    returns how many were added and removed, so loading the same tables again changes nothing."""
    wanted = {(f.index, f.country, f.finding): f for f in findings}
    stored = {(r.index_id, r.country, r.finding): r.id for r in session.execute(
        select(AigsFinding.id, AigsFinding.index_id, AigsFinding.country, AigsFinding.finding))}
    gone = [row_id for key, row_id in stored.items() if key not in wanted]
    new = [f for key, f in wanted.items() if key not in stored]
    if gone:
        session.execute(delete(AigsFinding).where(AigsFinding.id.in_(gone)))
    if new:
        session.execute(insert(AigsFinding), [
            {"index_id": f.index, "country": f.country, "finding": f.finding,
             "category": f.category, "company": f.company} for f in new])
    return {"added": len(new), "removed": len(gone)}


def findings(session: Session, *, index: str | None = None, country: str | None = None) -> list[Finding]:
    query = select(AigsFinding).order_by(AigsFinding.index_id, AigsFinding.country, AigsFinding.id)
    if index:
        query = query.where(AigsFinding.index_id == index)
    if country:
        query = query.where(AigsFinding.country == country.upper())
    return [Finding(r.index_id, r.country, r.finding, category=r.category, company=r.company)
            for r in session.scalars(query)]


def accepted_deployment_facts(session: Session, country: str | None = None) -> list[DeploymentFacts]:
    """Accepted deployments with their technologies and (non-financier) supplier keys."""
    query = select(Deployment.id, Deployment.country).where(Deployment.review_state == "accepted")
    if country:
        query = query.where(Deployment.country == country.upper())
    countries = dict(session.execute(query).all())
    technologies: dict[str, set[str]] = defaultdict(set)
    for dep_id, technology in session.execute(
        select(DeploymentTechnology.deployment_id, DeploymentTechnology.technology)
        .where(DeploymentTechnology.deployment_id.in_(query.with_only_columns(Deployment.id)))
    ):
        technologies[dep_id].add(technology)
    suppliers: dict[str, set[str]] = defaultdict(set)
    for dep_id, key in session.execute(
        select(DeploymentSupplier.deployment_id, Organisation.key)
        .join(Organisation, Organisation.id == DeploymentSupplier.organisation_id)
        .where(DeploymentSupplier.role != "financier",
               DeploymentSupplier.deployment_id.in_(query.with_only_columns(Deployment.id)))
    ):
        suppliers[dep_id].add(key)
    return [DeploymentFacts(dep_id, code, frozenset(technologies[dep_id]), frozenset(suppliers[dep_id]))
            for dep_id, code in sorted(countries.items())]


def organisation_names(session: Session, names: Iterable[str]) -> Organisations:
    """Every organisation's key and parent, and the aliases among `names` (the companies that
    findings name): reconciliation resolves only those, so only those aliases are read."""
    wanted = sorted({normalise_name(name) for name in names})
    rows = session.execute(select(Organisation.id, Organisation.key, Organisation.parent_id)).all()
    keys_by_id = {org_id: key for org_id, key, _ in rows}
    resolved = Organisations(keys={key: key for key in keys_by_id.values()},
                             parents={key: keys_by_id[parent] for _, key, parent in rows if parent})
    if wanted:
        for org_id, alias_key in session.execute(
            select(OrganisationAlias.organisation_id, OrganisationAlias.key)
            .where(OrganisationAlias.key.in_(wanted))
        ):
            resolved.keys.setdefault(alias_key, keys_by_id[org_id])
    return resolved


def _companies(found: list[Finding]) -> list[str]:
    return [f.company for f in found if f.company]


def finding_states(session: Session, *, index: str | None = None, country: str | None = None
                   ) -> list[FindingState]:
    """Each stored AIGS finding with the deployments backing it, its searched lead, or open."""
    wanted = findings(session, index=index, country=country)
    return reconcile(wanted, accepted_deployment_facts(session, country),
                     organisation_names(session, _companies(wanted)), bundled_leads())


def coverage_report(session: Session) -> dict[str, Any]:
    """Coverage of the whole registry against AIGS (analytics.coverage.coverage)."""
    facts = accepted_deployment_facts(session)
    every = findings(session)
    states = reconcile(every, facts, organisation_names(session, _companies(every)), bundled_leads())
    return coverage(states, {d.country for d in facts})


def layer(states: list[FindingState]) -> dict[str, Any]:
    """Findings as the API and portal show them: each with its state, and the citation of
    every edition they come from."""
    editions = sorted({s.finding.index for s in states})
    return {
        "citations": {e: {"label": AIGS_INDEXES[e].label, "citation": AIGS_INDEXES[e].citation,
                          "url": AIGS_INDEXES[e].url} for e in editions},
        "findings": [s.as_dict() for s in states],
    }
