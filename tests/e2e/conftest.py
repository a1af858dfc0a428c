"""End-to-end fixtures: the real app under uvicorn, and Debian's chromium driven by Playwright.

One server per test session, on a free loopback port, over a temporary SQLite registry that
holds the bundled data, a reviewer account and the candidate claims extracted from one
fictional news story (a new deployment in Botswana). Each test gets a fresh browser context;
its final page is saved as test-artifacts/e2e/<test name>.png, passing or not.

The browser is /usr/bin/chromium (or OVERSIGHT_BROWSER); Playwright never downloads one. With
no browser the tests skip, unless OVERSIGHT_REQUIRE_BROWSER=1 (as in .ci/run): then they fail.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from oversight.app import Registry

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = Path(os.environ.get("OVERSIGHT_E2E_ARTIFACTS", ROOT / "test-artifacts" / "e2e"))
# Flags that keep chromium quiet and offline: no sandbox (CI runs as root), no GPU, no
# first-run, sync, component or background traffic.
BROWSER_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync"]

REVIEWER = ("e2e-reviewer", "correct horse battery staple 42")
# A fictional story (example.org, labelled as such in its text) about a deployment that the
# bundled data does not hold: extraction turns it into one candidate claim for Botswana.
STORY = {
    "id": "e2e-fictional-gaborone",
    "url": "https://news.example.org/e2e/gaborone-face-recognition",
    "title": "FICTIONAL TEST STORY: Gaborone signs face recognition contract",
    "published": "2025-03-04T09:00:00Z",
    "text": "GABORONE - The Botswana Police Service has signed a contract with Northwind Vision "
            "Systems to install facial recognition cameras across Gaborone, the ministry said on "
            "Monday. The contract was signed in 2025. (This story is fictional; it exists only "
            "for Oversight's browser tests.)",
}
NEW_VENDOR = "Northwind Vision Systems"
NEW_COUNTRY = "BWA"


@dataclass(frozen=True)
class Portal:
    url: str
    db_url: str

    def get_json(self, path: str) -> Any:
        with urllib.request.urlopen(self.url + path, timeout=10) as response:
            return json.loads(response.read())


def browser_path() -> str | None:
    """OVERSIGHT_BROWSER when set (and only it), else Debian's chromium."""
    wanted = os.environ.get("OVERSIGHT_BROWSER")
    candidates = [wanted] if wanted else ["/usr/bin/chromium", shutil.which("chromium")]
    return next((c for c in candidates if c and os.access(c, os.X_OK)), None)


def _missing(reason: str) -> None:
    if os.environ.get("OVERSIGHT_REQUIRE_BROWSER") == "1":
        pytest.fail(f"{reason} (OVERSIGHT_REQUIRE_BROWSER=1)", pytrace=False)
    pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def oversight_command() -> list[str]:
    """The installed `oversight` entry point of this interpreter's environment."""
    script = Path(sys.executable).with_name("oversight")
    fallback = [sys.executable, "-c", "from oversight.cli import app; app()"]
    return [str(script)] if script.exists() else fallback


def add_reviewer(db_url: str) -> str | None:
    """Create the reviewer account through the CLI; the error text when the CLI refuses."""
    name, password = REVIEWER
    done = subprocess.run([*oversight_command(), "--db", db_url, "user", "add", name, "--role", "reviewer",
                           "--password-stdin"], input=password + "\n", capture_output=True, text=True,
                          timeout=60)
    return None if done.returncode == 0 else (done.stderr or done.stdout).strip()


def build_registry(folder: Path) -> tuple[str, str | None]:
    from oversight.cli.extract import run_extract
    from oversight.extract.readers import MAX_BYTES

    db_url = f"sqlite:///{folder / 'e2e.db'}"
    registry = Registry(db_url)
    registry.load_bundled()
    story = folder / "news.jsonl"
    story.write_text(json.dumps(STORY) + "\n", encoding="utf-8")
    counts, failures, _ = run_extract([str(story)], None, 1, MAX_BYTES, False, registry)
    assert not failures and counts["stored"] >= 1, f"the fictional story gave no stored claim: {counts}"
    registry.engine.dispose()
    return db_url, add_reviewer(db_url)


def wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"oversight serve exited with {process.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url + "/api/v1/vocabulary", timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"oversight serve did not answer within {seconds} s:\n{log.read_text()}")


@pytest.fixture(scope="session")
def e2e_registry(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str | None]:
    return build_registry(tmp_path_factory.mktemp("e2e"))


@pytest.fixture(scope="session")
def portal(e2e_registry: tuple[str, str | None], tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Portal]:
    """`oversight serve` in a subprocess: the same app, settings and uvicorn a user runs."""
    db_url, _ = e2e_registry
    port = _free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen([*oversight_command(), "--db", db_url, "serve", "--host", "127.0.0.1",
                                    "--port", str(port)], stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process, log)
        yield Portal(url, db_url)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def reviewer(e2e_registry: tuple[str, str | None]) -> tuple[str, str]:
    _, problem = e2e_registry
    if problem is not None:
        pytest.fail(f"`oversight user add {REVIEWER[0]} --role reviewer --password-stdin` failed: {problem}")
    return REVIEWER


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = browser_path()
    if executable is None:
        where = os.environ.get("OVERSIGHT_BROWSER") or "/usr/bin/chromium"
        _missing(f"no browser at {where} (apt-get install chromium, or set OVERSIGHT_BROWSER)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright package is not installed (pip install -e '.[dev]')")
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, headless=True, args=BROWSER_ARGS)
        yield launched
        launched.close()


def _artifact_name(node_name: str) -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", node_name).strip("-") + ".png"


def _open_page(browser: Any, request: pytest.FixtureRequest, base_url: str, external: list[str],
               **options: Any) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base_url, **options)
    context.set_default_timeout(10_000)

    def offline(route: Any) -> None:
        # The portal must work with no network: anything not served by the portal is refused
        # and remembered, so a test can show that a page asked for nothing outside.
        if route.request.url.startswith(base_url + "/"):
            route.continue_()
        else:
            external.append(route.request.url)
            route.abort()

    context.route("**/*", offline)
    page = context.new_page()
    try:
        yield page
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        try:
            page.screenshot(path=str(ARTIFACTS / _artifact_name(request.node.name)), full_page=True)
        finally:
            context.close()


@pytest.fixture
def external_requests() -> list[str]:
    """URLs outside the portal that the test's page tried to fetch (all refused)."""
    return []


@pytest.fixture
def page(browser: Any, portal: Portal, request: pytest.FixtureRequest, external_requests: list[str]
         ) -> Iterator[Any]:
    """A page in a fresh context (no cookies); screenshotted at the end of the test."""
    yield from _open_page(browser, request, portal.url, external_requests)


@pytest.fixture
def page_without_js(browser: Any, portal: Portal, request: pytest.FixtureRequest,
                    external_requests: list[str]) -> Iterator[Any]:
    yield from _open_page(browser, request, portal.url, external_requests, java_script_enabled=False)
