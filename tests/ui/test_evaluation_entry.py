"""Entering evaluations, leave and study commitments in the person editor as the officer does: open the tab,
click the button, type in its form, save, and see the row (NĐ 335/2025 periodic scores; a yearly rating; unpaid
leave; a postgraduate service commitment and its repayment)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox, QWidget

from hrapp import clock
from ui.dialogs.person_editor import PersonEditor

LEFT = Qt.MouseButton.LeftButton
DAY = date(2026, 12, 20)


@pytest.fixture
def editor(qtbot, staff_ctx):
    clock.set_today(DAY)
    editor = PersonEditor(staff_ctx, staff_ctx.person_ids["Trần Thị Đào"])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    yield editor
    editor.dirty = False


def open_tab(qtbot, editor: PersonEditor, history) -> None:
    tab = next(i for i in range(editor.tabs.count()) if editor.tabs.widget(i) is history
               or editor.tabs.widget(i).isAncestorOf(history))
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(tab).center())
    assert history.isVisible()


def open_form(qtbot, editor, history, action: str) -> tuple[object, dict[str, QWidget]]:
    """Click the action's button; the form and its fields by key (in the order the action declares them)."""
    qtbot.mouseClick(history.action_buttons[action], LEFT)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    form: QFormLayout = dialog.form
    widgets = [form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget() for row in range(0, form.rowCount(), 2)]
    return dialog, {f.key: w for f, w in zip(history.action(action).fields, widgets, strict=True)}


def type_into(qtbot, field: QWidget, text: str) -> None:
    line = field.lineEdit() if isinstance(field, QSpinBox) else field
    assert isinstance(line, QLineEdit)
    if line.isVisible() and line.visibleRegion().boundingRect().contains(line.rect().center()):
        qtbot.mouseClick(line, LEFT)
    else:  # below the fold of the form's scroll area: the officer tabs into it
        line.setFocus()
    line.selectAll()
    for ch in text:  # QTest types ASCII keys only: a Vietnamese letter comes as the input method commits it
        if ch.isascii():
            qtbot.keyClicks(line, ch)
        else:
            line.insert(ch)


def save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)
    shown = {k: label.text() for k, label in dialog.errors.labels.items() if label.text()}
    assert not dialog.isVisible(), (shown, dialog.errors.general.text())


def type_decision(qtbot, dialog, number: str, signed: str) -> None:
    type_into(qtbot, dialog.decision_form.number_edit, number)
    type_into(qtbot, dialog.decision_form.sign_date_edit, signed)


def cells(history, column: int) -> list[str]:
    return [history.model.cell(r, column).text.replace(",", ".") for r in range(history.model.rowCount())]


def test_monthly_scores_are_typed_and_the_year_is_rated_from_them(qtbot, editor):
    periods = editor.histories["evaluation_periods"]
    open_tab(qtbot, editor, periods)
    for month, general, results in ((1, "30", "62,5"), (2, "29", "61"), (3, "28,5", "60")):
        dialog, f = open_form(qtbot, editor, periods, "add")
        type_into(qtbot, f["year"], "2026")
        type_into(qtbot, f["period_no"], str(month))
        type_into(qtbot, f["general_score"], general)
        type_into(qtbot, f["results_score"], results)
        save(qtbot, dialog)
    assert cells(periods, 1) == ["Tháng 1", "Tháng 2", "Tháng 3"]
    assert cells(periods, 4) == ["92.50", "90.00", "88.50"]
    dialog, f = open_form(qtbot, editor, periods, "rate")
    type_into(qtbot, f["year"], "2026")
    type_decision(qtbot, dialog, "40/TB-SKHCN", "15/12/2026")
    save(qtbot, dialog)
    ratings = editor.histories["evaluations"]
    assert ratings.model.rowCount() == 1
    assert [ratings.model.cell(0, c).text.replace(",", ".") for c in (0, 1, 2, 3)] == [
        "2026", "Hoàn thành xuất sắc nhiệm vụ", "90.33", "NĐ 335/2025"]


def test_a_score_over_the_30_general_points_is_shown_under_its_field(qtbot, editor):
    periods = editor.histories["evaluation_periods"]
    open_tab(qtbot, editor, periods)
    dialog, f = open_form(qtbot, editor, periods, "add")
    type_into(qtbot, f["year"], "2026")
    type_into(qtbot, f["period_no"], "4")
    type_into(qtbot, f["general_score"], "31")
    type_into(qtbot, f["results_score"], "60")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)
    assert dialog.isVisible() and dialog.errors.text("general_score") == "Điểm phải từ 0 đến 30."
    dialog.reject()


