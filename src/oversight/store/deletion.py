"""Deleting a deployment: the one change that removes facts, so the audit log keeps them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session, selectinload

from oversight.errors import NotFound
from oversight.store import audit, search_index
from oversight.store.models import Deployment, DeploymentSource, DeploymentSupplier, ReviewDecision
from oversight.store.snapshots import deployment_state


def delete_deployment(session: Session, deployment_id: str, actor: str,
                      note: str | None = None) -> dict[str, Any]:
    """Delete the deployment with its technologies, suppliers, source links and assessments, in
    the caller's transaction, and return the audit entry that holds its last state. Review
    decisions stay (a person's judgement is kept) but no longer point at the deployment.
    Sources and organisations stay too: other records may cite them. The deployment leaves
    the search index in the same transaction."""
    dep = session.scalars(select(Deployment).where(Deployment.id == deployment_id).options(
        selectinload(Deployment.technologies),
        selectinload(Deployment.suppliers).selectinload(DeploymentSupplier.organisation),
        selectinload(Deployment.sources).selectinload(DeploymentSource.source),
        selectinload(Deployment.buyer),
    )).first()
    if dep is None:
        raise NotFound(f"no deployment with id {deployment_id!r}")
    before = deployment_state(dep)
    session.execute(update(ReviewDecision).where(ReviewDecision.deployment_id == deployment_id)
                    .values(deployment_id=None))
    session.delete(dep)
    session.flush()
    search_index.refresh(session, deployments=[deployment_id])
    return audit.record(session, actor=actor, action="delete", entity="deployment",
                        entity_id=deployment_id, before=before, after=None, note=note)
