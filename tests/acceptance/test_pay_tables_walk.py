"""Acceptance walk, the pay tables: on the calculators page the officer picks a driver's salary class of Bảng 4
(NĐ 204/2004), types the step and the date it counts from, and reads the coefficient, the next step 24 months on
and the last step's seniority allowance, by clicks and keys on the real main window."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.acceptance.test_todo_page import choose, open_area
from ui.pages.calculators_page import CalculatorsPage


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def test_the_officer_reads_a_drivers_steps_from_table_4(qtbot, window):
    open_area(qtbot, window, "Tính thử")
    page = window.current_page()
    assert isinstance(page, CalculatorsPage)

    choose(qtbot, page.class_combo, "B4.1")  # Bảng 4, nhóm 1: lái xe cơ quan
    assert page.step_spin.maximum() == 12
    type_into(qtbot, page.step_spin, "6")
    type_into(qtbot, page.since_edit, "01/10/2025")
    type_into(qtbot, page.delay_spin, "0")
    assert page.current_coefficient.text() == "2,95"
    assert page.next_step.text() == "Bậc 7, hệ số 3,13"
    assert page.due_date.text() == "01/10/2027"  # 24 months, as for class B (TT 08/2013/TT-BNV Điều 2)

    choose(qtbot, page.class_combo, "B4.5")  # nhóm 5: nhân viên phục vụ, last step 2,98
    type_into(qtbot, page.step_spin, "12")
    assert page.current_coefficient.text() == "2,98"
    assert page.next_step.text() == "Bậc cuối: hưởng phụ cấp thâm niên vượt khung 5%"
    assert page.due_date.text() == "01/10/2027"
