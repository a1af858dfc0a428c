"""/login and /logout: a name-and-password form that starts a cookie session.

A failed sign-in says only "wrong name or password", whichever was wrong, and costs the same
argon2 check either way, so the page does not reveal which accounts exist. Repeated failures
are throttled per account and per client address (accounts.throttle): 429 with Retry-After.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from oversight.accounts import sessions, users
from oversight.accounts.roles import may
from oversight.api.auth import clear_session_cookie, client_address, failed_signin, set_session_cookie
from oversight.portal.templating import render

router = APIRouter(include_in_schema=False)
WRONG = "Wrong name or password."


def safe_next(target: str | None, fallback: str = "/") -> str:
    """Only same-site paths: an absolute URL or '//host' in `next` would make this an open redirect."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return fallback


@router.get("/login", response_class=HTMLResponse)
def login_form(request: Request, next: str | None = None) -> HTMLResponse:  # noqa: A002 - the query name
    return render(request, "account/login.html", {"next": safe_next(next, ""), "error": None, "name": ""})


@router.post("/login", response_class=HTMLResponse)
async def login(
    request: Request,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=1024)] = "",
    next: Annotated[str, Form(max_length=2000)] = "",  # noqa: A002 - the form field's name
) -> Response:
    registry = request.app.state.registry
    throttle = request.app.state.signin_throttle
    name, address = name.strip(), client_address(request.scope)
    if (wait := throttle.retry_after(name or None, address)) is not None:
        minutes = -(-wait // 60)
        refused = render(request, "account/login.html", {
            "next": safe_next(next, ""), "name": name,
            "error": f"Too many failed sign-ins. Try again in {minutes} minute{'s' if minutes > 1 else ''}."},
            status_code=429)
        refused.headers["Retry-After"] = str(wait)
        return refused

    def sign_in() -> tuple[sessions.Started, str] | None:
        with registry.session() as session:
            user = users.authenticate(session, name, password)
            if user is None:
                return None
            return sessions.start_session(session, user), user.role

    started = await run_in_threadpool(sign_in) if name and password else None
    if started is None and name and password:
        await run_in_threadpool(failed_signin, registry, throttle, name, address, "password")
    elif started is not None:
        throttle.succeeded(name)
    if started is None:
        return render(request, "account/login.html", {"next": safe_next(next, ""), "name": name,
                                                      "error": WRONG}, status_code=401)
    home = "/review" if may(started[1], "reviewer") else "/contribute"
    response = RedirectResponse(safe_next(next, home), status_code=303)
    set_session_cookie(response, request, started[0])
    return response


@router.post("/logout")
async def logout(request: Request) -> Response:
    """Ends the session (the middleware has checked its CSRF token) and clears the cookie."""
    cookie = request.cookies.get(sessions.COOKIE)
    if cookie:
        registry = request.app.state.registry

        def end() -> None:
            with registry.session() as session:
                sessions.end_session(session, cookie)

        await run_in_threadpool(end)
    response = RedirectResponse("/", status_code=303)
    clear_session_cookie(response, request)
    return response
