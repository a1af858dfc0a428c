"""GET /exports/{format}: downloads that parse back into the registry's deployments."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from tests.api.conftest import API, error_of

IDS = ["ecu-national-ecu911", "gbr-london-lfr", "ken-nairobi-safe-city", "uga-kampala-cctv"]


def download(client, fmt: str, query: str = ""):  # type: ignore[no-untyped-def]
    """Uncompressed, as a download manager asks: then the length is known up front."""
    response = client.get(f"{API}/exports/{fmt}?{query}", headers={"Accept-Encoding": "identity"})
    assert response.status_code == 200, response.text
    assert response.headers["content-length"] == str(len(response.content))
    return response


def test_browsers_get_exports_compressed(client) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/exports/csv", headers={"Accept-Encoding": "gzip"})
    assert response.headers["content-encoding"] == "gzip"
    assert response.text == download(client, "csv").text


@pytest.mark.parametrize(("fmt", "media_type", "filename"), [
    ("csv", "text/csv; charset=utf-8", "oversight-deployments.csv"),
    ("json", "application/json", "oversight-deployments.json"),
    ("jsonl", "application/x-ndjson", "oversight-deployments.jsonl"),
    ("parquet", "application/vnd.apache.parquet", "oversight-deployments.parquet"),
    ("geojson", "application/geo+json", "oversight-deployments.geojson"),
    ("ftm", "application/x-ndjson", "oversight-deployments.ftm.json"),
])
def test_media_type_and_filename(client, fmt: str, media_type: str, filename: str) -> None:  # type: ignore[no-untyped-def]
    response = download(client, fmt)
    assert response.headers["content-type"] == media_type
    assert response.headers["content-disposition"] == f'attachment; filename="{filename}"'


def test_csv_parses_back_with_formulas_neutralised(client) -> None:  # type: ignore[no-untyped-def]
    rows = list(csv.DictReader(io.StringIO(download(client, "csv").text)))
    assert [row["id"] for row in rows] == IDS
    assert rows[0]["description"].startswith("'=HYPERLINK")


def test_json_is_the_api_items(client) -> None:  # type: ignore[no-untyped-def]
    exported = json.loads(download(client, "json").content)
    assert exported == client.get(f"{API}/deployments").json()["items"]


def test_jsonl_with_filters(client) -> None:  # type: ignore[no-untyped-def]
    lines = download(client, "jsonl", "vendor_country=CHN&status=operational").text.splitlines()
    assert [json.loads(line)["id"] for line in lines] == ["ken-nairobi-safe-city", "uga-kampala-cctv"]


def test_parquet_parses_back(client) -> None:  # type: ignore[no-untyped-def]
    table = pq.read_table(io.BytesIO(download(client, "parquet", "country=KEN").content))
    assert table.column("id").to_pylist() == ["ken-nairobi-safe-city"]
    assert table.column("supplier_names").to_pylist() == [["Huawei", "Safaricom"]]


def test_geojson_points_and_countries(client) -> None:  # type: ignore[no-untyped-def]
    points = json.loads(download(client, "geojson").content)
    assert points["type"] == "FeatureCollection"
    assert {f["properties"]["id"] for f in points["features"]} == set(IDS)
    response = download(client, "geojson", "level=country&technology=facial_recognition")
    assert 'filename="oversight-countries.geojson"' in response.headers["content-disposition"]
    countries = json.loads(response.content)
    assert [f["properties"]["country"] for f in countries["features"]] == ["GBR", "UGA"]


def test_ftm_entities_parse_back(client) -> None:  # type: ignore[no-untyped-def]
    entities = [json.loads(line) for line in download(client, "ftm").text.splitlines()]
    schemata = {entity["schema"] for entity in entities}
    assert {"Project", "Company"} <= schemata
    assert all(entity["id"] for entity in entities)


@pytest.mark.parametrize(("path", "field"), [
    ("exports/xlsx", "format"),
    ("exports/csv?technology=lasers", "technology"),
    ("exports/geojson?level=city", "level"),
    ("exports/csv?country=Kenya", "country"),
])
def test_bad_export_requests_are_422(client, path: str, field: str) -> None:  # type: ignore[no-untyped-def]
    response = client.get(f"{API}/{path}")
    assert response.status_code == 422
    assert error_of(response)["field"] == field
