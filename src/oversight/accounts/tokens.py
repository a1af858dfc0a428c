"""API tokens for scripts: shown once when created, stored only as a SHA-256 hash."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from oversight.accounts import AccountError
from oversight.accounts.users import get_user
from oversight.store import audit
from oversight.store.models import ApiToken, User, utcnow

PREFIX = "ovt_"  # makes leaked tokens easy to find with secret scanners
TOUCH_EVERY = timedelta(minutes=5)  # last_used_at precision; spares a write on every request


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def _public(token: ApiToken, user_name: str) -> dict[str, Any]:
    return {"id": token.id, "user": user_name, "label": token.label,
            "created_at": token.created_at.isoformat(timespec="seconds") if token.created_at else None,
            "last_used_at": token.last_used_at.isoformat(timespec="seconds") if token.last_used_at else None,
            "revoked_at": token.revoked_at.isoformat(timespec="seconds") if token.revoked_at else None}


def create_token(session: Session, user_name: str, label: str | None, *, actor: str) -> tuple[str, ApiToken]:
    """A new token for the user: (the secret, shown once; the stored row)."""
    user = get_user(session, user_name)
    secret = PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, token_hash=digest(secret), label=(label or "api token")[:200],
                     created_at=utcnow())
    session.add(token)
    session.flush()
    audit.record(session, actor=actor, action="token_create", entity="api_token",
                 entity_id=str(token.id), before=None, after=_public(token, user.name))
    return secret, token


def list_tokens(session: Session, user_name: str | None = None) -> list[dict[str, Any]]:
    query = select(ApiToken, User.name).join(User).order_by(ApiToken.id)
    if user_name is not None:
        query = query.where(User.name == get_user(session, user_name).name)
    return [_public(token, name) for token, name in session.execute(query)]


def revoke_token(session: Session, token_id: int, *, actor: str, user_name: str | None = None) -> ApiToken:
    """Revoke by id (optionally checking its owner); revoking twice is an error, not a no-op,
    so a typo in the id is noticed."""
    found = session.execute(select(ApiToken, User.name).join(User).where(ApiToken.id == token_id)).first()
    if found is None or (user_name is not None and found[1] != user_name):
        owner = f" of user {user_name!r}" if user_name else ""
        raise AccountError(f"no API token {token_id}{owner}")
    token, name = found
    if token.revoked_at is not None:
        raise AccountError(f"API token {token_id} was already revoked")
    before = _public(token, name)
    token.revoked_at = utcnow()
    audit.record(session, actor=actor, action="token_revoke", entity="api_token", entity_id=str(token.id),
                 before=before, after=_public(token, name))
    return token


def user_for_token(session: Session, secret: str) -> User | None:
    """The enabled user a live token belongs to, or None; notes when it was last used."""
    if not secret.startswith(PREFIX):
        return None
    found = session.execute(
        select(ApiToken, User).join(User)
        .where(ApiToken.token_hash == digest(secret), ApiToken.revoked_at.is_(None))
    ).first()
    if found is None or found[1].disabled:
        return None
    token, user = found
    now = utcnow()
    if token.last_used_at is None or now - token.last_used_at > TOUCH_EVERY:
        token.last_used_at = now
    return user
