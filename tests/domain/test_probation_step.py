"""Probation and the first regular step: from 15/08/2021 (TT 03/2021/TT-BNV amending TT 08/2013 Đ.2.1.c) probation
is time not counted, so the first step counts from the end of probation; earlier recruits keep the old counting."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from hrapp import messages
from hrapp.domain.pay_steps import (
    first_step_since,
    next_pay_step,
    probation_step_warning,
    step_since_in_probation,
)
from hrapp.domain.probation import probation
from hrapp.domain.retirement import add_months
from hrapp.domain.rules import RuleBook, load_rulebook
from hrapp.errors import DomainError


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return load_rulebook()


def _end(start: date) -> date:
    """The last day of a 12-month probation started on `start`."""
    return add_months(start, 12) - timedelta(days=1)


@pytest.mark.parametrize("recruited, counts, version", [
    (date(2021, 8, 14), True, "tt08_2013"),   # the day before TT 03/2021 took effect: the old counting
    (date(2021, 8, 15), False, "tt03_2021"),  # the day it took effect
    (date(2021, 8, 16), False, "tt03_2021"),
])
def test_the_recruitment_date_picks_the_counting(rules, recruited, counts, version):
    start = first_step_since(recruited, _end(recruited), rules)
    assert (start.probation_counts, start.rule.version) == (counts, version)
    assert start.since == (recruited if counts else _end(recruited) + timedelta(days=1))


def test_the_first_step_comes_a_year_later_when_probation_does_not_count(rules):
    old = first_step_since(date(2021, 8, 14), date(2022, 8, 13), rules)
    new = first_step_since(date(2021, 8, 15), date(2022, 8, 14), rules)
    assert next_pay_step("A1", 1, old.since, rules).due_date == date(2024, 8, 14)
    assert next_pay_step("A1", 1, new.since, rules).due_date == date(2025, 8, 15)


def test_the_demo_recruits_of_2021_and_2022_get_step_2_three_years_after_probation(rules):
    # Viên chức with a university degree: 12 months of probation (NĐ 115/2020), class A1 (36 months).
    for recruited, due in ((date(2021, 9, 1), date(2025, 9, 1)), (date(2021, 12, 1), date(2025, 12, 1)),
                           (date(2022, 3, 1), date(2026, 3, 1))):
        end = probation("vien_chuc_tu_chu", "DH", recruited, rules)
        assert end is not None
        since = first_step_since(recruited, end.end_date, rules).since
        assert next_pay_step("A1", 1, since, rules).due_date == due


def test_without_a_probation_the_count_starts_on_recruitment(rules):
    start = first_step_since(date(2023, 3, 1), None, rules)
    assert start.since == date(2023, 3, 1) and start.probation_counts is False


def test_a_probation_ending_before_it_starts_is_refused(rules):
    with pytest.raises(DomainError):
        first_step_since(date(2023, 3, 1), date(2023, 2, 28), rules)


START, END = date(2021, 9, 1), date(2022, 8, 31)


@pytest.mark.parametrize("since, warned", [
    (START - timedelta(days=1), False),  # the day before probation
    (START, True),                        # its first day (the recruitment date)
    (END - timedelta(days=1), True),
    (END, True),                          # its last day
    (END + timedelta(days=1), False),     # the day after: the right date
])
def test_a_step_date_inside_a_probation_that_does_not_count_is_warned(rules, since, warned):
    found = step_since_in_probation(since, START, END, rules)
    assert (found is not None) is warned
    if found is not None:
        assert found.since == END + timedelta(days=1) and found.rule.version == "tt03_2021"


def test_no_warning_for_a_recruit_under_the_old_counting(rules):
    assert step_since_in_probation(date(2021, 8, 14), date(2021, 8, 14), date(2022, 8, 13), rules) is None


def test_the_warning_says_the_right_date_and_the_rule(rules):
    text = probation_step_warning(START, START, END, rules)
    assert text is not None and "01/09/2022" in messages.say(text) and "TT 03/2021" in messages.say(text)
    assert probation_step_warning(END + timedelta(days=1), START, END, rules) is None


def test_a_recruit_from_before_tt08_2013_keeps_the_old_counting(rules):
    start = first_step_since(date(2008, 10, 1), date(2009, 9, 30), rules)
    assert (start.since, start.probation_counts, start.rule.version) == (date(2008, 10, 1), True, "tt08_2013")
