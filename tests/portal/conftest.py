"""A TestClient over a temporary SQLite registry: tests/fixtures plus tests/portal/fixtures."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from oversight.api import create_app
from oversight.app import Registry

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message=r"Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

SHARED = Path(__file__).parents[1] / "fixtures"
OWN = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    registry = Registry(f"sqlite:///{tmp_path_factory.mktemp('portal') / 'registry.db'}")
    registry.load([SHARED, OWN / "portal.yaml"])
    yield registry
    registry.engine.dispose()


@pytest.fixture(scope="module")
def client(registry: Registry) -> Iterator[TestClient]:
    with TestClient(create_app(registry)) as client:
        yield client
