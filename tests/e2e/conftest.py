"""End-to-end fixtures: the real app under uvicorn, and Debian's chromium driven by Playwright.

One server per test session, on a free loopback port, over a temporary SQLite registry that
holds the bundled data, a contributor, a reviewer and an admin account, one data release, and the
candidate claims extracted from fictional news stories: a new deployment in Botswana, one that
repeats a registry deployment in Kenya, and enough Namibian ones to fill more than one page of the
review queue. Each test gets a fresh browser context; its final page is saved as
test-artifacts/e2e/<test name>.png, passing or not.

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
CONTRIBUTOR = ("e2e-contributor", "purple monkey dishwasher 1987")
ADMIN = ("e2e-admin", "tangerine submarine lighthouse 7")
ACCOUNTS = {"reviewer": REVIEWER, "contributor": CONTRIBUTOR, "admin": ADMIN}
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
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
SIZES = [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")]
NEW_VENDOR = "Northwind Vision Systems"
NEW_COUNTRY = "BWA"
# A fictional story whose claim has the key (country, supplier, technology) of a registry
# deployment: the review queue flags it as a possible duplicate and offers to merge it.
SAME_KEY_STORY = {
    "id": "e2e-fictional-nairobi",
    "url": "https://news.example.org/e2e/nairobi-camera-expansion",
    "title": "FICTIONAL TEST STORY: Nairobi camera network expanded",
    "published": "2025-06-02T09:00:00Z",
    "text": "NAIROBI - The Kenya National Police Service said Huawei has expanded the facial recognition "
            "cameras of the Nairobi safe city system, the ministry said on Monday. The expansion was "
            "completed in 2024. (This story is fictional; it exists only for Oversight's browser tests.)",
}
SAME_KEY_DEPLOYMENT = "ken-nairobi-mombasa-safe-city"
# Fictional suppliers, one story each, so that the review queue holds more than one page (20).
QUEUE_COUNTRY = "NAM"
QUEUE_VENDORS = [f"{tree} Optics Systems" for tree in (
    "Alder", "Birch", "Cedar", "Damson", "Elder", "Fir", "Ginkgo", "Hazel", "Juniper", "Larch", "Maple",
    "Nutmeg", "Olive", "Poplar", "Quince", "Rowan", "Spruce", "Tamarind", "Walnut", "Yew", "Zelkova")]


def queue_story(vendor: str) -> dict[str, str]:
    slug = vendor.split()[0].lower()
    return {
        "id": f"e2e-fictional-windhoek-{slug}",
        "url": f"https://news.example.org/e2e/windhoek-{slug}",
        "title": f"FICTIONAL TEST STORY: Windhoek signs with {vendor}",
        "published": "2025-05-06T09:00:00Z",
        "text": f"WINDHOEK - The Namibian Police Force has signed a contract with {vendor} to install "
                "facial recognition cameras across Windhoek, the ministry said on Monday. The contract "
                "was signed in 2025. (This story is fictional; it exists only for Oversight's browser "
                "tests.)",
    }


STORIES = [STORY, SAME_KEY_STORY, *map(queue_story, QUEUE_VENDORS)]


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


def add_accounts(db_url: str) -> str | None:
    """Create the accounts through the CLI; the error text when the CLI refuses one."""
    for role, (name, password) in ACCOUNTS.items():
        done = subprocess.run([*oversight_command(), "--db", db_url, "user", "add", name, "--role", role,
                               "--password-stdin"], input=password + "\n", capture_output=True, text=True,
                              timeout=60)
        if done.returncode != 0:
            return f"`oversight user add {name} --role {role} --password-stdin` failed: " + (
                done.stderr or done.stdout).strip()
    return None


def build_registry(folder: Path) -> tuple[str, str | None]:
    """The registry in `folder` (with its releases under folder/releases); the database URL and
    the error text when an account could not be made."""
    from oversight.cli.extract import run_extract
    from oversight.extract.readers import MAX_BYTES

    db_url = f"sqlite:///{folder / 'e2e.db'}"
    registry = Registry(db_url)
    registry.load_bundled()
    registry.release(folder / "releases")
    news = folder / "news.jsonl"
    news.write_text("".join(json.dumps(story) + "\n" for story in STORIES), encoding="utf-8")
    counts, failures, _ = run_extract([str(news)], None, 1, MAX_BYTES, False, registry)
    assert not failures and counts["stored"] >= len(STORIES), f"a story gave no stored claim: {counts}"
    registry.engine.dispose()
    return db_url, add_accounts(db_url)


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
    data_dir = Path(db_url.removeprefix("sqlite:///")).parent  # where build_registry wrote the releases
    with log.open("wb") as out:
        process = subprocess.Popen([*oversight_command(), "--db", db_url, "serve", "--host", "127.0.0.1",
                                    "--port", str(port)], stdout=out, stderr=subprocess.STDOUT,
                                   env={**os.environ, "OVERSIGHT_DATA_DIR": str(data_dir)})
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


def _account(e2e_registry: tuple[str, str | None], role: str) -> tuple[str, str]:
    _, problem = e2e_registry
    if problem is not None:
        pytest.fail(problem)
    return ACCOUNTS[role]


@pytest.fixture
def reviewer(e2e_registry: tuple[str, str | None]) -> tuple[str, str]:
    return _account(e2e_registry, "reviewer")


@pytest.fixture
def contributor(e2e_registry: tuple[str, str | None]) -> tuple[str, str]:
    return _account(e2e_registry, "contributor")


@pytest.fixture
def admin(e2e_registry: tuple[str, str | None]) -> tuple[str, str]:
    return _account(e2e_registry, "admin")


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


def sign_in(page: Any, name: str, password: str) -> None:
    page.goto("/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.locator("form[action='/login'] button[type=submit]").click()
    page.wait_for_load_state()
    assert page.locator("#login-error").count() == 0, f"{name} could not sign in"


def page_width(page: Any) -> tuple[int, int]:
    """The page's scroll width and the viewport's width: a page wider than its viewport scrolls sideways."""
    return page.evaluate("() => [document.documentElement.scrollWidth, window.innerWidth]")


def fact_row(page: Any, label: str) -> Any:
    """The row of a deployment page's facts table whose heading is `label` (a regular expression)."""
    return page.locator("table.facts tr", has=page.locator("th", has_text=re.compile(f"^{label}$")))


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
