"""The Parquet layout of an extraction run at corpus scale (``oversight extract --engine spark``).

An output folder holds three datasets, each a folder of Parquet files::

    DIR/documents/published_year=2024/part-*.parquet   one row per document read
    DIR/claims/published_year=2024/part-*.parquet      one row per claim (DESIGN.md contract, flat)
    DIR/errors/part-*.parquet                          one row per record that could not be read
    DIR/summary.json                                   counts and settings of the run

Documents and claims are partitioned by the year the document was published (``unknown``
when the record has no date that starts with a year), so a query on one year reads one folder.
The claim contract's ``evidence`` object becomes ``evidence_start``, ``evidence_end`` and
``evidence_text``. Column lists are plain data, read by the Spark engine, the DuckDB views
and the registry import alike.
"""

from __future__ import annotations

import re
from typing import Any

PARTITION = "published_year"
UNKNOWN = "unknown"

# (name, type) with types named as DuckDB and Spark SQL both read them.
DOCUMENT_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"),
    ("hash", "string"),  # content hash (blake2b-96 of the UTF-8 text): the document's identity
    ("url", "string"),
    ("title", "string"),
    ("published", "string"),
    ("language", "string"),
    ("relevant", "boolean"),  # kept by the prefilter and searched
    ("claims", "int"),
    ("bytes", "bigint"),  # size of the text in UTF-8
)
CLAIM_COLUMNS: tuple[tuple[str, str], ...] = (
    ("doc_id", "string"),
    ("doc_hash", "string"),
    ("country", "string"),
    ("vendor", "string"),
    ("technology", "string"),
    ("status", "string"),
    ("year", "int"),
    ("city", "string"),
    ("confidence", "double"),
    ("evidence_start", "int"),
    ("evidence_end", "int"),
    ("evidence_text", "string"),
    ("extractor", "string"),
)
ERROR_COLUMNS: tuple[tuple[str, str], ...] = (("source", "string"), ("reason", "string"))

_YEAR_RE = re.compile(r"\s*(\d{4})(?!\d)")


def publication_year(published: str | None) -> str:
    """The partition of a document: the year its date starts with, else ``unknown``."""
    match = _YEAR_RE.match(published or "")
    if match and 1800 <= int(match.group(1)) <= 2200:
        return match.group(1)
    return UNKNOWN


def claim_values(claim: dict[str, Any]) -> tuple[Any, ...]:
    """A claim of the extraction contract as the values of CLAIM_COLUMNS after doc_id, doc_hash."""
    evidence = claim["evidence"]
    return (
        claim["country"],
        claim.get("vendor"),
        claim["technology"],
        claim.get("status"),
        claim.get("year"),
        claim.get("city"),
        float(claim["confidence"]),
        evidence["start"],
        evidence["end"],
        evidence["text"],
        claim.get("extractor"),
    )


def claim_from_row(row: dict[str, Any]) -> dict[str, Any]:
    """A flat claims row back in the shape of the extraction contract (with ``doc_hash``)."""
    claim = {
        "doc_id": row["doc_id"],
        "country": row["country"],
        "vendor": row["vendor"],
        "technology": row["technology"],
        "status": row["status"],
        "year": None if row["year"] is None else int(row["year"]),
        "city": row["city"],
        "confidence": row["confidence"],
        "evidence": {
            "start": int(row["evidence_start"]),
            "end": int(row["evidence_end"]),
            "text": row["evidence_text"],
        },
        "extractor": row["extractor"],
    }
    claim["doc_hash"] = row["doc_hash"]
    return claim


DATASETS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": DOCUMENT_COLUMNS,
    "claims": CLAIM_COLUMNS,
    "errors": ERROR_COLUMNS,
}
_ARROW_TYPES = {"string": "string", "boolean": "bool_", "int": "int32", "bigint": "int64",
                "double": "float64"}


def arrow_schema(columns: tuple[tuple[str, str], ...]) -> Any:
    import pyarrow as pa

    return pa.schema([(n, getattr(pa, _ARROW_TYPES[t])()) for n, t in columns])
