"""Docs that tests keep honest: every route is in api/README.md, and every curl example runs."""

from __future__ import annotations

import re
import shlex
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from oversight.app import Registry
from tests.api.conftest import API
from tests.api.test_screen import registry_with_a_listing

README = Path(__file__).parents[2] / "src" / "oversight" / "api" / "README.md"


def curl_examples() -> list[str]:
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text("utf-8"), flags=re.S)
    return [line for block in blocks for line in block.splitlines() if line.startswith("curl ")]


def documented_routes() -> set[str]:
    return set(re.findall(r"^\| `([A-Z]+ /api/v1/[^`]*)` \|", README.read_text("utf-8"), flags=re.M))


def test_every_route_is_documented(client) -> None:  # type: ignore[no-untyped-def]
    paths = client.get(f"{API}/openapi.json").json()["paths"]
    routes = {f"{method.upper()} {path}" for path, operations in paths.items() for method in operations}
    assert routes == documented_routes()


def test_every_route_has_an_example() -> None:
    examples = " ".join(curl_examples())
    for route in documented_routes():
        prefix = route.split(" ", 1)[1].split("{")[0]
        assert prefix in examples, route


@pytest.fixture(scope="module", name="registry")
def listed_registry(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    """Screening examples need list entries; the shared fixtures have none."""
    yield from registry_with_a_listing(tmp_path_factory.mktemp("readme"))


@pytest.fixture(scope="module")
def token(registry) -> str:  # type: ignore[no-untyped-def]
    """A reviewer's token for the signed-in examples, and the claims their proposal ids come from."""
    from oversight.accounts import tokens, users
    from tests.accounts.people import add_claims

    add_claims(registry)
    with registry.session() as session:
        users.add_user(session, "readme-reviewer", "reviewer", "readme-password", actor="tests")
        return tokens.create_token(session, "readme-reviewer", "readme", actor="tests")[0]


@pytest.mark.parametrize("command", curl_examples())
def test_curl_example_runs(client, token: str, command: str) -> None:  # type: ignore[no-untyped-def]
    args = shlex.split(command)[1:]
    method = args[args.index("-X") + 1] if "-X" in args else "GET"
    data = args[args.index("-d") + 1] if "-d" in args else None
    [url] = [a for a in args if a.startswith("localhost:")]
    parts = urlsplit(f"http://{url}")
    assert parts.path.startswith(API)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    headers = {"content-type": "application/json"} if data else {}
    if "$OVERSIGHT_TOKEN" in command:
        headers["Authorization"] = f"Bearer {token}"
    response = client.request(method, target, content=data, headers=headers)
    assert response.status_code == (201 if method == "POST" and target == f"{API}/contributions" else 200), (
        command, response.text)
