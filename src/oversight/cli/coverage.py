"""`oversight leads` (the findings of Carnegie's AIGS index against the registry's deployments)
and `oversight lint-data` (the evidence rules of registry/lint.py)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from oversight.analytics.coverage import FindingState
from oversight.app import Registry, bundled_record_paths
from oversight.cli import render
from oversight.errors import LoadError
from oversight.registry.leads import bundled_leads_dir
from oversight.registry.lint import RULES, lint_paths
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


def lint_data(
    paths: Annotated[Optional[list[Path]], typer.Argument(  # noqa: UP045
        help="Record files or folders (default: the bundled data).")] = None,
    leads_dir: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--leads", help="Folder of searched leads (default: the bundled one; with PATHS: none).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Check the evidence: dated sources, second sources, no aggregator-only support, no
    duplicates, official citations for listings, searched leads that say what they found.
    Exit status 1 when any rule fails."""
    if paths:
        report = lint_paths(paths, leads_dir)
    else:
        report = lint_paths(bundled_record_paths(), leads_dir or bundled_leads_dir())
    if as_json:
        render.print_json({"counts": report.counts(),
                           "load_problems": [str(p) for p in report.load_problems],
                           "problems": [p.as_dict() for p in report.problems]})
    else:
        for problem in [*report.load_problems, *report.problems]:
            sys.stdout.write(f"{problem}\n")  # one line each, never wrapped, for grep
        render.table("data lint", ("rule", "problems", "what it checks"),
                     ((rule, n, RULES[rule]) for rule, n in report.counts().items()))
        if report.load_problems:
            render.console.print(f"{len(report.load_problems)} file problem(s): the rules were not run")
    if report.problems or report.load_problems:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.command("leads")(leads)
    app.command("lint-data")(lint_data)
