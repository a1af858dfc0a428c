"""Commands of the `oversight` CLI: set up, load, query and export the registry."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn, Optional, TypeVar

import typer
from rich.markup import escape

from oversight.analytics.index import country_index, index_definition, index_series
from oversight.app import Registry
from oversight.cli import assess as assess_commands
from oversight.cli import audit as audit_commands
from oversight.cli import claims as claims_commands
from oversight.cli import coverage as coverage_commands
from oversight.cli import extract as extract_commands
from oversight.cli import lists as lists_commands
from oversight.cli import render
from oversight.cli import review as review_commands
from oversight.cli import screen as screen_commands
from oversight.cli import user as user_commands
from oversight.errors import LoadError, NotFound
from oversight.publish.exports import FORMATS
from oversight.settings import load_settings
from oversight.store import queries
from oversight.store.queries import SORTABLE, DeploymentFilter
from oversight.vocab import STATUSES, TECHNOLOGIES

T = TypeVar("T")

app = typer.Typer(
    help="Oversight: an evidence-linked observatory of AI-surveillance deployments.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table.")]


@app.callback()
def main(
    ctx: typer.Context,
    db: Annotated[Optional[str], typer.Option(  # noqa: UP045 - typer needs Optional
        "--db", envvar="OVERSIGHT_DB_URL", help="Database URL or SQLite path.")] = None,
) -> None:
    ctx.obj = db or load_settings().db_url
    ctx.meta["db_given"] = db is not None  # --db or OVERSIGHT_DB_URL: it must exist to screen


def _registry(ctx: typer.Context) -> Registry:
    return Registry(ctx.obj)


def _fetch(ctx: typer.Context, query: Callable[..., T], *args: str) -> T:
    """Run one read query; a missing deployment, organisation or country is a clear error."""
    with _registry(ctx).session() as session:
        try:
            return query(session, *args)
        except NotFound as error:
            _fail(str(error))


def _fail(message: str) -> NoReturn:
    render.errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


def _choices(values: list[str], allowed: tuple[str, ...], option: str) -> list[str]:
    for value in values:
        if value not in allowed:
            _fail(f"{option} {value!r} is not one of: {', '.join(allowed)}")
    return values


def _print_report(report: dict[str, object], as_json: bool) -> None:
    if as_json:
        render.print_json(report)
        return
    for key in ("created", "updated", "unchanged"):
        counts = report[key]
        assert isinstance(counts, dict)
        text = ", ".join(f"{n} {kind}(s)" for kind, n in sorted(counts.items())) or "nothing"
        render.console.print(f"{key}: {text}")


@app.command()
def init(
    ctx: typer.Context,
    empty: Annotated[bool, typer.Option(help="Create the schema only, without the starter data.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Create or migrate the registry and load the bundled starter dataset."""
    registry = _registry(ctx)
    if empty:
        render.console.print(f"schema ready: {registry}")
        return
    try:
        report = registry.load_bundled()
    except LoadError as error:
        _report_problems(error)
    _print_report(report.as_dict(), as_json)


def _report_problems(error: LoadError) -> None:
    for problem in error.problems:
        sys.stderr.write(f"{problem}\n")  # one line per problem, never wrapped, for grep
    _fail(f"{len(error.problems)} problem(s); nothing was written")


