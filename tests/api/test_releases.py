"""GET /api/v1/releases, its files, and the /releases page."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from oversight.api import create_app
from oversight.app import Registry
from tests.api.conftest import API, TestClient


def test_releases_are_listed_and_downloadable(fresh_registry: Registry, tmp_path: Path) -> None:
    root = tmp_path / "releases"
    fresh_registry.release(root, today=date(2026, 12, 3))
    with TestClient(create_app(fresh_registry, releases_dir=root)) as client:
        listed = client.get(f"{API}/releases").json()
        assert [r["name"] for r in listed] == ["1-2026-12-03"]
        csv = next(f for f in listed[0]["resources"] if f["path"] == "deployments.csv")
        body = client.get(csv["url"]).content
        assert csv["hash"] == "sha256:" + hashlib.sha256(body).hexdigest()
        assert client.get(listed[0]["datapackage"]).json()["version"] == "1"
        page = client.get("/releases").text
        assert "/api/v1/releases/1-2026-12-03/datapackage.json" in page
        assert csv["url"] in page


def test_unknown_or_escaping_release_files_are_404(fresh_registry: Registry, tmp_path: Path) -> None:
    root = tmp_path / "releases"
    fresh_registry.release(root, today=date(2026, 12, 3))
    with TestClient(create_app(fresh_registry, releases_dir=root)) as client:
        assert client.get(f"{API}/releases/1-2026-12-03/registry.db").status_code == 404
        assert client.get(f"{API}/releases/1-2026-12-03/..%2F..%2Fregistry.db").status_code == 404
        assert client.get(f"{API}/releases/latest/deployments.csv").status_code == 422


def test_no_release_yet_says_how_to_make_one(fresh_registry: Registry, tmp_path: Path) -> None:
    with TestClient(create_app(fresh_registry, releases_dir=tmp_path / "none")) as client:
        assert client.get(f"{API}/releases").json() == []
        assert "oversight release" in client.get("/releases").text
