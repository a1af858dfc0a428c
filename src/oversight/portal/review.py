"""/review (the queue), /review/{proposal}, /review/contributions/{id} and /contribute.

Pages call the same functions as the API routes (Registry.decide, review.contributions); a
decision is a plain POST form carrying the session's CSRF token, so it works without JavaScript.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BeforeValidator, Field
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData

from oversight.accounts.roles import may
from oversight.api.deps import MAX_DB_INT
from oversight.api.guards import accepts_query
from oversight.app import Registry
from oversight.errors import LoadError, NotFound
from oversight.portal import contribution_form
from oversight.portal.errors import error_page
from oversight.portal.filters import Page, PageError
from oversight.portal.templating import render
from oversight.review import contributions, merging
from oversight.review.proposals import AlreadyDecided, ReviewError, find, matching
from oversight.store import queries
from oversight.store.models import Deployment

router = APIRouter(include_in_schema=False)
ContributionId = Annotated[int, Path(ge=1, le=MAX_DB_INT)]
PROPOSAL_EDITS = ("country", "vendor", "technology", "status", "year", "city", "source_url")


def _gate(request: Request, role: str) -> Response | None:
    """None when the signed-in user may see the page; else the sign-in redirect or a 403 page."""
    user = request.state.user
    if user is None:
        return RedirectResponse(f"/login?next={quote(request.url.path)}", status_code=303)
    if not may(user.role, role):
        return error_page(request, 403, f"This page needs the {role} role; {user.name} is a {user.role}.")
    return None


def _decision_and_note(form: FormData) -> tuple[str | None, str | None]:
    """The decision a review form asks for (None if none of accept, edit, reject) and its note."""
    note = str(form.get("note") or "").strip()[:2000] or None
    return contributions.VERBS.get(str(form.get("decision"))), note


def _proposal(registry: Registry, proposal_id: str) -> dict[str, Any]:
    try:
        return find(registry.proposals(), proposal_id)
    except ReviewError as error:
        raise NotFound(str(error)) from None  # -> the 404 page


def _notice(request: Request, proposals: list[dict[str, Any]],
            session: Session) -> tuple[str | None, str | None]:
    """The notice after a decision and the deployment it links to, built only from parameters
    that name a real proposal or contribution, a decision and a real deployment: the query string
    is the sender's to write, so its text is never shown as it stands."""
    params = request.query_params
    decision, deployment = params.get("decision"), params.get("deployment")
    if decision not in (*contributions.DECISIONS, merging.MERGED):
        return None, None
    if (proposal := params.get("proposal")) is not None:
        if proposal not in {p["id"] for p in proposals}:
            return None, None
        subject = f"Proposal {proposal}"
    elif (number := params.get("contribution", "")).isdigit() and len(number) <= 10:
        try:
            contributions.contribution(session, int(number))
        except NotFound:
            return None, None
        subject = f"Contribution {number}"
    else:
        return None, None
    if deployment is not None and session.get(Deployment, deployment) is None:
        return None, None
    target = f" as deployment {deployment}" if deployment else ""
    return f"{subject} was {decision}{target}.", deployment


QUEUE_PAGE_SIZE = 20


def _blank_is_none(value: object) -> object:
    """The filter form sends every field, "Any" as an empty value: that is no filter, not an error."""
    return None if isinstance(value, str) and not value.strip() else value


Confidence = Annotated[Annotated[float, Field(ge=0, le=1)] | None, BeforeValidator(_blank_is_none)]


