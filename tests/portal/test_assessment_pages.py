"""The assessment in the portal: a deployment's scorecard, and /assess for a described one."""

from __future__ import annotations

from tests.api.conftest import API


def test_deployment_page_leads_with_the_range_of_classes(client) -> None:  # type: ignore[no-untyped-def]
    deployment = client.get(f"{API}/deployments?technology=facial_recognition").json()["items"][0]
    page = client.get(f"/deployments/{deployment['id']}").text
    card = client.get(f"{API}/deployments/{deployment['id']}/assessment").json()
    assert card["ai_act"]["headline"] in page
    assert f"/deployments/{deployment['id']}/assessment" in page
    full = client.get(f"/deployments/{deployment['id']}/assessment")
    assert full.status_code == 200 and "Evidence that is missing" in full.text


def test_assess_form_scores_a_described_deployment(client) -> None:  # type: ignore[no-untyped-def]
    description = ("country: DEU\ntechnologies: [facial_recognition]\npurpose: law_enforcement\n"
                   "biometric: true\nremote: true\nreal_time: true\npublicly_accessible_space: true\n"
                   "uses: [identification]\nauthorisation: none\nexception: none\n")
    page = client.post("/assess", data={"description": description})
    assert page.status_code == 200
    assert "Prohibited" in page.text and "Art. 5(1)(h)" in page.text
    api = client.post(f"{API}/assess", json={"country": "DEU", "uses": ["scraping"]}).json()
    assert api["ai_act"]["class"] == "prohibited"


def test_assess_form_explains_problems_next_to_the_field(client) -> None:  # type: ignore[no-untyped-def]
    page = client.post("/assess", data={"description": "country: Germany\nreal_time: perhaps\n"})
    assert page.status_code == 422
    assert 'id="description-problems"' in page.text and "Line 1, field country" in page.text
    assert client.post("/assess", data={"description": " "}).status_code == 422
    bad = client.post(f"{API}/assess", json={"country": "DEU", "colour": "red"})
    assert bad.status_code == 422 and bad.json()["error"]["field"]


def test_unknown_deployment_assessment_is_404(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get(f"{API}/deployments/no-such-deployment/assessment").status_code == 404
    assert client.get("/deployments/no-such-deployment/assessment").status_code == 404
