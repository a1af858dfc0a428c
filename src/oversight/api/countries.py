"""GET /countries, GET /countries/{iso3} and GET /findings (the AIGS layer)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from oversight.api import figures
from oversight.api.deps import Iso3Path, get_session, registry
from oversight.api.models import (
    ERROR_RESPONSES,
    AigsIndex,
    AigsLayer,
    Country,
    CountrySummary,
    FindingStateId,
)
from oversight.app import Registry
from oversight.store.findings import finding_states, layer

router = APIRouter(tags=["countries"], responses=ERROR_RESPONSES)


@router.get("/countries", response_model=list[CountrySummary], summary="List countries")
def list_countries(session: Annotated[Session, Depends(get_session)],
                   reg: Annotated[Registry, Depends(registry)]) -> list[dict[str, Any]]:
    """Countries with accepted deployments: counts, technologies, suppliers and their homes."""
    return figures.countries(reg, session)


@router.get("/countries/{iso3}", response_model=Country, summary="One country")
def get_country(iso3: Iso3Path, session: Annotated[Session, Depends(get_session)],
                reg: Annotated[Registry, Depends(registry)]) -> dict[str, Any]:
    """A country's deployments by year, suppliers, financing and sources, and beside them what
    Carnegie's AIGS index reports for it (`aigs`: each finding backed by deployments, searched,
    or open). Any ISO 3166-1 alpha-3 code answers (a country without deployments has empty
    lists); other codes are 404."""
    view = figures.country(reg, session, iso3)
    return {**view, "aigs": layer(finding_states(session, country=view["country"]))}


@router.get("/findings", response_model=AigsLayer, summary="AIGS findings")
def list_findings(
    session: Annotated[Session, Depends(get_session)],
    index: Annotated[AigsIndex | None, Query(description="Only this AIGS edition.")] = None,
    country: Annotated[str | None, Query(description="Only this country (ISO 3166-1 alpha-3).",
                                         pattern="^[A-Za-z]{3}$")] = None,
    state: Annotated[FindingStateId | None, Query(description="Only findings in this state.")] = None,
) -> dict[str, Any]:
    """Carnegie's AI Global Surveillance index as a cited layer: every finding (country ×
    category; 2019 also country × named Chinese supplier) with the registry deployments that
    back it, the searched lead that records a look for it, or `open` (no sourced deployment
    yet). Findings are never deployments."""
    states = finding_states(session, index=index.value if index else None, country=country)
    return layer([s for s in states if state is None or s.state == state.value])
