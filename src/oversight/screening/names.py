"""Supplier names from a CSV column: the one reader behind `oversight screen --file` and the
portal's upload, so both report a bad file the same way (file, line, column)."""

from __future__ import annotations

import csv
import io


def names_from_csv(data: bytes, column: str, source: str) -> list[str]:
    """The non-empty cells of `column`; ValueError names `source`, the line and the column."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"{source}: not UTF-8 text (byte offset {error.start})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:
        if column not in (reader.fieldnames or []):
            found = ", ".join(reader.fieldnames or []) or "none"
            raise ValueError(f"{source}:1 [{column}]: no such column; columns are: {found}")
        return [row[column].strip() for row in reader if (row.get(column) or "").strip()]
    except csv.Error as error:
        raise ValueError(f"{source}:{reader.line_num}: malformed CSV: {error}") from None
