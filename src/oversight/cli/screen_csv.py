"""Screening results as CSV: one row per name with the reasons, safe to open in a
spreadsheet (a cell that would start a formula is quoted)."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path
from typing import Any

COLUMNS = ("query", "match", "score", "matched_name", "matched_field", "lists", "listed_on",
           "via", "citations", "reason", "near_misses", "as_of", "matcher", "list_versions")
# Spreadsheets run a cell starting with these as a formula (CSV injection, OWASP).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def row_of(result: dict[str, Any]) -> dict[str, str]:
    match = result["match"] or {}
    lists = match.get("lists") or []
    versions = "; ".join(f"{v['list']} as of {v['as_of'] or 'unknown'} ({v['entries']} entries)"
                         for v in result["list_versions"])
    row = {
        "query": result["query"],
        "match": match.get("entity", ""),
        "score": f"{match['score']:.3f}" if match else "",
        "matched_name": match.get("matched_name", ""),
        "matched_field": match.get("matched_field", ""),
        "lists": "; ".join(hit["list"] for hit in lists),
        "listed_on": "; ".join(hit["date"] or "" for hit in lists),
        "via": "; ".join(sorted({hit["via"] for hit in lists if hit["via"]})),
        "citations": "; ".join(hit["citation"] or "" for hit in lists),
        "reason": match.get("explanation") or "no name passes the threshold",
        "near_misses": "; ".join(m["reason"] for m in result.get("near_misses") or []),
        "as_of": result.get("as_of") or "",
        "matcher": result["matcher"],
        "list_versions": versions,
    }
    return {key: safe_cell(value) for key, value in row.items()}


def write(path: Path, results: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, COLUMNS)
        writer.writeheader()
        writer.writerows(row_of(result) for result in results)
