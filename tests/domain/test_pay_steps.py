"""Salary scale lookups, regular pay steps, delays, PCTNVK and early steps (TT 08/2013, TT 03/2021)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.domain.pay_steps import (
    early_step_candidate,
    early_step_quota,
    next_pay_step,
    pctnvk_percent_on,
    pctnvk_status,
    retirement_early_step,
    step_delay,
)
from hrapp.domain.rules import RuleBook, load_rulebook
from hrapp.domain.salary import (
    check_coefficient,
    coefficient,
    coefficient_matches,
    lookup_by_class,
    max_step,
)
from hrapp.errors import DomainError

ON = date(2025, 1, 1)


@pytest.fixture(scope="module")
def rules() -> RuleBook:
    return load_rulebook()


# --------------------------------------------------------------------------- salary scale


@pytest.mark.parametrize(
    "salary_class, step, expected",
    [
        ("A1", 1, "2.34"), ("A1", 2, "2.67"), ("A1", 9, "4.98"),
        ("A3.1", 1, "6.20"), ("A3.1", 6, "8.00"),
        ("A2.1", 8, "6.78"), ("A0", 10, "4.89"),
        ("B", 1, "1.86"), ("B", 12, "4.06"), ("C1", 12, "3.63"),
    ],
)
def test_coefficient_of_a_class_and_step_comes_from_the_scale_as_a_decimal(rules, salary_class, step, expected):
    value = coefficient(salary_class, step, rules, ON)
    assert isinstance(value, Decimal)
    assert value == Decimal(expected)


@pytest.mark.parametrize("salary_class, last", [("A3.1", 6), ("A2.2", 8), ("A1", 9), ("A0", 10), ("B", 12)])
def test_max_step_is_the_number_of_steps_of_the_class(rules, salary_class, last):
    assert max_step(salary_class, rules, ON) == last


@pytest.mark.parametrize("step", [0, 10, -1])
def test_a_step_outside_the_class_is_refused_on_the_step_field(rules, step):
    with pytest.raises(DomainError) as err:
        coefficient("A1", step, rules, ON)
    assert err.value.code == "invalid_salary_step"
    assert err.value.field == "step"


def test_an_unknown_class_is_refused(rules):
    with pytest.raises(DomainError) as err:
        coefficient("Z9", 1, rules, ON)
    assert err.value.field == "salary_class"


def test_a_recorded_coefficient_matching_the_scale_passes_whatever_its_trailing_zeros(rules):
    check_coefficient("A1", 2, Decimal("2.670"), rules, ON)
    check_coefficient("A1", 2, "2,67", rules, ON)
    assert coefficient_matches("A1", 2, "2.67", rules, ON)
    assert not coefficient_matches("A1", 2, "3.00", rules, ON)


def test_a_wrong_coefficient_is_refused_with_the_expected_value_in_vietnamese(rules):
    with pytest.raises(DomainError) as err:
        check_coefficient("A1", 2, Decimal("2.68"), rules, ON)
    assert err.value.code == "coefficient_mismatch"
    assert err.value.field == "coefficient"
    assert "2,67" in err.value.message and "2,68" in err.value.message


def test_a_float_coefficient_is_refused(rules):
    with pytest.raises(DomainError):
        check_coefficient("A1", 2, 2.67, rules, ON)  # type: ignore[arg-type]


def test_class_tables_fall_back_from_sub_class_to_group_to_letter():
    table = {"A3": 36, "C": 24, "CGCC": 60}
    assert lookup_by_class(table, "A3.2") == 36
    assert lookup_by_class(table, "C1") == 24
    assert lookup_by_class(table, "CGCC") == 60
    with pytest.raises(DomainError):
        lookup_by_class(table, "B")


# --------------------------------------------------------------------------- regular steps


@pytest.mark.parametrize(
    "salary_class, step, since, due, next_coefficient",
    [
        ("A1", 1, date(2022, 3, 1), date(2025, 3, 1), "2.67"),
        ("A3.1", 2, date(2022, 7, 15), date(2025, 7, 15), "6.92"),
        ("A2.1", 4, date(2023, 1, 1), date(2026, 1, 1), "5.76"),
        ("A0", 1, date(2022, 10, 1), date(2025, 10, 1), "2.41"),
        ("B", 3, date(2023, 5, 10), date(2025, 5, 10), "2.46"),
        ("C1", 1, date(2024, 2, 29), date(2026, 2, 28), "1.83"),
    ],
)
def test_regular_step_is_due_after_36_months_for_a_classes_and_24_for_b_and_c(
    rules, salary_class, step, since, due, next_coefficient
):
    result = next_pay_step(salary_class, step, since, rules)
    assert result.kind == "nang_bac"
    assert result.next_step == step + 1
    assert result.due_date == due
    assert result.next_coefficient == Decimal(next_coefficient)
    assert result.pctnvk_percent is None


def test_a1_step_is_not_due_the_day_before_and_is_due_on_and_after_the_due_date(rules):
    result = next_pay_step("A1", 3, date(2022, 6, 10), rules)
    assert result.due_date == date(2025, 6, 10)
    assert not result.is_due(date(2025, 6, 9))
    assert result.is_due(date(2025, 6, 10))
    assert result.is_due(date(2025, 6, 11))


def test_b_step_is_due_24_months_later_not_36(rules):
    result = next_pay_step("B", 5, date(2023, 9, 1), rules)
    assert not result.is_due(date(2025, 8, 31))
    assert result.is_due(date(2025, 9, 1))


def test_delay_months_push_the_due_date_back(rules):
    assert next_pay_step("A1", 1, date(2022, 3, 1), rules, delay_months=6).due_date == date(2025, 9, 1)


def test_pay_step_result_serialises_the_coefficient_as_a_string(rules):
    data = next_pay_step("A1", 1, date(2022, 3, 1), rules).to_json()
    assert data["next_step"] == 2
    assert data["next_coefficient"] == "2.67"
    assert data["due_date"] == "2025-03-01"
    assert data["pctnvk_percent"] is None
    assert data["rule"]["code"] == "pay_step"
    assert data["rule"]["version"] == "tt03_2021"


def test_a_step_due_before_the_2021_amendment_names_the_original_circular(rules):
    assert next_pay_step("A1", 1, date(2017, 1, 1), rules).rule.version == "tt08_2013"
    assert next_pay_step("A1", 1, date(2019, 1, 1), rules).rule.version == "tt03_2021"


def test_negative_delay_is_refused(rules):
    with pytest.raises(DomainError):
        next_pay_step("A1", 1, date(2022, 3, 1), rules, delay_months=-1)


# --------------------------------------------------------------------------- delays


def test_khien_trach_delays_a_cong_chuc_by_6_months_and_a_vien_chuc_by_3(rules):
    on = date(2024, 1, 1)
    assert step_delay(["khien_trach"], 0, (), "cong_chuc", rules, on).months == 6
    assert step_delay(["khien_trach"], 0, (), "vien_chuc", rules, on).months == 3


def test_before_the_2021_amendment_a_vien_chuc_khien_trach_delayed_6_months(rules):
    assert step_delay(["khien_trach"], 0, (), "vien_chuc", rules, date(2020, 6, 1)).months == 6


@pytest.mark.parametrize("form, months", [("canh_cao", 6), ("cach_chuc", 12)])
def test_canh_cao_and_cach_chuc_delays(rules, form, months):
    assert step_delay([form], 0, (), "cong_chuc", rules, ON).months == months


def test_each_kht_year_delays_6_months(rules):
    assert step_delay([], 1, (), "cong_chuc", rules, ON).months == 6
    assert step_delay([], 2, (), "vien_chuc", rules, ON).months == 12


def test_delays_add_up_across_a_khien_trach_a_kht_year_and_unpaid_leave(rules):
    delay = step_delay(["khien_trach"], 1, [(date(2024, 10, 1), date(2024, 11, 15))], "cong_chuc", rules, ON)
    assert (delay.discipline_months, delay.kht_months, delay.unpaid_leave_months) == (6, 6, 2)
    assert delay.months == 14
    result = next_pay_step("A1", 2, date(2022, 1, 1), rules, delay_months=delay.months)
    assert result.due_date == date(2026, 3, 1)


def test_a_discipline_form_the_category_does_not_have_is_refused(rules):
    with pytest.raises(DomainError) as err:
        step_delay(["ha_bac_luong"], 0, (), "vien_chuc", rules, ON)
    assert err.value.code == "discipline_not_applicable"


def test_the_delay_names_its_rule(rules):
    assert step_delay([], 0, (), "cong_chuc", rules, ON).rule.code == "pay_step"


# --------------------------------------------------------------------------- last step and PCTNVK


def test_at_the_last_step_the_result_is_the_start_of_5_percent_pctnvk_36_months_later(rules):
    result = next_pay_step("A1", 9, date(2021, 6, 15), rules)
    assert result.kind == "pctnvk"
    assert result.next_step is None
    assert result.next_coefficient is None
    assert result.pctnvk_percent == 5
    assert result.due_date == date(2024, 6, 15)
    assert result.rule.code == "pctnvk"
    assert result.to_json()["next_coefficient"] is None


def test_b_class_pctnvk_starts_24_months_after_the_last_step(rules):
    assert next_pay_step("B", 12, date(2022, 1, 1), rules).due_date == date(2024, 1, 1)


def test_a_delay_also_pushes_the_pctnvk_start(rules):
    assert next_pay_step("A1", 9, date(2021, 6, 15), rules, delay_months=6).due_date == date(2024, 12, 15)


@pytest.mark.parametrize(
    "on, percent",
    [
        (date(2024, 6, 14), 0),
        (date(2024, 6, 15), 5),
        (date(2025, 6, 14), 5),
        (date(2025, 6, 15), 6),
        (date(2026, 6, 15), 7),
        (date(2030, 7, 1), 11),
    ],
)
def test_pctnvk_is_5_percent_then_one_more_each_further_year(rules, on, percent):
    assert pctnvk_percent_on("A1", date(2021, 6, 15), on, rules) == percent


def test_pctnvk_status_says_when_the_next_percent_starts(rules):
    status = pctnvk_status("A1", date(2021, 6, 15), date(2025, 8, 1), rules)
    assert status.percent == 6
    assert status.starts_on == date(2024, 6, 15)
    assert status.percent_since == date(2025, 6, 15)
    assert status.next_change_on == date(2026, 6, 15)
    assert status.rule.code == "pctnvk"


def test_pctnvk_for_b_starts_after_24_months(rules):
    assert pctnvk_percent_on("B", date(2022, 1, 1), date(2023, 12, 31), rules) == 0
    assert pctnvk_percent_on("B", date(2022, 1, 1), date(2024, 1, 1), rules) == 5


# --------------------------------------------------------------------------- early steps


@pytest.mark.parametrize(
    "due, eligible, months_short, earliest",
    [
        # The regular step counts from 01/01/2026 at the end of 31/12/2025: it is due, not early.
        (date(2026, 1, 1), False, 0, None),
        (date(2026, 1, 2), True, 1, date(2025, 1, 2)),
        (date(2026, 12, 31), True, 12, date(2025, 12, 31)),
        # Held 24 of 36 months at the end of 2025: exactly 12 months short, still eligible.
        (date(2027, 1, 1), True, 12, date(2026, 1, 1)),
        (date(2027, 1, 2), False, 13, None),
    ],
)
def test_early_step_needs_the_regular_step_at_most_12_months_away_at_the_end_of_the_year(
    rules, due, eligible, months_short, earliest
):
    result = early_step_candidate(due, 2025, rules)
    assert result.eligible is eligible
    assert result.months_short == months_short
    assert result.earliest_date == earliest


def test_no_two_early_steps_in_a_row_in_the_same_rank(rules):
    result = early_step_candidate(date(2026, 6, 1), 2025, rules, last_step_was_early_in_same_rank=True)
    assert not result.eligible
    assert "cùng ngạch" in result.reason


@pytest.mark.parametrize(
    "payroll, quota", [(0, 0), (9, 0), (10, 1), (19, 1), (20, 2), (96, 9), (101, 10)]
)
def test_early_step_quota_is_10_percent_of_the_payroll_rounded_down(rules, payroll, quota):
    assert early_step_quota(payroll, rules, 2025).max_count == quota


@pytest.mark.parametrize(
    "due, at_last_step, eligible",
    [
        (date(2026, 3, 1), False, True),
        (date(2026, 3, 2), False, False),
        (date(2025, 9, 1), False, True),
        (date(2025, 3, 1), False, False),
        (date(2025, 9, 1), True, False),
    ],
)
def test_retirement_notice_gives_one_step_early_when_at_most_12_months_short(rules, due, at_last_step, eligible):
    result = retirement_early_step(due, date(2025, 3, 1), rules, at_last_step=at_last_step)
    assert result.eligible is eligible
