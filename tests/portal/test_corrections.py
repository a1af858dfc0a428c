"""Corrections: a contributor proposes a record as it should read; a reviewer accepts it; the
record changes through the loader and the corrections page lists it."""

from __future__ import annotations

import re
from html import unescape

from oversight.store import queries
from tests.portal.test_review_pages import sign_in, site  # noqa: F401  (site is a fixture)

NAIROBI = "ken-nairobi-safe-city"


def record_text(html: str) -> str:
    return unescape(re.search(r'<textarea id="record"[^>]*>(.*?)</textarea>', html, re.S)[1])


def test_a_correction_replaces_the_record_once_reviewed(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, registry = site
    assert client.get(f"/deployments/{NAIROBI}/correct", follow_redirects=False).status_code == 303  # sign in
    token = sign_in(client, "carol")
    text = record_text(client.get(f"/deployments/{NAIROBI}/correct").text)
    assert f"id: {NAIROBI}" in text and "sources:" in text
    corrected = text.replace("status: operational", "status: cancelled") + (
        "- url: https://news.example.org/2026/nairobi-cancelled\n  title: Nairobi cameras switched off\n"
        "  publisher: Example News\n  published: '2026-03-01'\n  supports: [status]\n")
    sent = client.post(f"/deployments/{NAIROBI}/correct", follow_redirects=False, data={
        "csrf_token": token, "record": corrected, "note": "The ministry cancelled the contract in 2026."})
    assert sent.status_code == 303, sent.text
    client.post("/logout", data={"csrf_token": token})

    token = sign_in(client, "rita")
    page = client.get("/review/contributions/1").text
    assert f"correction of {NAIROBI}" in page and 'id="correction-changes"' in page
    assert "Save edits and accept" not in page  # the short form would drop the record's sources
    with registry.session() as session:
        before = queries.deployment(session, NAIROBI)
    client.post("/review/contributions/1", data={"csrf_token": token, "decision": "accept"})
    with registry.session() as session:
        after = queries.deployment(session, NAIROBI)
    assert after["status"] == "cancelled" and len(after["sources"]) == len(before["sources"]) + 1
    assert [s["name"] for s in after["suppliers"]] == [s["name"] for s in before["suppliers"]]
    assert NAIROBI in client.get("/corrections").text


def test_a_correction_must_keep_its_id_and_explain_itself(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, _ = site
    token = sign_in(client, "carol")
    text = record_text(client.get(f"/deployments/{NAIROBI}/correct").text)
    moved = client.post(f"/deployments/{NAIROBI}/correct", data={
        "csrf_token": token, "record": text.replace(f"id: {NAIROBI}", "id: somewhere-else"), "note": "x"})
    assert moved.status_code == 422 and "Keep the line id" in moved.text
    silent = client.post(f"/deployments/{NAIROBI}/correct", data={"csrf_token": token, "record": text})
    assert silent.status_code == 422 and "Say what is wrong" in silent.text
    bomb = client.post(f"/deployments/{NAIROBI}/correct", data={
        "csrf_token": token, "record": "a: &a [1, 2]\nb: [*a, *a]\n", "note": "x"})
    assert bomb.status_code == 422 and "aliases" in bomb.text
    bad = client.post(f"/deployments/{NAIROBI}/correct", data={
        "csrf_token": token, "record": text.replace("status: operational", "status: rumoured"), "note": "x"})
    assert bad.status_code == 422 and "Field status" in bad.text
