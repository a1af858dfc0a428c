"""A contributor's own submissions page, and the reviewer's decision on the deployment it made."""

from __future__ import annotations

from tests.portal.test_review_pages import sign_in, site  # noqa: F401  (site is a fixture)

KISUMU = {
    "country": "KEN", "city": "Kisumu", "technologies": ["video_surveillance"], "status": "planned",
    "year": "2023", "supplier_0": "Hikvision", "supplier_role_0": "supplier",
    "source_url": "https://news.example.org/2023/kisumu", "source_title": "Kisumu plans cameras"}
KISUMU_ID = "ken-kisumu-hikvision-video_surveillance"


def test_a_contributor_follows_their_submission(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, _ = site
    assert client.get("/contribute/mine", follow_redirects=False).status_code == 303  # sign in first
    token = sign_in(client, "carol")
    assert "You have not sent a contribution yet." in client.get("/contribute/mine").text
    sent = client.post("/contribute", data={"csrf_token": token, **KISUMU}, follow_redirects=False)
    assert sent.status_code == 303
    assert 'href="/contribute/mine"' in client.get(sent.headers["location"]).text
    waiting = client.get("/contribute/mine").text
    assert "KEN · video_surveillance · Hikvision" in waiting and "Waiting for a reviewer" in waiting
    client.post("/logout", data={"csrf_token": token})

    token = sign_in(client, "rita")
    client.post("/review/contributions/1", data={"csrf_token": token, "decision": "accept",
                                                 "note": "The county confirmed it."})
    assert "You have not sent a contribution yet." in client.get("/contribute/mine").text  # rita sent none
    deployment = client.get(f"/deployments/{KISUMU_ID}").text
    assert "No review decision is recorded" not in deployment
    assert "accepted (contribution 1) by rita" in deployment and "The county confirmed it." in deployment
    client.post("/logout", data={"csrf_token": token})

    sign_in(client, "carol")
    decided = client.get("/contribute/mine").text
    assert "Accepted by rita" in decided and "The county confirmed it." in decided
    assert f'href="/deployments/{KISUMU_ID}"' in decided
