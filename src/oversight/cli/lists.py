"""`oversight lists`: import published restriction-list files and show their editions."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from oversight.app import Registry
from oversight.cli import render
from oversight.errors import LoadError
from oversight.listfiles import FORMATS
from oversight.listfiles.common import iso_date
from oversight.store import listimports
from oversight.vocab import RESTRICTION_LISTS

lists_app = typer.Typer(help="Published restriction lists: import editions, show history.",
                        no_args_is_help=True)
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _fail(message: str) -> typer.Exit:
    render.errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(1)


def _choice(value: str | None, allowed: tuple[str, ...] | list[str], option: str) -> None:
    if value is not None and value not in allowed:
        raise _fail(f"{option} {value!r} is not one of: {', '.join(allowed)}")


@lists_app.command("import")
def import_(
    ctx: typer.Context,
    files: Annotated[list[Path], typer.Argument(help="List files as published.")],
    list_id: Annotated[Optional[str], typer.Option(  # noqa: UP045 - typer needs Optional
        "--list", help=f"Record every entry under this list id ({', '.join(RESTRICTION_LISTS)}); "
        "default: the list the file is, or for the CSL each entry's source.")] = None,
    published: Annotated[Optional[str], typer.Option(  # noqa: UP045
        help="Publication date (YYYY-MM-DD) for files that carry none (CSL, sdn.csv).")] = None,
    format: Annotated[Optional[str], typer.Option(  # noqa: UP045
        help=f"Force a format: {', '.join(FORMATS)}; default: recognised.")] = None,
    as_json: JsonOption = False,
) -> None:
    """Import list files in one transaction; report added, removed and changed entries."""
    _choice(list_id, RESTRICTION_LISTS, "--list")
    _choice(format, list(FORMATS), "--format")
    try:
        day = iso_date(published)
    except ValueError as error:
        raise _fail(f"--published: {error}") from None
    try:
        reports = Registry(ctx.find_root().obj).import_lists(files, list_id=list_id,
                                                             published=day, format=format)
    except LoadError as error:
        for problem in error.problems:
            sys.stderr.write(f"{problem}\n")  # one line per problem, for grep
        raise _fail(f"{len(error.problems)} problem(s); nothing was written") from None
    if as_json:
        render.print_json(reports)
        return
    render.table("imported", ("list", "file", "published", "entries", "added", "removed",
                              "changed", "skipped"),
                 ((r["list"], r["file"] + (" (already imported)" if r["already_imported"] else ""),
                   r["published"], r["entries"], r["added"], r["removed"], r["changed"],
                   r["skipped"]) for r in reports))


@lists_app.command("history")
def history(
    ctx: typer.Context,
    list_id: Annotated[Optional[str], typer.Option("--list", help="One list only.")] = None,  # noqa: UP045
    as_json: JsonOption = False,
) -> None:
    """Every imported edition, newest first, with its hash and counts."""
    _choice(list_id, RESTRICTION_LISTS, "--list")
    with Registry(ctx.find_root().obj).session() as session:
        rows = listimports.imports(session, list_id)
    if as_json:
        render.print_json(rows)
        return
    render.table("list editions", ("list", "published", "file", "sha256", "entries", "added",
                                   "removed", "imported"),
                 ((r["list"], r["published"], r["file"], r["sha256"][:12], r["entries"],
                   r["added"], r["removed"], r["imported_at"]) for r in rows))


def register(app: typer.Typer) -> None:
    app.add_typer(lists_app, name="lists")
