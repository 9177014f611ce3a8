"""Disciplinary measures by the rule version of the decision date (NĐ 112/2020 until 30/06/2025; NĐ 172/2025 for
cán bộ, công chức from 01/07/2025; NĐ 234/2026 for viên chức from 01/07/2026): the forms by category and post, the
effect period, the limitation period and the time limit of the procedure, each at its edges."""

from __future__ import annotations

from datetime import date

import pytest

from hrapp.domain import discipline as dr
from hrapp.domain.pay_steps import discipline_delay
from hrapp.domain.rules import load_rulebook
from hrapp.errors import DomainError

BOOK = load_rulebook()


@pytest.mark.parametrize("decided, version", [
    (date(2020, 9, 19), None),  # the day before NĐ 112/2020 took effect: no rule data
    (date(2020, 9, 20), "nd112_2020"),
    (date(2025, 6, 30), "nd112_2020"),
    (date(2025, 7, 1), "nd172_2025"),
    (date(2025, 7, 2), "nd172_2025"),
    (date(2026, 6, 30), "nd172_2025"),
    (date(2026, 7, 1), "nd234_2026"),
])
def test_the_version_is_the_one_in_force_on_the_decision_date(decided, version):
    rule = dr.rule_on(BOOK, decided)
    assert (rule.version if rule else None) == version


@pytest.mark.parametrize("decided, allowed", [
    (date(2025, 6, 30), True), (date(2025, 7, 1), False), (date(2025, 7, 2), False)])
def test_ha_bac_luong_for_a_cong_chuc_ends_with_nd_172(decided, allowed):
    rule = dr.rule_on(BOOK, decided)
    assert ("ha_bac_luong" in dr.allowed_forms(rule, "cong_chuc", False)) is allowed
    assert ("giang_chuc" in dr.allowed_forms(rule, "cong_chuc", True)) is allowed
    if not allowed:
        with pytest.raises(DomainError) as err:
            dr.check_form(rule, "cong_chuc", False, "ha_bac_luong", decided)
        assert err.value.code == "discipline_form_not_allowed_staff" and err.value.field == "form"
        assert "NĐ 172/2025/NĐ-CP" in err.value.message and "khiển trách, cảnh cáo, buộc thôi việc" in err.value.message
    else:
        dr.check_form(rule, "cong_chuc", False, "ha_bac_luong", decided)


def test_the_forms_of_each_category_and_post_from_the_decrees():
    old, new = dr.rule_on(BOOK, date(2025, 6, 30)), dr.rule_on(BOOK, date(2025, 7, 1))
    assert dr.allowed_forms(old, "cong_chuc", False) == ("khien_trach", "canh_cao", "ha_bac_luong", "buoc_thoi_viec")
    assert dr.allowed_forms(old, "cong_chuc", True) == ("khien_trach", "canh_cao", "giang_chuc", "cach_chuc",
                                                        "buoc_thoi_viec")
    assert dr.allowed_forms(new, "cong_chuc", False) == ("khien_trach", "canh_cao", "buoc_thoi_viec")
    assert dr.allowed_forms(new, "cong_chuc", True) == ("khien_trach", "canh_cao", "cach_chuc", "buoc_thoi_viec")
    for rule in (old, new):
        assert dr.allowed_forms(rule, "can_bo", False) == ("khien_trach", "canh_cao", "cach_chuc", "bai_nhiem")
        assert dr.allowed_forms(rule, "vien_chuc", False) == ("khien_trach", "canh_cao", "buoc_thoi_viec")
        assert dr.allowed_forms(rule, "vien_chuc_tu_chu", True) == ("khien_trach", "canh_cao", "cach_chuc",
                                                                   "buoc_thoi_viec")
        assert dr.allowed_forms(rule, "hop_dong", False) == ()


