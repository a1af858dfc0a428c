"""Proposals that repeat a registry deployment: find the deployment with the same key (country,
supplier, technology, as proposals are grouped), and merge a proposal into it (its documents become
sources of that deployment) instead of creating a duplicate.

A merge is a review decision like accept or reject: recorded against the proposal's key, so
re-extraction never reopens it, and the proposal's evidence spans then show on the deployment page.
"""

from __future__ import annotations

from collections import defaultdict
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from sqlalchemy import select
from sqlalchemy.orm import Session

from oversight.registry.readers import RawRecord
from oversight.review.proposals import SOURCE_SUPPORTS, AlreadyDecided, ReviewError, find
from oversight.store import audit
from oversight.store.judgements import record_decision
from oversight.store.models import (
    Deployment,
    DeploymentSource,
    DeploymentSupplier,
    DeploymentTechnology,
    Organisation,
    Source,
)
from oversight.store.write import known_for

if TYPE_CHECKING:
    from oversight.app import Registry

MERGED = "merged"


def _key_index(session: Session) -> dict[tuple[str, str, str], list[dict[str, Any]]]:
    """(country, supplier's organisation key, technology) -> the deployments with that key."""
    rows = session.execute(
        select(Deployment.id, Deployment.country, Deployment.city, Deployment.status,
               Organisation.key, DeploymentTechnology.technology)
        .join(DeploymentSupplier, DeploymentSupplier.deployment_id == Deployment.id)
        .join(Organisation, Organisation.id == DeploymentSupplier.organisation_id)
        .join(DeploymentTechnology, DeploymentTechnology.deployment_id == Deployment.id)
        .order_by(Deployment.id))
    index: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for dep_id, country, city, status, org_key, technology in rows:
        found = index[(country, org_key, technology)]
        if all(d["id"] != dep_id for d in found):
            found.append({"id": dep_id, "country": country, "city": city, "status": status})
    return index


def same_key(session: Session, proposals: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """For each proposal id, the registry deployments with its key; the supplier is matched by
    any name or alias of its organisation (a Chinese name finds the same vendor)."""
    index = _key_index(session)
    organisation_of = known_for(session).organisation_keys
    matches: dict[str, list[dict[str, Any]]] = {}
    for proposal in proposals:
        country, vendor_key, technology = proposal["key"].split("|", 2)
        organisation = organisation_of.get(vendor_key) if vendor_key else None
        matches[proposal["id"]] = index.get((country, organisation, technology), []) if organisation else []
    return matches


def _new_sources(session: Session, proposal: dict[str, Any], deployment_id: str) -> list[dict[str, Any]]:
    cited = set(session.scalars(
        select(Source.url).join(DeploymentSource, DeploymentSource.source_id == Source.id)
        .where(DeploymentSource.deployment_id == deployment_id)))
    sources: list[dict[str, Any]] = []
    for span in proposal["evidence"]:
        if span["url"] and span["url"] not in cited:
            cited.add(span["url"])
            sources.append({"url": span["url"], "title": span["title"],
                            "publisher": urlparse(span["url"]).hostname, "published": span["published"],
                            "supports": SOURCE_SUPPORTS, "deployment": deployment_id})
    return sources


def merge(registry: Registry, wanted: str, deployment_id: str, decided_by: str, *,
          note: str | None = None) -> dict[str, Any]:
    """Add an open proposal's documents as sources of `deployment_id`, which must carry the same
    key, and record the decision `merged`, in one transaction with its audit entries."""
    proposal = find(registry.proposals(), wanted)
    if proposal["state"] != "open":
        raise AlreadyDecided(f"proposal {proposal['id']} was already {proposal['state']} by "
                             f"{proposal['decision']['decided_by']}")
    with registry.session() as session:
        if deployment_id not in {d["id"] for d in same_key(session, [proposal])[proposal["id"]]}:
            raise ReviewError(f"deployment {deployment_id!r} does not have this proposal's country, "
                              "supplier and technology; accept the proposal as a new deployment instead")
        raws = [RawRecord("source", source, f"review:{proposal['id']}", None)
                for source in _new_sources(session, proposal, deployment_id)]
    added = len(raws)  # load_records empties the list as it reads it

    def decide_in(session: Session) -> None:
        record_decision(session, proposal["key"], MERGED, decided_by, deployment_id=deployment_id, note=note)
        audit.record(session, actor=decided_by, action="merge", entity="proposal", entity_id=proposal["id"],
                     before={"key": proposal["key"], "state": proposal["state"]},
                     after={"key": proposal["key"], "state": MERGED, "deployment": deployment_id,
                            "sources_added": added}, note=note)

    if added:
        why = f"review: merge proposal {proposal['id']} into {deployment_id}" + (f": {note}" if note else "")
        registry.load_records(raws, decision=decide_in, actor=decided_by, note=why)
    else:  # every document is cited already: only the decision is new
        with registry.session() as session:
            decide_in(session)
    return {"proposal": proposal["id"], "decision": MERGED, "deployment": deployment_id}
