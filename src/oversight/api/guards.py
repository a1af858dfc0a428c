"""Guards every response and route share: security headers, and no query parameter a route
does not read.

Unknown query parameters are refused (422) rather than ignored: an ignored `?x=1` would make a
new response-cache key for the same answer, so anyone could make every request miss the cache.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from oversight.api.deps import ApiError

# No inline script or style anywhere (colour swatches are SVG), so none is allowed.
CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                           "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
}
HSTS = "max-age=31536000; includeSubDomains"


class SecurityHeaders:
    """Adds SECURITY_HEADERS to every HTTP response, and HSTS when the request came over https
    (announcing HSTS over plain http means nothing and would break local development)."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        https = scope.get("scheme") == "https"

        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
                if https:
                    headers["strict-transport-security"] = HSTS
            await send(message)

        await self.app(scope, receive, with_headers)


Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])
_ACCEPTS = "__accepts_query__"


def accepts_query(*names: str) -> Callable[[Endpoint], Endpoint]:
    """Declare the query parameters a route reads from `request.query_params` by hand (those it
    takes as FastAPI parameters are known already)."""

    def mark(endpoint: Endpoint) -> Endpoint:
        setattr(endpoint, _ACCEPTS, frozenset(names))
        return endpoint

    return mark


# Keyed by endpoint: its signature (and so its dependencies) fixes the parameters it takes.
_declared_by: dict[Callable[..., Any], frozenset[str]] = {}


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameters of a route's signature and of every dependency it uses."""
    names = {param.alias for param in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _query_names(dependency)
    return names


def _declared(route: APIRoute) -> frozenset[str]:
    names = _declared_by.get(route.endpoint)
    if names is None:
        names = frozenset(_query_names(route.dependant)) | getattr(route.endpoint, _ACCEPTS, frozenset())
        _declared_by[route.endpoint] = names
    return names


def refuse_unknown_query(request: Request) -> None:
    """An app-wide dependency: 422 naming the first query parameter the route does not read."""
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    declared = _declared(route)
    for name in request.query_params:
        if name not in declared:
            known = ", ".join(sorted(declared)) or "none"
            shown = name if len(name) <= 60 else name[:60] + "…"
            raise ApiError(422, f"{shown}: unknown query parameter (this address takes: {known})", shown)
