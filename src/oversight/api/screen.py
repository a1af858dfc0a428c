"""POST /screen: supplier names against the registry and the restriction lists that reach them.

The screening index is built once per app and rebuilt only when the organisations, their
aliases or the listings change, which a cheap fingerprint query detects on each request.
"""

from __future__ import annotations

import threading
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from sqlalchemy.orm import Session

from oversight.api.deps import get_session
from oversight.api.models import (
    ERROR_RESPONSES,
    MAX_SCREEN_NAMES,
    ErrorResponse,
    ScreenRequest,
    ScreenResult,
)
from oversight.errors import NoListings
from oversight.screening import DEFAULT_THRESHOLD, ScreeningIndex, build_index, screen_all
from oversight.store import queries

router = APIRouter(tags=["screening"], responses={
    422: ERROR_RESPONSES[422],
    413: {"model": ErrorResponse, "description": "Request body over the size limit"},
    503: {"model": ErrorResponse, "description": "The registry has no list entries to screen "
          "against"},
})


class ScreeningIndexCache:
    """The app's screening index, rebuilt when the registry's fingerprint changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self._index: ScreeningIndex | None = None
        self.builds = 0

    def get(self, session: Session) -> ScreeningIndex:
        key = queries.screening_fingerprint(session)
        with self._lock:  # one build at a time; later requests reuse it
            if self._index is None or key != self._key:
                try:
                    self._index = build_index(queries.screening_entities(session),
                                              queries.list_versions(session))
                except NoListings as error:
                    raise HTTPException(503, f"{error}: the registry has no restriction-list "
                                        "entries; run `oversight init` or `oversight lists "
                                        "import FILE`") from None
                self._key = key
                self.builds += 1
            return self._index


@router.post("/screen", response_model=list[ScreenResult], summary="Screen supplier names")
def screen_names(
    body: ScreenRequest, request: Request, session: Annotated[Session, Depends(get_session)]
) -> list[dict[str, Any]]:
    """Each name's matching organisation, every restriction list that reaches it (its own and
    a listed parent's), a score, an explanation and rejected look-alikes (DESIGN.md's
    screening contract). `match` is null when nothing passes `threshold`. Every answer names
    the list versions screened against (`list_versions`) and the `matcher`; with no list
    entries at all the answer is 503, never "no match"."""
    index = request.app.state.screening_index.get(session)
    return screen_all(index, body.names, threshold=body.threshold, as_of=body.as_of)


@router.get("/screen", response_model=list[ScreenResult], summary="Screen names given in the URL")
def screen_query(
    request: Request, session: Annotated[Session, Depends(get_session)],
    q: Annotated[list[str], Query(min_length=1, max_length=MAX_SCREEN_NAMES,
                                  description="A supplier name; repeat for several, or put one "
                                  "per line.")],
    threshold: Annotated[float, Query(gt=0.0, le=1.0)] = DEFAULT_THRESHOLD,
    as_of: date | None = None,
) -> list[dict[str, Any]]:
    """The JSON twin of the portal's /screen page: the same answers as POST /screen."""
    names = query_names(q)
    if len(names) > MAX_SCREEN_NAMES:
        raise HTTPException(422, f"q: at most {MAX_SCREEN_NAMES} names")
    index = request.app.state.screening_index.get(session)
    return screen_all(index, names, threshold=threshold, as_of=as_of)


def query_names(values: list[str]) -> list[str]:
    """Names from query values, one per line (a textarea sends them that way)."""
    return [line.strip() for value in values for line in value.splitlines() if line.strip()]
