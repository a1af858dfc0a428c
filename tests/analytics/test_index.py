"""The Oversight index: each component moves the score the way the methodology says."""

from __future__ import annotations

from typing import Any

import pytest

from oversight.analytics.index import STATUS_WEIGHTS, country_index, index_definition, index_series
from oversight.analytics.stats import chinese_financed
from oversight.vocab import STATUSES, TECHNOLOGIES


def deployment(country: str = "KEN", status: str = "operational", year: int | None = 2018,
               technologies: tuple[str, ...] = ("video_surveillance",),
               suppliers: tuple[tuple[str, str, str], ...] = (("Huawei", "supplier", "CHN"),),
               financing: str | None = None) -> dict[str, Any]:
    return {"country": country, "status": status, "year": year, "technologies": list(technologies),
            "financing": financing,
            "suppliers": [{"name": n, "role": r, "country": c, "lists": []} for n, r, c in suppliers]}


def only(rows: list[dict[str, Any]]) -> dict[str, Any]:
    assert len(rows) == 1
    return rows[0]


def test_every_status_has_a_weight() -> None:
    assert set(STATUS_WEIGHTS) == set(STATUSES)


def test_one_operational_cctv_network() -> None:
    row = only(country_index([deployment()]))
    # breadth 1/7 of 40, depth 1/4 of 40, suppliers 1/4 of 20
    assert row["score"] == pytest.approx(40 / 7 + 10 + 5, abs=0.05)
    assert row["chinese_supplier_share"] == 1.0 and row["operational"] == 1 and row["planned"] == 0


def test_a_plan_counts_less_than_a_running_system() -> None:
    running = only(country_index([deployment()]))["score"]
    planned = only(country_index([deployment(status="planned")]))["score"]
    assert planned < running


def test_cancelled_deployments_are_listed_but_not_scored() -> None:
    row = only(country_index([deployment(status="cancelled", technologies=("facial_recognition",))]))
    assert row["score"] == 0 and row["ended"] == 1 and row["technologies"] == []


def test_full_marks_need_every_category_depth_and_four_suppliers() -> None:
    suppliers = tuple((f"Vendor {i}", "supplier", "FRA") for i in range(4))
    deps = [deployment(technologies=tuple(TECHNOLOGIES), suppliers=suppliers) for _ in range(4)]
    row = only(country_index(deps))
    assert row["score"] == 100 and row["chinese_supplier_share"] == 0


def test_the_index_as_of_a_year_ignores_later_and_undated_deployments() -> None:
    deps = [deployment(year=2015), deployment(year=2020, technologies=("facial_recognition",)),
            deployment(year=None, technologies=("big_data_platform",))]
    assert only(country_index(deps, 2016))["technologies"] == ["video_surveillance"]
    assert len(only(country_index(deps))["technologies"]) == 3
    assert country_index(deps, 2010) == []


def test_series_runs_from_the_first_year_and_never_falls_without_cancellations() -> None:
    deps = [deployment(year=2015), deployment(year=2018, technologies=("facial_recognition",))]
    series = index_series(deps)["KEN"]
    assert [p["year"] for p in series] == [2015, 2016, 2017, 2018]
    scores = [p["score"] for p in series]
    assert scores == sorted(scores) and scores[0] < scores[-1]


@pytest.mark.parametrize(("financing", "suppliers", "expected"), [
    ("China Exim Bank loan of USD 20.9 million", (), True),
    ("China Development Bank loan of USD 178.5 million", (), True),
    ("Chinese government grant under economic and technical cooperation agreements", (), True),
    ("Donation from the government of the People's Republic of China", (), True),
    ("Funded by Huawei", (), False),
    ("Export-Import Bank of Korea credit of USD 88.705 million", (), False),
    (None, (("Exim Bank of China", "financier", "CHN"),), True),
])
def test_chinese_state_financing(financing: str | None, suppliers: tuple, expected: bool) -> None:
    assert chinese_financed(deployment(financing=financing, suppliers=suppliers)) is expected


def test_chinese_financing_is_reported_beside_the_score_not_in_it() -> None:
    plain = only(country_index([deployment()]))
    financed = only(country_index([deployment(financing="China Exim Bank loan")]))
    assert financed["chinese_financed"] == 1 and financed["score"] == plain["score"]


def test_definition_names_every_component_with_weights_summing_to_100() -> None:
    definition = index_definition()
    assert sum(c["weight"] for c in definition["components"]) == 100
    assert definition["technologies"] == list(TECHNOLOGIES)
