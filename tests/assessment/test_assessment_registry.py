"""From a registry deployment view to a description; and the `assess` CLI, from a file and an id."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from oversight.app import Registry
from oversight.assessment import assess, description_from_deployment
from oversight.cli.assess import register

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "assessments"
runner = CliRunner()

VIEW = {
    "id": "uga-kampala-cctv", "country": "UGA", "city": "Kampala", "buyer": "Uganda Police Force",
    "suppliers": [{"name": "Huawei", "role": "supplier", "country": "CHN"},
                  {"name": "China Exim Bank", "role": "financier", "country": "CHN"},
                  {"name": "Local Integrator", "role": "integrator", "country": "UGA"}],
    "technologies": ["video_surveillance", "facial_recognition"], "status": "operational",
    "description": "Cameras with face recognition.", "contract_value": 126000000,
    "sources": [{"url": "https://news.example.org/kampala", "supports": ["contract_value"]},
                {"url": "not a url", "supports": []}],
}
LISTINGS = {"Huawei": [{"list": "us_entity_list", "listed": "2019-05-16"}, "ndaa_889"],
            "China Exim Bank": []}


def test_registry_view_maps_to_a_best_effort_form() -> None:
    d = description_from_deployment(VIEW, LISTINGS)
    assert (d.id, d.country, d.city, d.buyer, d.status) == (
        "uga-kampala-cctv", "UGA", "Kampala", "Uganda Police Force", "operational")
    assert d.purpose == "law_enforcement" and d.biometric is True
    # face recognition on a camera network: remote identification; whether in real time, and what
    # else it does, is not in the record
    assert d.uses == ["identification"] and d.uses_partial and d.remote is True
    assert d.real_time is None and d.publicly_accessible_space is None
    assert [s.lists for s in d.suppliers] == [["ndaa_889", "us_entity_list"], [], None]
    assert d.sources == ["https://news.example.org/kampala"]
    assert d.safeguards.published_contract.answer == "partly"
    assert d.safeguards.published_contract.source == "https://news.example.org/kampala"
    assert any("inferred from the buyer's name" in n for n in d.notes)


def test_registry_form_reports_what_is_missing() -> None:
    card = assess(description_from_deployment(VIEW, LISTINGS))
    missing = {m["field"] for m in card["missing"]}
    assert {"real_time", "publicly_accessible_space", "safeguards.legal_basis",
            "exception", "authorisation"} <= missing
    assert card["ai_act"]["class"] == "high_risk" and card["ai_act"]["could_be"] == "prohibited"
    restricted = next(c for c in card["criteria"] if c["id"] == "restricted_suppliers")
    assert restricted["status"] == "not_met" and "Huawei" in restricted["rationale"]


SAFE_CITY = {**VIEW, "id": "ken-safe-city", "country": "KEN", "buyer": "Ministry of Interior",
             "technologies": ["safe_city", "video_surveillance", "facial_recognition"]}


def test_police_face_recognition_in_a_safe_city_leads_with_the_range_of_classes() -> None:
    d = description_from_deployment(SAFE_CITY, LISTINGS)
    assert (d.purpose, d.remote, d.publicly_accessible_space, d.real_time) == (
        "law_enforcement", True, True, None)
    act = assess(d)["ai_act"]
    assert act["class"] == "high_risk" and "Annex III 1(a)" in act["articles"]
    assert act["headline"].startswith("High-risk, or prohibited if used in real time")
    assert "Minimal" not in act["headline"]


def test_cameras_without_face_recognition_imply_no_identification() -> None:
    view = {**SAFE_CITY, "technologies": ["safe_city", "video_surveillance"]}
    d = description_from_deployment(view, {})
    assert d.uses is None and d.remote is None and d.biometric is None
    assert d.publicly_accessible_space is True


def test_unrecognised_buyer_leaves_purpose_unknown() -> None:
    view = {**VIEW, "buyer": "City Council", "technologies": ["video_surveillance"]}
    d = description_from_deployment(view, {})
    assert d.purpose == "unknown" and d.biometric is None
    assert all(s.lists is None for s in d.suppliers)


# --- CLI --------------------------------------------------------------------------------------


def cli() -> typer.Typer:
    app = typer.Typer()

    @app.callback()
    def main(ctx: typer.Context, db: str = typer.Option(None, "--db")) -> None:
        ctx.obj = db

    register(app)
    return app


@pytest.fixture
def db(tmp_path: Path) -> str:
    listings = tmp_path / "listings.yaml"
    listings.write_text(
        "listings:\n- list: us_entity_list\n  organisation: Hikvision\n  listed_name: Hikvision\n"
        "  listed: '2019-10-09'\n  citation: made-up citation for tests\n"
        "  sources:\n  - url: https://registry.example.org/listing/hikvision\n    supports: [listing]\n",
        encoding="utf-8")
    url = f"sqlite:///{tmp_path / 'assess.db'}"
    registry = Registry(url)
    registry.load([FIXTURES / "organisations.yaml", FIXTURES / "deployments.yaml", listings])
    registry.engine.dispose()
    return url


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_cli_assesses_a_file(fmt: str, tmp_path: Path) -> None:
    result = runner.invoke(cli(), ["assess", str(EXAMPLES / "facial-scraping.yaml"), "--format", fmt])
    assert result.exit_code == 0, result.output
    assert "Prohibited practice (Art. 5)" in result.stdout
    if fmt == "json":
        assert json.loads(result.stdout)["ai_act"]["articles"] == ["Art. 5(1)(e)"]


def test_cli_writes_output_file(tmp_path: Path) -> None:
    out = tmp_path / "card.html"
    result = runner.invoke(cli(), ["assess", str(EXAMPLES / "border-biometric-verification.yaml"),
                                   "--format", "html", "--output", str(out)])
    assert result.exit_code == 0, result.output
    assert "Annex III 7(d)" in out.read_text("utf-8")
    assert not (tmp_path / "card.html.partial").exists()


def test_cli_bad_file_names_file_line_and_field(tmp_path: Path) -> None:
    bad = tmp_path / "plan.yaml"
    bad.write_text("country: DEU\nsafeguards:\n  audit_logs: {answer: perhaps}\n", encoding="utf-8")
    result = runner.invoke(cli(), ["assess", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:3 [safeguards.audit_logs.answer]" in result.stderr
    assert "1 problem(s)" in result.stderr


def test_cli_rejects_unknown_format() -> None:
    result = runner.invoke(cli(), ["assess", str(EXAMPLES / "facial-scraping.yaml"), "--format", "pdf"])
    assert result.exit_code == 1 and "--format 'pdf'" in result.stderr


def test_cli_assesses_a_registry_deployment(db: str) -> None:
    result = runner.invoke(cli(), ["--db", db, "assess", "ecu-national-ecu911", "--format", "json"])
    assert result.exit_code == 0, result.output
    card = json.loads(result.stdout)
    assert card["deployment"]["id"] == "ecu-national-ecu911"
    assert card["deployment"]["suppliers"][0]["lists"] == ["us_entity_list"]
    restricted = next(c for c in card["criteria"] if c["id"] == "restricted_suppliers")
    assert restricted["status"] == "not_met"
    assert "uses" in {m["field"] for m in card["missing"]}


def test_cli_registry_facial_recognition_is_left_open(db: str) -> None:
    result = runner.invoke(cli(), ["--db", db, "assess", "gbr-london-lfr", "--format", "json"])
    assert result.exit_code == 0, result.output
    act = json.loads(result.stdout)["ai_act"]
    assert act["scope"] == "benchmark" and act["could_be"] == "prohibited"


def test_cli_unknown_target(db: str) -> None:
    result = runner.invoke(cli(), ["--db", db, "assess", "no-such-deployment"])
    assert result.exit_code == 1
    assert "neither a description file" in result.stderr
