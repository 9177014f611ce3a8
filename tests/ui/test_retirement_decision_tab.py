"""The officer records a decision to retire at a lower age (NĐ 135/2020, Điều 5) on the Employment tab: picks the
direction, sees only the cases of that article with their legal points, types the age and the decision, saves, and
reads the new retirement date in the table; an age the rule does not allow is refused next to the field."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QMessageBox, QSpinBox

from hrapp.services.career import career_summary
from ui.dialogs.person_editor import PersonEditor

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def editor(qtbot, staff_ctx):
    editor = PersonEditor(staff_ctx, staff_ctx.person_ids["Trần Thị Đào"])  # born 21/07/1979, ordinary age 60
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    yield editor
    editor.dirty = False


def open_employment(qtbot, editor: PersonEditor) -> None:
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(1).center())
    assert editor.retire_history.isVisible()


def type_number(qtbot, spin: QSpinBox, value: int) -> None:
    qtbot.mouseClick(spin, LEFT)
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), str(value))


def fill(qtbot, dialog, years: int, number: str) -> None:
    direction, case = dialog.findChildren(QComboBox)[:2]
    direction.setCurrentIndex(direction.findData("earlier"))
    assert [case.itemData(i) for i in range(case.count())] == [
        "nang_nhoc_doc_hai", "vung_dac_biet_kho_khan", "suy_giam_kha_nang_lao_dong", "tong_thoi_gian"]
    case.setCurrentIndex(case.findData("suy_giam_kha_nang_lao_dong"))
    assert case.currentText() == ("Bị suy giảm khả năng lao động từ 61% trở lên (Nghị định 135/2020/NĐ-CP, Điều 5, "
                                  "khoản 1, điểm c)")
    years_spin = dialog.findChildren(QSpinBox)[0]
    type_number(qtbot, years_spin, years)
    dialog.decision_form.number_edit.setText(number)  # keyClicks types ASCII only
    dialog.decision_form.sign_date_edit.setDate(QDate(2026, 3, 2))


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)


def test_a_lower_age_is_recorded_and_the_new_retirement_date_shown(qtbot, staff_ctx, editor):
    open_employment(qtbot, editor)
    history = editor.retire_history
    assert history.model.rowCount() == 0
    qtbot.mouseClick(history.action_buttons["add"], LEFT)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    assert dialog.findChildren(QSpinBox)[0].value() == 60  # her ordinary age to start from
    cases = dialog.findChildren(QComboBox)[1]
    dialog.findChildren(QComboBox)[0].setCurrentIndex(1)  # a higher age: the cases of Điều 6
    assert [cases.itemData(i) for i in range(cases.count())] == ["trinh_do_cao", "lanh_dao_quan_ly",
                                                                 "truong_hop_dac_biet"]
    fill(qtbot, dialog, 60, "15/QĐ-SKHCN")
    save(qtbot, dialog)  # 60 is her ordinary age, not lower
    assert dialog.isVisible()
    assert dialog.errors.text("age_years") == ("Tuổi theo quyết định phải thấp hơn tuổi nghỉ hưu bình thường của "
                                               "người này (60 tuổi).")
    type_number(qtbot, dialog.findChildren(QSpinBox)[0], 55)
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        save(qtbot, dialog)
    model = history.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers[:5] == ["Quyết định", "Nghỉ hưu", "Trường hợp", "Tuổi theo quyết định", "Nghỉ hưu từ ngày"]
    row = [model.cell(0, c).text for c in range(model.columnCount())]
    assert row[0].startswith("15/QĐ-SKHCN")
    assert row[1:5] == ["Ở tuổi thấp hơn (NĐ 135/2020, Điều 5)", "Bị suy giảm khả năng lao động từ 61% trở lên",
                        "55 tuổi", "01/08/2034"]
    assert row[5] == "Nghị định 135/2020/NĐ-CP, Điều 5, khoản 1, điểm c"
    pid = staff_ctx.person_ids["Trần Thị Đào"]
    assert career_summary(staff_ctx, pid, date(2026, 6, 30)).retirement.retirement_date == date(2034, 8, 1)


def test_the_decision_is_removed_from_its_row_after_confirming(qtbot, staff_ctx, editor, monkeypatch):
    open_employment(qtbot, editor)
    history = editor.retire_history
    qtbot.mouseClick(history.action_buttons["add"], LEFT)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    fill(qtbot, dialog, 56, "16/QĐ-SKHCN")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        save(qtbot, dialog)
    remove = history.action_buttons["remove"]
    assert not remove.isEnabled()
    view = history.table
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(history.model.index(0, 0)).center())
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(remove, LEFT)
    assert history.model.rowCount() == 0
    pid = staff_ctx.person_ids["Trần Thị Đào"]
    assert career_summary(staff_ctx, pid, date(2026, 6, 30)).retirement.retirement_date == date(2039, 8, 1)
