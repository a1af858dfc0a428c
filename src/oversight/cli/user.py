"""`oversight user`: accounts, roles and API tokens. Passwords never go on the command line,
where shell history and the process list would keep them."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Annotated, NoReturn, Optional, TypeVar

import typer
from rich.markup import escape
from sqlalchemy.orm import Session

from oversight.accounts import AccountError, tokens, users
from oversight.accounts.passwords import check_password
from oversight.accounts.roles import ACCOUNT_ROLES
from oversight.app import Registry
from oversight.cli import render
from oversight.settings import load_settings

T = TypeVar("T")
user_app = typer.Typer(help="Accounts, roles and API tokens (the actor recorded is OVERSIGHT_USER).",
                       no_args_is_help=True)
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON.")]
ROLE_HELP = f"One of: {', '.join(ACCOUNT_ROLES)}."


def _fail(message: str) -> NoReturn:
    render.errors.print(f"[red]error:[/red] {escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(1)


@contextmanager
def _session(ctx: typer.Context) -> Iterator[Session]:
    registry = Registry(ctx.find_root().obj)
    try:
        with registry.session() as session:
            yield session
    except AccountError as error:
        _fail(str(error))
    finally:
        registry.engine.dispose()


def _run(ctx: typer.Context, action: Callable[[Session], T]) -> T:
    with _session(ctx) as session:
        return action(session)


def _read_password(from_stdin: bool, name: str) -> str:
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = typer.prompt("Password", hide_input=True, confirmation_prompt=True)
    try:
        return check_password(password, [name])
    except AccountError as error:
        _fail(str(error))


@user_app.command("add")
def add(
    ctx: typer.Context,
    name: str,
    role: Annotated[str, typer.Option("--role", help=ROLE_HELP)] = "contributor",
    password_stdin: Annotated[bool, typer.Option(
        "--password-stdin", help="Read the password from the first line of standard input.")] = False,
) -> None:
    """Create an account (asks for the password unless --password-stdin)."""
    password = _read_password(password_stdin, name)
    actor = load_settings().user
    _run(ctx, lambda s: users.add_user(s, name, role, password, actor=actor))
    render.console.print(f"added {escape(name)} ({role})")


@user_app.command("remove")
def remove(ctx: typer.Context, name: str) -> None:
    """Delete an account with its API tokens and sessions (its contributions keep its name)."""
    actor = load_settings().user
    _run(ctx, lambda s: users.remove_user(s, name, actor=actor))
    render.console.print(f"removed {escape(name)}")


@user_app.command("role")
def role(ctx: typer.Context, name: str, new_role: Annotated[str, typer.Argument(
        metavar="ROLE", help=ROLE_HELP)]) -> None:
    """Change the role of an account."""
    actor = load_settings().user
    _run(ctx, lambda s: users.set_role(s, name, new_role, actor=actor))
    render.console.print(f"{escape(name)} is now {new_role}")


@user_app.command("list")
def list_(ctx: typer.Context, as_json: JsonOption = False) -> None:
    """Every account with its role and number of live API tokens."""
    rows = _run(ctx, users.list_users)
    if as_json:
        render.print_json(rows)
        return
    render.table(f"{len(rows)} user(s)", ("name", "role", "disabled", "created", "tokens"),
                 ((u["name"], u["role"], "yes" if u["disabled"] else "", u["created_at"],
                   u["active_tokens"]) for u in rows))


@user_app.command("token")
def token(
    ctx: typer.Context,
    name: str,
    label: Annotated[Optional[str], typer.Option("--label", help="What the token is for.")] = None,  # noqa: UP045
    as_json: JsonOption = False,
) -> None:
    """Issue an API token; it is printed once and only its hash is stored."""
    actor = load_settings().user

    def create(session: Session) -> tuple[str, int]:
        secret, row = tokens.create_token(session, name, label, actor=actor)
        return secret, row.id

    secret, token_id = _run(ctx, create)
    if as_json:
        render.print_json({"id": token_id, "user": name, "token": secret})
        return
    render.errors.print(f"API token {token_id} for {escape(name)}; it will not be shown again:")
    sys.stdout.write(secret + "\n")


@user_app.command("tokens")
def list_tokens(ctx: typer.Context, name: Annotated[Optional[str], typer.Argument(  # noqa: UP045
        help="Only this user's tokens.")] = None, as_json: JsonOption = False) -> None:
    """API tokens (ids, labels, last use; never the secrets)."""
    rows = _run(ctx, lambda s: tokens.list_tokens(s, name))
    if as_json:
        render.print_json(rows)
        return
    render.table(f"{len(rows)} token(s)", ("id", "user", "label", "created", "last used", "revoked"),
                 ((t["id"], t["user"], t["label"], t["created_at"], t["last_used_at"], t["revoked_at"])
                  for t in rows))


@user_app.command("revoke-token")
def revoke_token(ctx: typer.Context, name: str, token_id: Annotated[int, typer.Argument(
        help="The token's id (see `oversight user tokens NAME`).")]) -> None:
    """Revoke one API token of a user; requests with it get 401 from then on."""
    actor = load_settings().user
    _run(ctx, lambda s: tokens.revoke_token(s, token_id, actor=actor, user_name=name))
    render.console.print(f"revoked API token {token_id} of {escape(name)}")


def register(app: typer.Typer) -> None:
    app.add_typer(user_app, name="user")
