"""GET /deployments (filtered, paginated), GET /deployments/{id} and DELETE /deployments/{id}."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy.orm import Session

from oversight.accounts.users import Account
from oversight.api.auth import require_role
from oversight.api.deps import Offset, deployment_filter, get_session
from oversight.api.models import ERROR_RESPONSES, Deleted, DeploymentDetail, DeploymentPage, DeploymentSort
from oversight.store import queries
from oversight.store.deletion import delete_deployment
from oversight.store.queries import DeploymentFilter

DEFAULT_LIMIT = 50
MAX_LIMIT = 500

router = APIRouter(tags=["deployments"], responses=ERROR_RESPONSES)


@router.get("/deployments", response_model=DeploymentPage, summary="List deployments")
def list_deployments(
    request: Request,
    filters: Annotated[DeploymentFilter, Depends(deployment_filter)],
    session: Annotated[Session, Depends(get_session)],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Rows per page.")] = DEFAULT_LIMIT,
    offset: Offset = 0,
    sort: Annotated[DeploymentSort, Query(description="Sort column; '-' for descending.")] = "id",  # type: ignore[valid-type,assignment]
) -> dict[str, Any]:
    """Deployments matching the filters of `oversight deployments`, one page at a time."""
    total = queries.count_deployments(session, filters)
    items = queries.deployments(session, filters, limit=limit, offset=offset, sort=str(sort))
    following = offset + limit
    # Relative: an absolute URL would be built from the client's Host header and then kept by
    # the response cache for every later reader (cache poisoning).
    following_page = request.url.include_query_params(offset=following)
    next_url = f"{following_page.path}?{following_page.query}" if following < total else None
    return {"total": total, "limit": limit, "offset": offset, "items": items, "next": next_url}


@router.get("/deployments/{id}", response_model=DeploymentDetail, summary="One deployment")
def get_deployment(
    deployment_id: Annotated[str, Path(alias="id", description="Deployment id.")],
    session: Annotated[Session, Depends(get_session)],
) -> dict[str, Any]:
    """One deployment with every source, its saved assessments, review decisions and audit history."""
    return queries.deployment(session, deployment_id)


@router.delete("/deployments/{id}", response_model=Deleted, summary="Delete a deployment (admin)")
def remove_deployment(
    deployment_id: Annotated[str, Path(alias="id", description="Deployment id.")],
    user: Annotated[Account, Depends(require_role("admin"))],
    session: Annotated[Session, Depends(get_session)],
    note: Annotated[str | None, Query(description="Why; kept in the audit log.", max_length=2000)] = None,
) -> dict[str, Any]:
    """Delete a deployment with its links and assessments (admin role). The audit log keeps its
    last state, who deleted it and why: `oversight audit log --entity deployment --id ID`."""
    entry = delete_deployment(session, deployment_id, user.name, note)
    entry = {k: entry[k] for k in ("seq", "actor", "action", "before", "after", "note")} | {
        "at": entry["at"].isoformat(timespec="seconds")}
    return {"deleted": deployment_id, "entry": entry}
