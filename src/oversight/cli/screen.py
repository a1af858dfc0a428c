"""`oversight screen`: supplier names against the registry and its restriction lists."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.markup import escape

from oversight.app import Registry
from oversight.cli import render, screen_csv
from oversight.errors import NoListings, RegistryMissing
from oversight.listfiles.common import iso_date
from oversight.screening import (
    DEFAULT_THRESHOLD,
    MATCHER_VERSION,
    ScreeningIndex,
    build_index,
    screen_all,
)
from oversight.screening.cache import load_or_build
from oversight.screening.names import names_from_csv as csv_column
from oversight.store import queries

# Exit code when there is nothing to screen against: distinct from 1 (bad input), so a
# script never mistakes "could not screen" for "screened, no match".
NOTHING_TO_SCREEN_AGAINST = 2


def names_from_csv(path: Path, column: str) -> list[str]:
    """The non-empty cells of one column; errors name the file, line and column."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ValueError(f"{path}: cannot read file: {error.strerror}") from None
    return csv_column(data, column, str(path))


def _refuse(message: str) -> typer.Exit:
    render.errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    return typer.Exit(NOTHING_TO_SCREEN_AGAINST)


def _open(ctx: typer.Context) -> tuple[Registry, str]:
    """The registry named by --db (which must exist), else the default one if it exists,
    else the bundled dataset loaded in memory."""
    url: str = ctx.obj
    try:
        return Registry.existing(url), "registry"
    except RegistryMissing as error:
        if ctx.meta.get("db_given"):
            raise _refuse(f"{error}; create it with `oversight --db {url} init` (loads the "
                          "bundled lists), then add lists with `oversight --db "
                          f"{url} lists import FILE`") from None
    render.errors.print(f"no registry at {url}: screening against the bundled lists, loaded "
                        "in memory (`oversight init` creates a registry)", highlight=False,
                        soft_wrap=True)
    return Registry.bundled_in_memory(), "bundled"


def _cache_path(url: str) -> Path | None:
    """Where the index of an SQLite registry is kept: beside its file. None for others."""
    path = url.removeprefix("sqlite:///") if url.startswith("sqlite:///") else (
        url if "://" not in url else None)
    return None if not path or path == ":memory:" else Path(f"{path}.screening-index")


def screening_index(ctx: typer.Context) -> ScreeningIndex:
    registry, source = _open(ctx)
    try:
        with registry.session() as session:
            def build() -> ScreeningIndex:
                return build_index(queries.screening_entities(session),
                                   queries.list_versions(session, source=source))
            cache = _cache_path(registry.url) if source == "registry" else None
            if cache is None:
                return build()
            key = (MATCHER_VERSION, queries.screening_fingerprint(session))
            return load_or_build(cache, key, build)[0]
    except NoListings:
        raise _refuse(f"the registry at {ctx.obj} has no restriction-list entries; load the "
                      f"bundled lists with `oversight --db {ctx.obj} init` or import lists "
                      f"with `oversight --db {ctx.obj} lists import FILE`") from None
    finally:
        registry.engine.dispose()


def versions_line(versions: list[dict[str, object]], matcher: str) -> str:
    """One line naming every list version screened against, and the matcher."""
    lists = "; ".join(f"{v['list']} ({v['source']}, as of {v['as_of'] or 'unknown'}, "
                      f"{v['entries']} entries)" for v in versions)
    return f"matcher {matcher}; lists: {lists}"


def register(app: typer.Typer) -> None:
    @app.command()
    def screen(
        ctx: typer.Context,
        names: Annotated[Optional[list[str]], typer.Argument(help="Supplier names.")] = None,  # noqa: UP045
        file: Annotated[Optional[Path], typer.Option(  # noqa: UP045
            "--file", help="CSV file of supplier names.")] = None,
        column: Annotated[str, typer.Option(help="Column of --file that holds the names.")] = "name",
        threshold: Annotated[float, typer.Option(
            min=0.01, max=1.0, help="Lowest score that counts as a match.")] = DEFAULT_THRESHOLD,
        as_of: Annotated[Optional[str], typer.Option(  # noqa: UP045
            "--as-of", help="Screen against the lists in force on this date (YYYY-MM-DD): "
            "was the name listed then?")] = None,
        output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
            "--output", help="Also write one CSV row per name, with reason columns.")] = None,
        as_json: Annotated[bool, typer.Option("--json", help="Print JSON.")] = False,
    ) -> None:
        """Screen supplier names: the matching organisation, its lists, and why."""
        try:
            day = iso_date(as_of)
        except ValueError as error:
            render.errors.print(f"[red]error:[/red] --as-of: {escape(str(error))}",
                                highlight=False)
            raise typer.Exit(1) from None
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
        index = screening_index(ctx)
        results = screen_all(index, queries_, threshold=threshold, as_of=day)
        if output is not None:
            screen_csv.write(output, results)
        if as_json:
            render.print_json(results)
            return
        render.table(
            f"{len(results)} name(s) screened" + (f" against the lists of {day}" if day else ""),
            ("query", "match", "matched name", "score", "lists", "explanation"),
            (
                (r["query"], r["match"]["entity"], r["match"]["matched_name"],
                 f"{r['match']['score']:.2f}",
                 render.joined(f"{x['list']} ({x['date']})" for x in r["match"]["lists"]),
                 r["match"]["explanation"])
                if r["match"] else (r["query"], "no match", "", "", "", "")
                for r in results
            ),
        )
        render.console.print(versions_line(list(index.list_versions), index.version),
                             highlight=False, soft_wrap=True)
