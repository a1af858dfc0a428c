"""The review pages with a real session: sign in, see the queue with highlighted evidence,
accept a proposal (it then exists in the registry and on its country page), contribute a
deployment and have it accepted; every form labelled and carrying its CSRF token."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest

from oversight.accounts import sessions
from oversight.api import create_app
from oversight.app import Registry
from oversight.store import queries
from tests.accounts.people import KAMPALA, PASSWORDS, add_claims, add_people
from tests.api.conftest import TestClient

FIXTURES = Path(__file__).parents[1] / "fixtures"


@pytest.fixture
def site(tmp_path: Path) -> Iterator[tuple[TestClient, Registry]]:
    registry = Registry(f"sqlite:///{tmp_path / 'portal.db'}")
    registry.load([FIXTURES])
    add_claims(registry)
    add_people(registry)
    with TestClient(create_app(registry)) as client:
        yield client, registry
    registry.engine.dispose()


def sign_in(client: TestClient, name: str) -> str:
    """Sign in through the form; returns the CSRF token the pages carry."""
    response = client.post("/login", data={"name": name, "password": PASSWORDS[name]}, follow_redirects=False)
    assert response.status_code == 303, response.text
    return csrf_of(client.get("/contribute").text)


def csrf_of(html: str) -> str:
    match = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert match, "no csrf_token field on the page"
    return match.group(1)


class Controls(HTMLParser):
    """Form controls that need a label, and the ids labels point at (or controls inside labels)."""

    def __init__(self) -> None:
        super().__init__()
        self.unlabelled: list[str] = []
        self.ids: list[str] = []
        self.label_for: set[str] = set()
        self.in_label = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "label":
            self.in_label += 1
            if a.get("for"):
                self.label_for.add(a["for"] or "")
        elif tag in ("input", "select", "textarea") and a.get("type") not in ("hidden", "submit"):
            if self.in_label:
                return
            if a.get("id"):
                self.ids.append(a["id"] or "")
            else:
                self.unlabelled.append(str(a.get("name")))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.in_label -= 1


def assert_labelled(html: str) -> None:
    controls = Controls()
    controls.feed(html)
    assert controls.unlabelled == []
    assert [i for i in controls.ids if i not in controls.label_for] == []


def test_sign_in_errors_do_not_tell_which_part_was_wrong(site) -> None:  # type: ignore[no-untyped-def]
    client, _ = site
    page = client.get("/login")
    assert page.status_code == 200 and 'type="password"' in page.text
    assert_labelled(page.text)
    wrong_password = client.post("/login", data={"name": "rita", "password": "not-her-password"})
    unknown_name = client.post("/login", data={"name": "nobody", "password": "not-her-password"})
    assert wrong_password.status_code == unknown_name.status_code == 401
    assert "Wrong name or password." in wrong_password.text and "Wrong name or password." in unknown_name.text
    assert wrong_password.text.replace("rita", "nobody") == unknown_name.text
    assert sessions.COOKIE not in client.cookies


def test_session_cookie_flags_and_sign_out(site) -> None:  # type: ignore[no-untyped-def]
    client, _ = site
    response = client.post("/login", data={"name": "rita", "password": PASSWORDS["rita"], "next": "/review"},
                           follow_redirects=False)
    assert response.headers["location"] == "/review"
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie  # http here
    token = csrf_of(client.get("/review").text)
    assert client.post("/logout").status_code == 403  # no CSRF token: refused
    out = client.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert out.status_code == 303 and sessions.COOKIE not in client.cookies
    assert client.get("/review", follow_redirects=False).status_code == 303


def test_next_cannot_leave_the_site(site) -> None:  # type: ignore[no-untyped-def]
    client, _ = site
    for target in ("https://evil.example.com/", "//evil.example.com/"):
        client.cookies.clear()
        response = client.post("/login", follow_redirects=False,
                               data={"name": "carol", "password": PASSWORDS["carol"], "next": target})
        assert response.headers["location"] == "/contribute"


def test_queue_needs_a_reviewer(site) -> None:  # type: ignore[no-untyped-def]
    client, _ = site
    anonymous = client.get("/review", follow_redirects=False)
    assert anonymous.status_code == 303 and anonymous.headers["location"] == "/login?next=/review"
    sign_in(client, "carol")
    refused = client.get("/review")
    assert refused.status_code == 403 and "needs the reviewer role" in refused.text


def test_reviewer_accepts_a_proposal(site) -> None:  # type: ignore[no-untyped-def]
    client, registry = site
    sign_in(client, "rita")
    queue = client.get("/review")
    assert queue.status_code == 200
    assert f"<mark>{KAMPALA.replace(chr(39), '&#39;')}</mark>" in queue.text  # the evidence, escaped
    assert 'href="https://news.example.org/wire-1"' in queue.text and 'datetime="2019-05-01"' in queue.text
    proposal = next(p for p in registry.proposals() if p["vendor"] == "Huawei")
    page = client.get(f"/review/{proposal['id']}")
    assert page.status_code == 200 and page.text.count('name="csrf_token"') >= 4  # 3 decisions + sign out
    assert_labelled(page.text)
    for label in ("Accept as it stands", "Save edits and accept", "Reject"):
        assert f'<button type="submit">{label}</button>' in page.text
    decided = client.post(f"/review/{proposal['id']}", data={
        "csrf_token": csrf_of(page.text), "decision": "accept", "note": "Checked the source."},
        follow_redirects=False)
    assert decided.status_code == 303, decided.text
    deployment_id = "uga-huawei-video_surveillance"
    assert deployment_id in decided.headers["location"]
    with registry.session() as session:
        assert queries.deployment(session, deployment_id)["review_state"] == "accepted"
    assert "was accepted" in client.get(decided.headers["location"]).text
    country = client.get("/countries/UGA")
    assert country.status_code == 200 and deployment_id in country.text
    deployment_page = client.get(f"/deployments/{deployment_id}").text
    assert f"<mark>{KAMPALA.replace(chr(39), '&#39;')}</mark>" in deployment_page  # the accepted evidence
    assert 'href="https://news.example.org/wire-1"' in deployment_page
    [span] = client.get(f"/api/v1/deployments/{deployment_id}").json()["evidence"]
    assert span["text"] == KAMPALA and span["published"] == "2019-05-01"
    assert span["start"] == len("Report 1. ")


def test_edit_with_a_bad_value_shows_the_error(site) -> None:  # type: ignore[no-untyped-def]
    client, registry = site
    token = sign_in(client, "rita")
    proposal = next(p for p in registry.proposals() if p["vendor"] == "ZTE")
    response = client.post(f"/review/{proposal['id']}", data={
        "csrf_token": token, "decision": "edit", "year": "twenty", "country": "ZMB"})
    assert response.status_code == 422 and "The year must be a number" in response.text
    assert 'name="year" value="twenty"' in response.text
    edited = client.post(f"/review/{proposal['id']}", data={
        "csrf_token": token, "decision": "edit", "country": "ZMB", "status": "operational", "city": "Ndola",
        "technology": "safe_city", "vendor": "ZTE", "year": "2020"}, follow_redirects=False)
    assert edited.status_code == 303
    with registry.session() as session:
        assert queries.deployment(session, "zmb-zte-safe_city")["city"] == "Ndola"


def test_contribute_then_review(site) -> None:  # type: ignore[no-untyped-def]
    client, registry = site
    token = sign_in(client, "carol")
    form_page = client.get("/contribute")
    assert form_page.status_code == 200
    assert_labelled(form_page.text)
    bad = client.post("/contribute", data={"csrf_token": token, "country": "KEN", "status": "planned",
                                           "source_url": "not a url", "year": "soon"})
    assert bad.status_code == 422
    assert re.search(r'id="source_url-error">[^<]*should start with https://', bad.text)  # plain words
    assert re.search(r'id="year-error">Write the year as 2021', bad.text)
    assert re.search(r'id="technologies-error">Tick at least one technology.', bad.text)
    assert 'value="not a url"' in bad.text  # what was typed is kept
    good = client.post("/contribute", data={
        "csrf_token": token, "country": "KEN", "city": "Kisumu", "technologies": ["video_surveillance"],
        "status": "planned", "year": "2023", "supplier_0": "Hikvision", "supplier_role_0": "supplier",
        "buyer": "Kisumu County", "description": "Cameras planned for the city centre.",
        "source_url": "https://news.example.org/2023/kisumu", "source_title": "Kisumu plans cameras",
        "source_publisher": "Example News", "source_published": "2023-02-01"}, follow_redirects=False)
    assert good.status_code == 303
    assert "waiting for a reviewer" in client.get(good.headers["location"]).text
    client.post("/logout", data={"csrf_token": token})

    token = sign_in(client, "rita")
    queue = client.get("/review").text
    assert "Contribution 1" in queue and "Kisumu plans cameras" in queue
    page = client.get("/review/contributions/1")
    assert page.status_code == 200 and "Hikvision (supplier)" in page.text
    assert_labelled(page.text)
    accepted = client.post("/review/contributions/1", data={"csrf_token": token, "decision": "accept"},
                           follow_redirects=False)
    assert accepted.status_code == 303
    with registry.session() as session:
        found = queries.deployment(session, "ken-kisumu-hikvision-video_surveillance")
    assert found["announced"] == "2023" and found["sources"][0]["title"] == "Kisumu plans cameras"


def test_a_second_decision_on_a_proposal_is_refused(site) -> None:  # type: ignore[no-untyped-def]
    client, registry = site
    token = sign_in(client, "rita")
    proposal = next(p for p in registry.proposals() if p["vendor"] == "Huawei")
    first = client.post(f"/review/{proposal['id']}", data={"csrf_token": token, "decision": "accept"},
                        follow_redirects=False)
    assert first.status_code == 303
    second = client.post(f"/review/{proposal['id']}", data={"csrf_token": token, "decision": "reject"},
                         follow_redirects=False)
    assert second.status_code == 409 and "was already accepted by rita" in second.text
    assert "uga-huawei-video_surveillance" in client.get("/countries/UGA").text
