"""GET /countries and GET /countries/{iso3}."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends
from sqlalchemy.orm import Session

from oversight.api import figures
from oversight.api.deps import Iso3Path, get_session, registry
from oversight.api.models import ERROR_RESPONSES, Country, CountrySummary
from oversight.app import Registry

router = APIRouter(tags=["countries"], responses=ERROR_RESPONSES)


@router.get("/countries", response_model=list[CountrySummary], summary="List countries")
def list_countries(session: Annotated[Session, Depends(get_session)],
                   reg: Annotated[Registry, Depends(registry)]) -> list[dict[str, Any]]:
    """Countries with accepted deployments: counts, technologies, suppliers and their homes."""
    return figures.countries(reg, session)


@router.get("/countries/{iso3}", response_model=Country, summary="One country")
def get_country(iso3: Iso3Path, session: Annotated[Session, Depends(get_session)],
                reg: Annotated[Registry, Depends(registry)]) -> dict[str, Any]:
    """A country's deployments by year, suppliers, financing and sources. Any ISO 3166-1 alpha-3
    code answers (a country without deployments has empty lists); other codes are 404."""
    return figures.country(reg, session, iso3)