@app.command()
def load(
    ctx: typer.Context,
    paths: Annotated[list[Path], typer.Argument(help="CSV, JSON, JSONL or YAML files or folders.")],
    dry_run: Annotated[bool, typer.Option(help="Check and report, write nothing.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Load organisations, deployments, sources and listings; all or nothing."""
    try:
        report = _registry(ctx).load(paths, dry_run=dry_run)
    except LoadError as error:
        _report_problems(error)
    _print_report(report.as_dict(), as_json)


def _filter(
    country: list[str], vendor: list[str], vendor_country: list[str], technology: list[str],
    status: list[str], since: int | None, until: int | None, q: str | None,
) -> DeploymentFilter:
    return DeploymentFilter(
        country=country,
        vendor=vendor,
        vendor_country=vendor_country,
        technology=_choices(technology, TECHNOLOGIES, "--technology"),
        status=_choices(status, STATUSES, "--status"),
        since=since,
        until=until,
        q=q,
    )


CountryOpt = Annotated[list[str], typer.Option("--country", help="Host country, ISO3; repeatable.")]
VendorOpt = Annotated[list[str], typer.Option("--vendor", help="Supplier name or alias; repeatable.")]
VendorCountryOpt = Annotated[list[str], typer.Option(
    "--vendor-country", help="Supplier home country, ISO3; repeatable.")]
TechOpt = Annotated[list[str], typer.Option(
    "--technology", help=f"One of: {', '.join(TECHNOLOGIES)}; repeatable.")]
StatusOpt = Annotated[list[str], typer.Option("--status", help=f"One of: {', '.join(STATUSES)}.")]
SinceOpt = Annotated[Optional[int], typer.Option("--since", help="First year (inclusive).")]  # noqa: UP045
UntilOpt = Annotated[Optional[int], typer.Option("--until", help="Last year (inclusive).")]  # noqa: UP045
QueryOpt = Annotated[Optional[str], typer.Option("--q", help="Text search.")]  # noqa: UP045


@app.command()
def deployments(
    ctx: typer.Context,
    country: CountryOpt = [],  # noqa: B006 - typer reads defaults, never mutates them
    vendor: VendorOpt = [],  # noqa: B006
    vendor_country: VendorCountryOpt = [],  # noqa: B006
    technology: TechOpt = [],  # noqa: B006
    status: StatusOpt = [],  # noqa: B006
    since: SinceOpt = None,
    until: UntilOpt = None,
    q: QueryOpt = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 1000,
    sort: Annotated[str, typer.Option(help=f"One of {', '.join(SORTABLE)}; '-' for descending.")] = "id",
    as_json: JsonOption = False,
) -> None:
    """List deployments matching the filters."""
    filters = _filter(country, vendor, vendor_country, technology, status, since, until, q)
    try:
        rows = _registry(ctx).deployment_records(filters, limit=limit, sort=sort)
    except ValueError as error:
        _fail(str(error))
    if as_json:
        render.print_json(rows)
        return
    render.table(
        f"{len(rows)} deployment(s)",
        ("id", "country", "city", "suppliers", "technologies", "status", "year"),
        ((d["id"], d["country"], d["city"], render.joined(s["name"] for s in d["suppliers"]),
          render.joined(d["technologies"]), d["status"], d["year"]) for d in rows),
    )


@app.command()
def show(ctx: typer.Context, deployment_id: str, as_json: JsonOption = False) -> None:
    """One deployment with its suppliers and every source."""
    dep = _fetch(ctx, queries.deployment, deployment_id)
    if as_json:
        render.print_json(dep)
        return
    fields = ("id", "country_name", "city", "region", "buyer", "status", "announced", "started",
              "ended", "contract_value", "currency", "financing", "confidence", "review_state",
              "description", "disputes")
    render.table(dep["id"], ("field", "value"), ((f, dep[f]) for f in fields if dep[f] is not None))
    render.table("suppliers", ("name", "role", "home country"),
                 ((s["name"], s["role"], s["country"]) for s in dep["suppliers"]))
    render.table("sources", ("published", "publisher", "title", "url", "supports"),
                 ((s["published"], s["publisher"], s["title"], s["url"], render.joined(s["supports"]))
                  for s in dep["sources"]))


@app.command()
def vendors(
    ctx: typer.Context,
    buyers: Annotated[bool, typer.Option(help="Include buyer agencies.")] = False,
    as_json: JsonOption = False,
) -> None:
    """Organisations with the deployments they took part in."""
    with _registry(ctx).session() as session:
        rows = queries.organisations(session, include_buyers=buyers)
    if as_json:
        render.print_json(rows)
        return
    render.table(
        f"{len(rows)} organisation(s)",
        ("name", "kind", "country", "parent", "deployments", "countries", "lists"),
        ((o["name"], o["kind"], o["country"], o["parent"], o["deployments"],
          len(o["countries_reached"]), render.joined(o["lists"])) for o in rows),
    )


@app.command()
def vendor(ctx: typer.Context, name: str, as_json: JsonOption = False) -> None:
    """One organisation: aliases, parent, subsidiaries, listings, countries reached."""
    org = _fetch(ctx, queries.organisation, name)
    if as_json:
        render.print_json(org)
        return
    fields = ("name", "legal_name", "kind", "country_name", "parent", "website", "description")
    rows = [(f, org[f]) for f in fields if org[f]]
    rows += [("aliases", render.joined(org["aliases"])),
             ("subsidiaries", render.joined(org["subsidiaries"])),
             ("countries reached", render.joined(org["countries_reached"])),
             ("technologies", render.joined(org["technologies"]))]
    render.table(org["name"], ("field", "value"), rows)
    if org["lists"]:
        render.table("listings", ("list", "listed name", "date", "citation"),
                     ((x["list"], x["listed_name"], x["listed"], x["citation"]) for x in org["lists"]))
    render.table("deployments", ("id", "country", "technologies", "status", "year"),
                 ((d["id"], d["country"], render.joined(d["technologies"]), d["status"], d["year"])
                  for d in org["deployments"]))


@app.command()
def countries(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Countries with deployments."""
    with _registry(ctx).session() as session:
        rows = queries.countries(session)
    if as_json:
        render.print_json(rows)
        return
    render.table(
        f"{len(rows)} country(ies)",
        ("iso3", "name", "deployments", "with Chinese supplier", "technologies", "supplier countries"),
        ((c["country"], c["name"], c["deployments"], c["with_chinese_supplier"],
          render.joined(c["technologies"]), render.joined(c["supplier_countries"])) for c in rows),
    )


@app.command()
def country(ctx: typer.Context, iso3: str, as_json: JsonOption = False) -> None:
    """One country: its deployments, suppliers, technologies and sources."""
    view = _fetch(ctx, queries.country, iso3)
    if as_json:
        render.print_json(view)
        return
    render.table(f"{view['name']} ({view['country']}): {len(view['deployments'])} deployment(s)",
                 ("id", "city", "suppliers", "technologies", "status", "year"),
                 ((d["id"], d["city"], render.joined(s["name"] for s in d["suppliers"]),
                   render.joined(d["technologies"]), d["status"], d["year"])
                  for d in view["deployments"]))
    render.table("sources", ("published", "publisher", "url"),
                 ((s["published"], s["publisher"], s["url"]) for s in view["sources"]))


@app.command()
def stats(
    ctx: typer.Context,
    country: CountryOpt = [],  # noqa: B006
    vendor: VendorOpt = [],  # noqa: B006
    vendor_country: VendorCountryOpt = [],  # noqa: B006
    technology: TechOpt = [],  # noqa: B006
    status: StatusOpt = [],  # noqa: B006
    since: SinceOpt = None,
    until: UntilOpt = None,
    q: QueryOpt = None,
    as_json: JsonOption = False,
) -> None:
    """Counts by country, technology, supplier home country and year; Chinese supplier share;
    coverage of the whole registry against Carnegie's AIGS index."""
    filters = _filter(country, vendor, vendor_country, technology, status, since, until, q)
    registry = _registry(ctx)
    figures = registry.stats(filters)
    aigs = registry.coverage()
    if as_json:
        render.print_json({**figures, "aigs_coverage": aigs})
        return
    render.console.print(
        f"[bold]{figures['deployments']}[/bold] deployments in [bold]{figures['countries']}[/bold] "
        f"countries; {figures['with_chinese_supplier']} "
        f"({figures['share_with_chinese_supplier']:.0%}) with a Chinese supplier, "
        f"{figures['with_chinese_financing']} with Chinese financing."
    )
    render.counts("by country", figures["by_country"])
    render.counts("by technology", figures["by_technology"])
    render.counts("by supplier home country", figures["by_supplier_country"])
    render.counts("by status", figures["by_status"])
    render.counts("by year", figures["by_year"], limit=40)
    render.table("countries reached per vendor (top 15)", ("vendor", "countries"),
                 list(figures["countries_reached_by_vendor"].items())[:15])
    _index_table("Oversight index (top 15; `oversight index` for all)", figures["index"][:15])
    coverage_commands.coverage_table(aigs)


def _index_table(title: str, rows: list[dict[str, Any]]) -> None:
    render.table(title, ("iso3", "country", "index", "technologies", "suppliers", "operational", "planned",
                         "Chinese supplier share", "Chinese-financed"),
                 ((r["country"], r["name"], f"{r['score']:.1f}", len(r["technologies"]), r["suppliers"],
                   r["operational"], r["planned"], f"{r['chinese_supplier_share']:.0%}",
                   r["chinese_financed"]) for r in rows))


@app.command("index")
def index_command(
    ctx: typer.Context,
    year: Annotated[Optional[int], typer.Option(help="As of the end of this year.")] = None,  # noqa: UP045
    series: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--series", metavar="ISO3", help="One country's index for every year instead.")] = None,
    country: CountryOpt = [],  # noqa: B006
    vendor: VendorOpt = [],  # noqa: B006
    vendor_country: VendorCountryOpt = [],  # noqa: B006
    technology: TechOpt = [],  # noqa: B006
    status: StatusOpt = [],  # noqa: B006
    as_json: JsonOption = False,
) -> None:
    """The Oversight index per country (method: `oversight index --json` or the methodology page)."""
    filters = _filter(country + ([series] if series else []), vendor, vendor_country, technology, status,
                      None, None, None)
    records = _registry(ctx).deployment_records(filters)
    if series:
        points = index_series(records).get(series.upper(), [])
        if as_json:
            render.print_json({"country": series.upper(), "series": points})
            return
        render.table(f"Oversight index of {series.upper()} by year", ("year", "index", "deployments"),
                     ((p["year"], f"{p['score']:.1f}", p["deployments"]) for p in points))
        return
    rows = country_index(records, year)
    if as_json:
        render.print_json({"definition": index_definition(), "countries": rows})
        return
    _index_table(f"Oversight index{f' as of {year}' if year else ''}: {len(rows)} countries", rows)


@app.command()
def export(
    ctx: typer.Context,
    fmt: Annotated[str, typer.Option("--format", help=f"One of: {', '.join(FORMATS)}.")],
    output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--output", "-o", help="File to write; standard output when omitted.")] = None,
    level: Annotated[str, typer.Option(
        help="GeoJSON: 'deployment' points or 'country' totals.")] = "deployment",
    country: CountryOpt = [],  # noqa: B006
    vendor: VendorOpt = [],  # noqa: B006
    technology: TechOpt = [],  # noqa: B006
    status: StatusOpt = [],  # noqa: B006
) -> None:
    """Export deployments as csv, json, jsonl, parquet, geojson or ftm (FollowTheMoney)."""
    if fmt not in FORMATS:
        _fail(f"--format {fmt!r} is not one of: {', '.join(FORMATS)}")
    if level not in ("deployment", "country"):
        _fail("--level must be 'deployment' or 'country'")
    filters = _filter(country, vendor, [], technology, status, None, None, None)
    registry = _registry(ctx)
    if output is None:
        registry.export(fmt, sys.stdout.buffer, filters, level=level)
        sys.stdout.buffer.flush()
        return
    partial = output.with_name(output.name + ".partial")
    with partial.open("wb") as stream:
        registry.export(fmt, stream, filters, level=level)
    partial.replace(output)  # a reader never sees a half-written export
    render.errors.print(f"wrote {output}", highlight=False)


@app.command()
def brief(
    ctx: typer.Context,
    iso3: Annotated[str, typer.Argument(help="ISO 3166-1 alpha-3 country code, e.g. KEN.")],
    output: Annotated[Path, typer.Option("--output", "-o", help="PDF file to write.")],
) -> None:
    """Write a printable country brief (PDF): map, deployments, suppliers and their listings,
    financing, index trend, reference-index findings and every source."""
    from oversight.portal.brief_pages import brief_pdf

    with _registry(ctx).session() as session:
        try:
            pdf = brief_pdf(session, iso3)
        except NotFound as error:
            _fail(str(error))
    partial = output.with_name(output.name + ".partial")
    partial.write_bytes(pdf)
    partial.replace(output)  # a reader never sees half a PDF
    render.errors.print(f"wrote {output} ({len(pdf) // 1024} KB)", highlight=False)


@app.command()
def release(
    ctx: typer.Context,
    output: Annotated[Optional[Path], typer.Option(  # noqa: UP045
        "--output", "-o", help="Folder of releases (default: <OVERSIGHT_DATA_DIR>/releases).")] = None,
    as_json: JsonOption = False,
) -> None:
    """Write the next dated, numbered data release: CSV, JSON lines, Parquet, GeoJSON and
    FollowTheMoney files, a Frictionless datapackage.json and a changelog since the last release."""
    root = output or load_settings().data_dir / "releases"
    made = _registry(ctx).release(root)
    if as_json:
        render.print_json(made)
        return
    changes = made["changes"]
    render.errors.print(
        f"release {made['name']} written to {root / made['name']}: "
        f"{made['counts'].get('deployments', 0)} deployments; since the previous release "
        f"{changes.get('added', 0)} added, {changes.get('changed', 0)} changed, "
        f"{changes.get('removed', 0)} removed", highlight=False, soft_wrap=True)


screen_commands.register(app)
lists_commands.register(app)
extract_commands.register(app)
review_commands.register(app)
assess_commands.register(app)
audit_commands.register(app)
claims_commands.register(app)
coverage_commands.register(app)
user_commands.register(app)


@app.command()
def serve(
    ctx: typer.Context,
    host: Annotated[Optional[str], typer.Option(help="Address (default OVERSIGHT_HOST).")] = None,  # noqa: UP045
    port: Annotated[Optional[int], typer.Option(help="Port (default OVERSIGHT_PORT).")] = None,  # noqa: UP045
    workers: Annotated[Optional[int], typer.Option(  # noqa: UP045
        min=1, help="Server processes (default OVERSIGHT_WORKERS, else the number of CPUs).")] = None,
) -> None:
    """Serve the portal and the JSON API (/api/v1, OpenAPI schema at /api/v1/openapi.json)."""
    import uvicorn

    settings = load_settings()
    _registry(ctx).engine.dispose()  # migrate once here, before any worker opens the database
    os.environ["OVERSIGHT_DB_URL"] = ctx.obj  # what each worker's create_app_from_settings reads
    # Each worker builds its own app (engine, caches) from the settings; uvicorn restarts a worker
    # that fails its health check, and building the app takes a few seconds on a busy machine.
    uvicorn.run("oversight.api.app:create_app_from_settings", factory=True,
                workers=workers or settings.workers, host=host or settings.host,
                port=port or settings.port, log_level="info", timeout_worker_healthcheck=60)
