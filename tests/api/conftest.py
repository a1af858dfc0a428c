"""A TestClient over a temporary SQLite registry loaded with tests/fixtures."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from oversight.api import create_app
from oversight.app import Registry

with warnings.catch_warnings():
    # Starlette 1.x prefers the `httpx2` package for its TestClient and warns when it finds httpx.
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

FIXTURES = Path(__file__).parents[1] / "fixtures"
API = "/api/v1"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    registry = Registry(f"sqlite:///{tmp_path_factory.mktemp('api') / 'registry.db'}")
    registry.load([FIXTURES])
    yield registry
    registry.engine.dispose()


@pytest.fixture(scope="module")
def client(registry: Registry, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    # one data release of the fixtures, as the README's examples name it
    releases = tmp_path_factory.mktemp("releases")
    registry.release(releases, today=date(2026, 12, 3))
    with TestClient(create_app(registry, releases_dir=releases)) as client:
        yield client


@pytest.fixture
def fresh_registry(tmp_path: Path) -> Iterator[Registry]:
    """A registry of its own, for tests that write to it."""
    registry = Registry(f"sqlite:///{tmp_path / 'registry.db'}")
    registry.load([FIXTURES])
    yield registry
    registry.engine.dispose()


def error_of(response) -> dict:  # type: ignore[no-untyped-def]
    """The {"error": {...}} body every 4xx answer has."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"message", "field"}, body
    assert body["error"]["message"]
    return body["error"]
