"""Loading and querying against a real database: SQLite always, PostgreSQL in CI."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from oversight.app import Registry
from oversight.errors import LoadError, NotFound
from oversight.store import queries
from oversight.store.models import Deployment, Organisation, Source
from oversight.store.queries import DeploymentFilter
from tests.conftest import FIXTURES


def table_counts(registry: Registry) -> tuple[int, int, int]:
    with registry.session() as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model))
            for model in (Deployment, Organisation, Source)
        )


def test_load_creates_everything(loaded: Registry) -> None:
    assert table_counts(loaded) == (4, 7 + 4, 5)  # 4 buyer agencies created from deployments


def test_loading_twice_changes_nothing(loaded: Registry) -> None:
    with loaded.session() as session:
        before = {d.id: d.updated_at for d in session.scalars(select(Deployment))}
    report = loaded.load([FIXTURES / "organisations.yaml", FIXTURES / "deployments.yaml"])
    assert report.created == {} and report.updated == {}
    assert report.unchanged == {"organisation": 7, "deployment": 4}
    with loaded.session() as session:
        after = {d.id: d.updated_at for d in session.scalars(select(Deployment))}
    assert before == after


def test_a_file_with_one_bad_row_writes_nothing(registry: Registry, tmp_path: Path) -> None:
    bad = tmp_path / "deployments.yaml"
    text = (FIXTURES / "deployments.yaml").read_text().replace("status: pilot", "status: rumoured")
    bad.write_text(text)
    with pytest.raises(LoadError) as error:
        registry.load([FIXTURES / "organisations.yaml", bad])
    assert [p.field for p in error.value.problems] == ["status"]
    assert "deployments.yaml:" in str(error.value.problems[0])
    assert table_counts(registry) == (0, 0, 0)


def test_changed_record_is_updated_and_evidence_kept(loaded: Registry, tmp_path: Path) -> None:
    changed = tmp_path / "deployments.yaml"
    changed.write_text(
        "deployments:\n"
        "  - id: gbr-london-lfr\n    country: GBR\n    city: London\n"
        "    buyer: Metropolitan Police Service\n"
        "    suppliers: [{organisation: NEC}]\n    technologies: [facial_recognition]\n"
        "    status: operational\n    started: 2016-08\n"
        "    sources: [{url: 'https://news.example.org/2020/london-live', publisher: Example Daily,"
        " supports: [status]}]\n"
    )
    report = loaded.load([changed])
    assert report.updated == {"deployment": 1}
    with loaded.session() as session:
        dep = queries.deployment(session, "gbr-london-lfr")
    assert dep["status"] == "operational"
    assert [s["url"] for s in dep["sources"]] == [
        "https://news.example.org/2019/london-trials",
        "https://news.example.org/2020/london-live",
    ]


def test_sources_file_attaches_evidence(loaded: Registry, tmp_path: Path) -> None:
    path = tmp_path / "sources.csv"
    path.write_text("deployment,url,publisher,supports\n"
                    "uga-kampala-cctv,https://ngo.example.org/report,Example NGO,status; city\n")
    loaded.load([path])
    with loaded.session() as session:
        dep = queries.deployment(session, "uga-kampala-cctv")
    assert dep["sources"][-1] == {
        "url": "https://ngo.example.org/report", "title": None, "publisher": "Example NGO",
        "published": None, "undated_reason": None, "date_from": None, "language": None,
        "supports": ["city", "status"],
    }


def ids(registry: Registry, **filters: object) -> list[str]:
    return [d["id"] for d in registry.deployment_records(DeploymentFilter(**filters))]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({}, ["ecu-national-ecu911", "gbr-london-lfr", "ken-nairobi-safe-city", "uga-kampala-cctv"]),
        ({"country": ["ken"]}, ["ken-nairobi-safe-city"]),
        ({"vendor": ["Huawei Technologies"]}, ["ken-nairobi-safe-city", "uga-kampala-cctv"]),
        ({"vendor": ["华为"], "technology": ["facial_recognition"]}, ["uga-kampala-cctv"]),
        ({"vendor_country": ["JPN"]}, ["gbr-london-lfr"]),
        ({"technology": ["safe_city"], "status": ["cancelled"]}, ["ecu-national-ecu911"]),
        ({"since": 2015, "until": 2016}, ["gbr-london-lfr", "ken-nairobi-safe-city"]),
        ({"q": "command centre"}, ["ken-nairobi-safe-city"]),
        ({"q": "nec"}, ["gbr-london-lfr"]),
        ({"q": "uganda police"}, ["uga-kampala-cctv"]),
        ({"vendor": ["Nobody Inc"]}, []),
    ],
)
def test_filters(loaded: Registry, filters: dict[str, object], expected: list[str]) -> None:
    assert ids(loaded, **filters) == expected


def test_financier_is_not_a_supplier_country(loaded: Registry) -> None:
    assert ids(loaded, vendor_country=["CHN"]) == [
        "ecu-national-ecu911", "ken-nairobi-safe-city", "uga-kampala-cctv"]


def test_sort_and_page(loaded: Registry) -> None:
    rows = loaded.deployment_records(sort="-year", limit=2, offset=1)
    assert [r["id"] for r in rows] == ["gbr-london-lfr", "ken-nairobi-safe-city"]
    with pytest.raises(ValueError, match="cannot sort"):
        loaded.deployment_records(sort="description")


def test_show_deployment(loaded: Registry) -> None:
    with loaded.session() as session:
        dep = queries.deployment(session, "uga-kampala-cctv")
        with pytest.raises(NotFound):
            queries.deployment(session, "nowhere")
    assert dep["suppliers"] == [
        {"name": "Huawei", "role": "supplier", "country": "CHN", "lists": []},
        {"name": "China Exim Bank", "role": "financier", "country": "CHN", "lists": []},
    ]
    assert dep["buyer"] == "Uganda Police Force"
    assert dep["country_name"] == "Uganda"


def test_organisation_view(loaded: Registry) -> None:
    with loaded.session() as session:
        hik = queries.organisation(session, "HIKVISION")
        cetc = queries.organisation(session, "cetc")
        police = queries.organisation(session, "Uganda Police Force")
    assert hik["parent"] == "CETC" and hik["subsidiaries"] == ["Ezviz"]
    assert hik["countries_reached"] == ["ECU"]
    assert cetc["subsidiaries"] == ["Hikvision"]
    assert police["kind"] == "buyer_agency" and [d["id"] for d in police["deployments"]] == [
        "uga-kampala-cctv"]


def test_vendors_and_countries(loaded: Registry) -> None:
    with loaded.session() as session:
        vendors = {o["name"]: o for o in queries.organisations(session)}
        countries = {c["country"]: c for c in queries.countries(session)}
        kenya = queries.country(session, "ken")
    assert vendors["Huawei"]["deployments"] == 2
    assert vendors["Huawei"]["countries_reached"] == ["KEN", "UGA"]
    assert "National Police Service" not in vendors
    assert countries["UGA"]["with_chinese_supplier"] == 1
    assert countries["GBR"]["supplier_countries"] == ["JPN"]
    assert kenya["sources"][0]["url"] == "https://news.example.org/2015/nairobi-cameras"
    assert kenya["suppliers"][0]["name"] == "Huawei"


def test_stats(loaded: Registry) -> None:
    figures = loaded.stats()
    assert figures["deployments"] == 4 and figures["countries"] == 4
    assert figures["by_technology"]["video_surveillance"] == 3
    assert figures["by_supplier_country"] == {"CHN": 3, "KEN": 1, "JPN": 1}
    assert figures["share_with_chinese_supplier"] == 0.75
    assert figures["with_chinese_financing"] == 1
    assert figures["by_year"] == {"2011": 1, "2015": 1, "2016": 1, "2019": 1}
    assert figures["countries_reached_by_vendor"]["Huawei"] == 2


def test_listings_reach_subsidiaries(registry: Registry, tmp_path: Path) -> None:
    listing = tmp_path / "listings.yaml"
    listing.write_text(
        "listings:\n  - list: us_entity_list\n    organisation: Hikvision\n"
        "    listed_name: Hangzhou Hikvision Digital Technology Co., Ltd.\n    listed: 2019-10-09\n"
        "    citation: Federal Register document (example)\n"
        "    sources: [{url: 'https://rules.example.gov/2019-22210', supports: [listing]}]\n"
    )
    registry.load([FIXTURES / "organisations.yaml", FIXTURES / "deployments.yaml", listing])
    assert registry.load([listing]).unchanged == {"listing": 1}
    with registry.session() as session:
        entities = {e["name"]: e for e in queries.screening_entities(session)}
        hik = queries.organisation(session, "Hikvision")
    assert entities["Ezviz"]["lists"][0]["via"] == "Hikvision"
    assert entities["Hikvision"]["lists"][0]["listed"] == "2019-10-09"
    assert entities["CETC"]["lists"] == []
    assert hik["lists"][0]["url"] == "https://rules.example.gov/2019-22210"
    ecuador = registry.deployment_records(DeploymentFilter(country=["ECU"]))[0]
    assert ecuador["suppliers"][0]["lists"] == ["us_entity_list"]  # flagged wherever shown
