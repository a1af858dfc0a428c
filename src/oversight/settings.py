"""Every setting Oversight reads, in one place (environment variables with defaults).

| variable | default | meaning |
| --- | --- | --- |
| `OVERSIGHT_DB_URL` | `sqlite:///<OVERSIGHT_DATA_DIR>/oversight.db` | SQLAlchemy URL of the registry |
| `OVERSIGHT_DATA_DIR` | `./var` | where the embedded database and outputs live |
| `OVERSIGHT_USER` | the login name | who is recorded as having made a change from the CLI |
| `OVERSIGHT_HOST` | `127.0.0.1` | address `oversight serve` listens on |
| `OVERSIGHT_PORT` | `8000` | port `oversight serve` listens on |
| `OVERSIGHT_WORKERS` | the number of CPUs | server processes `oversight serve` starts |
| `OVERSIGHT_CACHE_MB` | `64` | memory per server process for kept anonymous answers; `0`: none |
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    db_url: str
    user: str
    host: str
    port: int
    workers: int
    cache_mb: int


def _default_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def load_settings(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    data_dir = Path(env.get("OVERSIGHT_DATA_DIR", "var"))
    db_url = env.get("OVERSIGHT_DB_URL") or f"sqlite:///{data_dir / 'oversight.db'}"
    return Settings(
        data_dir=data_dir,
        db_url=db_url,
        user=env.get("OVERSIGHT_USER") or _default_user(),
        host=env.get("OVERSIGHT_HOST", "127.0.0.1"),
        port=int(env.get("OVERSIGHT_PORT", "8000")),
        workers=_positive(env, "OVERSIGHT_WORKERS", os.cpu_count() or 1, minimum=1),
        cache_mb=_positive(env, "OVERSIGHT_CACHE_MB", 64, minimum=0),
    )


def _positive(env: Any, name: str, default: int, *, minimum: int) -> int:
    raw = env.get(name)
    if raw is None or raw == "":
        return default
    if not raw.strip().isdigit() or int(raw) < minimum:
        raise ValueError(f"{name}={raw!r}: expected a whole number, {minimum} or more")
    return int(raw)
