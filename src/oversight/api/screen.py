"""POST /screen: supplier names against the registry and the restriction lists that reach them.

The screening index is built once per app and rebuilt only when the organisations, their
aliases or the listings change, which a cheap fingerprint query detects on each request.
"""

from __future__ import annotations

import threading
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Request
from sqlalchemy.orm import Session

from oversight.api.deps import get_session
from oversight.api.models import ERROR_RESPONSES, ErrorResponse, ScreenRequest, ScreenResult
from oversight.errors import NoListings
from oversight.screening import ScreeningIndex, build_index, screen_all
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
    return screen_all(index, body.names, threshold=body.threshold)
