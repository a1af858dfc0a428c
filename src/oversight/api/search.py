"""GET /search: the portal's search as JSON (what the query was read as, and what it found)."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session

from oversight.api.deployments import MAX_LIMIT
from oversight.api.deps import get_session
from oversight.api.models import ERROR_RESPONSES, Deployment, OrganisationSummary
from oversight.store import search as store_search

router = APIRouter(tags=["search"], responses={422: ERROR_RESPONSES[422]})
MAX_QUERY = 200


class Understood(BaseModel):
    country: list[str] = Field(description="ISO alpha-3 codes of the countries named.")
    technology: list[str]
    status: list[str]
    vendor: list[str] = Field(description="Canonical names of the organisations named, by any alias.")
    words: list[str] = Field(description="Words left over; each must begin a word of a deployment's indexed "
                                         "names, places, labels or description, and they rank the results.")
    corrected: dict[str, str] = Field(description="Misspellings read as a word of the search index or of the "
                                                  "vocabulary: typed -> understood.")


class SearchResult(BaseModel):
    query: str
    understood: Understood
    total: int
    limit: int
    offset: int
    deployments: list[Deployment] = Field(description="This page of the matching deployments, the best "
                                                      "match first when words are left over.")
    organisations: list[OrganisationSummary] = Field(
        description="Suppliers the query names, else those whose indexed names and description match "
                    "the words.")


@router.get("/search", response_model=SearchResult, summary="Search")
def search(
    session: Annotated[Session, Depends(get_session)],
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUERY, description="What to look for.")],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=2**31 - 1)] = 0,
) -> dict[str, Any]:
    """Countries, technologies, statuses, suppliers (any alias, any script) and places named in
    `q`, in English, Spanish, French or Portuguese and with close misspellings, become filters;
    the words left over are looked up in the database's full-text index (SQLite FTS5,
    PostgreSQL tsvector with pg_trgm for misspellings) and rank the deployments found. The same
    answer as the portal's /search."""
    return store_search.search(session, q, limit=limit, offset=offset)
