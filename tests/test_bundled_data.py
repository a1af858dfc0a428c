"""The starter dataset loads cleanly and covers what analysts cite most."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from oversight.app import Registry, bundled_data_dir
from oversight.registry.records import normalise_name
from oversight.store import queries


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Registry:
    registry = Registry(f"sqlite:///{tmp_path_factory.mktemp('bundled') / 'bundled.db'}")
    registry.load_bundled()
    return registry


def test_size(bundled: Registry) -> None:
    figures = bundled.stats()
    assert figures["deployments"] >= 100
    assert figures["countries"] >= 50
    with bundled.session() as session:
        assert len(queries.organisations(session)) >= 100


def test_every_deployment_is_sourced(bundled: Registry) -> None:
    for dep in bundled.deployment_records():
        assert dep["sources"], dep["id"]
        for source in dep["sources"]:
            assert source["url"].startswith("http") and source["publisher"], (dep["id"], source)
            assert source["supports"], (dep["id"], source["url"])


@pytest.mark.parametrize(
    ("country", "vendor"),
    [
        ("KEN", "Huawei"), ("ZWE", "CloudWalk Technology"), ("PAK", "Huawei"), ("PHL", "Huawei"),
        ("SRB", "Huawei"), ("ECU", "CEIEC"), ("UGA", "Huawei"), ("MUS", "Huawei"),
        ("MYS", "Yitu Technology"), ("BOL", None), ("VEN", "ZTE"), ("KGZ", None), ("UZB", "Huawei"),
        ("MNG", None), ("LAO", "Huawei"), ("CHN", "Hikvision"), ("GBR", "NEC"), ("USA", "Clearview AI"),
    ],
)
def test_most_cited_cases_are_present(bundled: Registry, country: str, vendor: str | None) -> None:
    deps = bundled.deployment_records(queries.DeploymentFilter(country=[country]))
    assert deps, f"no deployment in {country}"
    if vendor:
        assert any(s["name"] == vendor for d in deps for s in d["suppliers"]), (country, vendor)


def test_china_own_systems(bundled: Registry) -> None:
    deps = bundled.deployment_records(queries.DeploymentFilter(country=["CHN"]))
    text = " ".join(f"{d['id']} {d['description']}".lower() for d in deps)
    for system in ("xinjiang", "sharp eyes", "skynet", "social credit"):
        assert system in text, system


def test_chinese_vendors_carry_chinese_names() -> None:
    files = (bundled_data_dir() / "organisations").glob("*.yaml")
    orgs = [o for f in files for o in yaml.safe_load(f.read_text("utf-8"))["organisations"]]
    by_name = {normalise_name(o["name"]): o for o in orgs}
    for name in ("Huawei", "Hikvision", "Dahua Technology", "ZTE", "SenseTime", "Megvii"):
        aliases = by_name[normalise_name(name)].get("aliases", [])
        assert any("\u4e00" <= ch <= "\u9fff" for alias in aliases for ch in alias), name


def test_descriptions_are_short_summaries() -> None:
    # Our own words: short summaries, not pasted article text.
    for path in Path(bundled_data_dir()).rglob("*.yaml"):
        for section in yaml.safe_load(path.read_text("utf-8")).values():
            for record in section:
                assert len(record.get("description") or "") < 900, (path.name, record.get("id"))
