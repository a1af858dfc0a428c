"""A screening index kept on disk beside an SQLite registry, so that `oversight screen` does
not rebuild it on every run: after a whole SDN or OpenSanctions file is imported the build
takes tens of seconds, loading it well under one.

The file holds the index and the key it was built for (the matcher version and the
registry's screening fingerprint); any change to organisations, aliases, listings or list
editions changes the key, and the index is rebuilt and rewritten. The file is written by
this program only, beside the database it describes (whoever can write there can change
the database too); it is replaced atomically, so a reader never sees half a file.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Callable, Hashable
from pathlib import Path

from oversight.screening.match import ScreeningIndex


def load_or_build(path: Path, key: Hashable, build: Callable[[], ScreeningIndex]
                  ) -> tuple[ScreeningIndex, bool]:
    """The index stored at `path` if it was built for `key`, else a new one (then stored).
    Returns the index and whether it came from the file."""
    try:
        with path.open("rb") as handle:
            stored_key, index = pickle.load(handle)
        if stored_key == key and isinstance(index, ScreeningIndex):
            return index, True
    except (OSError, pickle.UnpicklingError, EOFError, ValueError, AttributeError, TypeError):
        pass  # no file, or one from another version: rebuild
    index = build()
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as handle:
            pickle.dump((key, index), handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only folder: screening still works, only slower next time
    return index, False
