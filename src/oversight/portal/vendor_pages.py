"""/vendors (organisations that supply, integrate or finance) and /vendors/{name} (one of them).

An organisation's id in URLs is its name or any alias, as in /api/v1/organisations/{name}.
"""

from __future__ import annotations

from collections import Counter
from typing import Annotated
from urllib.parse import quote

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from oversight.api.deps import get_session
from oversight.portal.charts import timeline
from oversight.portal.templating import render
from oversight.portal.worldmap import reach_map
from oversight.store import queries

router = APIRouter(include_in_schema=False)


@router.get("/vendors", response_class=HTMLResponse)
def vendor_list(request: Request, session: Annotated[Session, Depends(get_session)]) -> HTMLResponse:
    return render(request, "vendors.html", {
        "organisations": queries.organisations(session),
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
