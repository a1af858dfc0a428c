"""Accounts: users with roles, argon2 passwords, API tokens and browser sessions.

Plain functions over an SQLAlchemy Session; the caller owns the transaction, and every change
is appended to the audit log inside it.
"""

from oversight.errors import OversightError


class AccountError(OversightError):
    """An account operation that cannot be done as asked (unknown user, bad role, ...)."""


__all__ = ["AccountError"]
