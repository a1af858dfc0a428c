"""Review endpoints: extracted claims, the proposals grouped from them, and decisions on those.

Reading the queue and deciding need the reviewer role; a decision goes through
Registry.decide, exactly as `oversight review accept|edit|reject` does.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Path, Query
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session

from oversight.accounts.users import Account
from oversight.api.auth import require_role
from oversight.api.deps import ApiError, Offset, get_session, registry
from oversight.api.models import ERROR_RESPONSES, ErrorResponse, Status, Technology
from oversight.app import Registry
from oversight.errors import LoadError
from oversight.review import merging
from oversight.review.contributions import VERBS
from oversight.review.proposals import AlreadyDecided, ReviewError, find, matching
from oversight.store.judgements import claims_with_documents

AUTH_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorResponse, "description": "Not signed in (no session cookie or API token)"},
    403: {"model": ErrorResponse, "description": "Role too low, or a cookie request without its CSRF token"},
    409: {"model": ErrorResponse, "description": "Already decided"},
}
router = APIRouter(tags=["review"], responses={**ERROR_RESPONSES, **AUTH_RESPONSES})
Reviewer = Annotated[Account, Depends(require_role("reviewer"))]

EVIDENCE_EXAMPLE = {
    "start": 0, "end": 77,
    "text": "The Uganda Police Force said Huawei cameras now cover Kampala's main roads.",
    "doc_id": "wire-1", "url": "https://news.example.org/kampala", "title": "Kampala cameras",
    "published": "2019-10-02", "status": "operational", "year": 2019,
}


class Evidence(BaseModel):
    start: int = Field(description="Offset of the span in the document text as read.")
    end: int
    text: str = Field(description="The evidence span.")
    doc_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    status: str | None = Field(None, description="Status this claim gives.")
    year: int | None = None


class Proposal(BaseModel):
    """Claims that name the same country, supplier and technology, proposed as one deployment."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": "3f2a9c1b7d", "key": "UGA|huawei|video_surveillance", "country": "UGA", "vendor": "Huawei",
        "technology": "video_surveillance", "status": "operational", "year": 2019, "city": "Kampala",
        "confidence": 0.8, "claims": 1, "documents": 1, "state": "open", "decision": None,
        "evidence": [EVIDENCE_EXAMPLE],
    }]})

    id: str = Field(description="Short stable id (a hash of the key).")
    key: str
    country: str
    vendor: str | None
    technology: str
    status: str | None
    year: int | None
    city: str | None
    confidence: float
    claims: int
    documents: int
    state: str = Field(description="open, accepted, edited, merged or rejected.")
    decision: dict[str, Any] | None = Field(None, description="The latest decision, if any.")
    evidence: list[Evidence]
    same_key: list[str] = Field([], description="Registry deployments with the same country, supplier "
                                "(by any name or alias) and technology: merge into one of them rather "
                                "than accept a duplicate.")


class ClaimSpan(BaseModel):
    start: int
    end: int
    text: str


class ClaimDocument(BaseModel):
    hash: str
    doc_id: str
    url: str | None = None
    title: str | None = None
    published: str | None = None
    language: str | None = None


class Claim(BaseModel):
    claim_id: int
    group_key: str
    country: str
    vendor: str | None
    technology: str
    status: str | None
    year: int | None
    city: str | None
    confidence: float
    evidence: ClaimSpan
    document: ClaimDocument


class ClaimPage(BaseModel):
    total: int
    limit: int
    offset: int
    items: list[Claim]


class ProposalEdits(BaseModel):
    """Corrections applied when accepting with decision `edit`; omitted fields keep the proposal's."""

    model_config = ConfigDict(extra="forbid")

    country: str | None = Field(None, description="ISO 3166-1 alpha-3.", examples=["UGA"])
    vendor: str | None = Field(None, max_length=300)
    technology: Technology | None = None  # type: ignore[valid-type]
    status: Status | None = None  # type: ignore[valid-type]
    year: int | None = Field(None, ge=1900, le=2100)
    city: str | None = Field(None, max_length=300)
    source_url: str | None = Field(None, max_length=2000,
                                   description="A citable source when no document has a URL.")


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"decision": "accept", "note": "Confirmed by two outlets."},
        {"decision": "edit", "edits": {"status": "operational", "city": "Jinja"}, "note": "City fixed."},
        {"decision": "reject", "note": "The article is about a different project."},
        {"decision": "merge", "deployment": "uga-kampala-cctv", "note": "Same network."},
    ]})

    decision: Literal["accept", "edit", "reject", "merge"]
    edits: ProposalEdits | None = None
    deployment: str | None = Field(None, max_length=120, description="For `merge`: the deployment "
                                   "(one of the proposal's `same_key`) that gains its documents as sources.")
    note: str | None = Field(None, max_length=2000)


class DecisionOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"proposal": "3f2a9c1b7d", "decision": "accepted", "deployment": "uga-huawei-video_surveillance"},
    ]})

    proposal: str
    decision: str
    deployment: str | None = Field(None, description="The deployment written, null on reject.")


@router.get("/claims", response_model=ClaimPage, summary="Extracted candidate claims")
def list_claims(
    _: Reviewer,
    session: Annotated[Session, Depends(get_session)],
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Every claim extraction stored (`oversight extract --store`), with its evidence span and
    document, oldest first. Needs the reviewer role."""
    claims = claims_with_documents(session)
    return {"total": len(claims), "limit": limit, "offset": offset, "items": claims[offset:offset + limit]}


@router.get("/proposals", response_model=list[Proposal], summary="Proposed deployments")
def list_proposals(
    _: Reviewer,
    reg: Annotated[Registry, Depends(registry)],
    session: Annotated[Session, Depends(get_session)],
    state: Annotated[Literal["open", "accepted", "edited", "merged", "rejected", "all"], Query(
        description="Which proposals: open (undecided) by default.")] = "open",
    country: Annotated[str | None, Query(min_length=3, max_length=3, description="ISO alpha-3.")] = None,
    vendor: Annotated[str | None, Query(max_length=300, description="Part of the supplier's name.")] = None,
    technology: Annotated[Technology | None, Query()] = None,  # type: ignore[valid-type]
    min_confidence: Annotated[float | None, Query(ge=0, le=1)] = None,
    limit: Annotated[int, Query(ge=1, le=500)] = 100,
    offset: Annotated[int, Query(ge=0)] = 0,
) -> list[dict[str, Any]]:
    """Claims grouped by country, supplier and technology, most confident first, filtered and a
    page at a time; each names the registry deployments with its key (`same_key`)."""
    found = matching(reg.proposals(), state=state, country=country, vendor=vendor,
                     technology=technology.value if technology else None, min_confidence=min_confidence)
    return _with_same_key(session, found[offset:offset + limit])


def _with_same_key(session: Session, proposals: list[dict[str, Any]]) -> list[dict[str, Any]]:
    same = merging.same_key(session, proposals)
    return [{**p, "same_key": [d["id"] for d in same[p["id"]]]} for p in proposals]


def _find(reg: Registry, proposal_id: str) -> dict[str, Any]:
    try:
        return find(reg.proposals(), proposal_id)
    except ReviewError as error:
        raise ApiError(404, str(error), "id") from None


@router.get("/proposals/{id}", response_model=Proposal, summary="One proposal")
def get_proposal(
    _: Reviewer,
    reg: Annotated[Registry, Depends(registry)],
    session: Annotated[Session, Depends(get_session)],
    proposal_id: Annotated[str, Path(alias="id", min_length=4, max_length=64)],
) -> dict[str, Any]:
    """A proposal with every evidence span; the id may be shortened to a unique prefix."""
    return _with_same_key(session, [_find(reg, proposal_id)])[0]


@router.post("/proposals/{id}/decision", response_model=DecisionOut, summary="Decide a proposal")
def decide_proposal(
    user: Reviewer,
    reg: Annotated[Registry, Depends(registry)],
    proposal_id: Annotated[str, Path(alias="id", min_length=4, max_length=64)],
    body: DecisionIn,
) -> dict[str, Any]:
    """Accept (the proposal becomes a registry deployment citing its documents), edit (accept
    with corrections), merge (its documents become sources of `deployment`, a registry deployment
    with the same key) or reject. Re-extraction never reopens a decided proposal."""
    found = _find(reg, proposal_id)
    if body.decision == "merge":
        if not body.deployment:
            raise ApiError(422, "decision 'merge' needs the deployment to merge into", "deployment")
        try:
            return merging.merge(reg, found["id"], body.deployment, user.name, note=body.note)
        except AlreadyDecided as error:
            raise ApiError(409, str(error), "id") from None
        except (ReviewError, LoadError) as error:
            raise ApiError(422, str(error), "deployment") from None
    edits = body.edits.model_dump(mode="json", exclude_none=True) if body.edits else {}
    if body.decision == "edit" and not edits:
        raise ApiError(422, "decision 'edit' needs at least one field in edits", "edits")
    try:
        return reg.decide(found["id"], VERBS[body.decision], user.name,
                          edits=edits if body.decision == "edit" else None, note=body.note)
    except AlreadyDecided as error:
        raise ApiError(409, str(error), "id") from None
    except ReviewError as error:
        raise ApiError(422, str(error), "edits") from None
    except LoadError as error:
        problem = error.problems[0]
        raise ApiError(422, "; ".join(p.reason for p in error.problems),
                       f"edits.{problem.field}" if problem.field else "edits") from None
