"""GET /deployments/{id}/assessment and POST /assess: the safeguards scorecard and EU AI Act class
of `oversight assess`, for a registry deployment or for a described one."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Path, Request

from oversight.api.models import ERROR_RESPONSES
from oversight.assessment import assess
from oversight.assessment.from_registry import assessment_input
from oversight.assessment.model import AssessmentInput

router = APIRouter(tags=["assessment"], responses={422: ERROR_RESPONSES[422]})


def deployment_assessment(request: Request, deployment_id: str) -> dict[str, Any]:
    """The scorecard of a registry deployment (NotFound when there is none)."""
    return assess(request.app.state.registry.assessment_input(deployment_id))


def view_assessment(view: dict[str, Any]) -> dict[str, Any]:
    """The scorecard of a deployment view already read (no second trip to the store)."""
    return assess(assessment_input(view))


@router.get("/deployments/{id}/assessment", summary="Assess a registry deployment",
            responses={404: ERROR_RESPONSES[404]})
def get_deployment_assessment(
    request: Request,
    deployment_id: Annotated[str, Path(alias="id", description="Deployment id.")],
) -> dict[str, Any]:
    """The scorecard built from what the registry records (most usage facts and safeguards stay
    unknown and are listed under `missing`), with the AI Act `headline`: the class the facts
    establish and the classes the open questions leave possible."""
    return deployment_assessment(request, deployment_id)


@router.post("/assess", summary="Assess a described deployment")
def post_assessment(description: AssessmentInput) -> dict[str, Any]:
    """The scorecard of a deployment described in the form of `oversight assess` (see
    src/oversight/assessment/README.md); unknown fields and bad values are 422 errors."""
    return assess(description)
