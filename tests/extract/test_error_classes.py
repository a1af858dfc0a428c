"""Error classes: the first cause that explains each missed or spurious claim."""

from __future__ import annotations

from oversight.extract.error_classes import _missed_class, _spurious_class

KENYA_HUAWEI_SAFE_CITY = ("KEN", "huawei", "safe_city")


def test_a_claim_found_but_scored_low_is_below_the_threshold() -> None:
    found = {KENYA_HUAWEI_SAFE_CITY}
    assert _missed_class(KENYA_HUAWEI_SAFE_CITY, found, set(), {"huawei"}) == "below the scorer's threshold"


def test_missed_claims_name_the_first_missing_piece() -> None:
    orgs = {"huawei"}
    assert _missed_class(KENYA_HUAWEI_SAFE_CITY, {("UGA", "huawei", "safe_city")}, set(), orgs) == (
        "country not found")
    assert _missed_class(KENYA_HUAWEI_SAFE_CITY, {("KEN", None, "safe_city")}, set(), set()) == (
        "vendor not recognised")
    assert _missed_class(KENYA_HUAWEI_SAFE_CITY, {("KEN", None, "safe_city")}, set(), orgs) == (
        "vendor not bound to the country")
    found = {("KEN", "huawei", "video_surveillance")}
    assert _missed_class(KENYA_HUAWEI_SAFE_CITY, found, found, orgs) == (
        "technology not found for the country and vendor")
    assert _missed_class(("KEN", None, "safe_city"), {("KEN", "zte", "safe_city")}, set(), orgs) == (
        "claim without a vendor not made")


def test_spurious_claims_say_what_differs_from_the_gold() -> None:
    gold = [KENYA_HUAWEI_SAFE_CITY]
    assert _spurious_class(KENYA_HUAWEI_SAFE_CITY, []) == "document with no gold claim"
    assert _spurious_class(("USA", "huawei", "safe_city"), gold) == "wrong country"
    assert _spurious_class(("KEN", "zte", "safe_city"), gold) == "wrong vendor"
    assert _spurious_class(("KEN", None, "safe_city"), gold) == "vendor left empty"
    assert _spurious_class(("KEN", "huawei", "facial_recognition"), gold) == "wrong technology"
    assert _spurious_class(("KEN", "zte", "facial_recognition"), gold) == "wrong vendor and technology"
