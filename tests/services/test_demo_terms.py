"""Terms of leadership posts in the demo department and the generated province: five years, ending no later
than the day before retirement, also for terms that began before the oldest stored version of the rule."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.demo.terms import next_term_kind, rule_day, term_last_day
from hrapp.domain.appointments import APPOINTMENT_TERM, ReappointmentKind
from hrapp.domain.rules import RuleBook, load_rulebook


@pytest.fixture(scope="module")
def book() -> RuleBook:
    return load_rulebook()


def test_a_term_under_the_rule_data_runs_five_years(book):
    assert term_last_day(date(2019, 3, 1), date(2040, 1, 1), book) == date(2024, 2, 29)


def test_a_term_ends_the_day_before_retirement_when_that_comes_first(book):
    assert term_last_day(date(2019, 3, 1), date(2022, 7, 1), book) == date(2022, 6, 30)


def test_a_term_older_than_the_rule_data_is_computed_with_the_oldest_version(book):
    oldest = book.versions(APPOINTMENT_TERM)[0].effective_from
    start = date(2010, 5, 1)
    assert start < oldest and rule_day(start, book) == oldest
    assert term_last_day(start, date(2040, 1, 1), book) == date(2015, 4, 30)
    assert term_last_day(start, date(2012, 1, 1), book) == date(2011, 12, 31)


def test_what_follows_a_term_depends_on_the_time_left_to_retirement(book):
    for start in (date(2010, 5, 1), date(2021, 5, 1)):  # before the rule data and under it
        assert next_term_kind(start, date(start.year + 20, 1, 1), book) is ReappointmentKind.BO_NHIEM_LAI
        assert next_term_kind(start, date(start.year + 3, 1, 1), book) is \
            ReappointmentKind.BO_NHIEM_LAI_DEN_NGHI_HUU
        assert next_term_kind(start, date(start.year + 1, 1, 1), book) is ReappointmentKind.KEO_DAI_DEN_NGHI_HUU
