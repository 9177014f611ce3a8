"""Time not counted toward the regular step in months (TT 08/2013/TT-BNV Đ.2.1.c): whole calendar months, the odd
days of all periods in working days (weekends, public holidays, Tết and swapped days off out), under 11 dropped,
11 to under 22 one month; and the working-day calendar behind it (rule data work_calendar + `holidays`)."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.domain.pay_steps import months_not_counted, step_delay, whole_months
from hrapp.domain.rules import RuleBook, RuleVersion, load_rulebook
from hrapp.domain.work_calendar import WORK_CALENDAR, WorkCalendar, is_working_day, working_days
from hrapp.errors import DomainError

ON = date(2026, 6, 1)  # the pay_step version (tt03_2021) is picked by the regular due date


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return load_rulebook()


def months(rules: RuleBook, *periods: tuple[date, date]) -> int:
    return months_not_counted(periods, rules, ON).months


# --------------------------------------------------------------------------- the calendar


@pytest.mark.parametrize("day, working", [
    (date(2024, 3, 15), True),    # Friday
    (date(2024, 3, 16), False),   # Saturday
    (date(2024, 3, 17), False),   # Sunday
    (date(2024, 4, 29), False),   # Monday swapped off (CV 2450/VPCP-KGVX)
    (date(2024, 5, 4), True),     # the make-up Saturday for it
    (date(2024, 5, 11), False),   # an ordinary Saturday the week after
    (date(2025, 4, 26), True),    # make-up Saturday for Friday 02/05/2025
    (date(2025, 5, 2), False),
    (date(2025, 1, 27), False),   # Tết Ất Tỵ: Monday 27/01 to Friday 31/01/2025
    (date(2025, 2, 3), True),     # back to work on Monday 03/02/2025
    (date(2026, 2, 13), True),    # the Friday before Tết Bính Ngọ
    (date(2026, 2, 16), False),   # Tết Bính Ngọ: Monday 16/02 to Friday 20/02/2026
    (date(2026, 2, 20), False),
    (date(2026, 2, 23), True),
    (date(2026, 8, 22), True),    # make-up Saturday for Monday 31/08/2026
    (date(2026, 8, 31), False),
    (date(2026, 9, 1), False),    # Quốc khánh 2026: 01/09 and 02/09
    (date(2026, 9, 3), True),
    (date(2026, 11, 24), False),  # Ngày Văn hóa Việt Nam from 2026
])
def test_working_days_of_the_calendar(rules, day, working):
    assert is_working_day(day, rules) is working


def test_working_days_counts_both_ends_and_skips_the_weekend(rules):
    assert working_days(date(2024, 3, 15), date(2024, 3, 18), rules) == 2  # Friday .. Monday
    assert working_days(date(2024, 3, 16), date(2024, 3, 17), rules) == 0
    assert working_days(date(2024, 3, 18), date(2024, 3, 17), rules) == 0


def test_the_calendar_names_the_versions_of_the_years_it_read(rules):
    cal = WorkCalendar(rules)
    cal.working_days(date(2024, 12, 30), date(2025, 1, 2))
    assert [r.version for r in cal.rules()] == ["nam_2024", "nam_2025"]
    assert all(r.code == WORK_CALENDAR and r.legal_basis for r in cal.rules())


def test_every_year_from_2024_to_2026_has_its_version_with_its_notice(rules):
    for year in (2024, 2025, 2026):
        rule = rules.get(WORK_CALENDAR, date(year, 6, 1))
        assert rule.version == f"nam_{year}"
        assert rule.effective_from == date(year, 1, 1) and rule.effective_to == date(year, 12, 31)
        assert rule.params["changes"], year
        assert all(c["legal_basis"] for c in rule.params["changes"])


def test_a_rule_edit_that_swaps_a_day_changes_the_count(rules):
    base = rules.get(WORK_CALENDAR, date(2024, 1, 1))
    edited = RuleVersion(base.code, base.version, base.effective_from, base.effective_to, base.legal_basis,
                         {**base.params, "changes": [{"label": "x", "days_off": ["2024-03-15"],
                                                      "working_days": ["2024-03-16"]}]})
    book = RuleBook([v for v in rules.all() if v is not base] + [edited])
    assert is_working_day(date(2024, 3, 15), book) is False
    assert is_working_day(date(2024, 3, 16), book) is True


def test_a_day_both_off_and_made_up_is_refused(rules):
    base = rules.get(WORK_CALENDAR, date(2024, 1, 1))
    bad = RuleVersion(base.code, base.version, base.effective_from, base.effective_to, base.legal_basis,
                      {**base.params, "changes": [{"days_off": ["2024-03-16"], "working_days": ["2024-03-16"]}]})
    with pytest.raises(DomainError):
        is_working_day(date(2024, 3, 16), RuleBook([v for v in rules.all() if v is not base] + [bad]))


# --------------------------------------------------------------------------- whole months


@pytest.mark.parametrize("first, last, whole, rest", [
    (date(2024, 3, 1), date(2024, 3, 31), 1, date(2024, 4, 1)),
    (date(2024, 3, 1), date(2024, 3, 30), 0, date(2024, 3, 1)),
    (date(2024, 3, 1), date(2024, 4, 2), 1, date(2024, 4, 1)),
    (date(2024, 3, 15), date(2024, 5, 14), 2, date(2024, 5, 15)),
    (date(2024, 3, 15), date(2024, 5, 13), 1, date(2024, 4, 15)),
])
def test_whole_calendar_months_of_a_period(first, last, whole, rest):
    assert whole_months(first, last) == (whole, rest)


# --------------------------------------------------------------------------- odd days in working days


@pytest.mark.parametrize("last, wd, expected", [
    (date(2024, 3, 15), 10, 0),  # Monday 04/03 .. Friday 15/03: 10 working days, dropped
    (date(2024, 3, 17), 10, 0),  # the weekend after adds nothing
    (date(2024, 3, 18), 11, 1),  # the 11th working day: one month
])
def test_odd_days_under_11_working_days_are_dropped_from_11_they_are_a_month(rules, last, wd, expected):
    result = months_not_counted([(date(2024, 3, 4), last)], rules, ON)
    assert (result.whole_months, result.odd_working_days, result.months) == (0, wd, expected)


def test_a_whole_month_plus_10_or_11_working_days(rules):
    ten = months_not_counted([(date(2024, 10, 1), date(2024, 11, 14))], rules, ON)
    eleven = months_not_counted([(date(2024, 10, 1), date(2024, 11, 15))], rules, ON)
    assert (ten.whole_months, ten.odd_working_days, ten.months) == (1, 10, 1)
    assert (eleven.whole_months, eleven.odd_working_days, eleven.months) == (1, 11, 2)


def test_21_and_22_working_days_of_odd_days(rules):
    # 03/06 .. 01/07/2024 is one day short of a calendar month: 21 working days, one month.
    one = months_not_counted([(date(2024, 6, 3), date(2024, 7, 1))], rules, ON)
    assert (one.whole_months, one.odd_working_days, one.months) == (0, 21, 1)
    # Two periods whose odd days add up to 22 working days: 20 + 2.
    two = months_not_counted([(date(2024, 6, 3), date(2024, 6, 28)), (date(2024, 7, 1), date(2024, 7, 2))],
                             rules, ON)
    assert (two.whole_months, two.odd_working_days, two.months) == (0, 22, 1)


def test_odd_days_of_several_periods_are_added_up_before_rounding(rules):
    # 6 + 5 working days: each alone would be dropped, together they are a month.
    periods = [(date(2024, 3, 4), date(2024, 3, 11)), (date(2024, 9, 9), date(2024, 9, 13))]
    assert [months(rules, p) for p in periods] == [0, 0]
    assert months(rules, *periods) == 1


def test_32_and_33_working_days_of_odd_days(rules):
    # Odd days of three periods: 22 + 10 = 32 → 1 month; 22 + 11 = 33 → 2 months.
    base = [(date(2024, 6, 3), date(2024, 6, 28)), (date(2024, 7, 1), date(2024, 7, 2))]  # 22
    assert months(rules, *base, (date(2024, 9, 9), date(2024, 9, 20))) == 1  # + 10
    assert months(rules, *base, (date(2024, 9, 9), date(2024, 9, 23))) == 2  # + 11


def test_a_period_of_33_calendar_days_is_a_month_and_its_few_odd_working_days(rules):
    result = months_not_counted([(date(2024, 3, 1), date(2024, 4, 2))], rules, ON)
    assert (result.whole_months, result.odd_working_days, result.months, result.days) == (1, 2, 1, 33)


def test_across_tet_the_tet_days_are_not_working_days(rules):
    # Monday 09/02 .. Friday 27/02/2026: 19 days, of which Tết Bính Ngọ 16–20/02 and two weekends.
    before = months_not_counted([(date(2026, 2, 9), date(2026, 2, 27))], rules, ON)
    after = months_not_counted([(date(2026, 2, 9), date(2026, 3, 2))], rules, ON)
    assert (before.odd_working_days, before.months) == (10, 0)
    assert (after.odd_working_days, after.months) == (11, 1)
    assert [r.version for r in after.calendar_rules] == ["nam_2026"]


def test_a_swapped_day_off_and_its_make_up_saturday(rules):
    # 22/04 .. 07/05/2024: Monday 29/04 swapped off, 30/04 and 01/05 holidays, Saturday 04/05 worked.
    ten = months_not_counted([(date(2024, 4, 22), date(2024, 5, 7))], rules, ON)
    eleven = months_not_counted([(date(2024, 4, 22), date(2024, 5, 8))], rules, ON)
    assert (ten.odd_working_days, ten.months) == (10, 0)
    assert (eleven.odd_working_days, eleven.months) == (11, 1)


def test_the_result_names_the_pay_step_and_calendar_versions(rules):
    result = months_not_counted([(date(2025, 12, 22), date(2026, 1, 9))], rules, ON)
    assert result.rule.code == "pay_step" and result.rule.version == "tt03_2021"
    assert [r.version for r in result.calendar_rules] == ["nam_2025", "nam_2026"]
    assert months_not_counted([(date(2019, 3, 4), date(2019, 3, 18))], rules, date(2020, 1, 1)).rule.version == \
        "tt08_2013"


def test_a_period_ending_before_it_starts_is_refused(rules):
    with pytest.raises(DomainError):
        months_not_counted([(date(2024, 3, 5), date(2024, 3, 4))], rules, ON)


def test_step_delay_converts_unpaid_leave_with_the_same_function(rules):
    periods = [(date(2024, 10, 1), date(2024, 11, 15))]
    delay = step_delay([], 0, periods, "cong_chuc", rules, ON)
    assert delay.unpaid_leave_months == months_not_counted(periods, rules, ON).months == 2
    assert delay.not_counted is not None and delay.not_counted.odd_working_days == 11
    assert step_delay([], 0, (), "cong_chuc", rules, ON).not_counted is None
