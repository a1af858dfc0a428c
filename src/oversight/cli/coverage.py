"""`oversight leads`: the findings of Carnegie's AIGS index against the registry's deployments."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from oversight.analytics.coverage import FindingState
from oversight.app import Registry
from oversight.cli import render
from oversight.errors import LoadError
from oversight.registry.records import country_name
from oversight.vocab import AIGS_INDEXES

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


def leads(
    ctx: typer.Context,
    country: Annotated[Optional[str], typer.Option(  # noqa: UP045 - typer needs Optional
        "--country", metavar="ISO3", help="Only this country.")] = None,
    index: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--index", help=f"Only this AIGS edition: {' | '.join(AIGS_INDEXES)}.")] = None,
    show_all: Annotated[bool, typer.Option(
        "--all", help="Every finding with its state (backed / searched / open), not only open.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Open AIGS findings: what Carnegie's index reports that no sourced deployment backs yet
    and nobody has searched for (data/leads/)."""
    if index is not None and index not in AIGS_INDEXES:
        render.fail(f"--index {index!r} is not one of: {', '.join(AIGS_INDEXES)}")
    if country is not None and country_name(country.upper()) is None:
        render.fail(f"--country {country!r} is not an ISO 3166-1 alpha-3 country code")
    try:
        states = Registry(ctx.find_root().obj).finding_states(index=index, country=country)
    except LoadError as error:
        for problem in error.problems:
            render.errors.print(escape(str(problem)), highlight=False, soft_wrap=True)
        render.fail(f"{len(error.problems)} problem(s) in the searched leads")
    shown = [s for s in states if show_all or s.state == "open"]
    if as_json:
        render.print_json([s.as_dict() for s in shown])
        return
    render.table(f"AIGS findings ({'all' if show_all else 'open'}): {len(shown)} of {len(states)}",
                 ("index", "iso3", "country", "finding", "state", "backed by / searched"),
                 (_row(s) for s in shown))
    for edition in sorted({s.finding.index for s in shown}):
        render.console.print(f"{edition}: {escape(AIGS_INDEXES[edition].citation)}", highlight=False)


def _row(state: FindingState) -> tuple[Any, ...]:
    finding = state.finding
    if state.deployments:
        detail = render.joined(state.deployments)
    elif state.lead is not None:
        detail = f"{state.lead.result} on {state.lead.searched.isoformat()}"
    else:
        detail = "no sourced deployment yet"
    return (finding.index, finding.country, country_name(finding.country), finding.finding,
            state.state, detail)


def coverage_table(report: dict[str, Any]) -> None:
    """Backed / searched / open counts of AIGS findings per edition (`oversight stats`)."""
    rows = []
    for edition in report.values():
        countries = edition["countries"]
        rows.append((edition["label"], "countries with a deployment",
                     f"{countries['with_deployments']} / {countries['listed']}", "", ""))
        groups = [*edition["categories"].items(), ("companies", edition["companies"])]
        for name, counts in groups:
            total = sum(counts.values())
            if total:
                rows.append((edition["label"], name, f"{counts['backed']} / {total}",
                             counts["searched"], counts["open"]))
    render.table("Coverage against AIGS (whole registry; `oversight leads` lists open findings)",
                 ("index", "findings", "backed", "searched", "open"), rows)


def register(app: typer.Typer) -> None:
    app.command("leads")(leads)
