"""Every export format, read back with the tool a user would open it with."""

from __future__ import annotations

import csv
import io
import json

import pyarrow.parquet as pq
import pytest
from followthemoney import model
from followthemoney.proxy import EntityProxy

from oversight.app import Registry
from oversight.publish.exports import neutralise


def export(registry: Registry, fmt: str, **options: str) -> bytes:
    out = io.BytesIO()
    registry.export(fmt, out, **options)
    return out.getvalue()


@pytest.mark.parametrize(
    ("cell", "safe"),
    [
        ("=cmd()", "'=cmd()"),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("Nairobi", "Nairobi"),
        (2015, 2015),
        (None, None),
    ],
)
def test_neutralise(cell: object, safe: object) -> None:
    assert neutralise(cell) == safe


def test_csv_is_safe_against_formula_injection(sqlite_registry: Registry) -> None:
    from tests.conftest import FIXTURES

    sqlite_registry.load([FIXTURES])
    rows = list(csv.DictReader(io.StringIO(export(sqlite_registry, "csv").decode("utf-8"))))
    assert len(rows) == 4
    ecuador = next(r for r in rows if r["id"] == "ecu-national-ecu911")
    assert ecuador["description"].startswith("'=HYPERLINK(")
    assert not any(v.startswith(("=", "+", "@")) for row in rows for v in row.values() if v)
    kenya = next(r for r in rows if r["id"] == "ken-nairobi-safe-city")
    assert kenya["suppliers"] == "Huawei (supplier); Safaricom (integrator)"
    assert kenya["source_urls"] == "https://news.example.org/2015/nairobi-cameras"


def test_json_and_jsonl(loaded: Registry) -> None:
    as_json = json.loads(export(loaded, "json"))
    as_lines = [json.loads(line) for line in export(loaded, "jsonl").splitlines()]
    assert as_json == as_lines
    assert "country" in as_json[2]["sources"][0]["supports"]


def test_parquet_reads_back(loaded: Registry) -> None:
    table = pq.read_table(io.BytesIO(export(loaded, "parquet")))
    assert table.num_rows == 4
    row = table.to_pylist()[3]
    assert row["id"] == "uga-kampala-cctv"
    assert row["supplier_roles"] == ["supplier", "financier"]
    assert row["technologies"] == ["facial_recognition", "video_surveillance"]


def test_geojson_points(loaded: Registry) -> None:
    collection = json.loads(export(loaded, "geojson"))
    assert collection["type"] == "FeatureCollection"
    features = {f["properties"]["id"]: f for f in collection["features"]}
    assert len(features) == 4
    lon, lat = features["ken-nairobi-safe-city"]["geometry"]["coordinates"]
    assert 36.5 < lon < 37.1 and -1.5 < lat < -1.0  # Nairobi
    assert features["ken-nairobi-safe-city"]["properties"]["location_precision"] == "city"
    assert features["ecu-national-ecu911"]["properties"]["location_precision"] == "capital"
    for feature in collection["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        assert -180 <= lon <= 180 and -90 <= lat <= 90


def test_geojson_countries(loaded: Registry) -> None:
    collection = json.loads(export(loaded, "geojson", level="country"))
    props = {f["properties"]["country"]: f["properties"] for f in collection["features"]}
    assert set(props) == {"ECU", "GBR", "KEN", "UGA"}
    assert props["UGA"]["suppliers"] == "China Exim Bank; Huawei"


def test_ftm_entities_are_valid(loaded: Registry) -> None:
    entities = [json.loads(line) for line in export(loaded, "ftm").splitlines()]
    schemata = {e["schema"] for e in entities}
    assert {"Company", "PublicBody", "Project", "ProjectParticipant", "Article",
            "Documentation"} <= schemata
    ids = {e["id"] for e in entities}
    assert len(ids) == len(entities)
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None
        schema.validate(data)
        proxy = EntityProxy.from_dict(data)
        assert proxy.to_dict()["properties"] == data["properties"]  # nothing dropped by cleaning
        assert set(schema.required) <= set(data["properties"])
        for prop in schema.properties.values():
            if prop.type.name == "entity":
                for ref in data["properties"].get(prop.name, []):
                    assert ref in ids, f"{data['schema']}.{prop.name} points at a missing entity"


def test_unknown_format(loaded: Registry) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(loaded, "xlsx")
