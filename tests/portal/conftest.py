"""A TestClient over a temporary SQLite registry: tests/fixtures plus tests/portal/fixtures.

The `client` fixture is the API's (tests/api/conftest.py); it takes the `registry` defined here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from oversight.app import Registry
from tests.api.conftest import FIXTURES as SHARED
from tests.api.conftest import client  # noqa: F401  (a fixture, over this module's registry)

OWN = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    registry = Registry(f"sqlite:///{tmp_path_factory.mktemp('portal') / 'registry.db'}")
    registry.load([SHARED, OWN / "portal.yaml"])
    yield registry
    registry.engine.dispose()
