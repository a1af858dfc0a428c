"""Country briefs: /countries/{iso3}/brief.pdf and `oversight brief`, read back with pypdf."""

from __future__ import annotations

import io
from pathlib import Path

from pypdf import PdfReader
from typer.testing import CliRunner

from oversight.app import Registry
from oversight.cli import app


def text_of(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_brief_holds_deployments_suppliers_index_and_numbered_sources(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get("/countries/KEN/brief.pdf")
    assert response.status_code == 200 and response.headers["content-type"] == "application/pdf"
    text = " ".join(text_of(response.content).split())
    country = client.get("/api/v1/countries/KEN").json()
    assert "Country brief: Kenya (KEN)" in text
    for deployment in country["deployments"]:
        assert deployment["id"] in text
    assert "Suppliers and restriction lists" in text and "Oversight index over time" in text
    assert "measures what this registry records, not what exists" in text
    # every source is listed, numbered (URLs may wrap across lines in the PDF's text)
    urls = {s["url"] for d in country["deployments"] for s in d["sources"]}
    joined = text.replace(" ", "")
    assert all(url in joined for url in urls)
    assert f"[{len(urls)}]" in text and f"[{len(urls) + 1}]" not in text


def test_brief_of_a_country_without_records_says_so(client) -> None:  # type: ignore[no-untyped-def]
    text = text_of(client.get("/countries/ISL/brief.pdf").content)
    assert "No deployment is recorded for this country." in text


def test_brief_refuses_what_is_not_a_country(client) -> None:  # type: ignore[no-untyped-def]
    assert client.get("/countries/XXX/brief.pdf").status_code == 404
    assert client.get("/countries/KENYA/brief.pdf").status_code in (404, 422)


def test_cli_writes_the_brief(registry: Registry, tmp_path: Path) -> None:
    out = tmp_path / "ken.pdf"
    result = CliRunner().invoke(app, ["--db", str(registry.engine.url), "brief", "KEN", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "Country brief: Kenya" in text_of(out.read_bytes())
    assert not out.with_name("ken.pdf.partial").exists()
    bad = CliRunner().invoke(app, ["--db", str(registry.engine.url), "brief", "XXX", "--output", str(out)])
    assert bad.exit_code != 0 and "XXX" in bad.output
