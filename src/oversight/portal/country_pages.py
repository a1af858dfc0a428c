"""/countries (every country with deployments) and /countries/{ISO3} (one country's page)."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from markupsafe import Markup
from sqlalchemy.orm import Session

from oversight.analytics.index import country_index
from oversight.api import figures
from oversight.api.deps import get_session
from oversight.api.guards import accepts_query
from oversight.portal.charts import timeline
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
from oversight.portal.templating import render, templates
from oversight.store import queries
from oversight.store.findings import finding_states, layer

router = APIRouter(include_in_schema=False)
SORT_COLUMNS = ("id", "status", "year")


@router.get("/countries", response_class=HTMLResponse)
def country_list(request: Request, session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    registry = request.app.state.registry
    scores = {row["country"]: row for row in figures.statistics(registry, session)["index"]}
    countries = [{**c, "index": scores.get(c["country"])} for c in figures.countries(registry, session)]
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


def _summary(country: dict[str, Any]) -> dict[str, Any]:
    """What the page shows whatever the filters and page: the index, the filter choices, and the
    timeline, technologies, suppliers, listed suppliers and financing already rendered (with
    hundreds of deployments, rendering them is most of the page's cost)."""
    deployments = country["deployments"]
    index = country_index(deployments)
    sections = templates.env.get_template("_country_summary.html").render(
        c=country, chart=timeline(deployments), listed=listed_suppliers(deployments),
        financed=[d for d in deployments if d["financing"]])
    return {"index": index[0] if index else None, "options": supplier_options(country["suppliers"]),
            "summary": Markup(sections)}  # escaped when it was rendered


def shown_sources(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The sources cited by the rows on the page, oldest first, each once."""
    seen: dict[str, dict[str, Any]] = {}
    for dep in rows:
        for source in dep["sources"]:
            seen.setdefault(source["url"], {k: v for k, v in source.items() if k != "supports"})
    return sorted(seen.values(), key=lambda s: (s["published"] or "", s["url"]))


@router.get("/countries/{iso3}", response_class=HTMLResponse)
@accepts_query(*FILTER_KEYS, "sort", "page")
def country_page(iso3: str, request: Request,
                 session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    registry = request.app.state.registry
    country = figures.country(registry, session, iso3)  # NotFound (not ISO alpha-3) -> a 404 page
    code = country["country"]
    form = parse_filters(request.query_params)
    form.params.pop("country", None)  # this page is the country filter
    sort = parse_sort(request.query_params, default="year")
    filtered = bool(form.params)
    base = f"/countries/{code}"
    # The kept summary holds every deployment sorted by year: query again only when asked for
    # another cut. Either way one page of rows (and their sources) is rendered, not all of them.
    if filtered or sort != "year":
        chosen = replace(form.filters, country=[code])
        total = queries.count_deployments(session, chosen)
        page = paginate(form, sort, parse_page(request.query_params), total, base, size=PAGE_SIZE)
        table = queries.deployments(session, chosen, sort=sort, limit=PAGE_SIZE, offset=page.offset)
    else:
        total = len(country["deployments"])
        page = paginate(form, sort, parse_page(request.query_params), total, base, size=PAGE_SIZE)
        table = country["deployments"][page.offset:page.offset + PAGE_SIZE]
    summary = registry.derived.get(session, ("country page", code), lambda: _summary(country))
    return render(request, "country.html", {
        "c": country,
        **summary,
        "form": form,
        "sort": sort,
        "filtered": filtered,
        "table": table,
        "total": total,
        "page": page,
        "sources": shown_sources(table),
        "links": sort_links(form, sort, SORT_COLUMNS, base),
        "aigs": registry.derived.get(session, ("aigs", code),
                                     lambda: layer(finding_states(session, country=code))),
        "twin": [("", f"/api/v1/countries/{code}"),
                 ("the AIGS findings", f"/api/v1/findings?country={code}"),
                 ("the table", f"/api/v1/deployments?{api_query(form, country=code, sort=sort)}"),
                 ("the index over time", f"/api/v1/index/{code}")],
    })
