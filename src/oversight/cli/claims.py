"""`oversight claims`: query the Parquet output of `oversight extract --engine spark` with DuckDB,
and import selected claims into the registry's review queue."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from oversight.app import Registry
from oversight.cli import render
from oversight.extract.claims_query import ClaimsQueryError, import_claims, query

claims_app = typer.Typer(help="Query extracted claims (Parquet, DuckDB) and import them for review.")

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _fail(message: str) -> None:
    render.errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@claims_app.command("query")
def query_command(
    sql: Annotated[str, typer.Argument(help="SQL over the views `documents` and `claims`.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Output folder of the extraction.")],
    as_json: JsonOption = False,
) -> None:
    """Run SQL (DuckDB) over the documents and claims of an extraction output."""
    try:
        columns, rows = query(output, sql)
    except ClaimsQueryError as error:
        _fail(str(error))
        return
    if as_json:
        render.print_json([dict(zip(columns, row, strict=True)) for row in rows])
    else:
        render.table(f"{len(rows)} row(s)", columns, rows)


@claims_app.command("import")
def import_command(
    ctx: typer.Context,
    output: Annotated[Path, typer.Argument(help="Output folder of the extraction.")],
    where: Annotated[Optional[str], typer.Option(  # noqa: UP045 - typer needs Optional
        "--where", help="SQL condition on the `claims` view, e.g. \"country = 'KEN' AND confidence >= 0.7\".")
    ] = None,
    as_json: JsonOption = False,
) -> None:
    """Save the selected claims and their documents as review candidates; a re-run adds nothing."""
    registry = Registry(ctx.find_root().obj)
    try:
        report = import_claims(registry, output, where)
    except ClaimsQueryError as error:
        _fail(str(error))
        return
    if as_json:
        render.print_json(asdict(report))
    else:
        render.console.print(
            f"{report.selected} claim(s) from {report.documents} document(s) selected; "
            f"{report.added} new in the review queue (`oversight review`)"
        )


def register(app: typer.Typer) -> None:
    app.add_typer(claims_app, name="claims")
