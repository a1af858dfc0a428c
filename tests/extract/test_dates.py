"""Relative dates take the year of the article's own date."""

from __future__ import annotations

import pytest

from oversight.extract.dates import relative_years


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("The police switched the cameras on yesterday.", 2021),
        ("In April, the ministry signed the contract.", 2021),
        ("This autumn the city opened a command centre.", 2021),
        ("The tender closed last year.", 2020),
        ("La policía instaló las cámaras en marzo.", 2021),
        ("Les caméras ont été installées cette année.", 2021),
        ("A prefeitura inaugurou o centro em maio.", 2021),
        ("La alcaldía instaló las cámaras este martes.", 2021),
        ("Le ministre a inauguré jeudi 22 août le centre de commandement.", 2021),
        ("A prefeitura inaugurou nesta terça-feira o centro de monitoramento.", 2021),
    ],
)
def test_relative_dates(text: str, year: int) -> None:
    assert [y for _, _, y in relative_years(text, "2021-06-30", 0, len(text))] == [year]


@pytest.mark.parametrize(
    "text", ["In April 2019 the ministry signed the contract.", "On April 3, 2019 the cameras went live."]
)
def test_a_month_with_its_year_is_not_relative(text: str) -> None:
    assert relative_years(text, "2021-06-30", 0, len(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        # a plan's target, not the date of an event the article reports
        "The centre will be built next year.",
        # a weekday's name without its article is a place's or a person's
        "La policía de Santo Domingo instaló las cámaras.",
    ],
)
def test_not_a_relative_date(text: str) -> None:
    assert relative_years(text, "2021-06-30", 0, len(text)) == []


def test_no_article_date_no_relative_year() -> None:
    assert relative_years("The cameras went live yesterday.", None, 0, 32) == []
