"""`oversight review`: proposed deployments from extracted claims, and the decisions on them."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from oversight.app import Registry
from oversight.cli import render
from oversight.errors import LoadError, OversightError
from oversight.settings import load_settings
from oversight.vocab import STATUSES, TECHNOLOGIES

review_app = typer.Typer(help="Review candidate claims into registry deployments.")

ByOption = Annotated[Optional[str], typer.Option(  # noqa: UP045
    "--by", help="Who decides (default: OVERSIGHT_USER or the login name).")]
NoteOption = Annotated[Optional[str], typer.Option("--note", help="Why.")]  # noqa: UP045
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _registry(ctx: typer.Context) -> Registry:
    return Registry(ctx.find_root().obj)


def _decide(ctx: typer.Context, proposal: str, decision: str, by: str | None, note: str | None,
            edits: dict[str, Any] | None, as_json: bool) -> None:
    try:
        result = _registry(ctx).decide(proposal, decision, by or load_settings().user,
                                       edits=edits, note=note)
    except LoadError as error:
        for problem in error.problems:
            render.errors.print(escape(str(problem)), highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    except OversightError as error:
        render.errors.print(f"[red]error:[/red] {escape(str(error))}", highlight=False, soft_wrap=True)
        raise typer.Exit(1) from None
    if as_json:
        render.print_json(result)
    else:
        target = f" as deployment {result['deployment']}" if result["deployment"] else ""
        render.console.print(f"proposal {result['proposal']} {decision}{target}")


@review_app.callback(invoke_without_command=True)
def review(
    ctx: typer.Context,
    every: Annotated[bool, typer.Option("--all", help="Include decided proposals.")] = False,
    as_json: JsonOption = False,
) -> None:
    """List proposed deployments (claims grouped by country, vendor and technology)."""
    if ctx.invoked_subcommand is not None:
        return
    proposals = [p for p in _registry(ctx).proposals() if every or p["state"] == "open"]
    if as_json:
        render.print_json(proposals)
        return
    render.table(
        f"{len(proposals)} proposal(s)",
        ("id", "country", "vendor", "technology", "status", "year", "claims", "docs", "conf.", "state"),
        ((p["id"], p["country"], p["vendor"], p["technology"], p["status"], p["year"], p["claims"],
          p["documents"], f"{p['confidence']:.2f}", p["state"]) for p in proposals),
    )


@review_app.command()
def show(ctx: typer.Context, proposal: str, as_json: JsonOption = False) -> None:
    """A proposal with every evidence span and its document."""
    from oversight.review.proposals import ReviewError, find

    try:
        found = find(_registry(ctx).proposals(), proposal)
    except ReviewError as error:
        render.errors.print(f"[red]error:[/red] {escape(str(error))}", highlight=False)
        raise typer.Exit(1) from None
    if as_json:
        render.print_json(found)
        return
    render.table(f"proposal {found['id']}: {found['key']} ({found['state']})",
                 ("document", "published", "status", "year", "evidence"),
                 ((e["url"] or e["doc_id"], e["published"], e["status"], e["year"], e["text"])
                  for e in found["evidence"]))


@review_app.command()
def accept(ctx: typer.Context, proposal: str, by: ByOption = None, note: NoteOption = None,
           as_json: JsonOption = False) -> None:
    """Accept a proposal: it becomes a registry deployment citing its documents."""
    _decide(ctx, proposal, "accepted", by, note, None, as_json)


@review_app.command()
def reject(ctx: typer.Context, proposal: str, by: ByOption = None, note: NoteOption = None,
           as_json: JsonOption = False) -> None:
    """Reject a proposal; its claims stay stored, and re-extraction will not reopen it."""
    _decide(ctx, proposal, "rejected", by, note, None, as_json)


@review_app.command()
def edit(
    ctx: typer.Context,
    proposal: str,
    country: Annotated[Optional[str], typer.Option(help="ISO3 country.")] = None,  # noqa: UP045
    vendor: Annotated[Optional[str], typer.Option(help="Supplier name.")] = None,  # noqa: UP045
    technology: Annotated[Optional[str], typer.Option(  # noqa: UP045
        help=f"One of: {', '.join(TECHNOLOGIES)}.")] = None,
    status: Annotated[Optional[str], typer.Option(  # noqa: UP045
        help=f"One of: {', '.join(STATUSES)}.")] = None,
    year: Annotated[Optional[int], typer.Option()] = None,  # noqa: UP045
    city: Annotated[Optional[str], typer.Option()] = None,  # noqa: UP045
    source_url: Annotated[Optional[str], typer.Option(  # noqa: UP045
        help="A citable source when the documents have no URL.")] = None,
    by: ByOption = None,
    note: NoteOption = None,
    as_json: JsonOption = False,
) -> None:
    """Accept a proposal with corrections."""
    edits = {"country": country, "vendor": vendor, "technology": technology, "status": status,
             "year": year, "city": city, "source_url": source_url}
    _decide(ctx, proposal, "edited", by, note, {k: v for k, v in edits.items() if v is not None},
            as_json)


def register(app: typer.Typer) -> None:
    app.add_typer(review_app, name="review")
