"""Admins edit a published record at once, through the correction path: same validation, the
edit kept as an accepted contribution with its note, in the audit log and the record's history."""

from __future__ import annotations

from oversight.store import audit, queries
from tests.portal.test_corrections import NAIROBI, record_text
from tests.portal.test_review_pages import sign_in, site  # noqa: F401  (site is a fixture)


def test_only_admins_may_edit(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, _ = site
    sign_in(client, "rita")
    assert client.get(f"/deployments/{NAIROBI}/edit").status_code == 403
    assert f"/deployments/{NAIROBI}/edit" not in client.get(f"/deployments/{NAIROBI}").text


def test_an_admin_edit_is_applied_and_audited(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, registry = site
    token = sign_in(client, "adam")
    assert f'href="/deployments/{NAIROBI}/edit"' in client.get(f"/deployments/{NAIROBI}").text
    text = record_text(client.get(f"/deployments/{NAIROBI}/edit").text)
    no_note = client.post(f"/deployments/{NAIROBI}/edit", data={"csrf_token": token, "record": text})
    assert no_note.status_code == 422 and "Say what you changed and why" in no_note.text
    invalid = client.post(f"/deployments/{NAIROBI}/edit", data={
        "csrf_token": token, "record": text.replace("status: operational", "status: humming"), "note": "x"})
    assert invalid.status_code == 422 and "Field status" in invalid.text
    with registry.session() as session:
        assert queries.deployment(session, NAIROBI)["status"] == "operational"  # nothing half-written
    saved = client.post(f"/deployments/{NAIROBI}/edit", follow_redirects=False, data={
        "csrf_token": token, "record": text.replace("status: operational", "status: cancelled"),
        "note": "The fixture's source says the system was cancelled."})
    assert saved.status_code == 303, saved.text
    page = client.get(saved.headers["location"]).text
    assert "accepted (contribution 1) by adam" in page and "admin edit: The fixture" in page
    with registry.session() as session:
        assert queries.deployment(session, NAIROBI)["status"] == "cancelled"
        actions = [e["action"] for e in audit.history(session, "contribution", "1")]
    assert actions == ["contribute", "accept"]
    assert NAIROBI in client.get("/corrections").text
