"""/screen: supplier names (typed one per line, or a CSV upload) against the restriction
lists, each match with its lists, dates, citations and the parent a listing comes through.

The page and its JSON twin (GET /api/v1/screen) use the API's cached screening index, so
both give the same answers; the page adds only the form and the layout.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, File, Form, HTTPException, Request, UploadFile
from fastapi.responses import HTMLResponse
from sqlalchemy.orm import Session

from oversight.api.deps import get_session
from oversight.api.models import MAX_SCREEN_NAMES
from oversight.api.screen import query_names
from oversight.portal.templating import render
from oversight.screening import DEFAULT_THRESHOLD, screen_all
from oversight.screening.names import names_from_csv

router = APIRouter(include_in_schema=False)
MAX_UPLOAD_BYTES = 512 * 1024  # the API's body limit applies too; this keeps the message clear


def _options(threshold: str | None, as_of: str | None) -> tuple[float, str | None, list[str]]:
    """Threshold and date from the form; bad values become messages, not errors."""
    problems = []
    try:
        value = float(threshold) if threshold else DEFAULT_THRESHOLD
        if not 0.0 < value <= 1.0:
            raise ValueError
    except ValueError:
        problems.append(f"The threshold must be a number above 0 and at most 1, not {threshold!r}.")
        value = DEFAULT_THRESHOLD
    day = None
    if as_of:
        try:
            day = date.fromisoformat(as_of).isoformat()
        except ValueError:
            problems.append(f"The date must be written YYYY-MM-DD, not {as_of!r}.")
    return value, day, problems


def _page(request: Request, session: Session, names: list[str], threshold: str | None,
          as_of: str | None, problems: list[str]) -> HTMLResponse:
    value, day, option_problems = _options(threshold, as_of)
    problems = problems + option_problems
    if len(names) > MAX_SCREEN_NAMES:
        problems.append(f"At most {MAX_SCREEN_NAMES} names at a time; {len(names)} were given.")
        names = []
    results: list[dict[str, Any]] = []
    versions: list[dict[str, Any]] = []
    matcher = None
    if names and not problems:
        try:
            index = request.app.state.screening_index.get(session)
        except HTTPException as error:  # no list entries: say so, never "no match"
            problems.append(str(error.detail))
        else:
            results = screen_all(index, names, threshold=value, as_of=day)
            versions, matcher = list(index.list_versions), index.version
    params = [("q", name) for name in names[:50]] + [("threshold", str(value))]
    if day:
        params.append(("as_of", day))
    return render(request, "screen.html", {
        "q": "\n".join(names), "threshold": value, "as_of": day or "", "results": results,
        "problems": problems, "versions": versions, "matcher": matcher,
        "flagged": sum(bool(r["match"] and r["match"]["lists"]) for r in results),
        "twin": [("", f"/api/v1/screen?{urlencode(params)}" if names else "/api/v1/screen")],
    }, status_code=422 if problems else 200)


@router.get("/screen", response_class=HTMLResponse)
def screen_page(request: Request, session: Annotated[Session, Depends(get_session)],
                q: str | None = None, threshold: str | None = None,
                as_of: str | None = None) -> HTMLResponse:
    names = query_names(request.query_params.getlist("q")) if q else []
    return _page(request, session, names, threshold, as_of, [])


@router.post("/screen", response_class=HTMLResponse)
async def screen_upload(
    request: Request, session: Annotated[Session, Depends(get_session)],
    file: Annotated[UploadFile, File(description="CSV of supplier names.")],
    column: Annotated[str, Form()] = "name",
    threshold: Annotated[str | None, Form()] = None,
    as_of: Annotated[str | None, Form()] = None,
) -> HTMLResponse:
    data = await file.read(MAX_UPLOAD_BYTES + 1)
    source = file.filename or "upload.csv"
    problems: list[str] = []
    names: list[str] = []
    if len(data) > MAX_UPLOAD_BYTES:
        problems.append(f"{source}: larger than {MAX_UPLOAD_BYTES // 1024} KB.")
    else:
        try:
            names = names_from_csv(data, column.strip() or "name", source)
        except ValueError as error:
            problems.append(str(error))
        if not names and not problems:
            problems.append(f"{source}: the column {column!r} holds no names.")
    return _page(request, session, names, threshold, as_of, problems)
