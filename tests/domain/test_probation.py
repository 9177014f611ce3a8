"""Probation length, end date and pay share; no probation for công chức recruited from 01/07/2025."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.domain.probation import probation
from hrapp.domain.rules import RuleBook, load_rulebook
from hrapp.errors import DomainError


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return load_rulebook()


def test_cong_chuc_recruited_on_30_june_2025_still_has_12_months_probation_at_85_percent(rules):
    result = probation("cong_chuc", "DH", date(2025, 6, 30), rules)
    assert result is not None
    assert result.months == 12
    assert result.end_date == date(2026, 6, 29)
    assert result.pay_percent == Decimal("85")
    assert result.rule.version == "nd138_2020"
    assert "138/2020" in result.legal_basis


def test_cong_chuc_recruited_on_1_july_2025_has_no_probation(rules):
    assert probation("cong_chuc", "DH", date(2025, 7, 1), rules) is None


def test_cong_chuc_of_a_rank_below_university_had_6_months(rules):
    result = probation("cong_chuc", "CD", date(2024, 3, 1), rules)
    assert result is not None
    assert (result.months, result.end_date) == (6, date(2024, 8, 31))


@pytest.mark.parametrize("start", [date(2025, 6, 30), date(2025, 7, 1)])
def test_vien_chuc_keeps_probation_on_both_sides_of_1_july_2025(rules, start):
    result = probation("vien_chuc", "DH", start, rules)
    assert result is not None
    assert result.months == 12
    assert result.pay_percent == Decimal("85")


@pytest.mark.parametrize(
    "level, is_doctor, months",
    [("DH", False, 12), ("ThS", False, 12), ("TS", False, 12), ("DH", True, 9), ("CD", False, 9), ("TC", False, 6)],
)
def test_vien_chuc_probation_length_by_required_level(rules, level, is_doctor, months):
    result = probation("vien_chuc", level, date(2025, 9, 1), rules, is_doctor=is_doctor)
    assert result is not None
    assert result.months == months


def test_probation_ends_the_day_before_the_same_date_months_later(rules):
    result = probation("vien_chuc", "TC", date(2025, 8, 31), rules)
    assert result is not None
    assert result.end_date == date(2026, 2, 27)  # 31/08 + 6 months = 28/02/2026; the last day is the 27th


def test_leave_of_14_days_or_more_pushes_the_end_back_but_shorter_leave_counts(rules):
    base = probation("vien_chuc", "DH", date(2025, 9, 1), rules)
    short = probation("vien_chuc", "DH", date(2025, 9, 1), rules, leave_days=13)
    long = probation("vien_chuc", "DH", date(2025, 9, 1), rules, leave_days=14)
    several = probation("vien_chuc", "DH", date(2025, 9, 1), rules, leave_days=[5, 20, 14])
    assert base is not None and short is not None and long is not None and several is not None
    assert base.end_date == date(2026, 8, 31)
    assert short.end_date == date(2026, 8, 31)
    assert long.end_date == date(2026, 9, 14)
    assert several.extension_days == 34
    assert several.end_date == date(2026, 10, 4)


def test_doctor_length_is_refused_for_cong_chuc(rules):
    with pytest.raises(DomainError):
        probation("cong_chuc", "DH", date(2024, 1, 1), rules, is_doctor=True)


def test_unknown_level_and_category_are_refused(rules):
    with pytest.raises(DomainError) as err:
        probation("vien_chuc", "SC", date(2025, 9, 1), rules)
    assert err.value.field == "required_level"
    with pytest.raises(DomainError) as err:
        probation("hop_dong", "DH", date(2025, 9, 1), rules)
    assert err.value.field == "category"


def test_probation_result_serialises_with_its_rule(rules):
    result = probation("vien_chuc", "DH", date(2025, 9, 1), rules)
    assert result is not None
    data = result.to_json()
    assert data["months"] == 12
    assert data["end_date"] == "2026-08-31"
    assert data["pay_percent"] == "85"
    assert data["rule"]["code"] == "probation"
