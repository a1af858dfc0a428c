"""The review queue at scale: filters and pages, and a proposal that repeats a registry
deployment shown beside it, merged into it instead of duplicated."""

from __future__ import annotations

from oversight.app import Registry
from oversight.store import queries
from tests.portal.test_review_pages import assert_labelled, sign_in, site  # noqa: F401  (site: a fixture)

ZMB_ONLY = {"country": "ZMB"}


def add_many_claims(registry: Registry, count: int) -> None:
    """`count` proposals, one per made-up supplier in Ghana, each from its own document."""
    for n in range(count):
        text = f"Ghana's police bought cameras from Vendor{n:02d} Systems."
        registry.save_extraction(
            {"hash": f"{1000 + n:064x}", "doc_id": f"bulk-{n}", "url": f"https://news.example.org/bulk-{n}",
             "title": f"Bulk report {n}", "published": "2022-01-01", "language": "en"},
            [{"country": "GHA", "vendor": f"Vendor{n:02d} Systems", "technology": "video_surveillance",
              "status": "operational", "year": 2022, "city": "Accra", "confidence": 0.6,
              "evidence": {"start": 0, "end": len(text), "text": text}, "extractor": "oversight-extract-v1"}])


def proposal_headings(html: str) -> int:
    return html.count('<section class="proposal"')


def test_filters_narrow_the_queue(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, _ = site
    sign_in(client, "rita")
    everything = client.get("/review")
    assert proposal_headings(everything.text) == 2
    assert_labelled(everything.text)
    zambia = client.get("/review", params=ZMB_ONLY).text
    assert proposal_headings(zambia) == 1 and "ZMB · ZTE · safe_city" in zambia
    assert '<option value="ZMB" selected>' in zambia  # the form shows what is applied
    assert proposal_headings(client.get("/review", params={"vendor": "huawei"}).text) == 1
    assert proposal_headings(client.get("/review", params={"technology": "safe_city"}).text) == 1
    none = client.get("/review", params={"min_confidence": 0.9}).text
    assert proposal_headings(none) == 0 and "No open proposals match these filters" in none
    assert client.get("/review", params={"min_confidence": 2}).status_code == 422
    # The form as a browser submits it: every field, "Any" as an empty value.
    submitted = client.get("/review", params={"country": "ZMB", "vendor": "", "technology": "",
                                              "min_confidence": ""})
    assert submitted.status_code == 200 and proposal_headings(submitted.text) == 1


def test_the_queue_comes_a_page_at_a_time(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, registry = site
    add_many_claims(registry, 25)
    sign_in(client, "rita")
    first = client.get("/review", params={"country": "GHA"}).text
    assert "Extracted proposals (25)" in first and proposal_headings(first) == 20
    assert "Page 1 of 2" in first and 'href="/review?country=GHA&amp;page=2" rel="next"' in first
    second = client.get("/review", params={"country": "GHA", "page": 2}).text
    assert proposal_headings(second) == 5 and 'rel="prev"' in second
    assert client.get("/review", params={"country": "GHA", "page": 3}).status_code == 422


def test_a_repeated_deployment_is_shown_and_merged(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, registry = site
    token = sign_in(client, "rita")
    huawei = next(p for p in registry.proposals() if p["vendor"] == "Huawei")
    queue = client.get("/review").text
    # the registry's uga-kampala-cctv names its supplier 华为, an alias of Huawei
    assert "Possible duplicate" in queue and 'href="/deployments/uga-kampala-cctv"' in queue
    page = client.get(f"/review/{huawei['id']}")
    assert '<button type="submit">Merge</button>' in page.text and 'value="uga-kampala-cctv"' in page.text
    assert_labelled(page.text)
    wrong = client.post(f"/review/{huawei['id']}", data={
        "csrf_token": token, "decision": "merge", "deployment": "zmb-lusaka-safe-city"})
    assert wrong.status_code == 422 and "does not have this proposal" in wrong.text
    merged = client.post(f"/review/{huawei['id']}", data={
        "csrf_token": token, "decision": "merge", "deployment": "uga-kampala-cctv", "note": "Same network."},
        follow_redirects=False)
    assert merged.status_code == 303 and "decision=merged" in merged.headers["location"]
    assert f"Proposal {huawei['id']} was merged as deployment uga-kampala-cctv." in client.get(
        merged.headers["location"]).text
    with registry.session() as session:
        kampala = queries.deployment(session, "uga-kampala-cctv")
        assert "https://news.example.org/wire-1" in [s["url"] for s in kampala["sources"]]
        assert [r["decision"] for r in kampala["review"]] == ["merged"]
        assert [e["doc_id"] for e in kampala["evidence"]] == ["wire-1"]
    assert "uga-huawei-video_surveillance" not in client.get("/countries/UGA").text  # no duplicate
    assert proposal_headings(client.get("/review").text) == 1  # decided, so off the queue


def test_pending_contributions_follow_the_country_filter(site) -> None:  # type: ignore[no-untyped-def]  # noqa: F811
    client, _ = site
    token = sign_in(client, "carol")
    client.post("/contribute", data={
        "csrf_token": token, "country": "KEN", "technologies": ["safe_city"], "status": "planned",
        "source_url": "https://news.example.org/2024/kenya", "source_title": "Kenya plans a safe city"})
    client.post("/logout", data={"csrf_token": token})
    sign_in(client, "rita")
    assert "Kenya plans a safe city" in client.get("/review", params={"country": "KEN"}).text
    assert "Kenya plans a safe city" not in client.get("/review", params=ZMB_ONLY).text
    faces = client.get("/review", params={"technology": "facial_recognition"}).text
    assert "Kenya plans a safe city" not in faces
