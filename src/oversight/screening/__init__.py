"""Screening: supplier names -> registry entities and the restriction lists that reach them.

Plain functions over plain data: `build_index(screening_entities(session))` once, then
`screen(index, name)` per name. The method is described in README.md next to this file.
"""

from oversight.screening.match import (
    DEFAULT_THRESHOLD,
    MATCHER_VERSION,
    ScreeningIndex,
    build_index,
    screen,
    screen_all,
)
from oversight.screening.normalise import Normalised, normalise

__all__ = [
    "DEFAULT_THRESHOLD",
    "MATCHER_VERSION",
    "Normalised",
    "ScreeningIndex",
    "build_index",
    "normalise",
    "screen",
    "screen_all",
]
