"""The password policy (zxcvbn score 3 or more, 8 to 1,024 characters) for every new password."""

from __future__ import annotations

from pathlib import Path

import pytest

from oversight.accounts import AccountError, users
from oversight.accounts.passwords import check_password, hash_password, verify_password
from oversight.app import Registry


@pytest.mark.parametrize("weak", ["password", "12345678", "qwertyuiop", "iloveyou1", "Password1!",
                                  "aaaaaaaaaaaa", "1234567890"])
def test_common_and_guessable_passwords_are_refused(weak: str) -> None:
    with pytest.raises(AccountError, match="too easy to guess|too short"):
        check_password(weak)


def test_the_account_name_counts_as_known() -> None:
    check_password("margarethe2024")
    with pytest.raises(AccountError, match="too easy to guess"):
        check_password("margarethe2024", ["margarethe"])


@pytest.mark.parametrize("good", ["correct horse battery staple 42", "rita-reviews-22", "Tq8#vLm2pW"])
def test_passphrases_and_random_passwords_pass(good: str) -> None:
    assert check_password(good) == good


def test_a_very_long_password_is_judged_without_error() -> None:
    long = "plum-violin-" * 20  # longer than zxcvbn accepts
    assert check_password(long) == long


def test_add_user_applies_the_policy(tmp_path: Path) -> None:
    registry = Registry(f"sqlite:///{tmp_path / 'r.db'}")
    with registry.session() as session, pytest.raises(AccountError, match="too easy to guess"):
        users.add_user(session, "dana", "contributor", "password", actor="admin-cli")
    with registry.session() as session:
        assert users.list_users(session) == []
    registry.engine.dispose()


def test_stored_passwords_that_predate_the_policy_still_verify() -> None:
    """Hashing (and rehashing at sign-in) does not apply the policy, so nobody is locked out."""
    assert verify_password(hash_password("12345678"), "12345678")
