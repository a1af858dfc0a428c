"""Errors on pages are pages: the API's exception handlers answer JSON under /api/ and an HTML
error page (same status, same message, same field) everywhere else.

`for_pages(handler)` wraps one of the API's handlers, so both kinds of answer come from the
one place that words the message.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from fastapi import Request
from starlette.responses import Response

from oversight.portal.templating import render

Handler = Callable[[Request, Exception], Awaitable[Response]]
JSON_PREFIXES = ("/api/", "/static/")
TITLES = {400: "Bad request", 403: "Not allowed", 404: "Not found", 405: "Method not allowed",
          413: "Request too large", 422: "Invalid filter value"}


def wants_html(request: Request) -> bool:
    return not request.url.path.startswith(JSON_PREFIXES) and request.url.path != "/api"


def error_page(request: Request, status_code: int, message: str, field: str | None = None,
               headers: dict[str, str] | None = None) -> Response:
    if status_code == 404 and message.startswith("no such endpoint"):
        message = f"There is no page at {request.url.path}."
    response = render(request, "error.html", {
        "status_code": status_code, "title": TITLES.get(status_code, "Error"),
        "message": message, "field": field,
    }, status_code=status_code)
    for key, value in (headers or {}).items():
        response.headers.setdefault(key, value)
    return response


def for_pages(handler: Handler) -> Handler:
    """The API's handler for JSON paths; for page paths, its message rendered as HTML."""

    async def handle(request: Request, exc: Exception) -> Response:
        response = await handler(request, exc)
        if not wants_html(request) or response.media_type != "application/json":
            return response
        error = json.loads(bytes(response.body)).get("error", {})
        headers = {k: v for k, v in response.headers.items() if k.lower() in ("allow", "www-authenticate")}
        return error_page(request, response.status_code, str(error.get("message", "")),
                          error.get("field"), headers)

    return handle