def _queue_page(number: int, total: int, filters: dict[str, Any]) -> Page:
    pages = max(1, -(-total // QUEUE_PAGE_SIZE))
    if number > pages:
        raise PageError(422, f"page: {number} is past the last page ({pages})", "page")

    def link(n: int) -> str:
        given = {k: v for k, v in filters.items() if v not in (None, "")}
        return "/review?" + urlencode({**given, "page": n})

    return Page(number, pages, link(number - 1) if number > 1 else None,
                link(number + 1) if number < pages else None, (number - 1) * QUEUE_PAGE_SIZE)


@router.get("/review", response_class=HTMLResponse)
@accepts_query("proposal", "contribution", "decision", "deployment")
def queue(
    request: Request,
    country: Annotated[str | None, Query(max_length=3, description="ISO 3166-1 alpha-3")] = None,
    vendor: Annotated[str | None, Query(max_length=300)] = None,
    technology: Annotated[str | None, Query(max_length=40)] = None,
    min_confidence: Annotated[Confidence, Query()] = None,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
) -> Response:
    """Open proposals, filtered and a page at a time, each with the registry deployments that
    share its key; then the pending contributions of the country and technology asked for."""
    if (refused := _gate(request, "reviewer")) is not None:
        return refused
    registry = request.app.state.registry
    every = registry.proposals()
    filters = {"country": (country or "").strip().upper() or None, "vendor": (vendor or "").strip() or None,
               "technology": technology or None, "min_confidence": min_confidence}
    found = matching(every, **filters)
    pager = _queue_page(page, len(found), filters)
    shown = found[pager.offset:pager.offset + QUEUE_PAGE_SIZE]
    with registry.session() as session:
        pending = [c for c in contributions.contributions(session, "pending")
                   if (not filters["country"] or c["payload"].get("country") == filters["country"])
                   and (not technology or technology in c["payload"].get("technologies", []))]
        notice, deployment = _notice(request, every, session)
        duplicates = merging.same_key(session, shown)
    return render(request, "review/queue.html", {
        "proposals": shown, "total": len(found), "page": pager, "same_key": duplicates,
        "filters": {k: "" if v is None else v for k, v in filters.items()},
        "contributions": pending, "notice": notice, "deployment": deployment,
        **contribution_form.choices()})


def _proposal_page(request: Request, proposal: dict[str, Any], *, error: str | None = None,
                   field: str | None = None, values: dict[str, Any] | None = None,
                   status_code: int = 200) -> HTMLResponse:
    with request.app.state.registry.session() as session:
        same_key = merging.same_key(session, [proposal])[proposal["id"]]
    return render(request, "review/proposal.html", {
        "proposal": proposal, "error": error, "error_field": field, "same_key": same_key,
        "values": values or {k: proposal.get(k) or "" for k in PROPOSAL_EDITS},
        **contribution_form.choices()}, status_code=status_code)


@router.get("/review/contributions/{contribution_id}", response_class=HTMLResponse)
def contribution_page(request: Request, contribution_id: ContributionId) -> Response:
    if (refused := _gate(request, "reviewer")) is not None:
        return refused
    with request.app.state.registry.session() as session:
        found = contributions.contribution(session, contribution_id)  # NotFound -> 404 page
        changes = _correction_changes(session, found)
    return render(request, "review/contribution.html", {
        "contribution": found, "values": contribution_form.to_values(found["payload"]), "errors": {},
        "changes": changes, **contribution_form.choices()})


def _correction_changes(session: Session, found: dict[str, Any]) -> list[dict[str, Any]] | None:
    """For a correction, each field whose proposed value differs from the record's current one."""
    if not found["corrects"]:
        return None
    try:
        current = contributions.record_of(queries.deployment(session, found["corrects"]))
    except NotFound:
        current = {}
    proposed = found["payload"]
    return [{"field": key, "now": current.get(key), "proposed": proposed.get(key)}
            for key in dict.fromkeys([*current, *proposed]) if current.get(key) != proposed.get(key)]


@router.post("/review/contributions/{contribution_id}", response_class=HTMLResponse)
async def decide_contribution(request: Request, contribution_id: ContributionId) -> Response:
    if (refused := _gate(request, "reviewer")) is not None:
        return refused
    form = await request.form()
    decision, note = _decision_and_note(form)
    registry = request.app.state.registry
    values = contribution_form.from_form(form)
    edits = contribution_form.to_payload(values) if decision == "edited" else None
    try:
        if decision is None:
            raise contributions.ContributionError([contributions.FieldProblem(
                "decision", "choose accept, edit or reject")])
        result = await run_in_threadpool(contributions.decide, registry, contribution_id, decision,
                                         request.state.user.name, edits=edits, note=note)
    except (contributions.ContributionError, LoadError) as error:
        problems = error.problems if isinstance(error, contributions.ContributionError) else [
            contributions.FieldProblem(p.field or "decision", p.reason) for p in error.problems]
        with registry.session() as session:
            found = contributions.contribution(session, contribution_id)
        errors = dict(contribution_form.plain_error(p) for p in reversed(problems))  # first one wins
        return render(request, "review/contribution.html", {
            "contribution": found, "errors": errors,
            "values": values if decision == "edited" else contribution_form.to_values(found["payload"]),
            **contribution_form.choices()}, status_code=422)
    target = f"&deployment={quote(result['deployment_id'])}" if result["deployment_id"] else ""
    return RedirectResponse(f"/review?contribution={contribution_id}&decision={result['state']}"
                            f"{target}", status_code=303)


@router.get("/review/{proposal_id}", response_class=HTMLResponse)
def proposal_page(request: Request, proposal_id: str) -> Response:
    if (refused := _gate(request, "reviewer")) is not None:
        return refused
    return _proposal_page(request, _proposal(request.app.state.registry, proposal_id))


@router.post("/review/{proposal_id}", response_class=HTMLResponse)
async def decide_proposal(request: Request, proposal_id: str) -> Response:
    if (refused := _gate(request, "reviewer")) is not None:
        return refused
    registry = request.app.state.registry
    form = await request.form()
    proposal = await run_in_threadpool(_proposal, registry, proposal_id)
    decision, note = _decision_and_note(form)
    if form.get("decision") == "merge":
        return await _merge(request, proposal, str(form.get("deployment") or ""), note)
    values = {k: str(form.get(k) or "").strip() for k in PROPOSAL_EDITS}
    edits: dict[str, Any] | None = None
    if decision == "edited":
        edits = {k: v for k, v in values.items() if v and v != str(proposal.get(k) or "")}
        if "year" in edits:
            if not edits["year"].isdigit():
                return _proposal_page(request, proposal, error="The year must be a number such as 2019.",
                                      field="year", values=values, status_code=422)
            edits["year"] = int(edits["year"])
    if decision is None:
        return _proposal_page(request, proposal, error="Choose accept, edit or reject.", field="decision",
                              status_code=422)
    try:
        result = await run_in_threadpool(lambda: registry.decide(
            proposal["id"], decision, request.state.user.name, edits=edits, note=note))
    except (ReviewError, LoadError) as error:
        field = None
        if isinstance(error, LoadError):
            message = "; ".join(p.reason for p in error.problems)
            field = _edit_field(error.problems[0].field or "")
        else:
            message = str(error).replace("pass --status", "choose a status under Edit").replace(
                "pass --source-url", "give a source URL under Edit")
        return _proposal_page(request, proposal, error=message, field=field,
                              values=values if decision == "edited" else None,
                              status_code=409 if isinstance(error, AlreadyDecided) else 422)
    target = f"&deployment={quote(result['deployment'])}" if result["deployment"] else ""
    return RedirectResponse(f"/review?proposal={proposal['id']}&decision={result['decision']}"
                            f"{target}", status_code=303)


async def _merge(request: Request, proposal: dict[str, Any], deployment_id: str,
                 note: str | None) -> Response:
    """Add the proposal's documents to the registry deployment with the same key."""
    registry = request.app.state.registry
    try:
        result = await run_in_threadpool(lambda: merging.merge(
            registry, proposal["id"], deployment_id, request.state.user.name, note=note))
    except (ReviewError, LoadError) as error:
        message = "; ".join(p.reason for p in error.problems) if isinstance(error, LoadError) else str(error)
        return _proposal_page(request, proposal, error=message, field="deployment",
                              status_code=409 if isinstance(error, AlreadyDecided) else 422)
    return RedirectResponse(f"/review?proposal={proposal['id']}&decision={merging.MERGED}"
                            f"&deployment={quote(result['deployment'])}", status_code=303)


def _edit_field(path: str) -> str:
    """The Edit form's field for a loader problem in the deployment a proposal makes."""
    head = path.split("[", 1)[0].split(".", 1)[0]
    return {"sources": "source_url", "suppliers": "vendor", "technologies": "technology",
            "announced": "year"}.get(head, head)


@router.get("/contribute", response_class=HTMLResponse)
@accepts_query("submitted")
def contribute_form(request: Request) -> Response:
    if (refused := _gate(request, "contributor")) is not None:
        return refused
    return render(request, "review/contribute.html", {
        "values": contribution_form.to_values({}), "errors": {},
        "submitted": request.query_params.get("submitted"),
        **contribution_form.choices()})


@router.get("/contribute/mine", response_class=HTMLResponse)
def my_contributions(request: Request) -> Response:
    """The signed-in person's submissions, with their state and the reviewer's decision."""
    if (refused := _gate(request, "contributor")) is not None:
        return refused
    with request.app.state.registry.session() as session:
        mine = contributions.submitted_by(session, request.state.user.name)
    return render(request, "review/mine.html", {"contributions": mine})


@router.post("/contribute", response_class=HTMLResponse)
async def contribute(request: Request) -> Response:
    if (refused := _gate(request, "contributor")) is not None:
        return refused
    values = contribution_form.from_form(await request.form())
    registry = request.app.state.registry

    def submit() -> dict[str, Any]:
        with registry.session() as session:
            payload = contribution_form.to_payload(values)
            return contributions.submit(session, payload, request.state.user.name)

    try:
        saved = await run_in_threadpool(submit)
    except contributions.ContributionError as error:
        errors = dict(contribution_form.plain_error(p) for p in reversed(error.problems))  # first one wins
        return render(request, "review/contribute.html", {
            "values": values, "errors": errors, "submitted": None, **contribution_form.choices()},
            status_code=422)
    return RedirectResponse(f"/contribute?submitted={saved['id']}", status_code=303)
