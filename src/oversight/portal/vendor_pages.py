"""/vendors (organisations that supply, integrate or finance) and /vendors/{name} (one of them).

An organisation's id in URLs is its name or any alias, as in /api/v1/organisations/{name}.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Literal
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from oversight.api.deps import get_session
from oversight.portal.charts import timeline
from oversight.portal.templating import render
from oversight.portal.worldmap import reach_map
from oversight.store import queries

router = APIRouter(include_in_schema=False)


@router.get("/vendors", response_class=HTMLResponse)
def vendor_list(request: Request, session: Annotated[Session, Depends(get_session)],
                show: Annotated[Literal["active", "all"], Query(
                    description="active: organisations in at least one deployment; all: every one")
                ] = "active") -> HTMLResponse:
    organisations = queries.organisations(session)
    idle = sum(1 for o in organisations if not o["deployments"])
    return render(request, "vendors.html", {
        "organisations": organisations if show == "all" else [o for o in organisations if o["deployments"]],
        "show": show,
        "idle": idle,
        "twin": [("", "/api/v1/organisations"), ("restriction-list entries", "/api/v1/listings")],
    })


@router.get("/vendors/{name:path}", response_class=HTMLResponse)
def vendor_page(name: str, request: Request,
                session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    org = queries.organisation(session, name)  # NotFound -> a 404 page
    reached = Counter(d["country"] for d in org["deployments"])
    return render(request, "vendor.html", {
        "o": org,
        "map": reach_map(dict(reached)),
        "reached": sorted(reached.items(), key=lambda kv: (-kv[1], kv[0])),
        "chart": timeline(org["deployments"]),
        "twin": [("", f"/api/v1/organisations/{quote(org['name'], safe='')}"),
                 ("deployments", f"/api/v1/deployments?vendor={quote(org['name'], safe='')}")],
    })
