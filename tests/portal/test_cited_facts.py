"""A deployment page cites each fact where it stands and names the record in words."""

from __future__ import annotations

import re

from oversight.publish.labels import deployment_title
from tests.api.conftest import API


def test_every_fact_links_to_the_sources_that_support_it(client) -> None:  # type: ignore[no-untyped-def]
    deployment = client.get(f"{API}/deployments/ken-nairobi-safe-city").json()
    page = client.get("/deployments/ken-nairobi-safe-city").text
    anchors = set(re.findall(r'<li id="source-(\d+)">', page))
    assert anchors == {str(n) for n in range(1, len(deployment["sources"]) + 1)}
    for number, source in enumerate(deployment["sources"], start=1):
        if "status" in source["supports"]:
            status_row = re.search(r'<th scope="row">Status</th><td>(.*?)</td></tr>', page, re.S)[1]
            assert f'href="#source-{number}"' in status_row
    assert all(ref in anchors for ref in re.findall(r'href="#source-(\d+)"', page))


def test_page_is_titled_in_words_and_keeps_the_id(client) -> None:  # type: ignore[no-untyped-def]
    deployment = client.get(f"{API}/deployments/ken-nairobi-safe-city").json()
    page = client.get("/deployments/ken-nairobi-safe-city").text
    title = deployment_title(deployment)
    assert f"<h1>{title}</h1>" in page and "ken-nairobi-safe-city</code>" in page
    assert "publisher" in page and "on a scale from 0 to 1" in page


def test_titles_read_as_technology_place_and_suppliers() -> None:
    dep = {"country": "KEN", "city": "Nairobi; Mombasa", "technologies": ["video_surveillance", "safe_city"],
           "suppliers": [{"name": "Huawei", "role": "supplier"}, {"name": "Safaricom", "role": "integrator"},
                         {"name": "China Exim Bank", "role": "financier"}]}
    assert deployment_title(dep) == "Safe city, Nairobi and Mombasa — Huawei, Safaricom"
    assert deployment_title({"country": "UGA", "technologies": ["facial_recognition"], "suppliers": []}) == (
        "Facial recognition, Uganda — supplier not named")


def test_audit_history_names_files_not_server_paths(client) -> None:  # type: ignore[no-untyped-def]
    history = client.get(f"{API}/deployments/ken-nairobi-safe-city").json()["history"]
    notes = [entry["note"] for entry in history]
    assert notes and not any("/" in (note or "") for note in notes)


def test_lists_read_in_names_sorted_by_name(client) -> None:  # type: ignore[no-untyped-def]
    page = client.get("/countries").text
    names = re.findall(r'<th scope="row"><a href="/countries/[A-Z]{3}">([^<]+)</a></th>', page)
    assert names == sorted(names) and len(names) > 2
    assert "China" in page  # supplier home countries by name, not code


def test_vendors_without_deployments_are_behind_a_filter(client) -> None:  # type: ignore[no-untyped-def]
    organisations = client.get(f"{API}/organisations").json()
    idle = [o["name"] for o in organisations if not o["deployments"]]
    active = client.get("/vendors").text
    everyone = client.get("/vendors?show=all").text
    assert idle and all(f">{name}</a></th>" not in active for name in idle)
    assert all(f">{name}</a></th>" in everyone for name in idle)
    assert client.get("/vendors?show=some").status_code == 422


def test_search_page_and_api_give_the_same_answer(client) -> None:  # type: ignore[no-untyped-def]
    api = client.get(f"{API}/search", params={"q": "safe city kenya"}).json()
    page = client.get("/search", params={"q": "safe city kenya"}).text
    assert api["understood"]["country"] == ["KEN"] and api["understood"]["technology"] == ["safe_city"]
    assert api["total"] >= 1 and all(f'/deployments/{d["id"]}"' in page for d in api["deployments"])
    assert 'id="understood"' in page and "Kenya" in page
    typo = client.get(f"{API}/search", params={"q": "hikvsion"}).json()
    assert [o["name"] for o in typo["organisations"]] == ["Hikvision"] and typo["total"] >= 1
    assert client.get("/search", params={"q": "hikvsion", "page": 99}).status_code == 422
    assert client.get(f"{API}/search").status_code == 422


def test_suppliers_link_to_the_sources_that_name_them(client) -> None:  # type: ignore[no-untyped-def]
    deployment = client.get(f"{API}/deployments/ken-nairobi-safe-city").json()
    page = client.get("/deployments/ken-nairobi-safe-city").text
    caption = re.search(r'id="suppliers-table">\s*<caption>(.*?)</caption>', page, re.S)[1]
    naming = [n for n, s in enumerate(deployment["sources"], start=1) if "suppliers" in s["supports"]]
    assert naming and re.findall(r'href="#source-(\d+)"', caption) == [str(n) for n in naming]
