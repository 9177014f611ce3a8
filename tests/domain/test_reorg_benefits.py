"""Early retirement and resignation in a reorganisation (NĐ 178/2024/NĐ-CP, NĐ 67/2025/NĐ-CP) at the edges the
decree names: 24, 60 and 120 months to retirement, the 12 months after the decision, the insured years needed for a
pension (20 before 01/07/2025, 15 from then), the versions' first days."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp.domain.reorg_benefits import LeavingFacts, early_retirement, resignation, rule_for
from hrapp.domain.retirement import add_months
from hrapp.domain.rules import load_rulebook

RULES = load_rulebook()
SALARY = Decimal(10_000_000)
LEAVE = date(2026, 3, 1)
DECIDED = date(2026, 1, 15)


def facts(months_left: int, insured_years: int = 25, *, leave: date = LEAVE, decided: date = DECIDED,
          insured_extra_months: int = 0) -> LeavingFacts:
    return LeavingFacts(SALARY, insured_years * 12 + insured_extra_months, add_months(leave, months_left), decided,
                        leave)


def months(benefit, label: str) -> Decimal:
    return next(line.months for line in benefit.lines if line.label.startswith(label))


@pytest.mark.parametrize(("leave", "version"), [
    (date(2025, 1, 1), "nd178_2024"), (date(2025, 3, 14), "nd178_2024"), (date(2025, 3, 15), "nd67_2025"),
    (date(2025, 6, 30), "nd67_2025"), (date(2025, 7, 1), "nd67_2025_bhxh"), (date(2026, 3, 1), "nd67_2025_bhxh")])
def test_the_version_is_the_one_in_force_on_the_leaving_day(leave, version):
    assert rule_for(RULES, leave).version == version
    assert early_retirement(facts(36, leave=leave, decided=leave), RULES).rule.version == version


def test_before_the_decree_there_is_no_rule():
    with pytest.raises(Exception, match="reorg_benefits"):
        rule_for(RULES, date(2024, 12, 31))


@pytest.mark.parametrize(("left", "lump"), [(1, Decimal(1)), (59, Decimal(59)), (60, Decimal(60)),
                                            (61, Decimal("54.0")), (120, Decimal("54.0"))])
def test_lump_sum_one_month_per_month_early_up_to_60_then_0_9_times_60(left, lump):
    """Đ.7 k.1: đủ 5 năm trở xuống 1,0 tháng × số tháng nghỉ sớm; trên 5 năm đến đủ 10 năm 0,9 × 60 tháng."""
    b = early_retirement(facts(left), RULES)
    assert b.eligible and months(b, "Trợ cấp hưu trí một lần") == lump
    assert next(line.amount for line in b.lines if line.label.startswith("Trợ cấp hưu trí")) == SALARY * lump


def test_more_than_ten_years_to_retirement_is_no_early_retirement():
    assert early_retirement(facts(120), RULES).eligible
    b = early_retirement(facts(121), RULES)
    assert not b.eligible and b.lines == () and b.total == 0


def test_at_retirement_age_there_is_nothing():
    assert not early_retirement(facts(0), RULES).eligible


@pytest.mark.parametrize(("left", "per_year_months"), [(23, None), (24, Decimal(10)), (60, Decimal(25)),
                                                       (61, Decimal(20)), (71, Decimal(20)), (72, Decimal(24))])
def test_months_per_year_early_5_from_2_to_5_years_4_from_5_to_10(left, per_year_months):
    """Đ.7 k.2 a: còn từ đủ 02 năm đến đủ 05 năm, 05 tháng mỗi năm; b: trên 05 năm đến đủ 10 năm, 04 tháng."""
    b = early_retirement(facts(left), RULES)
    labels = [line.label for line in b.lines]
    if per_year_months is None:
        assert labels == ["Trợ cấp hưu trí một lần cho số tháng nghỉ sớm"]
    else:
        assert months(b, "Trợ cấp cho số năm nghỉ sớm") == per_year_months


def test_odd_months_of_a_year_early_are_not_rounded_up_and_the_line_says_so():
    b = early_retirement(facts(35), RULES)  # 2 years 11 months
    line = next(x for x in b.lines if x.label.startswith("Trợ cấp cho số năm"))
    assert line.months == 10 and "tháng lẻ không tính" in line.basis and "2 năm 11 tháng" in line.basis


def test_leaving_from_the_13th_month_after_the_decision_halves_the_lump_sum_only():
    day_before = early_retirement(facts(36, leave=date(2027, 1, 14), decided=date(2026, 1, 15)), RULES)
    on_the_day = early_retirement(facts(36, leave=date(2027, 1, 15), decided=date(2026, 1, 15)), RULES)
    assert day_before.first_year and not on_the_day.first_year
    assert months(day_before, "Trợ cấp hưu trí một lần") == 36
    assert months(on_the_day, "Trợ cấp hưu trí một lần") == 18
    assert months(on_the_day, "Trợ cấp cho số năm") == months(day_before, "Trợ cấp cho số năm") == 15


def test_from_july_2025_fifteen_insured_years_give_the_years_benefits_four_months_for_the_first_fifteen():
    b = early_retirement(facts(36, 15), RULES)
    assert months(b, "Trợ cấp theo thời gian công tác") == 4
    assert months(early_retirement(facts(36, 25), RULES), "Trợ cấp theo thời gian công tác") == Decimal("9.0")
    short = early_retirement(facts(36, 14, insured_extra_months=11), RULES)
    assert short.eligible and [x.label for x in short.lines] == ["Trợ cấp hưu trí một lần cho số tháng nghỉ sớm"]
    assert "chưa đủ 15 năm" in short.reason


def test_before_july_2025_twenty_insured_years_are_needed_five_months_for_the_first_twenty():
    leave = date(2025, 6, 1)
    nineteen = early_retirement(facts(36, 19, insured_extra_months=11, leave=leave, decided=leave), RULES)
    assert "chưa đủ 20 năm" in nineteen.reason and len(nineteen.lines) == 1
    twenty = early_retirement(facts(36, 20, leave=leave, decided=leave), RULES)
    assert months(twenty, "Trợ cấp theo thời gian công tác") == 5
    twenty_one = early_retirement(facts(36, 21, leave=leave, decided=leave), RULES)
    assert months(twenty_one, "Trợ cấp theo thời gian công tác") == Decimal("5.5")


def test_every_line_names_the_decree_article_and_clause():
    b = early_retirement(facts(36), RULES)
    assert len(b.lines) == 3
    assert all("NĐ 178/2024/NĐ-CP Đ.7 k." in line.basis for line in b.lines)
    r = resignation(facts(36), RULES)
    assert all("NĐ 178/2024/NĐ-CP Đ.9 k.1" in line.basis for line in r.lines)


@pytest.mark.parametrize(("left", "eligible"), [(23, False), (24, True), (240, True)])
def test_resignation_needs_two_years_to_retirement(left, eligible):
    assert resignation(facts(left), RULES).eligible is eligible


def test_resignation_0_8_month_per_month_counted_up_to_60_and_1_5_per_insured_year():
    r = resignation(facts(36, 25), RULES)
    assert months(r, "Trợ cấp thôi việc") == Decimal("48.0")  # 0,8 × 60 (25 years insured: capped at 60 months)
    assert months(r, "Trợ cấp theo số năm") == Decimal("37.5")  # 1,5 × 25
    assert r.total == SALARY * Decimal("85.5")
    young = resignation(facts(300, 3, insured_extra_months=6), RULES)  # 42 months insured, 3 whole years
    assert months(young, "Trợ cấp thôi việc") == Decimal("33.6") and months(young, "Trợ cấp theo số năm") == Decimal("4.5")


def test_resignation_from_the_13th_month_pays_0_4_per_month():
    first = resignation(facts(36, 25, leave=date(2027, 1, 14), decided=date(2026, 1, 15)), RULES)
    later = resignation(facts(36, 25, leave=date(2027, 1, 15), decided=date(2026, 1, 15)), RULES)
    assert months(first, "Trợ cấp thôi việc") == 48 and months(later, "Trợ cấp thôi việc") == 24


def test_resignation_of_a_public_employee_is_not_computed_without_the_text_of_article_10():
    """Điều 9 covers cán bộ, công chức; the text of Điều 10 (viên chức, người lao động) was not obtained."""
    f = facts(36)
    public = LeavingFacts(f.monthly_salary, f.insured_months, f.retirement_date, f.decision_date, f.leave_date,
                          "vien_chuc")
    r = resignation(public, RULES)
    assert not r.eligible and r.lines == () and "Đ.10" in r.reason
    assert early_retirement(public, RULES).eligible  # Điều 7 names cán bộ, công chức, viên chức alike
