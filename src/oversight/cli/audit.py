"""`oversight audit verify|log` and `oversight delete`: the audit trail and the one destructive change."""

from __future__ import annotations

from typing import Annotated, Any, Optional

import typer
from rich.markup import escape

from oversight.app import Registry
from oversight.cli import render
from oversight.errors import NotFound
from oversight.settings import load_settings
from oversight.store import audit

audit_app = typer.Typer(help="The append-only, hash-chained audit log of every change.",
                        no_args_is_help=True)

JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]


def _registry(ctx: typer.Context) -> Registry:
    return Registry(ctx.find_root().obj)


def _fail(message: str) -> None:
    render.errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@audit_app.command()
def verify(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Recompute the hash chain; exit 1 naming the first broken entry if any was altered,
    removed or re-ordered."""
    with _registry(ctx).session() as session:
        problems = audit.verify(session)
        facts = audit.summary(session)
    if as_json:
        render.print_json({"intact": not problems, **facts,
                           "problems": [p.as_dict() for p in problems]})
    elif problems:
        first = problems[0]
        where = f"entry {first.seq}" if first.seq is not None else "chain head"
        render.errors.print(f"audit log broken at {where}: {escape(first.reason)}"
                            + (f" (and {len(problems) - 1} more problem(s))" if len(problems) > 1 else ""),
                            highlight=False, soft_wrap=True)
    else:
        render.console.print(f"audit log intact: {facts['entries']} entries, last {facts['last_seq']} "
                             f"hash {facts['last_hash'][:16]}", highlight=False)
    if problems:
        raise typer.Exit(1)


def _change(entry: dict[str, Any]) -> str:
    """Which top-level fields an entry changed, in a few words."""
    before, after = entry["before"] or {}, entry["after"] or {}
    if not before or not after:
        return ""
    return ", ".join(k for k in sorted(set(before) | set(after)) if before.get(k) != after.get(k))


@audit_app.command("log")
def log(
    ctx: typer.Context,
    entity: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--entity", help="Only entries about this kind of record: deployment, organisation, ...")] = None,
    entity_id: Annotated[Optional[str], typer.Option("--id", help="Only this record's entries.")] = None,  # noqa: UP045
    limit: Annotated[int, typer.Option("--limit", help="The last N entries (0: all).", min=0)] = 50,
    as_json: JsonOption = False,
) -> None:
    """Entries of the audit log in chain order, optionally for one record."""
    with _registry(ctx).session() as session:
        found = audit.entries(session, entity, entity_id, limit=limit or None)
    if as_json:
        render.print_json(found)
        return
    columns = ("seq", "at", "actor", "action", "record", "changed", "note")
    render.table(f"audit log ({len(found)} entries)", columns,
                 [(e["seq"], e["at"].isoformat(timespec="seconds"), e["actor"], e["action"],
                   f"{e['entity']} {e['entity_id']}", _change(e), e["note"]) for e in found])


def delete(
    ctx: typer.Context,
    deployment_id: Annotated[str, typer.Argument(help="Id of the deployment to delete.")],
    actor: Annotated[Optional[str], typer.Option(  # noqa: UP045
        "--actor", help="Who deletes (default: OVERSIGHT_USER or the login name).")] = None,
    note: Annotated[Optional[str], typer.Option("--note", help="Why; kept in the audit log.")] = None,  # noqa: UP045
    as_json: JsonOption = False,
) -> None:
    """Delete a deployment; the audit log keeps what it was, who deleted it and why."""
    try:
        entry = _registry(ctx).delete_deployment(deployment_id, actor or load_settings().user, note=note)
    except NotFound as error:
        _fail(str(error))
    if as_json:
        render.print_json(entry)
    else:
        render.console.print(f"deleted deployment {deployment_id} (audit entry {entry['seq']})",
                             highlight=False)


def register(app: typer.Typer) -> None:
    app.add_typer(audit_app, name="audit")
    app.command("delete")(delete)
