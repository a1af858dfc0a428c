"""Corrections: /deployments/{id}/correct (a contributor proposes the record as it should read),
/deployments/{id}/edit (an admin changes it at once) and /corrections (the policy, and the
corrections accepted so far).

A correction is a contribution that carries the record's `id` (review/contributions.py): it
waits for a reviewer like any contribution and, accepted, replaces the record through the same
loader, validation and audit log. An admin's edit is the same contribution, accepted by the admin
in the same request, so it leaves the same trail (contribution, decision, note, record history).
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote

import yaml
from fastapi import APIRouter, Path, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from oversight import safe_yaml
from oversight.app import Registry
from oversight.errors import LoadError
from oversight.portal.review import _gate as gate
from oversight.portal.templating import render
from oversight.publish.labels import deployment_title
from oversight.review import contributions
from oversight.store import queries

router = APIRouter(include_in_schema=False)
MAX_RECORD_CHARS = 200_000
MAX_NOTE_CHARS = 2_000


def _record_text(record: dict[str, Any]) -> str:
    return yaml.safe_dump(record, allow_unicode=True, sort_keys=False, width=100)


def _current(request: Request, deployment_id: str) -> dict[str, Any]:
    with request.app.state.registry.session() as session:
        return queries.deployment(session, deployment_id)  # NotFound -> a 404 page


def _page(request: Request, view: dict[str, Any], text: str, note: str, problems: list[str],
          status_code: int = 200, *, editing: bool = False) -> HTMLResponse:
    return render(request, "correct.html", {"d": view, "title": deployment_title(view), "text": text,
                                            "note": note, "problems": problems, "editing": editing},
                  status_code=status_code)


@router.get("/deployments/{id}/correct", response_class=HTMLResponse)
def correction_form(request: Request, deployment_id: Annotated[str, Path(alias="id")]) -> Response:
    if (refused := gate(request, "contributor")) is not None:
        return refused
    view = _current(request, deployment_id)
    return _page(request, view, _record_text(contributions.record_of(view)), "", [])


def _parse(text: str, deployment_id: str) -> tuple[dict[str, Any] | None, list[str]]:
    if len(text) > MAX_RECORD_CHARS:
        return None, [f"The record is longer than {MAX_RECORD_CHARS:,} characters."]
    try:
        data = safe_yaml.load(text)
    except safe_yaml.UntrustedYamlError as error:
        return None, [f"Line {error.line}: {error.reason}." if error.line else error.reason]
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"Line {mark.line + 1}: " if mark else ""
        return None, [f"{where}this is not valid YAML ({getattr(error, 'problem', None) or error})."]
    if not isinstance(data, dict):
        return None, ["The record must be a set of fields (field: value), as in the text you started from."]
    if data.get("id") != deployment_id:
        return None, [f"Keep the line id: {deployment_id}: it names the record being corrected."]
    return data, []


NOTE_MISSING = {
    False: "Say what is wrong and how the sources show it (the note for the reviewer).",
    True: "Say what you changed and why (the note goes to the audit log).",
}


def _send_for_review(registry: Registry, data: dict[str, Any], name: str, note: str) -> str:
    with registry.session() as session:
        saved = contributions.submit(session, data, name, note=note)
    return f"/contribute?submitted={saved['id']}"


def _apply_at_once(registry: Registry, data: dict[str, Any], name: str, note: str) -> str:
    accepted = contributions.apply_edit(registry, data, name, note)
    return f"/deployments/{quote(accepted['deployment_id'])}#review-heading"


async def _take_record(request: Request, deployment_id: str, *, editing: bool) -> Response:
    """A contributor's correction goes to review; an admin's edit is applied at once. Either way
    the text is parsed and checked the same, and problems are shown above the kept text."""
    if (refused := gate(request, "admin" if editing else "contributor")) is not None:
        return refused
    view = _current(request, deployment_id)
    form = await request.form()
    text, note = str(form.get("record") or ""), str(form.get("note") or "").strip()[:MAX_NOTE_CHARS]
    data, problems = _parse(text, deployment_id)
    if not note:
        problems.append(NOTE_MISSING[editing])
    if data is not None and not problems:
        take = _apply_at_once if editing else _send_for_review
        try:
            target = await run_in_threadpool(take, request.app.state.registry, data, request.state.user.name,
                                             note)
        except contributions.ContributionError as error:
            problems = [f"Field {p.field}: {p.message}" for p in error.problems]
        except LoadError as error:
            problems = [f"Field {p.field}: {p.reason}" if p.field else p.reason for p in error.problems]
        else:
            return RedirectResponse(target, status_code=303)
    return _page(request, view, text, note, problems, status_code=422, editing=editing)


@router.post("/deployments/{id}/correct", response_class=HTMLResponse)
async def submit_correction(request: Request, deployment_id: Annotated[str, Path(alias="id")]) -> Response:
    return await _take_record(request, deployment_id, editing=False)


@router.get("/deployments/{id}/edit", response_class=HTMLResponse)
def edit_form(request: Request, deployment_id: Annotated[str, Path(alias="id")]) -> Response:
    if (refused := gate(request, "admin")) is not None:
        return refused
    view = _current(request, deployment_id)
    return _page(request, view, _record_text(contributions.record_of(view)), "", [], editing=True)


@router.post("/deployments/{id}/edit", response_class=HTMLResponse)
async def apply_edit(request: Request, deployment_id: Annotated[str, Path(alias="id")]) -> Response:
    return await _take_record(request, deployment_id, editing=True)


@router.get("/corrections", response_class=HTMLResponse)
def corrections_page(request: Request) -> HTMLResponse:
    with request.app.state.registry.session() as session:
        accepted = contributions.corrections(session)
    return render(request, "corrections.html", {"corrections": accepted})
