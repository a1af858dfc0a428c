"""The app as a whole: error shape for unknown routes, OpenAPI built from the vocabulary."""

from __future__ import annotations

import pytest

from oversight.publish.exports import FORMATS
from oversight.store.queries import SORTABLE
from oversight.vocab import (
    ORGANISATION_KINDS,
    RESTRICTION_LISTS,
    REVIEW_STATES,
    SOURCE_SUPPORTS,
    STATUSES,
    SUPPLIER_ROLES,
    TECHNOLOGIES,
)
from tests.api.conftest import API, error_of


@pytest.mark.parametrize("path", ["/api/v1/nothing", "/api/v2/deployments", "/api/v1/deployments/x/y"])
def test_unknown_routes_are_404_json(client, path: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(path)
    assert response.status_code == 404
    assert path in error_of(response)["message"]


def test_wrong_method_is_405_json(client) -> None:  # type: ignore[no-untyped-def]
    response = client.delete(f"{API}/deployments")
    assert response.status_code == 405
    error_of(response)


@pytest.mark.parametrize(("schema", "ids"), [
    ("Technology", TECHNOLOGIES),
    ("Status", STATUSES),
    ("SupplierRole", SUPPLIER_ROLES),
    ("OrganisationKind", ORGANISATION_KINDS),
    ("ReviewState", REVIEW_STATES),
    ("RestrictionList", RESTRICTION_LISTS),
    ("SourceSupport", SOURCE_SUPPORTS),
    ("ExportFormat", FORMATS),
])
def test_openapi_enums_are_the_vocabulary(client, schema: str, ids: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    components = client.get(f"{API}/openapi.json").json()["components"]["schemas"]
    assert components[schema]["enum"] == list(ids)


def test_openapi_documents_filters_errors_and_examples(client) -> None:  # type: ignore[no-untyped-def]
    spec = client.get(f"{API}/openapi.json").json()
    operation = spec["paths"]["/api/v1/deployments"]["get"]
    params = {p["name"]: p for p in operation["parameters"]}
    assert {"country", "vendor", "vendor_country", "technology", "status", "since", "until", "q",
            "limit", "offset", "sort"} <= set(params)
    assert params["limit"]["schema"]["maximum"] == 500
    sort_enum = spec["components"]["schemas"]["DeploymentSort"]["enum"]
    assert set(sort_enum) == set(SORTABLE) | {f"-{c}" for c in SORTABLE}
    assert operation["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith(
        "/ErrorResponse")
    assert spec["components"]["schemas"]["Deployment"]["examples"]


def test_docs_page_is_rendered_from_the_schema_with_no_external_assets(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/docs")
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    page = response.text
    for path in client.get(f"{API}/openapi.json").json()["paths"]:
        assert f"{path}</code>" in page
    assert "facial_recognition" in page  # the Technology enum, from schema.yaml
    assert "cdn" not in page.lower() and "<script src=\"http" not in page
