"""Who is asking: a pure ASGI middleware that signs requests in, and `require_role` for routes.

A request is signed in by `Authorization: Bearer <token>` (scripts) or by the session cookie
(browsers). Either way request.state.user is an `Account` (.name, .role) or None for anonymous
readers, and request.state.csrf_token is the session's CSRF token ("" otherwise).

Cookies ride along on cross-site form posts, so every unsafe request signed in by cookie must
carry the session's CSRF token, as the form field `csrf_token` or the header `X-CSRF-Token`.
Bearer requests are exempt: a browser never adds that header on its own. Anonymous requests
need no check: there is nothing to forge.
"""

from __future__ import annotations

import hmac
from collections.abc import Callable
from http.cookies import SimpleCookie
from typing import Any

from fastapi import Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from oversight.accounts.roles import check_role, may
from oversight.accounts.sessions import COOKIE, Started, find_session
from oversight.accounts.throttle import SigninThrottle, record_lockouts
from oversight.accounts.tokens import user_for_token
from oversight.accounts.users import Account, account
from oversight.api.deps import ApiError

UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"


def _error(status_code: int, message: str, field: str | None,
           headers: dict[str, str] | None = None) -> JSONResponse:
    # The app's error shape (api/app.py error_response), built here to avoid an import cycle.
    if status_code == 401:
        headers = {"WWW-Authenticate": "Bearer"}
    return JSONResponse({"error": {"message": message, "field": field}}, status_code, headers=headers)


def client_address(scope: Scope) -> str:
    client = scope.get("client")
    return client[0] if client else "unknown"


def too_many(wait: int) -> JSONResponse:
    return _error(429, f"too many failed sign-ins; try again in {wait} seconds", "Authorization",
                  {"Retry-After": str(wait)})


def _cookie(headers: Headers) -> str | None:
    raw = headers.get("cookie")
    if not raw:
        return None
    jar: SimpleCookie = SimpleCookie()
    try:
        jar.load(raw)
    except Exception:  # a malformed Cookie header is the client's problem; treat as no cookie
        return None
    morsel = jar.get(COOKIE)
    return morsel.value if morsel and morsel.value else None


class AuthMiddleware:
    """Sets request.state.user and request.state.csrf_token; refuses bad tokens (401) and
    cookie-signed unsafe requests without the right CSRF token (403)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        state = scope.setdefault("state", {})
        state["user"], state["csrf_token"] = None, ""
        headers = Headers(scope=scope)
        registry = scope["app"].state.registry
        authorization = headers.get("authorization")
        if authorization:
            scheme, _, secret = authorization.partition(" ")
            if scheme.lower() != "bearer" or not secret.strip():
                await _error(401, "the Authorization header must be 'Bearer <token>'",
                             "Authorization")(scope, receive, send)
                return
            throttle: SigninThrottle = scope["app"].state.signin_throttle
            address = client_address(scope)
            if (wait := throttle.retry_after(None, address)) is not None:
                await too_many(wait)(scope, receive, send)
                return
            user = await run_in_threadpool(_token_account, registry, secret.strip())
            if user is None:
                await run_in_threadpool(failed_signin, registry, throttle, None, address, "token")
                await _error(401, "the API token is unknown, revoked or belongs to a disabled account",
                             "Authorization")(scope, receive, send)
                return
            state["user"] = user
            await self.app(scope, receive, send)
            return
        cookie = _cookie(headers)
        found = await run_in_threadpool(_session_account, registry, cookie) if cookie else None
        if found is not None:
            state["user"], state["csrf_token"] = found
            if scope["method"] in UNSAFE_METHODS:
                try:
                    given, receive = await _csrf_given(scope, receive, headers)
                except HTTPException as error:  # e.g. the body limit, raised while reading
                    await _error(error.status_code, str(error.detail), "body")(scope, receive, send)
                    return
                if not given or not hmac.compare_digest(given, found[1]):
                    await _error(403, "missing or wrong CSRF token: send the form field csrf_token or "
                                      "the X-CSRF-Token header with this session's token",
                                 CSRF_FIELD)(scope, receive, send)
                    return
        await self.app(scope, receive, send)


def failed_signin(registry: Any, throttle: SigninThrottle, name: str | None, address: str, via: str) -> None:
    """Count a failed sign-in; audit the counters it has just locked."""
    locked = throttle.failed(name, address)
    if locked:
        with registry.session() as session:
            record_lockouts(session, locked, address, via, throttle)


def _token_account(registry: Any, secret: str) -> Account | None:
    with registry.session() as session:
        user = user_for_token(session, secret)
        return account(user, "token") if user else None


def _session_account(registry: Any, cookie: str) -> tuple[Account, str] | None:
    with registry.session() as session:
        found = find_session(session, cookie)
        return (account(found[0], "cookie"), found[1]) if found else None


async def _csrf_given(scope: Scope, receive: Receive, headers: Headers) -> tuple[str | None, Receive]:
    """The CSRF token from the header, else from the form body; and a `receive` that replays the
    body for the app, since reading it here consumes it."""
    if headers.get(CSRF_HEADER):
        return headers[CSRF_HEADER], receive
    content_type = headers.get("content-type", "")
    if not content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return None, receive
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)

    def replay() -> Receive:
        sent = False

        async def again() -> Message:
            nonlocal sent
            if sent:
                return await receive()  # after the body: wait for the disconnect as usual
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        return again

    form = await Request(scope, replay()).form()
    value = form.get(CSRF_FIELD)
    await form.close()
    return (value if isinstance(value, str) else None), replay()


class NotSignedIn(HTTPException):
    """401 with the challenge header; rendered by the app's HTTP error handler as
    {"error": {"message", "field": "Authorization"}}."""

    def __init__(self, message: str):
        super().__init__(401, message, headers={"WWW-Authenticate": "Bearer"})
        self.field = "Authorization"


def require_role(role: str) -> Callable[[Request], Account]:
    """A dependency: the signed-in account when its role reaches `role`; 401 when nobody is
    signed in, 403 when the role is too low."""
    check_role(role)

    def signed_in_as(request: Request) -> Account:
        user = getattr(request.state, "user", None)
        if user is None:
            raise NotSignedIn(f"sign in, or send 'Authorization: Bearer <token>': this needs the {role} role")
        if not may(user.role, role):
            raise ApiError(403, f"this needs the {role} role or higher; {user.name} is a {user.role}")
        return user

    signed_in_as.__name__ = f"require_{role}"
    return signed_in_as


def set_session_cookie(response: Response, request: Request, started: Started) -> None:
    response.set_cookie(COOKIE, started.cookie, max_age=started.max_age, httponly=True, samesite="lax",
                        secure=request.url.scheme == "https", path="/")


def clear_session_cookie(response: Response, request: Request) -> None:
    response.delete_cookie(COOKIE, httponly=True, samesite="lax", secure=request.url.scheme == "https",
                           path="/")
