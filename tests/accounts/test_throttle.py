"""SigninThrottle: limits per account and per client address over a sliding window."""

from __future__ import annotations

from oversight.accounts.throttle import SigninThrottle


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_an_account_is_locked_after_its_limit_until_the_window_passes() -> None:
    clock = Clock()
    throttle = SigninThrottle(account_limit=3, address_limit=100, window=60, clock=clock)
    for _ in range(3):
        assert throttle.retry_after("rita", "10.0.0.1") is None
        locked = throttle.failed("rita", "10.0.0.1")
        clock.now += 1
    assert locked == [("account", "rita")]  # reported once, when the limit is reached
    assert throttle.retry_after("rita", "10.0.0.9") == 57  # the first failure ages out at 1060
    assert throttle.retry_after("carol", "10.0.0.1") is None  # other accounts are not affected
    clock.now += 57
    assert throttle.retry_after("rita", "10.0.0.1") is None


def test_an_address_is_locked_whatever_names_it_tries() -> None:
    throttle = SigninThrottle(account_limit=100, address_limit=4, window=60, clock=Clock())
    for name in ("a", "b", "c", "d"):
        throttle.failed(name, "10.0.0.1")
    assert throttle.retry_after("e", "10.0.0.1") == 60
    assert throttle.retry_after(None, "10.0.0.1") == 60  # unknown API tokens count here too
    assert throttle.retry_after("e", "10.0.0.2") is None


def test_success_clears_the_account_but_not_the_address() -> None:
    throttle = SigninThrottle(account_limit=2, address_limit=3, window=60, clock=Clock())
    throttle.failed("rita", "10.0.0.1")
    throttle.succeeded("rita")
    throttle.failed("rita", "10.0.0.1")
    assert throttle.retry_after("rita", "10.0.0.1") is None
    throttle.failed("carol", "10.0.0.1")
    assert throttle.retry_after("dana", "10.0.0.1") == 60
