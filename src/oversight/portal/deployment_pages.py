"""/deployments (a filterable, sortable, paginated table) and /deployments/{id} (one deployment)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, Depends, Path, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from oversight.api.assessments import view_assessment
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
from oversight.publish.labels import deployment_title
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


def citations(sources: list[dict[str, Any]]) -> dict[str, list[int]]:
    """For each field, the numbers (1-based, in the page's evidence list) of the sources that
    support it; the year stands on the sources of the start or announcement date."""
    cited: dict[str, list[int]] = {}
    for number, source in enumerate(sources, start=1):
        for field in source.get("supports") or []:
            cited.setdefault(field, []).append(number)
    cited["year"] = sorted(set(cited.get("started", []) + cited.get("announced", [])))
    cited["contract_value"] = sorted(set(cited.get("contract_value", []) + cited.get("currency", [])))
    return cited


def evidence_summary(sources: list[dict[str, Any]]) -> dict[str, Any]:
    """What a reader can weigh instead of a bare confidence number: how many sources, from how
    many publishers, how many of them dated."""
    publishers = {(s.get("publisher") or urlsplit(s["url"]).netloc).lower() for s in sources}
    return {"sources": len(sources), "publishers": len(publishers),
            "dated": sum(1 for s in sources if s.get("published"))}


@router.get("/deployments/{id}", response_class=HTMLResponse)
def deployment_page(request: Request, deployment_id: Annotated[str, Path(alias="id")],
                    session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    deployment = queries.deployment(session, deployment_id)  # NotFound -> a 404 page
    return render(request, "deployment.html", {
        "d": deployment,
        "title": deployment_title(deployment),
        "cite": citations(deployment["sources"]),
        "evidence": evidence_summary(deployment["sources"]),
        "assessment": view_assessment(deployment),
        "history": [{**entry, "changed": changed_fields(entry.get("before"), entry.get("after"))}
                    for entry in deployment.get("history", [])],
        "twin": [("", f"/api/v1/deployments/{quote(deployment['id'], safe='')}")],
    })
