"""The evidence fields: undated sources say why, dates read from a URL say so, a programme's
contract value says so, a single-source operational deployment says why one suffices, and the
status carries the date it was last reported."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError

from oversight.app import Registry
from oversight.errors import LoadError
from oversight.registry.records import DeploymentIn, SourceIn
from oversight.store import queries
from oversight.store.queries import status_as_of

CAMERAS = """deployments:
  - id: ken-mombasa-cameras
    country: KEN
    city: Mombasa
    technologies: [video_surveillance]
    status: operational
    contract_value: 5000000
    currency: USD
    contract_value_scope: programme
    single_source: the county government's own tender award notice
    sources:
      - url: https://county.example.org/tenders/award-cameras
        publisher: Mombasa County
        undated_reason: official tender page, continuously updated, no publication date shown
        supports: [status, contract_value]
      - url: https://news.example.org/2021/04/mombasa-cameras
        publisher: Example News
        published: 2021-04
        date_from: url
        supports: [technologies]
"""


def test_a_source_may_give_its_reason_for_having_no_date() -> None:
    source = SourceIn(url="https://gov.example.org/list", undated_reason="continuously updated list")
    assert source.published is None and source.undated_reason == "continuously updated list"


def test_date_from_needs_a_date_and_a_known_origin() -> None:
    with pytest.raises(ValidationError, match="give 'published' too"):
        SourceIn(url="https://news.example.org/2021/04/a", date_from="url")
    with pytest.raises(ValidationError, match="not a known date origin"):
        SourceIn(url="https://news.example.org/2021/04/a", published="2021-04", date_from="guess")


def test_contract_value_scope_is_from_the_vocabulary_and_needs_a_value() -> None:
    base = {"id": "x", "country": "KEN", "technologies": ["safe_city"], "status": "pilot"}
    assert DeploymentIn(**base).contract_value_scope == "deployment"
    with pytest.raises(ValidationError, match="not a known contract value scope"):
        DeploymentIn(**base, contract_value=1, currency="USD", contract_value_scope="country")
    with pytest.raises(ValidationError, match="needs a contract_value"):
        DeploymentIn(**base, contract_value_scope="programme")


def test_the_fields_are_stored_and_returned(loaded: Registry, tmp_path: Path) -> None:
    path = tmp_path / "deployments.yaml"
    path.write_text(CAMERAS)
    loaded.load([path])
    with loaded.session() as session:
        dep = queries.deployment(session, "ken-mombasa-cameras")
    assert dep["contract_value_scope"] == "programme"
    assert dep["single_source"] == "the county government's own tender award notice"
    undated, from_url = dep["sources"]
    assert undated["undated_reason"].startswith("official tender page")
    assert (from_url["published"], from_url["date_from"]) == ("2021-04", "url")
    # The only source supporting the status is undated: fall back to the latest source date.
    assert dep["status_as_of"] == "2021-04"
    assert loaded.load([path]).updated == {}


def test_conflicting_reasons_for_one_url_are_a_problem(loaded: Registry, tmp_path: Path) -> None:
    path = tmp_path / "deployments.yaml"
    path.write_text(CAMERAS + """  - id: ken-mombasa-lpr
    country: KEN
    technologies: [video_surveillance]
    status: pilot
    sources:
      - url: https://county.example.org/tenders/award-cameras
        undated_reason: another reason
""")
    with pytest.raises(LoadError, match="undated_reason"):
        loaded.load([path])


@pytest.mark.parametrize(("sources", "expected"), [
    ([], None),
    ([{"published": None, "supports": ["status"]}], None),
    ([{"published": "2019-05", "supports": ["status"]},
      {"published": "2023", "supports": ["technologies"]}], "2019-05"),
    ([{"published": "2019-05", "supports": ["status"]},
      {"published": "2021-01-02", "supports": ["status", "city"]}], "2021-01-02"),
    ([{"published": "2019", "supports": []}, {"published": "2018-12", "supports": []}], "2019"),
])
def test_status_as_of_prefers_the_sources_of_the_status(sources: list[dict[str, object]],
                                                         expected: str | None) -> None:
    assert status_as_of(sources) == expected  # type: ignore[arg-type]


def test_the_status_date_of_the_fixture_deployment(loaded: Registry) -> None:
    with loaded.session() as session:
        dep = queries.deployment(session, "ken-nairobi-safe-city")
    assert dep["status_as_of"] == "2015-06-01"
