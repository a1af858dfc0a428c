"""/assess (describe a deployment, get its scorecard) and /deployments/{id}/assessment (the
scorecard of a registry deployment), over the same functions as `oversight assess`."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Path, Request
from fastapi.responses import HTMLResponse

from oversight.api.assessments import deployment_assessment
from oversight.assessment import DescriptionError, assess, parse_description
from oversight.assessment.criteria import framework
from oversight.portal.templating import render

router = APIRouter(include_in_schema=False)
MAX_DESCRIPTION_CHARS = 100_000
EXAMPLE = """\
country: DEU
name: Station face recognition trial
buyer: Federal Police
technologies: [facial_recognition, video_surveillance]
purpose: law_enforcement
biometric: true
remote: true
real_time: true
publicly_accessible_space: true
uses: [identification]
authorisation: unknown
exception: unknown
"""


def _context(card: dict[str, Any]) -> dict[str, Any]:
    return {"card": card, "statuses": framework()["statuses"]}


@router.get("/assess", response_class=HTMLResponse)
def assess_form(request: Request) -> HTMLResponse:
    return render(request, "assess.html", {"text": EXAMPLE, "problems": [], "card": None,
                                            "twin": [("POST a description as JSON", "/api/v1/assess")]})


@router.post("/assess", response_class=HTMLResponse)
async def assess_description(request: Request) -> HTMLResponse:
    text = str((await request.form()).get("description") or "")
    problems: list[str] = []
    card = None
    if not text.strip():
        problems = ["The description is empty: give at least the country (an ISO alpha-3 code such as KEN)."]
    elif len(text) > MAX_DESCRIPTION_CHARS:
        problems = [f"The description is longer than {MAX_DESCRIPTION_CHARS:,} characters."]
    else:
        try:
            card = assess(parse_description(text, "description"))
        except DescriptionError as error:
            problems = [f"Line {p.line}{f', field {p.field}' if p.field else ''}: {p.reason}"
                        if p.line else p.reason for p in error.problems]
    return render(request, "assess.html", {
        "text": text, "problems": problems, **(_context(card) if card else {"card": None}),
        "twin": [("POST a description as JSON", "/api/v1/assess")],
    }, status_code=422 if problems else 200)


@router.get("/deployments/{id}/assessment", response_class=HTMLResponse)
def deployment_assessment_page(request: Request,
                               deployment_id: Annotated[str, Path(alias="id")]) -> HTMLResponse:
    card = deployment_assessment(request, deployment_id)  # NotFound -> a 404 page
    return render(request, "assessment.html", {
        **_context(card),
        "twin": [("", f"/api/v1/deployments/{quote(deployment_id, safe='')}/assessment")],
    })
