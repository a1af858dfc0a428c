"""The JSON API (FastAPI): `create_app(registry)` returns the app; routes are in README.md."""

from oversight.api.app import create_app

__all__ = ["create_app"]
