"""GET /vocabulary: the terms of schema.yaml, for clients building filters."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import APIRouter

from oversight.api.models import Vocabulary
from oversight.vocab import VOCAB

router = APIRouter(tags=["vocabulary"])


@router.get("/vocabulary", response_model=Vocabulary, summary="Vocabulary")
def get_vocabulary() -> dict[str, Any]:
    """Technology categories, statuses, supplier roles, organisation kinds, review states,
    restriction lists and the fields a source can support; ids are a public contract."""
    return asdict(VOCAB)
