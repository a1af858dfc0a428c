"""The home page (the map of the Oversight index, filters and headline figures) and search."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from oversight.analytics.index import country_index
from oversight.analytics.stats import stats
from oversight.api import figures
from oversight.api.deps import get_session
from oversight.api.guards import accepts_query
from oversight.portal import search as matching
from oversight.portal.filters import (
    FILTER_KEYS,
    PAGE_SIZE,
    api_query,
    filter_options,
    parse_filters,
    search_text,
)
from oversight.portal.templating import render
from oversight.portal.worldmap import index_map
from oversight.store import queries
from oversight.store.queries import DeploymentFilter

router = APIRouter(include_in_schema=False)


def headline(rows: list[dict[str, Any]], figures: dict[str, Any]) -> dict[str, Any]:
    """The figures above the map. A country "has AI surveillance" when one of its deployments
    is live (not cancelled or denied), as in the index."""
    live = [row for row in rows if row["operational"] + row["planned"] > 0]
    return {
        "countries": len(live),
        "with_chinese_supplier": sum(1 for row in live if row["chinese_supplier_share"] > 0),
        "chinese_financed": sum(1 for row in live if row["chinese_financed"] > 0),
        "deployments": figures["deployments"],
        "by_status": figures["by_status"],
    }


@router.get("/", response_class=HTMLResponse)
@accepts_query(*FILTER_KEYS)
def home(request: Request, session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    form = parse_filters(request.query_params)
    registry = request.app.state.registry
    if form.params:
        deployments = queries.deployments(session, form.filters)
        rows, counts = country_index(deployments), stats(deployments)
        shaded = index_map(rows)
    else:  # the common view: the figures and the map are kept until the registry changes
        counts = figures.statistics(registry, session)
        rows = counts["index"]
        shaded = registry.derived.get(session, ("home map",), lambda: index_map(rows))
    query = api_query(form)
    suffix = f"?{query}" if query else ""
    return render(request, "home.html", {
        "form": form,
        "options": filter_options(figures.organisations(registry, session),
                                  figures.countries(registry, session)),
        "rows": rows,
        "map": shaded,
        "headline": headline(rows, counts),
        "twin": [("the index", f"/api/v1/index{suffix}"), ("figures", f"/api/v1/stats{suffix}"),
                 ("deployments", f"/api/v1/deployments{suffix}")],
    })


@router.get("/search", response_class=HTMLResponse)
@accepts_query("q")
def search(request: Request, session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    q = search_text((request.query_params.get("q") or "").strip())
    context: dict[str, Any] = {"q": q, "twin": [("", "/api/v1/deployments?q="), ("", "/api/v1/organisations"),
                                                ("", "/api/v1/sources")]}
    if q:
        filters = DeploymentFilter(q=q)
        context.update(
            total=queries.count_deployments(session, filters),
            deployments=queries.deployments(session, filters, limit=PAGE_SIZE),
            organisations=matching.organisations(queries.organisations(session), q),
            sources=matching.sources(queries.sources(session), q),
            more_url=f"/deployments?{urlencode({'q': q})}",
        )
        context["twin"][0] = ("", f"/api/v1/deployments?{urlencode({'q': q})}")
    return render(request, "search.html", context)
