"""Shared fixtures of the extraction tests: resources are built once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.extract.resources import Resources, build_resources

HERE = Path(__file__).parent
FIXTURES = HERE / "fixtures"
DEVSET = HERE / "devset"


@pytest.fixture(scope="session")
def res() -> Resources:
    return build_resources()
