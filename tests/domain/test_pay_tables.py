"""The salary tables of NĐ 204/2004 beyond Bảng 2 and 3 (Bảng 4: lái xe, bảo vệ, phục vụ…), the class of each
rank by the legal text, post allowances by post, province group and date, and a month's pay at the base salary in
force on the day (edges of each table and of each version)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from hrapp import catalogs
from hrapp.domain.allowances import (
    allowance_or_recorded,
    appointed_allowance,
    monthly_pay,
    post_allowance,
    province_group,
)
from hrapp.domain.pay_steps import next_pay_step
from hrapp.domain.rules import RuleBook, RuleVersion, load_rulebook
from hrapp.domain.salary import class_rule, coefficient, max_step, salary_classes
from hrapp.errors import DomainError

RULES = load_rulebook()
D = date(2025, 6, 30)


# -- Bảng 4 -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("cls", "first", "last"), [
    ("B4.1", "2.05", "4.03"),  # lái xe cơ quan, kỹ thuật viên đánh máy
    ("B4.2", "1.65", "3.63"),  # nhân viên kỹ thuật
    ("B4.3", "1.50", "3.48"),  # nhân viên đánh máy, nhân viên bảo vệ
    ("B4.4", "1.35", "3.33"),  # nhân viên văn thư
    ("B4.5", "1.00", "2.98"),  # nhân viên phục vụ
])
def test_table_4_groups_run_12_steps_of_0_18_from_the_decree(cls, first, last):
    assert max_step(cls, RULES, D) == 12
    assert coefficient(cls, 1, RULES, D) == Decimal(first)
    assert coefficient(cls, 12, RULES, D) == Decimal(last)
    assert coefficient(cls, 2, RULES, D) - coefficient(cls, 1, RULES, D) == Decimal("0.18")
    with pytest.raises(DomainError):
        coefficient(cls, 13, RULES, D)
    assert class_rule(cls, RULES, D).code == "salary_table_4"


def test_table_4_applies_from_1_october_2004_like_the_scale():
    assert coefficient("B4.1", 1, RULES, date(2004, 10, 1)) == Decimal("2.05")
    with pytest.raises(DomainError):
        coefficient("B4.1", 1, RULES, date(2004, 9, 30))


def test_the_classes_listed_are_the_scale_then_table_4():
    classes = salary_classes(RULES, D)
    assert classes[:8] == ["A3.1", "A3.2", "A2.1", "A2.2", "A1", "A0", "B", "C1"]
    assert classes[8:] == ["B4.1", "B4.2", "B4.3", "B4.4", "B4.5"]
    assert class_rule("A1", RULES, D).code == "salary_scale"


def test_a_table_4_step_comes_every_24_months_and_names_table_4():
    result = next_pay_step("B4.1", 3, date(2023, 7, 1), RULES)
    assert (result.due_date, result.next_step, result.next_coefficient) == (date(2025, 7, 1), 4, Decimal("2.59"))
    assert result.scale_rule.code == "salary_table_4"
    last = next_pay_step("B4.5", 12, date(2023, 7, 1), RULES)  # last step: the 5% PCTNVK after 24 months
    assert (last.kind, last.due_date, last.pctnvk_percent) == ("pctnvk", date(2025, 7, 1), 5)


# -- rank → class ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize(("rank", "cls", "first", "last"), [
    ("01.005", "B", "1.86", "4.06"),     # Nhân viên: loại B (TT 02/2021/TT-BNV)
    ("01.007", "B4.1", "2.05", "4.03"),  # lái xe: Bảng 4
    ("01.008", "B4.3", "1.50", "3.48"),  # bảo vệ: Bảng 4
    ("01.009", "B4.5", "1.00", "2.98"),  # phục vụ: Bảng 4
    ("01.004", "A0", "2.10", "4.89"),    # Cán sự unchanged
])
def test_ranks_sit_on_the_class_of_the_legal_text(rank, cls, first, last):
    assert catalogs.ranks()[rank]["salary_class"] == cls
    n = max_step(cls, RULES, D)
    assert (coefficient(cls, 1, RULES, D), coefficient(cls, n, RULES, D)) == (Decimal(first), Decimal(last))


def test_no_rank_is_left_on_c1():
    assert [code for code, r in catalogs.ranks().items() if r["salary_class"] == "C1"] == []


# -- post allowances -----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("post", "hn_hcm", "other"), [
    ("chi_cuc_truong", "0.80", "0.70"),            # top row of the Chi cục table
    ("pho_chi_cuc_truong", "0.60", "0.50"),
    ("truong_phong_chi_cuc", "0.40", "0.30"),
    ("pho_truong_phong_chi_cuc", "0.25", "0.20"),  # bottom row
])
def test_chi_cuc_allowances_by_province_group(post, hn_hcm, other):
    for province, expected in (("ha_noi", hn_hcm), ("ho_chi_minh", hn_hcm), ("gia_lai", other), (None, other)):
        found = post_allowance(post, province, RULES, D)
        assert found is not None and found.coefficient == Decimal(expected), (post, province)
    assert post_allowance(post, "ha_noi", RULES, D).group == "hn_hcm"
    assert post_allowance(post, "gia_lai", RULES, D).rule.version == "nd204_2004"


def test_allowances_apply_from_1_october_2004():
    assert post_allowance("chi_cuc_truong", "gia_lai", RULES, date(2004, 10, 1)).coefficient == Decimal("0.70")
    assert post_allowance("chi_cuc_truong", "gia_lai", RULES, date(2004, 9, 30)) is None


def test_a_post_without_a_coefficient_for_the_group_keeps_the_decisions():
    # no Hà Nội row for a Sở's phòng in the data (not found in the text): the recorded coefficient is used
    assert post_allowance("truong_phong", "ha_noi", RULES, D) is None
    assert allowance_or_recorded("truong_phong", Decimal("0.65"), "ha_noi", RULES, D) == Decimal("0.65")
    assert allowance_or_recorded("truong_phong", Decimal("0.65"), "gia_lai", RULES, D) == Decimal("0.60")
    assert allowance_or_recorded(None, None, "gia_lai", RULES, D) is None
    assert appointed_allowance("truong_phong", "ha_noi", RULES, D, "0.60") == Decimal("0.60")
    assert appointed_allowance("chi_cuc_truong", "ha_noi", RULES, D, "0.70") == Decimal("0.80")


def _with_allowance_version(start: date, coefficient_: str) -> RuleBook:
    """The shipped rules plus a version an administrator added by decision from `start`."""
    base = RULES.get("post_allowance", D)
    params = {**base.params, "by_post": {**base.params["by_post"],
                                              "chi_cuc_truong": {"hn_hcm": "0.90", "khac": coefficient_}}}
    old = RuleVersion(base.code, base.version, base.effective_from, start.fromordinal(start.toordinal() - 1),
                      base.legal_basis, base.params, base.title)
    new = RuleVersion(base.code, "qd_test_2026", start, None, "Quyết định thử", params, base.title)
    return RuleBook([v for v in RULES.all() if v.code != "post_allowance"] + [old, new])


def test_a_version_added_by_decision_applies_from_its_first_day():
    book = _with_allowance_version(date(2026, 1, 1), "0.75")
    assert post_allowance("chi_cuc_truong", "gia_lai", book, date(2025, 12, 31)).coefficient == Decimal("0.70")
    assert post_allowance("chi_cuc_truong", "gia_lai", book, date(2026, 1, 1)).coefficient == Decimal("0.75")
    assert post_allowance("chi_cuc_truong", "ha_noi", book, date(2026, 1, 1)).coefficient == Decimal("0.90")


def test_province_group_of_a_rule():
    params = RULES.get("post_allowance", D).params
    assert [province_group(params, p) for p in ("ha_noi", "ho_chi_minh", "gia_lai", None, "")] == [
        "hn_hcm", "hn_hcm", "khac", "khac", "khac"]


# -- a month's pay -------------------------------------------------------------------------------------------

def test_monthly_pay_uses_the_base_salary_of_the_day():
    # Chuyên viên bậc 1 (2,34) as Phó Trưởng phòng thuộc Chi cục (0,20), tỉnh other than Hà Nội, TP HCM
    before = monthly_pay(Decimal("2.34"), RULES, date(2024, 6, 30), post_allowance=Decimal("0.20"))
    after = monthly_pay(Decimal("2.34"), RULES, date(2024, 7, 1), post_allowance=Decimal("0.20"))
    assert (before.base_salary, before.amount) == (Decimal("1800000"), Decimal("4572000"))
    assert (after.base_salary, after.amount) == (Decimal("2340000"), Decimal("5943600"))
    assert after.base_rule.version == "nd73_2024"


def test_monthly_pay_adds_the_seniority_allowance_on_the_coefficient():
    # A1 bậc 9 (4,98) with PCTNVK 5% (0,249) and Chi cục trưởng 0,70 at 2,340,000
    pay = monthly_pay(Decimal("4.98"), RULES, date(2025, 7, 1), post_allowance=Decimal("0.70"), pctnvk_percent=5)
    assert pay.pctnvk_coefficient == Decimal("0.249")
    assert pay.total_coefficient == Decimal("5.929")
    assert pay.amount == Decimal("13873860")


@pytest.mark.parametrize(("day", "amount"), [
    (date(2019, 6, 30), None), (date(2019, 7, 1), "1490000"), (date(2023, 6, 30), "1490000"),
    (date(2023, 7, 1), "1800000"), (date(2024, 6, 30), "1800000"), (date(2024, 7, 1), "2340000"),
])
def test_base_salary_versions_end_the_day_before_the_next(day, amount):
    if amount is None:
        with pytest.raises(DomainError):
            RULES.get("base_salary", day)
    else:
        assert RULES.get("base_salary", day).params["amount"] == amount
