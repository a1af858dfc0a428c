"""Oversight: an open, evidence-linked observatory of AI-surveillance deployments.

    import oversight
    reg = oversight.open("var/oversight.db")
    reg.deployments(country="KEN")
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Registry", "open", "__version__"]

if TYPE_CHECKING:
    from oversight.app import Registry


def open(url: str = "oversight.db") -> Registry:  # noqa: A001 - the documented entry point
    """Open (and migrate) the registry at `url`: an SQLite path or a database URL."""
    from oversight.app import Registry

    return Registry(url)


def __getattr__(name: str) -> Any:
    # Imported lazily: worker processes that only extract should not load the whole app.
    if name == "Registry":
        from oversight.app import Registry

        return Registry
    raise AttributeError(name)
