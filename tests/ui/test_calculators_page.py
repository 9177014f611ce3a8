"""The calculators page: retirement from sex and birth date, the next pay step from class, step, date and delay."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate

from ui.pages.calculators_page import CalculatorsPage


@pytest.fixture
def page(qtbot, ctx):
    p = CalculatorsPage(ctx)
    qtbot.addWidget(p)
    p.show()
    return p


def _set(combo, data) -> None:
    combo.setCurrentIndex(combo.findData(data))


def test_a_man_known_by_month_02_1965_retires_at_61y6m(page):
    _set(page.sex_combo, "M")
    _set(page.precision_combo, "month")
    page.birth_edit.setDate(QDate(1965, 2, 20))
    assert page.birth_edit.displayFormat() == "MM/yyyy"
    assert page.retirement_age.text() == "61 tuổi 6 tháng"
    assert page.reached_on.text() == "01/08/2026"
    assert page.last_working_day.text() == "31/08/2026"
    assert page.retirement_date.text() == "01/09/2026"
    assert page.notice_due.text() == "01/03/2026"
    assert page.retirement_rule.text().startswith("NĐ 135/2020/NĐ-CP (Nghị định 135/2020/NĐ-CP")
    assert "NĐ 170/2025/NĐ-CP (Nghị định 170/2025/NĐ-CP" in page.retirement_rule.text()
    assert "nd135_2020" not in page.retirement_rule.text() and "nd170_2025" not in page.retirement_rule.text()


def test_a_woman_known_only_by_year_counts_from_1_january(page):
    _set(page.sex_combo, "F")
    _set(page.precision_combo, "year")
    page.birth_edit.setDate(QDate(1970, 9, 9))
    assert page.retirement_age.text() == "57 tuổi 4 tháng"
    assert page.retirement_date.text() == "01/06/2027"


def test_a_full_birth_date_before_2021_has_a_60_year_age(page):
    _set(page.sex_combo, "M")
    _set(page.precision_combo, "day")
    page.birth_edit.setDate(QDate(1960, 12, 15))
    assert page.retirement_age.text() == "60 tuổi"
    assert page.retirement_date.text() == "01/01/2021"


def test_the_next_step_of_a1_step_3_and_a_delay(page):
    _set(page.class_combo, "A1")
    page.step_spin.setValue(3)
    page.since_edit.setDate(QDate(2020, 7, 1))
    page.delay_spin.setValue(0)
    assert page.current_coefficient.text() == "3,00"
    assert page.next_step.text() == "Bậc 4, hệ số 3,33"
    assert page.due_date.text() == "01/07/2023"
    assert page.pay_rule.text().startswith("TT 03/2021/TT-BNV (Thông tư 08/2013/TT-BNV, Điều 2")
    assert "tt03_2021" not in page.pay_rule.text()
    page.delay_spin.setValue(6)
    assert page.due_date.text() == "01/01/2024"


def test_at_the_last_step_the_page_gives_the_pctnvk_start(page):
    _set(page.class_combo, "A1")
    page.step_spin.setValue(9)
    page.since_edit.setDate(QDate(2020, 1, 15))
    page.delay_spin.setValue(0)
    assert page.next_step.text() == "Bậc cuối: hưởng phụ cấp thâm niên vượt khung 5%"
    assert page.due_date.text() == "15/01/2023"
    assert page.pay_rule.text().startswith("NĐ 204/2004/NĐ-CP (")


def test_a_class_with_more_steps_allows_them_and_b_steps_come_every_24_months(page):
    _set(page.class_combo, "B")
    assert page.step_spin.maximum() == 12
    page.step_spin.setValue(11)
    page.since_edit.setDate(QDate(2021, 3, 31))
    page.delay_spin.setValue(0)
    assert page.next_step.text() == "Bậc 12, hệ số 4,06"
    assert page.due_date.text() == "31/03/2023"
    _set(page.class_combo, "A3.1")
    assert page.step_spin.maximum() == 6 and page.step_spin.value() == 6
