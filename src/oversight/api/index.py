"""GET /index and GET /index/{iso3}: the Oversight index per country, as of a year, and over time."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from sqlalchemy.orm import Session

from oversight.analytics.index import country_index, index_definition, index_series
from oversight.api import figures
from oversight.api.deps import Iso3Path, deployment_filter, get_session, registry
from oversight.api.models import ERROR_RESPONSES, IndexSeries, IndexTable
from oversight.app import Registry
from oversight.errors import NotFound
from oversight.registry.records import country_name
from oversight.store import queries
from oversight.store.queries import DeploymentFilter

router = APIRouter(tags=["index"], responses=ERROR_RESPONSES)


@router.get("/index", response_model=IndexTable, summary="The Oversight index")
def get_index(
    filters: Annotated[DeploymentFilter, Depends(deployment_filter)],
    session: Annotated[Session, Depends(get_session)],
    reg: Annotated[Registry, Depends(registry)],
    year: Annotated[int | None, Query(description="As of the end of this year (default: everything known).",
                                      ge=1900, le=2100)] = None,
) -> dict[str, Any]:
    """Every country's index over the deployments matching the filters, highest first."""
    if filters == DeploymentFilter() and year is None:
        return {"definition": index_definition(), "countries": figures.statistics(reg, session)["index"]}
    return {"definition": index_definition(),
            "countries": country_index(queries.deployments(session, filters), year)}


@router.get("/index/{iso3}", response_model=IndexSeries, summary="A country's index over time")
def get_country_index(iso3: Iso3Path, session: Annotated[Session, Depends(get_session)]) -> dict[str, Any]:
    """The country's index for each year from its first dated deployment to the latest year."""
    code = iso3.upper()
    name = country_name(code)
    if name is None:
        raise NotFound(f"{iso3!r} is not an ISO 3166-1 alpha-3 country code")
    rows = queries.deployments(session, DeploymentFilter(country=[code]))
    return {"country": code, "name": name, "series": index_series(rows).get(code, [])}
