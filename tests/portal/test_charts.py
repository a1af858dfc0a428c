"""The timeline chart: bars stacked by status, axis ticks that contain the tallest bar."""

from __future__ import annotations

from oversight.portal.charts import _ticks, timeline


def dep(year: int | None, status: str) -> dict:
    return {"year": year, "status": status}


def test_bars_stack_by_status_and_years_without_deployments_are_empty() -> None:
    chart = timeline([dep(2015, "operational"), dep(2015, "planned"), dep(2018, "cancelled"),
                      dep(None, "pilot")])
    assert chart is not None
    assert [bar["year"] for bar in chart["bars"]] == [2015, 2016, 2017, 2018]
    first = chart["bars"][0]
    assert first["total"] == 2 and len(first["segments"]) == 2
    assert {s["title"] for s in first["segments"]} == {"2015: 1 operational", "2015: 1 planned"}
    assert chart["bars"][1]["segments"] == []
    assert all(s["y"] >= chart["top"] for bar in chart["bars"] for s in bar["segments"])
    assert [row["year"] for row in chart["rows"]] == [2015, 2018]  # the table alternative


def test_no_years_no_chart() -> None:
    assert timeline([dep(None, "planned")]) is None


def test_ticks_reach_past_the_tallest_bar() -> None:
    for top in range(1, 200):
        ticks = _ticks(top)
        assert ticks[0] == 0 and ticks[-1] >= top and len(ticks) <= 6
