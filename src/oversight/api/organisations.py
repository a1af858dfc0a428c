"""GET /organisations and GET /organisations/{name} (name or alias)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from oversight.api.deps import get_session
from oversight.api.models import ERROR_RESPONSES, Organisation, OrganisationSummary
from oversight.store import queries

router = APIRouter(tags=["organisations"], responses=ERROR_RESPONSES)


@router.get("/organisations", response_model=list[OrganisationSummary], summary="List organisations")
def list_organisations(session: Annotated[Session, Depends(get_session)]) -> list[dict[str, Any]]:
    """Vendors, integrators and financiers with their deployments, reach and listings."""
    return queries.organisations(session)


@router.get("/organisations/{name:path}", response_model=Organisation, summary="One organisation")
def get_organisation(name: str, session: Annotated[Session, Depends(get_session)]) -> dict[str, Any]:
    """An organisation by name or alias (any script): aliases, parent, subsidiaries, listings,
    deployments and sources."""
    return queries.organisation(session, name)
