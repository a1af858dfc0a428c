"""Users: add, remove, change role, list, sign in. Each change is audited in the caller's
transaction; a password hash never enters the audit log."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from oversight.accounts import AccountError
from oversight.accounts.passwords import check_password, hash_password, needs_rehash, verify_password
from oversight.accounts.roles import check_role
from oversight.store import audit
from oversight.store.models import ApiToken, User, WebSession

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,199}$")


@dataclass(frozen=True)
class Account:
    """Who a request comes from: what request.state.user holds and templates show."""

    id: int
    name: str
    role: str
    via: str = "cli"  # "cookie", "token" or "cli"


def account(user: User, via: str = "cli") -> Account:
    return Account(user.id, user.name, user.role, via)


def _public(user: User) -> dict[str, Any]:
    return {"name": user.name, "role": user.role, "disabled": bool(user.disabled)}


def check_name(name: str) -> str:
    if not NAME.match(name):
        raise AccountError(f"{name!r} is not a valid user name: letters, digits and . _ @ + -, "
                           "starting with a letter or digit, at most 200 characters")
    return name


def get_user(session: Session, name: str) -> User:
    user = session.scalar(select(User).where(User.name == name))
    if user is None:
        raise AccountError(f"no user named {name!r}")
    return user


def add_user(session: Session, name: str, role: str, password: str, *, actor: str) -> User:
    check_name(name)
    check_role(role)
    if session.scalar(select(User.id).where(User.name == name)) is not None:
        raise AccountError(f"a user named {name!r} already exists")
    user = User(name=name, role=role, password_hash=hash_password(check_password(password, [name])),
                disabled=False)
    session.add(user)
    session.flush()
    audit.record(session, actor=actor, action="user_add", entity="user", entity_id=name,
                 before=None, after=_public(user))
    return user


def remove_user(session: Session, name: str, *, actor: str) -> None:
    """Delete the account with its tokens and sessions; its contributions keep its name."""
    user = get_user(session, name)
    before = _public(user)
    session.execute(delete(ApiToken).where(ApiToken.user_id == user.id))
    session.execute(delete(WebSession).where(WebSession.user_id == user.id))
    session.delete(user)
    audit.record(session, actor=actor, action="user_remove", entity="user", entity_id=name,
                 before=before, after=None)


def set_role(session: Session, name: str, role: str, *, actor: str) -> User:
    user = get_user(session, name)
    check_role(role)
    if user.role != role:
        before = _public(user)
        user.role = role
        audit.record(session, actor=actor, action="role_change", entity="user", entity_id=name,
                     before=before, after=_public(user))
    return user


def list_users(session: Session) -> list[dict[str, Any]]:
    tokens: dict[int, int] = {}
    for user_id in session.scalars(select(ApiToken.user_id).where(ApiToken.revoked_at.is_(None))):
        tokens[user_id] = tokens.get(user_id, 0) + 1
    return [
        {**_public(user), "created_at": user.created_at.isoformat(timespec="seconds"),
         "active_tokens": tokens.get(user.id, 0)}
        for user in session.scalars(select(User).order_by(User.name))
    ]


def authenticate(session: Session, name: str, password: str) -> User | None:
    """The user when name and password match an enabled account, else None. Unknown names cost
    the same argon2 verification as wrong passwords, so timing does not reveal accounts."""
    user = session.scalar(select(User).where(User.name == name))
    ok = verify_password(user.password_hash if user else None, password)
    if user is None or not ok or user.disabled:
        return None
    if needs_rehash(user.password_hash):  # parameters were raised since it was hashed
        user.password_hash = hash_password(password)
    return user
