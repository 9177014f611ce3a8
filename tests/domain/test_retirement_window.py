"""Who can reach retirement (or its notice) by a day, read from the retirement rule itself: the bounds the
reminders use to pick their candidates before computing each person's dates."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from hrapp.domain.retirement import (
    latest_births_retiring_by,
    retirement,
    youngest_notice_months,
)
from hrapp.domain.rules import RuleBook, load_rulebook

DAY = date(2026, 6, 30)
EARLIEST = date(1900, 1, 1)


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return load_rulebook()


def _due_by(rules: RuleBook, sex: str, born: date, day: date) -> bool:
    r = retirement(sex, born, rules)
    return min(r.retirement_date, r.notice_due or r.retirement_date) <= day


@pytest.mark.parametrize("sex", ["M", "F"])
def test_nobody_born_after_the_bound_is_due_by_the_day_and_the_bound_is_close(rules, sex):
    cut = latest_births_retiring_by(rules, DAY, EARLIEST, DAY)[sex]
    assert cut is not None
    assert not any(_due_by(rules, sex, cut + timedelta(days=d), DAY) for d in range(1, 800, 3))
    assert _due_by(rules, sex, cut - timedelta(days=70), DAY)


def test_a_rule_it_cannot_read_gives_no_bound(rules):
    broken = RuleBook([replace(v, params={**v.params, "F": {**v.params["F"], "months_per_band": -1}})
                       if v.code == "retirement_age" else v for v in rules.all()])
    cuts = latest_births_retiring_by(broken, DAY, EARLIEST, DAY)
    assert cuts["F"] is None
    assert cuts["M"] == latest_births_retiring_by(rules, DAY, EARLIEST, DAY)["M"]


def test_nobody_younger_than_the_youngest_notice_age_is_due(rules):
    months = youngest_notice_months(rules)
    assert 50 * 12 < months < 62 * 12
