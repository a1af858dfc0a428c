"""Schemathesis over the OpenAPI schema: every operation, anonymous and signed in as an admin, with
generated parameters and bodies. No answer may be a 5xx, and every answer must be one the schema
documents (status code, content type and body shape).

Schemathesis's own pytest plugin does not run under pytest 9, so each operation is one
parametrized test that draws cases from `operation.as_strategy()` with Hypothesis. Bounded by
MAX_EXAMPLES per operation so that the whole file takes well under two minutes.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis.errors import Unsatisfiable
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from oversight.api import create_app
from oversight.app import Registry
from tests.accounts.people import Person, add_people
from tests.api.conftest import API, FIXTURES

MAX_EXAMPLES = 12
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


@pytest.fixture(scope="module")
def fuzzed(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Any, dict[str, Person]]]:
    """The app over a registry of its own (fuzzing writes: contributions, deletions)."""
    registry = Registry(f"sqlite:///{tmp_path_factory.mktemp('fuzz') / 'registry.db'}")
    registry.load([FIXTURES])
    people = add_people(registry)
    yield create_app(registry), people
    registry.engine.dispose()


def _operations() -> list[tuple[str, str]]:
    """(method, path) of every operation, read from the schema of an app over an empty registry."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        registry = Registry(f"sqlite:///{folder}/schema.db")
        try:
            spec = create_app(registry).openapi()
        finally:
            registry.engine.dispose()
    return [(method.upper(), path) for path, item in spec["paths"].items() for method in item
            if path.startswith(API)]


@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE], ids=lambda m: m.value)
@pytest.mark.parametrize("who", ["anonymous", "admin"])
@pytest.mark.parametrize(("method", "path"), _operations())
def test_no_server_error_and_every_answer_is_documented(fuzzed, who: str, method: str, path: str,
                                                        mode: GenerationMode) -> None:
    """Positive cases follow the schema; negative ones break it on purpose (expecting 4xx)."""
    app, people = fuzzed
    schema = schemathesis.openapi.from_asgi(f"{API}/openapi.json", app)
    operation = schema[path][method]
    headers = people["admin"].bearer if who == "admin" else {}

    @settings(max_examples=MAX_EXAMPLES, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(case=operation.as_strategy(mode))
    def check(case: Any) -> None:
        response = case.call(headers=headers)
        case.validate_response(response, checks=CHECKS, headers=headers)

    try:
        check()
    except Unsatisfiable:  # e.g. no parameters, or only free text: no case can break the schema
        assert mode == GenerationMode.NEGATIVE
        pytest.skip("nothing in this operation's schema can be made invalid")
