"""`oversight screen`: supplier names against the registry and its restriction lists."""

from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from oversight.app import Registry
from oversight.cli import render
from oversight.screening import DEFAULT_THRESHOLD, build_index, screen_all
from oversight.store import queries


def names_from_csv(path: Path, column: str) -> list[str]:
    """The non-empty cells of one column; errors name the file, line and column."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise ValueError(f"{path}: cannot read file: {error.strerror}") from None
    except UnicodeDecodeError as error:
        raise ValueError(f"{path}: not UTF-8 text (byte offset {error.start})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if column not in (reader.fieldnames or []):
        found = ", ".join(reader.fieldnames or []) or "none"
        raise ValueError(f"{path}:1 [{column}]: no such column; columns are: {found}")
    try:
        return [row[column].strip() for row in reader if (row.get(column) or "").strip()]
    except csv.Error as error:
        raise ValueError(f"{path}:{reader.line_num}: malformed CSV: {error}") from None


def register(app: typer.Typer) -> None:
    @app.command()
    def screen(
        ctx: typer.Context,
        names: Annotated[Optional[list[str]], typer.Argument(help="Supplier names.")] = None,  # noqa: UP045
        file: Annotated[Optional[Path], typer.Option(  # noqa: UP045
            "--file", help="CSV file of supplier names.")] = None,
        column: Annotated[str, typer.Option(help="Column of --file that holds the names.")] = "name",
        threshold: Annotated[float, typer.Option(min=0.01, max=1.0)] = DEFAULT_THRESHOLD,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Screen supplier names: the matching organisation, its lists, and why."""
        queries_ = list(names or [])
        if file is not None:
            try:
                queries_ += names_from_csv(file, column)
            except ValueError as error:
                render.errors.print(f"[red]error:[/red] {escape(str(error))}", highlight=False,
                                    soft_wrap=True)
                raise typer.Exit(1) from None
        if not queries_:
            render.errors.print("[red]error:[/red] give names or --file", highlight=False)
            raise typer.Exit(1)
        with Registry(ctx.obj).session() as session:
            index = build_index(queries.screening_entities(session))
        results = screen_all(index, queries_, threshold=threshold)
        if as_json:
            render.print_json(results)
            return
        render.table(
            f"{len(results)} name(s) screened",
            ("query", "match", "score", "lists", "explanation"),
            (
                (r["query"], r["match"]["entity"], f"{r['match']['score']:.2f}",
                 render.joined(f"{x['list']} ({x['date']})" for x in r["match"]["lists"]),
                 r["match"]["explanation"])
                if r["match"] else (r["query"], "no match", "", "", "")
                for r in results
            ),
        )
