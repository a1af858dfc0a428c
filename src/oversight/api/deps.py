"""What the routers share: the per-request session, the deployment filters and the API's error."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Path, Query, Request
from pydantic import Field
from sqlalchemy.orm import Session

from oversight.api.models import Status, Technology
from oversight.app import Registry
from oversight.registry.records import country_name
from oversight.store.queries import DeploymentFilter

# Integer columns and SQLite's bound parameters stop at 2**31-1 (PostgreSQL INTEGER) and 2**63-1;
# a larger offset or id would reach the database and fail there (a 500), so it is a 422 here.
MAX_DB_INT = 2**31 - 1
Offset = Annotated[int, Query(ge=0, le=MAX_DB_INT, description="Rows to skip.")]
RowId = Annotated[int, Path(alias="id", ge=1, le=MAX_DB_INT)]
ISO3_PATTERN = "^[A-Za-z]{3}$"  # the shape; whether the code exists is checked against ISO 3166
Iso3 = Annotated[str, Field(pattern=ISO3_PATTERN)]
Iso3Path = Annotated[str, Path(pattern=ISO3_PATTERN, description="ISO 3166-1 alpha-3 country code.",
                               examples=["KEN"])]


class ApiError(Exception):
    """A request the API refuses; rendered as {"error": {"message", "field"}}."""

    def __init__(self, status_code: int, message: str, field: str | None = None):
        super().__init__(message)
        self.status_code = status_code
        self.message = message
        self.field = field


def registry(request: Request) -> Registry:
    return request.app.state.registry


async def get_session(request: Request) -> AsyncIterator[Session]:
    """One session (one transaction) per request, from the app's Registry.

    Async on purpose: FastAPI then opens and closes the session on the event loop instead of in a
    worker thread. With a sync generator, a burst of requests could fill every worker thread with
    requests waiting for a pool connection while the requests holding the connections waited for
    a thread to close their sessions: a deadlock until the pool timeout. Opening a session does
    no I/O (the connection is taken by the first query, in the endpoint's thread)."""
    with registry(request).session() as session:
        yield session


def _countries(codes: list[str], field: str) -> list[str]:
    for code in codes:
        if country_name(code.upper()) is None:
            raise ApiError(422, f"{field} {code!r} is not an ISO 3166-1 alpha-3 country code", field)
    return [code.upper() for code in codes]


def deployment_filter(
    country: Annotated[list[Iso3], Query(description="Host country, ISO 3166-1 alpha-3; repeatable.",
                                        examples=["KEN"])] = [],  # noqa: B006 - FastAPI copies defaults
    vendor: Annotated[list[str], Query(description="Supplier name or alias; repeatable.")] = [],  # noqa: B006
    vendor_country: Annotated[list[Iso3], Query(
        description="Supplier home country, ISO 3166-1 alpha-3; repeatable.")] = [],  # noqa: B006
    technology: Annotated[list[Technology], Query(  # type: ignore[valid-type]
        description="Technology category; repeatable.")] = [],  # noqa: B006
    status: Annotated[list[Status], Query(description="Deployment status; repeatable.")] = [],  # noqa: B006 # type: ignore[valid-type]
    since: Annotated[int | None, Query(description="First year (inclusive).", ge=0, le=9999)] = None,
    until: Annotated[int | None, Query(description="Last year (inclusive).", ge=0, le=9999)] = None,
    q: Annotated[str | None, Query(description="Text search over id, description, places, names.",
                                   max_length=200)] = None,
) -> DeploymentFilter:
    """The filters of `oversight deployments`, validated the same way."""
    return DeploymentFilter(
        country=_countries(country, "country"),
        vendor=vendor,
        vendor_country=_countries(vendor_country, "vendor_country"),
        technology=[str(t) for t in technology],
        status=[str(s) for s in status],
        since=since,
        until=until,
        q=q or None,
    )
