"""Write deployments as CSV, JSON, JSON lines, Parquet, GeoJSON or FollowTheMoney entities.

Each writer takes deployment views (store.queries.deployment_view) and a binary stream.
"""

from __future__ import annotations

import csv
import io
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from oversight.publish.ftm import ftm_entities
from oversight.publish.geo import locate
from oversight.registry.records import country_name

FORMATS = ("csv", "json", "jsonl", "parquet", "geojson", "ftm")
# Spreadsheet programs run a cell that starts with one of these as a formula.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")
FLAT_COLUMNS = (
    "id", "country", "country_name", "city", "region", "buyer", "suppliers", "supplier_countries",
    "technologies", "status", "status_as_of", "announced", "started", "ended", "year",
    "contract_value", "currency", "contract_value_scope", "financing", "description", "disputes",
    "confidence", "review_state", "single_source", "source_urls", "created_at", "updated_at",
)


def flatten(dep: dict[str, Any]) -> dict[str, Any]:
    """One row per deployment; lists joined with '; ' for spreadsheets."""
    return {
        **{k: dep[k] for k in FLAT_COLUMNS if k in dep and not isinstance(dep[k], list)},
        "suppliers": "; ".join(f"{s['name']} ({s['role']})" for s in dep["suppliers"]),
        "supplier_countries": "; ".join(
            dict.fromkeys(s["country"] for s in dep["suppliers"] if s["country"])
        ),
        "technologies": "; ".join(dep["technologies"]),
        "source_urls": "; ".join(s["url"] for s in dep["sources"]),
    }


def neutralise(value: Any) -> Any:
    """A cell that a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def write_csv(deps: Iterable[dict[str, Any]], out: IO[bytes]) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=FLAT_COLUMNS)
    writer.writeheader()
    for dep in deps:
        writer.writerow({k: neutralise(v) for k, v in flatten(dep).items()})
    text.detach()


def write_json(deps: Iterable[dict[str, Any]], out: IO[bytes]) -> None:
    out.write(json.dumps(list(deps), ensure_ascii=False, indent=1).encode("utf-8"))


def write_jsonl(deps: Iterable[dict[str, Any]], out: IO[bytes]) -> None:
    for dep in deps:
        out.write(json.dumps(dep, ensure_ascii=False).encode("utf-8") + b"\n")


PARQUET_SCHEMA = pa.schema([
    ("id", pa.string()), ("country", pa.string()), ("country_name", pa.string()),
    ("city", pa.string()), ("region", pa.string()), ("buyer", pa.string()),
    ("supplier_names", pa.list_(pa.string())), ("supplier_roles", pa.list_(pa.string())),
    ("supplier_countries", pa.list_(pa.string())), ("technologies", pa.list_(pa.string())),
    ("status", pa.string()), ("status_as_of", pa.string()), ("announced", pa.string()),
    ("started", pa.string()), ("ended", pa.string()), ("year", pa.int32()),
    ("contract_value", pa.float64()), ("currency", pa.string()),
    ("contract_value_scope", pa.string()), ("financing", pa.string()),
    ("description", pa.string()), ("disputes", pa.string()), ("confidence", pa.float64()),
    ("review_state", pa.string()), ("single_source", pa.string()),
    ("source_urls", pa.list_(pa.string())), ("created_at", pa.string()), ("updated_at", pa.string()),
])


SUPPLIER_COLUMNS = {"supplier_names": "name", "supplier_roles": "role", "supplier_countries": "country"}


def write_parquet(deps: Iterable[dict[str, Any]], out: IO[bytes]) -> None:
    columns: dict[str, list[Any]] = defaultdict(list)
    for dep in deps:
        for name in PARQUET_SCHEMA.names:
            if name in SUPPLIER_COLUMNS:
                columns[name].append([s[SUPPLIER_COLUMNS[name]] for s in dep["suppliers"]])
            elif name == "source_urls":
                columns[name].append([s["url"] for s in dep["sources"]])
            else:
                columns[name].append(dep[name])
    table = pa.table({n: columns[n] for n in PARQUET_SCHEMA.names}, schema=PARQUET_SCHEMA)
    pq.write_table(table, out)


def _feature(point: tuple[float, float, str], properties: dict[str, Any]) -> dict[str, Any]:
    lon, lat, precision = point
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [round(lon, 5), round(lat, 5)]},
        "properties": {**properties, "location_precision": precision},
    }


def geojson_points(deps: Iterable[dict[str, Any]]) -> dict[str, Any]:
    features = []
    for dep in deps:
        point = locate(dep["country"], dep["city"])
        if point:
            features.append(_feature(point, flatten(dep)))
    return {"type": "FeatureCollection", "features": features}


def geojson_countries(deps: Iterable[dict[str, Any]]) -> dict[str, Any]:
    """One point per country (at its capital) with the country's totals."""
    grouped: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for dep in deps:
        grouped[dep["country"]].append(dep)
    features = []
    for country, items in sorted(grouped.items()):
        point = locate(country, None)
        if point:
            features.append(_feature(point, {
                "country": country,
                "country_name": country_name(country),
                "deployments": len(items),
                "technologies": "; ".join(sorted({t for d in items for t in d["technologies"]})),
                "suppliers": "; ".join(sorted({s["name"] for d in items for s in d["suppliers"]})),
                "supplier_countries": "; ".join(
                    sorted({s["country"] for d in items for s in d["suppliers"] if s["country"]})
                ),
            }))
    return {"type": "FeatureCollection", "features": features}


def write_geojson(deps: Iterable[dict[str, Any]], out: IO[bytes], level: str = "deployment") -> None:
    collection = geojson_countries(deps) if level == "country" else geojson_points(deps)
    out.write(json.dumps(collection, ensure_ascii=False).encode("utf-8"))


def write_ftm(deps: Iterable[dict[str, Any]], out: IO[bytes], organisations=(), listings=()) -> None:  # type: ignore[no-untyped-def]
    for entity in ftm_entities(deps, organisations, listings):
        out.write(json.dumps(entity, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")


WRITERS: dict[str, Callable[..., None]] = {
    "csv": write_csv,
    "json": write_json,
    "jsonl": write_jsonl,
    "parquet": write_parquet,
    "geojson": write_geojson,
    "ftm": write_ftm,
}
