"""/countries (every country with deployments) and /countries/{ISO3} (one country's page)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from oversight.analytics.index import country_index
from oversight.api.deps import get_session
from oversight.api.guards import accepts_query
from oversight.portal.charts import timeline
from oversight.portal.filters import (
    FILTER_KEYS,
    api_query,
    filter_options,
    parse_filters,
    parse_sort,
    sort_links,
)
from oversight.portal.templating import render
from oversight.store import queries

router = APIRouter(include_in_schema=False)
SORT_COLUMNS = ("id", "status", "year")


@router.get("/countries", response_class=HTMLResponse)
def country_list(request: Request, session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    scores = {row["country"]: row for row in country_index(queries.deployments(session))}
    countries = [{**c, "index": scores.get(c["country"])} for c in queries.countries(session)]
    return render(request, "countries.html", {
        "countries": countries,
        "twin": [("", "/api/v1/countries"), ("the index", "/api/v1/index")],
    })


def listed_suppliers(deployments: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Suppliers on a restriction list (directly or through a parent), with the deployments."""
    found: dict[str, dict[str, Any]] = {}
    for dep in deployments:
        for s in dep["suppliers"]:
            if s["lists"]:
                entry = found.setdefault(s["name"], {"name": s["name"], "country": s["country"],
                                                     "lists": s["lists"], "deployments": []})
                if dep["id"] not in entry["deployments"]:
                    entry["deployments"].append(dep["id"])
    return sorted(found.values(), key=lambda entry: entry["name"])


def supplier_options(suppliers: list[dict[str, Any]]) -> dict[str, Any]:
    """The filter choices of a country page: its own suppliers (not its financiers)."""
    vendors = [s for s in suppliers if s["roles"] != ["financier"]]
    options = filter_options([], [])
    options["vendors"] = sorted((s["name"], s["name"]) for s in vendors)
    return options


@router.get("/countries/{iso3}", response_class=HTMLResponse)
@accepts_query(*FILTER_KEYS, "sort")
def country_page(iso3: str, request: Request,
                 session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    country = queries.country(session, iso3)  # NotFound (not ISO alpha-3) -> a 404 page
    code = country["country"]
    form = parse_filters(request.query_params)
    form.params.pop("country", None)  # this page is the country filter
    sort = parse_sort(request.query_params, default="year")
    filtered = bool(form.params)
    # queries.country already holds every deployment sorted by year: query again only when asked
    # for another cut, which keeps the common view of the page to one pass over the store.
    table = (queries.deployments(session, replace(form.filters, country=[code]), sort=sort)
             if filtered or sort != "year" else country["deployments"])
    index = country_index(country["deployments"])
    return render(request, "country.html", {
        "c": country,
        "index": index[0] if index else None,
        "form": form,
        "sort": sort,
        "filtered": filtered,
        "table": table,
        "links": sort_links(form, sort, SORT_COLUMNS, f"/countries/{code}"),
        "options": supplier_options(country["suppliers"]),
        "chart": timeline(country["deployments"]),
        "listed": listed_suppliers(country["deployments"]),
        "financed": [d for d in country["deployments"] if d["financing"]],
        "twin": [("", f"/api/v1/countries/{code}"),
                 ("the table", f"/api/v1/deployments?{api_query(form, country=code, sort=sort)}"),
                 ("the index over time", f"/api/v1/index/{code}")],
    })
