"""GET /sources and GET /listings: the evidence and the restriction-list entries."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from oversight.api.deps import get_session
from oversight.api.models import Listing, SourceSummary
from oversight.store import queries

router = APIRouter(tags=["sources"])


@router.get("/sources", response_model=list[SourceSummary], summary="List sources")
def list_sources(session: Annotated[Session, Depends(get_session)]) -> list[dict[str, Any]]:
    """Every cited source with how many deployments cite it."""
    return queries.sources(session)


@router.get("/listings", response_model=list[Listing], summary="List restriction-list entries")
def list_listings(session: Annotated[Session, Depends(get_session)]) -> list[dict[str, Any]]:
    """Every restriction-list entry, resolved to an organisation of the registry."""
    return queries.listings(session)
