"""The flat Parquet form of a claim goes back to the DESIGN.md contract unchanged (no Spark needed)."""

from __future__ import annotations

import pyarrow as pa

from oversight.extract.parquet import CLAIM_COLUMNS, DATASETS, arrow_schema, claim_from_row, claim_values

CLAIM = {
    "doc_id": "a17", "country": "KEN", "vendor": "Huawei", "technology": "safe_city",
    "status": "operational", "year": 2014, "city": "Nairobi", "confidence": 0.91,
    "evidence": {"start": 120, "end": 311, "text": "Huawei built the Nairobi safe city system."},
    "extractor": "oversight-extract-v1", "doc_hash": "1d6b73b0b2a9a48c5524121d",
}


def test_a_claim_round_trips_through_its_parquet_row() -> None:
    values = (CLAIM["doc_id"], CLAIM["doc_hash"], *claim_values(CLAIM))
    table = pa.Table.from_pylist([dict(zip([n for n, _ in CLAIM_COLUMNS], values, strict=True))],
                                 schema=arrow_schema(CLAIM_COLUMNS))
    assert claim_from_row(table.to_pylist()[0]) == CLAIM


def test_a_claim_without_vendor_year_or_city_keeps_its_nulls() -> None:
    bare = {**CLAIM, "vendor": None, "year": None, "city": None, "status": None}
    values = (bare["doc_id"], bare["doc_hash"], *claim_values(bare))
    assert claim_from_row(dict(zip([n for n, _ in CLAIM_COLUMNS], values, strict=True))) == bare


def test_every_dataset_has_an_arrow_schema() -> None:
    for name, columns in DATASETS.items():
        assert arrow_schema(columns).names == [n for n, _ in columns], name
