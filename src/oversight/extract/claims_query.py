"""Query the Parquet output of a corpus-scale extraction with DuckDB, and bring selected claims
into the registry's review queue.

``connect(DIR)`` opens an in-memory DuckDB database with two views over ``DIR`` (see
``extract.parquet``): ``documents`` and ``claims``, with the partition column
``published_year`` as text. DuckDB reads only the row groups and columns a query needs, so a
count over a year of claims does not load the documents.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from oversight.errors import OversightError
from oversight.extract.parquet import CLAIM_COLUMNS, DOCUMENT_COLUMNS, PARTITION, claim_from_row

if TYPE_CHECKING:
    from oversight.app import Registry

_DUCKDB_TYPES = {"string": "VARCHAR", "boolean": "BOOLEAN", "int": "INTEGER", "bigint": "BIGINT",
                 "double": "DOUBLE"}
IMPORT_BATCH = 1000  # documents per transaction of an import


class ClaimsQueryError(OversightError):
    """A missing output folder, or SQL that DuckDB rejects (its message is kept)."""


def _view(connection: duckdb.DuckDBPyConnection, name: str, folder: Path,
          columns: tuple[tuple[str, str], ...]) -> None:
    files = folder / "**" / "*.parquet"
    if any(folder.rglob("*.parquet")):
        source = (f"read_parquet('{_quote(str(files))}', hive_partitioning = true, "
                  f"hive_types = {{'{PARTITION}': VARCHAR}}, union_by_name = true)")
        selected = ", ".join([n for n, _ in columns] + [PARTITION])
        connection.execute(f"CREATE VIEW {name} AS SELECT {selected} FROM {source}")
        return
    # A run that found nothing leaves a dataset with no files: an empty view of the same shape.
    typed = ", ".join(f"NULL::{_DUCKDB_TYPES[t]} AS {n}" for n, t in columns)
    connection.execute(f"CREATE VIEW {name} AS SELECT {typed}, NULL::VARCHAR AS {PARTITION} LIMIT 0")


def _quote(text: str) -> str:
    return text.replace("'", "''")


def connect(output: Path | str) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with the views ``documents`` and ``claims`` over ``output``."""
    output = Path(output)
    if not (output / "documents").is_dir() or not (output / "claims").is_dir():
        raise ClaimsQueryError(
            f"{output}: not an extraction output (no documents/ and claims/ folders; "
            "write one with `oversight extract --engine spark INPUT... --output DIR`)"
        )
    connection = duckdb.connect(":memory:")
    _view(connection, "documents", output / "documents", DOCUMENT_COLUMNS)
    _view(connection, "claims", output / "claims", CLAIM_COLUMNS)
    return connection


def query(output: Path | str, sql: str) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Column names and rows of one SQL statement over the views of ``output``."""
    connection = connect(output)
    try:
        result = connection.execute(sql)
        if result.description is None:
            return [], []
        return [d[0] for d in result.description], result.fetchall()
    except duckdb.Error as error:
        raise ClaimsQueryError(f"query failed: {error}") from None
    finally:
        connection.close()


def selected_documents(output: Path | str, where: str | None = None) -> Iterator[tuple[dict[str, Any],
                                                                                      list[dict[str, Any]]]]:
    """Each document with claims matching ``where`` (a SQL condition on the ``claims`` view), with
    those claims in the extraction contract's shape, one document at a time."""
    condition = f"WHERE {where}" if where and where.strip() else ""
    sql = f"""
        SELECT s.*, d.url, d.title, d.published, d.language
        FROM (SELECT * FROM claims {condition}) AS s
        LEFT JOIN (SELECT DISTINCT ON (hash) hash, url, title, published, language FROM documents) AS d
          ON d.hash = s.doc_hash
        ORDER BY s.doc_hash, s.evidence_start, s.technology, s.vendor
    """
    connection = connect(output)
    try:
        cursor = connection.execute(sql)
        names = [d[0] for d in cursor.description]
        current: dict[str, Any] | None = None
        claims: list[dict[str, Any]] = []
        while rows := cursor.fetchmany(10_000):
            for values in rows:
                row = dict(zip(names, values, strict=True))
                if current is None or row["doc_hash"] != current["hash"]:
                    if current is not None:
                        yield current, claims
                    current = {"hash": row["doc_hash"], "doc_id": row["doc_id"], "url": row["url"],
                               "title": row["title"], "published": row["published"],
                               "language": row["language"]}
                    claims = []
                claims.append(claim_from_row(row))
        if current is not None:
            yield current, claims
    except duckdb.Error as error:
        raise ClaimsQueryError(f"selecting claims failed: {error}") from None
    finally:
        connection.close()


@dataclass
class ImportReport:
    documents: int = 0  # documents with selected claims
    selected: int = 0  # claims selected
    added: int = 0  # claims new to the registry (0 on a re-run)


def import_claims(registry: Registry, output: Path | str, where: str | None = None) -> ImportReport:
    """Save the selected claims, with their documents, as review candidates in ``registry``.

    The registry keys documents by content hash and claims by (country, vendor, technology,
    evidence start) within a document, so importing the same output twice adds nothing.
    """
    from oversight.store.judgements import save_extraction

    report = ImportReport()
    batch: list[tuple[dict[str, Any], list[dict[str, Any]]]] = []

    def flush() -> None:
        with registry.session() as session:
            for document, claims in batch:
                report.added += save_extraction(session, document, claims)
        batch.clear()

    for document, claims in selected_documents(output, where):
        report.documents += 1
        report.selected += len(claims)
        batch.append((document, claims))
        if len(batch) >= IMPORT_BATCH:
            flush()
    if batch:
        flush()
    return report
