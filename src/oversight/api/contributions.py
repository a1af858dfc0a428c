"""Contributions: contributors submit a deployment with its sources; reviewers decide.

Submissions are checked by the registry's own record model (registry/records.py), so an error
names the field exactly as the file format does (`sources[0].url`).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Body, Depends, Path, Query, Request
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from oversight.accounts.users import Account
from oversight.api.auth import NotSignedIn, require_role
from oversight.api.deps import ApiError, RowId, get_session, registry
from oversight.api.models import ERROR_RESPONSES
from oversight.api.review import AUTH_RESPONSES
from oversight.app import Registry
from oversight.errors import LoadError
from oversight.review import contributions

router = APIRouter(tags=["contributions"], responses={**ERROR_RESPONSES, **AUTH_RESPONSES})
Contributor = Annotated[Account, Depends(require_role("contributor"))]
Reviewer = Annotated[Account, Depends(require_role("reviewer"))]
Admin = Annotated[Account, Depends(require_role("admin"))]

PAYLOAD_EXAMPLE: dict[str, Any] = {
    "country": "KEN", "city": "Mombasa", "buyer": "County Government of Mombasa",
    "suppliers": [{"organisation": "Huawei", "role": "supplier"}],
    "technologies": ["video_surveillance"], "status": "contracted", "announced": "2021-03",
    "description": "City camera network announced by the county.",
    "sources": [{"url": "https://news.example.org/2021/mombasa-cameras", "title": "Mombasa signs camera deal",
                 "publisher": "Example News", "published": "2021-03-04"}],
}


class Me(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"name": "alice", "role": "reviewer", "via": "token"}]})

    name: str
    role: str
    via: str = Field(description="How the request was signed in: cookie or token.")


class ContributionOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": 7, "corrects": None, "submitted_by": "bob", "submitted_at": "2026-11-30T10:00:00",
        "state": "pending",
        "payload": PAYLOAD_EXAMPLE, "edited_payload": None, "decided_by": None, "decided_at": None,
        "deployment_id": None, "note": None,
    }]})

    id: int
    corrects: str | None = Field(None, description="The registry deployment this contribution "
                                 "corrects (the payload's `id`), or null for a new deployment.")
    submitted_by: str
    submitted_at: str
    state: str = Field(description="pending, accepted or rejected.")
    payload: dict[str, Any] = Field(description="The deployment record as submitted.")
    edited_payload: dict[str, Any] | None = Field(None, description="What was accepted, when edited.")
    decided_by: str | None = None
    decided_at: str | None = None
    deployment_id: str | None = Field(None, description="The registry deployment, once accepted.")
    note: str | None = None


class ContributionDecision(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"decision": "accept"},
        {"decision": "edit", "edits": {"status": "operational"}, "note": "Now running, per the source."},
        {"decision": "reject", "note": "The source does not mention a supplier."},
    ]})

    decision: Literal["accept", "edit", "reject"]
    edits: dict[str, Any] | None = Field(None, description="Payload fields to replace, for `edit`.")
    note: str | None = Field(None, max_length=2000)


class RecordEdit(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "record": {**PAYLOAD_EXAMPLE, "id": "ken-mombasa-cctv", "status": "operational"},
        "note": "Running since 2022, per the county's own report."}]})

    record: dict[str, Any] = Field(description="The whole record as it should read (start from "
                                   "GET /deployments/{id}), in the registry's input format.")
    note: str = Field(min_length=1, max_length=2000, description="What changed and why; audited.")


@router.get("/me", response_model=Me, summary="Who am I")
def me(request: Request) -> dict[str, Any]:
    """The signed-in account; 401 for anonymous requests."""
    user = request.state.user
    if user is None:
        raise NotSignedIn("not signed in: send a session cookie or 'Authorization: Bearer <token>'")
    return {"name": user.name, "role": user.role, "via": user.via}


def _invalid(error: contributions.ContributionError, prefix: str = "") -> ApiError:
    first = error.problems[0].field if error.problems else None
    return ApiError(422, str(error), f"{prefix}{first}" if first else None)


@router.post("/contributions", response_model=ContributionOut, status_code=201,
             summary="Submit a deployment")
def submit(
    user: Contributor,
    session: Annotated[Session, Depends(get_session)],
    payload: Annotated[dict[str, Any], Body(openapi_examples={"deployment": {
        "summary": "A deployment with one source", "value": PAYLOAD_EXAMPLE}})],
) -> dict[str, Any]:
    """A deployment record in the registry's input format (data/README.md), without
    `review_state`, with at least one source. It waits as `pending` until a reviewer decides.
    Without `id` it proposes a new deployment; with the `id` of a registry deployment it is a
    correction: the whole record as it should read (start from the current one), which replaces
    the record when accepted."""
    try:
        return contributions.submit(session, payload, user.name)
    except contributions.ContributionError as error:
        raise _invalid(error) from None


@router.get("/contributions", response_model=list[ContributionOut], summary="Submitted deployments")
def list_contributions(
    _: Reviewer,
    session: Annotated[Session, Depends(get_session)],
    state: Annotated[Literal["pending", "accepted", "rejected", "all"], Query()] = "pending",
) -> list[dict[str, Any]]:
    """Contributions, oldest first; pending ones by default."""
    return contributions.contributions(session, None if state == "all" else state)


@router.get("/contributions/mine", response_model=list[ContributionOut], summary="My contributions")
def my_contributions(
    user: Contributor,
    session: Annotated[Session, Depends(get_session)],
) -> list[dict[str, Any]]:
    """The signed-in account's contributions, newest first, with state and reviewer's decision."""
    return contributions.submitted_by(session, user.name)


@router.get("/contributions/{id}", response_model=ContributionOut, summary="One contribution")
def get_contribution(
    _: Reviewer,
    session: Annotated[Session, Depends(get_session)],
    contribution_id: RowId,
) -> dict[str, Any]:
    return contributions.contribution(session, contribution_id)


@router.post("/contributions/{id}/decision", response_model=ContributionOut, summary="Decide a contribution")
def decide(
    user: Reviewer,
    reg: Annotated[Registry, Depends(registry)],
    contribution_id: RowId,
    body: ContributionDecision,
) -> dict[str, Any]:
    """Accept (the deployment is loaded into the registry), edit (accept with `edits` applied to
    the payload) or reject. Only pending contributions can be decided."""
    if body.decision == "edit" and not body.edits:
        raise ApiError(422, "decision 'edit' needs at least one field in edits", "edits")
    try:
        return contributions.decide(reg, contribution_id, contributions.VERBS[body.decision], user.name,
                                    edits=body.edits if body.decision == "edit" else None, note=body.note)
    except contributions.ContributionError as error:
        if error.problems and error.problems[0].field == "decision":  # decided already
            raise ApiError(409, str(error.problems[0].message), "decision") from None
        raise _invalid(error, "edits." if body.decision == "edit" else "") from None
    except LoadError as error:
        problem = error.problems[0]
        raise ApiError(422, "; ".join(p.reason for p in error.problems), problem.field) from None


@router.put("/deployments/{id}", response_model=ContributionOut, summary="Edit a deployment (admin)")
def edit_deployment(
    user: Admin,
    reg: Annotated[Registry, Depends(registry)],
    deployment_id: Annotated[str, Path(alias="id", max_length=120)],
    body: RecordEdit,
) -> dict[str, Any]:
    """Replace a registry record at once (admin role): the same validation as any correction, kept
    as an accepted contribution in the admin's name with the note, and in the record's history."""
    record = {**body.record, "id": body.record.get("id", deployment_id)}
    if record["id"] != deployment_id:
        raise ApiError(422, f"the record's id {record['id']!r} is not {deployment_id!r}", "record.id")
    try:
        return contributions.apply_edit(reg, record, user.name, body.note)
    except contributions.ContributionError as error:
        if error.problems and error.problems[0].field == "id":
            raise ApiError(404, error.problems[0].message, "id") from None
        raise _invalid(error, "record.") from None
    except LoadError as error:
        problem = error.problems[0]
        raise ApiError(422, "; ".join(p.reason for p in error.problems),
                       f"record.{problem.field}" if problem.field else "record") from None
