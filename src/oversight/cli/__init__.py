"""The `oversight` command line."""

from oversight.cli.main import app

__all__ = ["app"]