def test_cach_chuc_needs_a_leadership_post_and_a_contract_worker_has_no_form_of_the_decree():
    rule = dr.rule_on(BOOK, date(2025, 7, 1))
    with pytest.raises(DomainError) as err:
        dr.check_form(rule, "vien_chuc", False, "cach_chuc", date(2025, 7, 1))
    assert err.value.code == "discipline_form_not_allowed_staff"
    with pytest.raises(DomainError) as err:
        dr.check_form(rule, "hop_dong", False, "khien_trach", date(2025, 7, 1))
    assert err.value.code == "discipline_category_not_covered"


@pytest.mark.parametrize("form, start, last", [
    ("khien_trach", date(2025, 7, 1), date(2026, 6, 30)),
    ("canh_cao", date(2024, 2, 29), date(2025, 2, 28)),
    ("cach_chuc", date(2025, 7, 1), date(2027, 6, 30)),
    ("buoc_thoi_viec", date(2025, 7, 1), None),
])
def test_the_effect_period_counts_its_first_day(form, start, last):
    assert dr.effect_end(dr.rule_on(BOOK, start), form, start) == last


@pytest.mark.parametrize("start, refused", [
    (date(2025, 6, 30), False),  # the day before the decision takes effect
    (date(2025, 7, 1), True),
    (date(2026, 6, 30), True),  # the last day of the effect period
    (date(2026, 7, 1), False),  # the day after
])
def test_no_appointment_while_the_discipline_is_in_effect(start, refused):
    d = dr.RecordedDiscipline("khien_trach", date(2025, 7, 1), date(2025, 7, 1))
    if refused:
        with pytest.raises(DomainError) as err:
            dr.check_appointment(BOOK, "bo_nhiem", start, [d])
        assert err.value.code == "appointment_under_discipline" and "30/06/2026" in err.value.message
    else:
        dr.check_appointment(BOOK, "bo_nhiem", start, [d])
    dr.check_appointment(BOOK, "kiem_nhiem", start, [d])  # a kind the rule does not bar


def test_an_end_given_by_the_decision_wins_over_the_rule():
    assert dr.in_effect_until(BOOK, "khien_trach", date(2025, 7, 1), date(2025, 7, 1), date(2025, 12, 31)) \
        == date(2025, 12, 31)
    assert dr.in_effect_until(BOOK, "khien_trach", date(2019, 5, 20), date(2019, 5, 20), None) is None


@pytest.mark.parametrize("decided, barred", [
    (date(2025, 3, 14), False), (date(2025, 3, 15), False), (date(2025, 3, 16), True)])
def test_a_reprimand_is_time_barred_two_years_after_the_violation_under_nd_112(decided, barred):
    rule = dr.rule_on(BOOK, decided)  # 2 years for khiển trách, ending on the corresponding day
    timing = dr.check_timing(rule, "khien_trach", decided, date(2023, 3, 15), None, False, "cong_chuc")
    assert timing.limitation_last_day == date(2025, 3, 15) and timing.barred is barred
    warnings = timing.warnings(decided)
    assert [f for f, _ in warnings] == (["violation_date"] if barred else [])
    if barred:
        assert "15/03/2025" in warnings[0][1] and "2 năm" in warnings[0][1] and "NĐ 112/2020/NĐ-CP" in warnings[0][1]


@pytest.mark.parametrize("category, decided, years", [
    ("cong_chuc", date(2025, 6, 30), (2, 5)), ("cong_chuc", date(2025, 7, 1), (5, 10)),
    ("vien_chuc", date(2026, 6, 30), (2, 5)), ("vien_chuc", date(2026, 7, 1), (5, 10)),
])
def test_the_limitation_period_grows_to_5_and_10_years_with_the_2025_laws(category, decided, years):
    rule = dr.rule_on(BOOK, decided)
    assert (dr.limitation_years(rule, "khien_trach", category), dr.limitation_years(rule, "canh_cao", category)) \
        == years


