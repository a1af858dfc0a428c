"""How the CLI prints: Rich tables for people, JSON for scripts. Only the CLI prints."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

console = Console()
errors = Console(stderr=True)


def fail(message: str) -> NoReturn:
    """Print an error (never wrapped, for grep) and exit with status 1."""
    errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def table(title: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    view = Table(title=title, title_justify="left", show_lines=False)
    for column in columns:
        view.add_column(column, overflow="fold")
    for row in rows:
        view.add_row(*("" if cell is None else str(cell) for cell in row))
    console.print(view)


def counts(title: str, mapping: dict[str, int], limit: int = 15) -> None:
    items = list(mapping.items())
    shown = items[:limit]
    rest = sum(v for _, v in items[limit:])
    rows = [(k, v) for k, v in shown] + ([(f"({len(items) - limit} more)", rest)] if rest else [])
    table(title, ("", "deployments"), rows)


def joined(values: Iterable[Any]) -> str:
    return ", ".join(str(v) for v in values if v)
