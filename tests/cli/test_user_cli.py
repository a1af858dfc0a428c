"""`oversight user`: add, role, list, token, tokens, revoke-token, remove; passwords only from
stdin or a prompt, and every change audited with OVERSIGHT_USER as the actor."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from oversight.accounts import tokens, users
from oversight.app import Registry
from oversight.cli import app
from oversight.store import audit


def _run(url: str, *args: str, stdin: str | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, ["--db", url, "user", *args], input=stdin,
                              env={"OVERSIGHT_USER": "ops-admin"})


def test_user_lifecycle(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'users.db'}"
    added = _run(url, "add", "rita", "--role", "reviewer", "--password-stdin", stdin="rita-reviews-22\n")
    assert added.exit_code == 0, added.output
    assert json.loads(_run(url, "list", "--json").stdout)[0] | {"created_at": ""} == {
        "name": "rita", "role": "reviewer", "disabled": False, "created_at": "", "active_tokens": 0}
    issued = _run(url, "token", "rita", "--label", "nightly import")
    assert issued.exit_code == 0
    secret = issued.stdout.strip()
    assert secret.startswith("ovt_") and "will not be shown again" in issued.stderr
    registry = Registry(url)
    with registry.session() as session:
        assert tokens.user_for_token(session, secret).name == "rita"
        assert users.authenticate(session, "rita", "rita-reviews-22") is not None
    listed = json.loads(_run(url, "tokens", "rita", "--json").stdout)
    assert [(t["id"], t["label"], t["revoked_at"]) for t in listed] == [(1, "nightly import", None)]
    assert secret not in _run(url, "tokens").stdout
    assert _run(url, "role", "rita", "admin").exit_code == 0
    assert _run(url, "revoke-token", "rita", "1").exit_code == 0
    with registry.session() as session:
        assert tokens.user_for_token(session, secret) is None
    assert _run(url, "remove", "rita").exit_code == 0
    assert json.loads(_run(url, "list", "--json").stdout) == []
    with registry.session() as session:
        log = audit.entries(session)
    assert [(e["actor"], e["action"]) for e in log] == [
        ("ops-admin", "user_add"), ("ops-admin", "token_create"), ("ops-admin", "role_change"),
        ("ops-admin", "token_revoke"), ("ops-admin", "user_remove")]
    registry.engine.dispose()


def test_prompted_password_is_confirmed(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'users.db'}"
    result = _run(url, "add", "carol", stdin="carol-contributes-1\ncarol-contributes-1\n")
    assert result.exit_code == 0, result.output
    assert "carol-contributes-1" not in result.stdout  # the prompt hides what is typed
    assert json.loads(_run(url, "list", "--json").stdout)[0]["role"] == "contributor"


def test_errors_are_clear_and_write_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'users.db'}"
    cases = [
        (("add", "eve", "--role", "owner", "--password-stdin"), "long-enough-pw\n", "unknown role 'owner'"),
        (("add", "eve", "--password-stdin"), "short\n", "at least 8 characters"),
        (("add", "eve", "--password-stdin"), "password\n", "too easy to guess"),
        (("add", "eve", "--password-stdin"), "12345678\n", "too easy to guess"),
        (("add", "bad name", "--password-stdin"), "long-enough-pw\n", "not a valid user name"),
        (("role", "nobody", "admin"), None, "no user named 'nobody'"),
        (("remove", "nobody"), None, "no user named 'nobody'"),
        (("token", "nobody"), None, "no user named 'nobody'"),
        (("revoke-token", "nobody", "7"), None, "no API token 7 of user 'nobody'"),
    ]
    for args, stdin, message in cases:
        result = _run(url, *args, stdin=stdin)
        assert result.exit_code == 1, (args, result.output)
        assert message in " ".join(result.stderr.split()), (args, result.stderr)
    assert json.loads(_run(url, "list", "--json").stdout) == []
    assert _run(url, "add", "eve", "--password-stdin", stdin="long-enough-pw\n").exit_code == 0
    duplicate = _run(url, "add", "eve", "--password-stdin", stdin="long-enough-pw\n")
    assert duplicate.exit_code == 1 and "already exists" in duplicate.stderr


def test_password_is_not_an_option() -> None:
    result = CliRunner().invoke(app, ["user", "add", "--help"])
    assert "--password-stdin" in result.stdout
    assert "--password " not in result.stdout and "--password=" not in result.stdout
