"""The home page (the map of the Oversight index, filters and headline figures) and search."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from oversight.analytics.index import country_index
from oversight.analytics.stats import stats
from oversight.api.deps import get_session
from oversight.portal import search as matching
from oversight.portal.filters import (
    PAGE_SIZE,
    Page,
    PageError,
    api_query,
    filter_options,
    parse_filters,
    parse_page,
    search_text,
)
from oversight.portal.templating import render
from oversight.portal.worldmap import REGION_IDS, index_map
from oversight.store import queries
from oversight.store import search as store_search

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
def home(request: Request, session: Annotated[Session, Depends(get_session)],
         region: Annotated[str | None, Query(description="Zoom the map to one region: "
                                             + ", ".join(REGION_IDS))] = None) -> HTMLResponse:
    if region is not None and region not in REGION_IDS:
        raise PageError(422, f"region: {region!r} is not one of {', '.join(REGION_IDS)}", "region")
    form = parse_filters(request.query_params)
    deployments = queries.deployments(session, form.filters)
    rows = country_index(deployments)
    query = api_query(form)
    suffix = f"?{query}" if query else ""
    return render(request, "home.html", {
        "form": form,
        "options": filter_options(queries.organisations(session), queries.countries(session)),
        "rows": rows,
        "map": index_map(rows, region),
        "headline": headline(rows, stats(deployments)),
        "twin": [("the index", f"/api/v1/index{suffix}"), ("figures", f"/api/v1/stats{suffix}"),
                 ("deployments", f"/api/v1/deployments{suffix}")],
    })


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    q = search_text((request.query_params.get("q") or "").strip())
    number = parse_page(request.query_params)
    context: dict[str, Any] = {"q": q, "twin": [("", "/api/v1/search?q=")]}
    if q:
        found = store_search.search(session, q, limit=PAGE_SIZE, offset=(number - 1) * PAGE_SIZE)
        pages = max(1, -(-found["total"] // PAGE_SIZE))
        if number > pages:
            raise PageError(422, f"page: {number} is past the last page ({pages})", "page")

        def link(n: int) -> str:
            return f"/search?{urlencode({'q': q, 'page': n})}"

        context.update(
            found,
            page=Page(number, pages, link(number - 1) if number > 1 else None,
                      link(number + 1) if number < pages else None, (number - 1) * PAGE_SIZE),
            sources=matching.sources(queries.sources(session), q),
            twin=[("", "/api/v1/search?" + urlencode({"q": q, "limit": PAGE_SIZE,
                                                     "offset": (number - 1) * PAGE_SIZE}))],
        )
    return render(request, "search.html", context)
