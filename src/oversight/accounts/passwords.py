"""Password hashing with argon2id (argon2-cffi's defaults, RFC 9106's low-memory profile), and the
policy a new password must meet: long enough, and not guessable by zxcvbn's estimate (common
passwords, dictionary words, keyboard walks, dates, repeats and the account's own name)."""

from __future__ import annotations

from collections.abc import Sequence

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from zxcvbn import zxcvbn

from oversight.accounts import AccountError

MIN_LENGTH = 8
MAX_LENGTH = 1024  # hashing cost grows with length; refuse megabyte "passwords"
MIN_SCORE = 3  # zxcvbn's 0-4 scale; 3 is "safely unguessable" (about 10^8 guesses or more)
ZXCVBN_MAX_LENGTH = 72  # zxcvbn refuses longer input (its time grows with length); judge the start
_hasher = PasswordHasher()
# Verified against when the name is unknown, so a wrong name takes as long as a wrong password
# and the timing does not tell which names exist.
_DUMMY_HASH = _hasher.hash("not a password of anyone")


def _check_length(password: str) -> str:
    if len(password) < MIN_LENGTH:
        raise AccountError(f"the password is too short: use at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise AccountError(f"the password is too long: at most {MAX_LENGTH} characters")
    return password


def check_password(password: str, user_inputs: Sequence[str] = ()) -> str:
    """The password if a new account may have it; else AccountError saying why. `user_inputs`
    (the account name) count as known to an attacker."""
    _check_length(password)
    estimate = zxcvbn(password[:ZXCVBN_MAX_LENGTH], user_inputs=list(user_inputs))
    if estimate["score"] < MIN_SCORE:
        feedback = estimate["feedback"]
        why = " ".join(part for part in [feedback.get("warning") or "", *feedback.get("suggestions", [])]
                       if part)
        raise AccountError("the password is too easy to guess" + (f": {why}" if why else "")
                           + " Use a longer passphrase of uncommon words.")
    return password


def hash_password(password: str) -> str:
    """The argon2 hash. The policy is not applied here: a stored password rehashed at sign-in
    keeps working even if it predates the policy."""
    return _hasher.hash(_check_length(password))


def verify_password(stored_hash: str | None, password: str) -> bool:
    """True when `password` matches; with no stored hash, spends the same time and says False."""
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _hasher.verify(stored_hash or _DUMMY_HASH, password) and stored_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    return _hasher.check_needs_rehash(stored_hash)