def test_a_yearly_rating_is_typed_and_seen(qtbot, editor):
    ratings = editor.histories["evaluations"]
    open_tab(qtbot, editor, ratings)
    dialog, f = open_form(qtbot, editor, ratings, "add")
    type_into(qtbot, f["year"], "2025")
    qtbot.mouseClick(f["rating"], LEFT)
    qtbot.keyClick(f["rating"], Qt.Key.Key_Escape)
    for _ in range(2):  # the empty choice, HTXS, then HTT
        qtbot.keyClick(f["rating"], Qt.Key.Key_Down)
    save(qtbot, dialog)
    assert [ratings.model.cell(0, c).text for c in (0, 1)] == ["2025", "Hoàn thành tốt nhiệm vụ"]


def test_unpaid_leave_is_entered_with_its_decision(qtbot, editor):
    leaves = editor.histories["leave_periods"]
    open_tab(qtbot, editor, leaves)
    dialog, f = open_form(qtbot, editor, leaves, "add")
    type_into(qtbot, f["start_date"], "01/03/2026")
    type_into(qtbot, f["end_date"], "02/04/2026")
    type_decision(qtbot, dialog, "15/QĐ-SKHCN", "20/02/2026")
    save(qtbot, dialog)
    assert [leaves.model.cell(0, c).text for c in range(5)] == [
        "Nghỉ không hưởng lương", "01/03/2026", "02/04/2026", "33", leaves.model.cell(0, 4).text]
    assert leaves.model.cell(0, 4).text.startswith("15/QĐ-SKHCN")


def test_a_study_commitment_is_entered_and_its_repayment_recorded(qtbot, editor):
    commitments = editor.histories["commitments"]
    open_tab(qtbot, editor, commitments)
    dialog, f = open_form(qtbot, editor, commitments, "add")
    type_into(qtbot, f["programme"], "Thạc sĩ Quản lý công")
    type_into(qtbot, f["study_start"], "05/09/2024")
    type_into(qtbot, f["study_end"], "04/09/2026")
    type_into(qtbot, f["cost"], "120000000")
    type_decision(qtbot, dialog, "30/QĐ-SKHCN", "20/08/2024")
    save(qtbot, dialog)
    assert cells(commitments, 0) == ["Thạc sĩ Quản lý công"]
    months = int(commitments.model.cell(0, 3).text)
    assert months > 0 and commitments.model.cell(0, 6).text == "Đang thực hiện cam kết"
    qtbot.mouseClick(commitments.table.viewport(), LEFT,
                     pos=commitments.table.visualRect(commitments.model.index(0, 0)).center())
    dialog, f = open_form(qtbot, editor, commitments, "leaving")
    type_into(qtbot, f["left_on"], "01/03/2025")
    save(qtbot, dialog)
    assert commitments.model.cell(0, 6).text == "Vi phạm cam kết"
    assert commitments.model.cell(0, 7).text != ""


def test_an_outstanding_units_higher_share_is_recorded_with_its_decision_from_the_org_page(qtbot, staff_ctx):
    from hrapp.services.evaluations import unit_ratings
    from ui.pages.org_page import OrgPage

    clock.set_today(DAY)
    page = OrgPage(staff_ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitExposed(page)
    assert page.select_code("VP")
    qtbot.mouseClick(page.htxs_button, LEFT)
    dialog = page.dialog
    qtbot.waitExposed(dialog)
    assert dialog.windowTitle() == "Tỷ lệ hoàn thành xuất sắc nhiệm vụ cao hơn theo quyết định"
    type_into(qtbot, dialog.year_spin, "2026")
    type_into(qtbot, dialog.percent_edit, "20")
    type_decision(qtbot, dialog, "12/QĐ-UBND", "01/12/2026")
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)
    assert dialog.isVisible() and "phải cao hơn tỷ lệ thông thường 20%" in dialog.errors.text("percent")
    type_into(qtbot, dialog.percent_edit, "25")
    save(qtbot, dialog)
    unit = page.current_unit()
    found = unit_ratings(staff_ctx, 2026, unit.id).exception
    assert found is not None and found.percent == 25 and found.decision.number == "12/QĐ-UBND"
    qtbot.mouseClick(page.htxs_button, LEFT)  # opened again: the decision is shown for the year
    assert page.dialog.current_label.text().startswith("Đã có quyết định: 25% theo 12/QĐ-UBND")
    page.dialog.reject()
