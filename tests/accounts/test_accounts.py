"""Accounts: argon2 passwords, roles in order, tokens stored as hashes, expiring sessions, and an
audit entry for every change."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from oversight.accounts import AccountError, sessions, tokens, users
from oversight.accounts.passwords import hash_password, verify_password
from oversight.accounts.roles import ACCOUNT_ROLES, may, rank
from oversight.app import Registry
from oversight.store import audit
from oversight.store.models import ApiToken, User, WebSession


def test_roles_come_ordered_from_the_schema() -> None:
    assert ACCOUNT_ROLES == ("contributor", "reviewer", "admin")
    assert rank("reader") < rank("contributor") < rank("reviewer") < rank("admin")
    assert may("admin", "reviewer") and may("reviewer", "contributor")
    assert not may("contributor", "reviewer") and not may(None, "contributor")
    with pytest.raises(AccountError, match="unknown role 'owner'"):
        rank("owner")


def test_passwords_are_argon2_and_verified() -> None:
    stored = hash_password("long enough password")
    assert stored.startswith("$argon2id$") and "long enough" not in stored
    assert verify_password(stored, "long enough password")
    assert not verify_password(stored, "long enough passwore")
    assert not verify_password(None, "long enough password")
    assert not verify_password("not a hash", "long enough password")
    with pytest.raises(AccountError, match="at least 8"):
        hash_password("short")


def test_add_role_remove_are_audited(sqlite_registry: Registry) -> None:
    with sqlite_registry.session() as session:
        users.add_user(session, "dana", "contributor", "dana-password-1", actor="admin-cli")
        users.set_role(session, "dana", "reviewer", actor="admin-cli")
        users.set_role(session, "dana", "reviewer", actor="admin-cli")  # no change, no entry
        tokens.create_token(session, "dana", "laptop", actor="admin-cli")
        users.remove_user(session, "dana", actor="admin-cli")
    with sqlite_registry.session() as session:
        assert session.scalars(select(User)).all() == []
        assert session.scalars(select(ApiToken)).all() == []
        log = audit.history(session, "user", "dana")
        assert [e["action"] for e in log] == ["user_add", "role_change", "user_remove"]
        assert log[1]["before"]["role"] == "contributor" and log[1]["after"]["role"] == "reviewer"
        assert all("password" not in str(e) for e in log)  # hashes stay out of the log
        assert audit.verify(session) == []


@pytest.mark.parametrize(("name", "role", "message"), [
    ("", "reviewer", "not a valid user name"),
    ("has space", "reviewer", "not a valid user name"),
    ("eve", "owner", "unknown role 'owner'"),
    ("eve", "reader", "unknown role 'reader'"),  # readers are anonymous: no account
])
def test_bad_users_are_refused(sqlite_registry: Registry, name: str, role: str, message: str) -> None:
    with pytest.raises(AccountError, match=message), sqlite_registry.session() as session:
        users.add_user(session, name, role, "good-password-1", actor="admin-cli")


def test_names_are_unique(sqlite_registry: Registry) -> None:
    with sqlite_registry.session() as session:
        users.add_user(session, "eve", "contributor", "good-password-1", actor="a")
    with pytest.raises(AccountError, match="already exists"), sqlite_registry.session() as session:
        users.add_user(session, "eve", "admin", "good-password-2", actor="a")


def test_authenticate(sqlite_registry: Registry) -> None:
    with sqlite_registry.session() as session:
        users.add_user(session, "finn", "reviewer", "finn-password-1", actor="a")
    with sqlite_registry.session() as session:
        assert users.authenticate(session, "finn", "finn-password-1").name == "finn"
        assert users.authenticate(session, "finn", "wrong-password") is None
        assert users.authenticate(session, "nobody", "finn-password-1") is None
        session.scalar(select(User)).disabled = True
    with sqlite_registry.session() as session:
        assert users.authenticate(session, "finn", "finn-password-1") is None


def test_tokens_are_hashed_and_revocable(sqlite_registry: Registry) -> None:
    with sqlite_registry.session() as session:
        users.add_user(session, "gil", "contributor", "gil-password-1", actor="a")
        secret, row = tokens.create_token(session, "gil", "scraper", actor="a")
    assert secret.startswith("ovt_") and len(secret) > 40
    with sqlite_registry.session() as session:
        stored = session.scalar(select(ApiToken))
        assert stored.token_hash == tokens.digest(secret) and secret not in stored.token_hash
        assert tokens.user_for_token(session, secret).name == "gil"
        assert tokens.user_for_token(session, secret + "x") is None
        assert tokens.user_for_token(session, "not-a-token") is None
    with sqlite_registry.session() as session:
        assert session.scalar(select(ApiToken)).last_used_at is not None
        tokens.revoke_token(session, row.id, actor="a", user_name="gil")
    with sqlite_registry.session() as session:
        assert tokens.user_for_token(session, secret) is None
        assert [t["revoked_at"] is not None for t in tokens.list_tokens(session, "gil")] == [True]
        assert [e["action"] for e in audit.history(session, "api_token", str(row.id))] == [
            "token_create", "token_revoke"]
    with pytest.raises(AccountError, match="already revoked"), sqlite_registry.session() as session:
        tokens.revoke_token(session, row.id, actor="a")
    with pytest.raises(AccountError, match="no API token"), sqlite_registry.session() as session:
        tokens.revoke_token(session, row.id, actor="a", user_name="someone-else")


def test_sessions_expire_and_end(sqlite_registry: Registry) -> None:
    with sqlite_registry.session() as session:
        user = users.add_user(session, "hana", "reviewer", "hana-password-1", actor="a")
        live = sessions.start_session(session, user)
        stale = sessions.start_session(session, user, lifetime=timedelta(seconds=-1))
    with sqlite_registry.session() as session:
        found = sessions.find_session(session, live.cookie)
        assert found is not None and found[0].name == "hana" and found[1] == live.csrf_token
        assert sessions.find_session(session, stale.cookie) is None
        assert live.cookie not in {s.id_hash for s in session.scalars(select(WebSession))}
        sessions.end_session(session, live.cookie)
    with sqlite_registry.session() as session:
        assert sessions.find_session(session, live.cookie) is None
