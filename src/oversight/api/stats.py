"""GET /stats: the figures of `oversight stats`, with the same filters as /deployments."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from oversight.analytics.index import stats_with_index
from oversight.api import figures
from oversight.api.deps import deployment_filter, get_session, registry
from oversight.api.models import ERROR_RESPONSES, Stats
from oversight.app import Registry
from oversight.store import queries
from oversight.store.queries import DeploymentFilter

router = APIRouter(tags=["stats"], responses={422: ERROR_RESPONSES[422]})


@router.get("/stats", response_model=Stats, summary="Statistics")
def get_stats(
    filters: Annotated[DeploymentFilter, Depends(deployment_filter)],
    session: Annotated[Session, Depends(get_session)],
    reg: Annotated[Registry, Depends(registry)],
) -> dict[str, Any]:
    """Counts by country, technology, status, supplier home country and year; Chinese shares."""
    if filters == DeploymentFilter():
        return figures.statistics(reg, session)
    return stats_with_index(queries.deployments(session, filters))
