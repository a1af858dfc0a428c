"""/deployments (a filterable, sortable, paginated table) and /deployments/{id} (one deployment)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from oversight.api.deps import get_session
from oversight.api.guards import accepts_query
from oversight.portal.filters import (
    FILTER_KEYS,
    PAGE_SIZE,
    api_query,
    filter_options,
    paginate,
    parse_filters,
    parse_page,
    parse_sort,
    sort_links,
)
from oversight.portal.templating import render
from oversight.store import queries

router = APIRouter(include_in_schema=False)
SORT_COLUMNS = ("id", "country", "status", "year")


def changed_fields(before: Any, after: Any) -> list[str]:
    """The fields an audit entry changed: every field of a created or deleted record, else
    those whose value differs between before and after."""
    if not isinstance(before, dict) or not isinstance(after, dict):
        record = after if isinstance(after, dict) else before
        return sorted(record) if isinstance(record, dict) else []
    return sorted(key for key in before.keys() | after.keys() if before.get(key) != after.get(key))


@router.get("/deployments", response_class=HTMLResponse)
@accepts_query(*FILTER_KEYS, "sort", "page")
def deployment_list(request: Request, session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    form = parse_filters(request.query_params)
    sort = parse_sort(request.query_params)
    total = queries.count_deployments(session, form.filters)
    page = paginate(form, sort, parse_page(request.query_params), total, "/deployments", size=PAGE_SIZE)
    rows = queries.deployments(session, form.filters, limit=PAGE_SIZE, offset=page.offset, sort=sort)
    api = f"/api/v1/deployments?{api_query(form, sort=sort, limit=PAGE_SIZE, offset=page.offset)}"
    return render(request, "deployments.html", {
        "form": form,
        "sort": sort,
        "options": filter_options(queries.organisations(session), queries.countries(session)),
        "deployments": rows,
        "total": total,
        "page": page,
        "links": sort_links(form, sort, SORT_COLUMNS, "/deployments"),
        "twin": [("this page", api), ("all as CSV", f"/api/v1/exports/csv?{api_query(form)}".rstrip("?"))],
    })


@router.get("/deployments/{id}", response_class=HTMLResponse)
def deployment_page(request: Request, deployment_id: Annotated[str, Path(alias="id")],
                    session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    deployment = queries.deployment(session, deployment_id)  # NotFound -> a 404 page
    return render(request, "deployment.html", {
        "d": deployment,
        "history": [{**entry, "changed": changed_fields(entry.get("before"), entry.get("after"))}
                    for entry in deployment.get("history", [])],
        "twin": [("", f"/api/v1/deployments/{quote(deployment['id'], safe='')}")],
    })