def test_other_forms_have_five_years_under_nd_112():
    rule = dr.rule_on(BOOK, date(2025, 3, 16))
    assert dr.limitation_last_day(rule, "canh_cao", date(2020, 3, 15), "cong_chuc") == date(2025, 3, 15)
    assert not dr.check_timing(rule, "canh_cao", date(2025, 3, 15), date(2020, 3, 15), None, False, "cong_chuc").barred
    assert dr.check_timing(rule, "canh_cao", date(2025, 3, 16), date(2020, 3, 15), None, False, "cong_chuc").barred


@pytest.mark.parametrize("complex_case, decided, late", [
    (False, date(2025, 5, 30), False),  # 90 days after 01/03/2025
    (False, date(2025, 5, 31), True),
    (True, date(2025, 7, 29), False),  # 150 days
    (True, date(2025, 7, 30), True),
])
def test_the_procedure_has_90_days_or_150_for_a_complex_case_and_a_late_decision_is_only_marked(
        complex_case, decided, late):
    rule = dr.rule_on(BOOK, decided)
    timing = dr.check_timing(rule, "khien_trach", decided, None, date(2025, 3, 1), complex_case, "cong_chuc")
    assert timing.late is late
    warnings = timing.warnings(decided)
    assert len(warnings) == (1 if late else 0)
    if warnings:
        assert warnings[0][0] == "found_on" and timing.processing_last_day.strftime("%d/%m/%Y") in warnings[0][1]


def test_dates_in_the_wrong_order_are_refused():
    rule = dr.rule_on(BOOK, date(2025, 7, 1))
    with pytest.raises(DomainError) as err:
        dr.check_timing(rule, "khien_trach", date(2025, 7, 1), date(2025, 7, 2), None, False)
    assert err.value.field == "violation_date"
    with pytest.raises(DomainError) as err:
        dr.check_timing(rule, "khien_trach", date(2025, 7, 1), None, date(2025, 7, 2), False)
    assert err.value.field == "found_on"


@pytest.mark.parametrize("decided, last", [
    (date(2026, 6, 30), date(2028, 6, 29)),  # NĐ 112/2020 still for viên chức: cách chức bars 24 months
    (date(2026, 7, 1), date(2027, 6, 30)),  # NĐ 234/2026 Điều 2 khoản 9: any decision is in effect 12 months
])
def test_a_vien_chuc_cach_chuc_is_in_effect_24_months_until_nd_234_then_12(decided, last):
    rule = dr.rule_on(BOOK, decided)
    assert dr.effect_end(rule, "cach_chuc", decided, "vien_chuc") == last
    assert dr.in_effect_until(BOOK, "cach_chuc", decided, decided, None, "vien_chuc_tu_chu") == last


def test_without_the_category_the_longest_period_of_the_version_is_used():
    assert dr.in_effect_until(BOOK, "cach_chuc", date(2026, 7, 1), date(2026, 7, 1), None) == date(2028, 6, 30)


@pytest.mark.parametrize("decided, months, version", [
    (date(2021, 8, 14), 6, "tt08_2013"), (date(2021, 8, 15), 3, "tt03_2021")])
def test_the_pay_step_delay_is_read_on_the_discipline_date(decided, months, version):
    got, rule = discipline_delay("khien_trach", "vien_chuc", decided, BOOK, date(2024, 1, 1))
    assert (got, rule.version) == (months, version)
    assert discipline_delay("bai_nhiem", "cong_chuc", decided, BOOK, date(2024, 1, 1))[0] is None


def test_the_category_and_post_on_a_day_come_from_the_periods_covering_it():
    periods = [(date(2010, 1, 1), date(2020, 12, 31), "vien_chuc"), (date(2021, 1, 1), None, "cong_chuc")]
    assert dr.category_on(periods, date(2020, 12, 31), "x") == "vien_chuc"
    assert dr.category_on(periods, date(2021, 1, 1), "x") == "cong_chuc"
    assert dr.category_on([], date(2021, 1, 1), "x") == "x"
    posts = [(date(2022, 1, 1), date(2025, 6, 30))]
    assert dr.leader_on(posts, date(2025, 6, 30)) and not dr.leader_on(posts, date(2025, 7, 1))
