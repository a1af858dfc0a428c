"""`oversight assess`: a described or registered deployment -> safeguards scorecard and AI Act class."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, NoReturn, Optional

import typer
from rich.markup import escape

from oversight.app import Registry
from oversight.assessment import scorecard
from oversight.assessment.model import DescriptionError, read_description
from oversight.cli import render
from oversight.errors import NotFound
from oversight.settings import load_settings
from oversight.store.judgements import save_assessment

FILE_SUFFIXES = (".yaml", ".yml", ".json")


def _fail(message: str) -> NoReturn:
    render.errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    @app.command()
    def assess(
        ctx: typer.Context,
        target: Annotated[str, typer.Argument(
            help="A description file (YAML or JSON, see assessment/README.md) or a deployment id.")],
        fmt: Annotated[str, typer.Option(
            "--format", help=f"One of: {', '.join(scorecard.RENDERERS)}.")] = "markdown",
        output: Annotated[Optional[Path], typer.Option(  # noqa: UP045 - typer needs Optional
            "--output", "-o", help="File to write; standard output when omitted.")] = None,
        save: Annotated[bool, typer.Option(
            help="Save the assessment with the registry deployment it assesses.")] = False,
        by: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--by", help="Who assessed (default: OVERSIGHT_USER or the login name).")] = None,
    ) -> None:
        """Assess a deployment: safeguards scorecard, EU AI Act class, and what evidence is missing."""
        if fmt not in scorecard.RENDERERS:
            _fail(f"--format {fmt!r} is not one of: {', '.join(scorecard.RENDERERS)}")
        path = Path(target)
        if path.suffix.lower() in FILE_SUFFIXES or path.is_file():
            try:
                description = read_description(path)
            except DescriptionError as error:
                for problem in error.problems:
                    sys.stderr.write(f"{problem}\n")  # one line per problem, for grep
                _fail(f"{len(error.problems)} problem(s) in {path}")
        else:
            try:
                description = Registry(ctx.obj).assessment_input(target)
            except NotFound:
                _fail(f"{target!r} is neither a description file ({', '.join(FILE_SUFFIXES)}) nor a "
                      "deployment id in the registry")
        card = scorecard.assess(description)
        if save:
            if path.suffix.lower() in FILE_SUFFIXES or path.is_file():
                _fail("--save needs a deployment id: only registry deployments keep assessments")
            with Registry(ctx.obj).session() as session:
                save_assessment(session, target, card, by or load_settings().user)
        text = scorecard.RENDERERS[fmt](card)
        if output is None:
            sys.stdout.write(text)
            return
        partial = output.with_name(output.name + ".partial")
        partial.write_text(text, encoding="utf-8")
        partial.replace(output)  # a reader never sees a half-written report
        render.errors.print(f"wrote {output}", highlight=False)
