"""Roles, from schema.yaml `roles`, ordered from least to most trusted: a role may do all that
the roles before it may."""

from __future__ import annotations

from oversight.accounts import AccountError
from oversight.vocab import ROLES

ANONYMOUS = ROLES[0]  # "reader": what anyone may do without an account
ACCOUNT_ROLES = ROLES[1:]  # roles an account can hold


def rank(role: str) -> int:
    return ROLES.index(check_role(role, allow_anonymous=True))


def check_role(role: str, *, allow_anonymous: bool = False) -> str:
    """The role, or an AccountError naming the roles an account can have."""
    allowed = ROLES if allow_anonymous else ACCOUNT_ROLES
    if role not in allowed:
        raise AccountError(f"unknown role {role!r}; choose one of {', '.join(allowed)}")
    return role


def may(role: str | None, needed: str) -> bool:
    """Whether `role` (None for anonymous) reaches `needed`."""
    return rank(role or ANONYMOUS) >= rank(needed)
