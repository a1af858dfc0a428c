"""The app factory: wires one Registry into the routers and renders every error alike.

    from oversight.api import create_app
    app = create_app(Registry(load_settings().db_url))

Routers stay thin (STYLE.md item 7): they parse parameters and call store.queries,
analytics, screening or publish; nothing else lives here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.gzip import GZipMiddleware
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from oversight.accounts.throttle import SigninThrottle
from oversight.api import (
    assessments,
    contributions,
    countries,
    deployments,
    exports,
    index,
    organisations,
    releases,
    review,
    screen,
    search,
    sources,
    stats,
    vocabulary,
)
from oversight.api.auth import AuthMiddleware
from oversight.api.cache import CacheMiddleware, ResponseCache, VersionWatch
from oversight.api.deps import ApiError
from oversight.api.guards import SecurityHeaders, refuse_unknown_query
from oversight.api.limits import MAX_IN_FLIGHT, ConcurrencyLimit
from oversight.api.models import COMMON_RESPONSES
from oversight.app import Registry
from oversight.errors import NotFound
from oversight.portal import mount_portal
from oversight.portal.errors import for_pages
from oversight.settings import load_settings
from oversight.store.changes import change_probe

API_PREFIX = "/api/v1"
MAX_BODY_BYTES = 1024 * 1024
CACHE_BYTES = 64 * 1024 * 1024  # anonymous responses kept until the registry changes; 0: none
ROUTERS = (deployments, organisations, countries, sources, stats, index, screen, exports, vocabulary,
           review, contributions, releases, assessments, search)


def error_response(status_code: int, message: str, field: str | None = None,
                   headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"error": {"message": message, "field": field}}, status_code, headers=headers)


def _field(loc: tuple[Any, ...]) -> str | None:
    """("query", "technology", 0) -> "technology"; ("body", "names", 3) -> "names.3"."""
    where, *rest = loc or ("",)
    if where == "body":
        parts = [str(part) for part in rest]
        return ".".join(parts) if parts and not isinstance(rest[0], int) else "body"
    return str(rest[0]) if rest else None


def _validation_message(error: dict[str, Any]) -> str:
    field = _field(tuple(error.get("loc", ())))
    message = error.get("msg", "invalid value")
    value = error.get("input")
    scalar = isinstance(value, str | int | float) and not isinstance(value, bool)
    if scalar and error.get("type") != "missing":
        message += f" (got {value!r})"
    return f"{field}: {message}" if field else message


async def _on_validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    message = "; ".join(_validation_message(e) for e in errors) or "invalid request"
    return error_response(422, message, _field(tuple(errors[0].get("loc", ()))) if errors else None)


async def _on_http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, HTTPException)
    message = str(exc.detail)
    if exc.status_code == 404 and exc.detail == "Not Found":
        message = f"no such endpoint: {request.method} {request.url.path}"
    elif exc.status_code == 405:
        message = f"method {request.method} is not allowed on {request.url.path}"
    return error_response(exc.status_code, message, getattr(exc, "field", None), headers=exc.headers)


async def _on_not_found(request: Request, exc: Exception) -> JSONResponse:
    return error_response(404, str(exc))


async def _on_api_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status_code, exc.message, exc.field)


class BodyTooLarge(HTTPException):
    def __init__(self, limit: int):
        super().__init__(413, f"request body is larger than {limit} bytes")
        self.field = "body"


class BodyLimit:
    """Refuse request bodies over `limit` bytes with 413: at once when Content-Length says so,
    otherwise as soon as the streamed body passes the limit."""

    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            response = error_response(413, f"request body is larger than {self.limit} bytes", "body")
            await response(scope, receive, send)
            return
        received = 0

        async def limited() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise BodyTooLarge(self.limit)  # rendered by the HTTP error handler
            return message

        await self.app(scope, limited, send)


def create_app_from_settings() -> FastAPI:
    """The app as `oversight serve` runs it in each worker process: registry and cache size from
    the OVERSIGHT_* settings (uvicorn imports this by name in every worker)."""
    from oversight.settings import load_settings

    settings = load_settings()
    return create_app(Registry(settings.db_url), cache_bytes=settings.cache_mb * 1024 * 1024)


def create_app(registry: Registry, *, max_body_bytes: int = MAX_BODY_BYTES,
               cache_bytes: int = CACHE_BYTES, max_in_flight: int = MAX_IN_FLIGHT,
               releases_dir: Path | None = None) -> FastAPI:
    """The JSON API over one Registry (created once by the caller and shared by all requests).

    Data releases are read from `releases_dir` (default: <OVERSIGHT_DATA_DIR>/releases)."""
    from oversight import __version__

    app = FastAPI(
        title="Oversight API",
        version=__version__,
        description="An evidence-linked registry of AI-surveillance deployments: who supplies which "
                    "technology to which government, with every fact's sources. Errors are "
                    '`{"error": {"message": ..., "field": ...}}`.',
        docs_url=None,  # the portal renders /api/v1/docs from the schema, with no CDN
        redoc_url=None,
        openapi_url=f"{API_PREFIX}/openapi.json",
        dependencies=[Depends(refuse_unknown_query)],
    )
    app.state.registry = registry
    app.state.releases_dir = releases_dir or load_settings().data_dir / "releases"
    app.state.screening_index = screen.ScreeningIndexCache()
    app.state.signin_throttle = SigninThrottle()
    app.add_middleware(AuthMiddleware)  # inside BodyLimit: reads bodies only under the limit
    app.add_middleware(BodyLimit, limit=max_body_bytes)
    app.add_middleware(ConcurrencyLimit, limit=max_in_flight)
    app.add_middleware(GZipMiddleware, minimum_size=2048)  # the map page is ~190 KB of SVG paths
    app.add_middleware(SecurityHeaders)  # HSTS depends on each request's scheme (part of the cache key)
    if cache_bytes:  # outermost: a hit is the kept bytes, compressed and with every header
        watch = VersionWatch(registry.version, change_probe(registry.engine))
        app.add_middleware(CacheMiddleware, version=watch, cache=ResponseCache(cache_bytes))
    # JSON under /api/, an HTML error page with the same message on portal pages.
    app.add_exception_handler(RequestValidationError, for_pages(_on_validation_error))
    app.add_exception_handler(HTTPException, for_pages(_on_http_error))
    app.add_exception_handler(NotFound, for_pages(_on_not_found))
    app.add_exception_handler(ApiError, for_pages(_on_api_error))
    for module in ROUTERS:
        app.include_router(module.router, prefix=API_PREFIX, responses=COMMON_RESPONSES)
    mount_portal(app)
    return app
