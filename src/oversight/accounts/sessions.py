"""Browser sessions: a random cookie value (stored as its SHA-256) and a CSRF token per session."""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from oversight.accounts.tokens import digest
from oversight.store.models import User, WebSession, utcnow

LIFETIME = timedelta(hours=12)
COOKIE = "oversight_session"


@dataclass(frozen=True)
class Started:
    cookie: str  # the secret for the browser; only its hash is stored
    csrf_token: str
    max_age: int  # seconds, for the cookie


def start_session(session: Session, user: User, lifetime: timedelta = LIFETIME) -> Started:
    """A new session for a signed-in user; expired sessions are swept at the same time."""
    now = utcnow()
    session.execute(delete(WebSession).where(WebSession.expires_at < now))
    cookie, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    session.add(WebSession(id_hash=digest(cookie), user_id=user.id, csrf_token=csrf,
                           created_at=now, expires_at=now + lifetime))
    return Started(cookie, csrf, int(lifetime.total_seconds()))


def find_session(session: Session, cookie: str) -> tuple[User, str] | None:
    """(user, csrf token) for a live session of an enabled user, or None."""
    found = session.execute(
        select(User, WebSession.csrf_token).join(WebSession, WebSession.user_id == User.id)
        .where(WebSession.id_hash == digest(cookie), WebSession.expires_at > utcnow())
    ).first()
    if found is None or found[0].disabled:
        return None
    return found[0], found[1]


def end_session(session: Session, cookie: str) -> None:
    session.execute(delete(WebSession).where(WebSession.id_hash == digest(cookie)))
