"""GET /api/v1/proposals filtered and paged, `same_key`, and the `merge` decision."""

from __future__ import annotations

from tests.api.conftest import API, TestClient, error_of
from tests.api.test_review_api import reviewer  # noqa: F401  (a fixture)


def _ids(client: TestClient, **params: object) -> list[str]:
    response = client.get(f"{API}/proposals", params=params)
    assert response.status_code == 200, response.text
    return [p["vendor"] for p in response.json()]


def test_proposals_filter_and_page(reviewer) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, _ = reviewer
    assert _ids(client, country="ZMB") == ["ZTE"]
    assert _ids(client, vendor="hua") == ["Huawei"]
    assert _ids(client, technology="safe_city") == ["ZTE"]
    assert _ids(client, min_confidence=0.9) == []
    both = _ids(client)
    assert _ids(client, limit=1) + _ids(client, limit=1, offset=1) == both
    unknown = client.get(f"{API}/proposals", params={"technology": "telepathy"})
    assert error_of(unknown)["field"] == "technology"
    assert error_of(client.get(f"{API}/proposals", params={"limit": 0}))["field"] == "limit"


def test_same_key_names_the_existing_deployment(reviewer) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, _ = reviewer
    by_vendor = {p["vendor"]: p for p in client.get(f"{API}/proposals").json()}
    assert by_vendor["Huawei"]["same_key"] == ["uga-kampala-cctv"]  # supplier 华为, an alias of Huawei
    assert by_vendor["ZTE"]["same_key"] == []
    detail = client.get(f"{API}/proposals/{by_vendor['Huawei']['id']}").json()
    assert detail["same_key"] == ["uga-kampala-cctv"]


def test_merge_adds_the_documents_to_the_deployment(reviewer) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, _ = reviewer
    huawei = next(p for p in client.get(f"{API}/proposals").json() if p["vendor"] == "Huawei")
    url = f"{API}/proposals/{huawei['id']}/decision"
    missing = client.post(url, json={"decision": "merge"})
    assert missing.status_code == 422 and error_of(missing)["field"] == "deployment"
    elsewhere = client.post(url, json={"decision": "merge", "deployment": "zmb-zte-safe_city"})
    assert elsewhere.status_code == 422 and error_of(elsewhere)["field"] == "deployment"
    merged = client.post(url, json={"decision": "merge", "deployment": "uga-kampala-cctv", "note": "Same."})
    assert merged.json() == {"proposal": huawei["id"], "decision": "merged", "deployment": "uga-kampala-cctv"}
    kampala = client.get(f"{API}/deployments/uga-kampala-cctv").json()
    assert "https://news.example.org/wire-1" in [s["url"] for s in kampala["sources"]]
    assert client.get(f"{API}/deployments/uga-huawei-video_surveillance").status_code == 404
    decided = client.get(f"{API}/proposals", params={"state": "merged"}).json()
    assert [p["vendor"] for p in decided] == ["Huawei"]
    again = client.post(url, json={"decision": "merge", "deployment": "uga-kampala-cctv"})
    assert again.status_code == 409
