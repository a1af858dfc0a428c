"""The home page (the map of the Oversight index, filters and headline figures) and search."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session
from starlette.datastructures import QueryParams

from oversight import vocab
from oversight.analytics.coverage import FindingState
from oversight.analytics.index import country_index
from oversight.analytics.stats import stats
from oversight.api import figures
from oversight.api.deps import get_session
from oversight.api.guards import accepts_query
from oversight.portal import search as matching
from oversight.portal.filters import (
    FILTER_KEYS,
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
from oversight.portal.worldmap import aigs_map, index_map
from oversight.store import queries
from oversight.store import search as store_search
from oversight.store.findings import coverage_report, finding_states
from oversight.vocab import AIGS_INDEXES

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


def map_layer(params: QueryParams) -> str | None:
    """The AIGS edition the map shows (`?layer=aigs2019`), or None for the Oversight index."""
    layer = params.get("layer") or None
    if layer is not None and layer not in AIGS_INDEXES:
        raise PageError(422, f"layer: {layer!r} is not one of {', '.join(AIGS_INDEXES)}", "layer")
    return layer


def aigs_counts(states: list[FindingState]) -> dict[str, dict[str, int]]:
    """ISO3 -> how many of the country's findings are in each state."""
    counts: dict[str, dict[str, int]] = {}
    for state in states:
        per_state = counts.setdefault(state.finding.country, dict.fromkeys(vocab.FINDING_STATES, 0))
        per_state[state.state] += 1
    return counts


@router.get("/", response_class=HTMLResponse)
@accepts_query(*FILTER_KEYS, "layer")
def home(request: Request, session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    form = parse_filters(request.query_params)
    layer = map_layer(request.query_params)
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
    if layer is None:
        world = shaded
    else:
        world = registry.derived.get(session, ("aigs map", layer), lambda: aigs_map(
            aigs_counts(finding_states(session, index=layer)), AIGS_INDEXES[layer].label))
    return render(request, "home.html", {
        "form": form,
        "layer": layer,
        "options": filter_options(figures.organisations(registry, session),
                                  figures.countries(registry, session)),
        "rows": rows,
        "map": world,
        "headline": headline(rows, counts),
        "coverage": registry.derived.get(session, ("coverage",), lambda: coverage_report(session)),
        "twin": [("the index", f"/api/v1/index{suffix}"), ("figures", f"/api/v1/stats{suffix}"),
                 ("deployments", f"/api/v1/deployments{suffix}"), ("AIGS findings", "/api/v1/findings")],
    })


@router.get("/search", response_class=HTMLResponse)
@accepts_query("q", "page")
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
