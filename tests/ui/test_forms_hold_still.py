"""No layout jump: in the agency form (first start and Quản trị → Cơ quan) and in the profile editor's small
history dialogs, a field stays where it is before an error, while the error shows and after it is fixed."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLineEdit, QScrollArea, QWidget

from tests.ui.conftest import CLIENT_HEIGHT
from tests.ui.typing import choose, type_text
from ui.dialogs.person_editor import PersonEditor
from ui.first_start import offer_first_start
from ui.main_window import MainWindow


def y_of(widget: QWidget) -> int:
    """Where the field is in its window, as the officer sees it."""
    return widget.mapTo(widget.window(), QPoint(0, 0)).y()


def ys(widgets: list[QWidget]) -> list[int]:
    return [y_of(w) for w in widgets]


def settle(qtbot) -> None:
    qtbot.wait(20)  # let the layouts run


@pytest.fixture
def empty_window(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def test_the_first_start_agency_form_does_not_move_as_errors_come_and_go(empty_window, qtbot):
    offer_first_start(empty_window)
    dialog = empty_window.first_start_dialog
    qtbot.mouseClick(dialog.agency_button, Qt.MouseButton.LeftButton)
    form = dialog.agency_form
    fields = [form.province_combo, form.name_edit, form.place_edit, form.head_title_edit, form.preparer_edit]
    settle(qtbot)
    before = ys(fields)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)  # the empty form: errors under four fields
    settle(qtbot)
    assert form.errors.text("name") == "Chưa nhập tên cơ quan."
    assert form.errors.text("province") == "Chưa nhập tỉnh, thành phố."
    assert ys(fields) == before
    choose(qtbot, form.province_combo, "Gia Lai")
    qtbot.mouseClick(form.name_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, form.name_edit, "Sở Nội vụ")
    settle(qtbot)
    assert form.errors.text("province") == "" and form.errors.text("name") == ""  # fixed: gone
    assert ys(fields) == before


def test_the_agency_tab_does_not_move_as_errors_come_and_go(window, qtbot):
    page = window.show_area("admin")
    page.tabs.setCurrentWidget(page.agency)
    tab = page.agency
    form = tab.form
    fields = [form.name_edit, form.head_title_edit, form.deputy_title_edit, form.deputy_name_edit,
              form.preparer_edit]
    settle(qtbot)
    before = ys(fields) + [y_of(tab.save_button)]
    qtbot.mouseClick(form.deputy_name_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, form.deputy_name_edit, "Trần Văn C")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    settle(qtbot)
    assert form.errors.text("deputy_title") == "Có người ký thay (KT.) thì phải nhập chức vụ của người ký thay."
    assert form.errors.text("name") == "Chưa nhập tên cơ quan."
    assert ys(fields) + [y_of(tab.save_button)] == before
    qtbot.mouseClick(form.deputy_title_edit, Qt.MouseButton.LeftButton)
    type_text(qtbot, form.deputy_title_edit, "PHÓ GIÁM ĐỐC")
    settle(qtbot)
    assert form.errors.text("deputy_title") == ""
    assert ys(fields) + [y_of(tab.save_button)] == before


@pytest.fixture
def editor(qtbot, staff_ctx):
    editor = PersonEditor(staff_ctx, staff_ctx.person_ids["Trần Thị Đào"])
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def _click_add(qtbot, editor: PersonEditor, history) -> None:
    """Open the history's tab by its tab, then click its first button (Add …)."""
    tab = next(i for i in range(editor.tabs.count()) if editor.tabs.widget(i).isAncestorOf(history)
               or editor.tabs.widget(i) is history)
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(tab).center())
    button = history.buttons.itemAt(1).widget()
    assert button.isVisible()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), Qt.MouseButton.LeftButton)
    settle(qtbot)


def test_the_salary_step_dialog_does_not_move_as_errors_come_and_go(editor, qtbot):
    _click_add(qtbot, editor, editor.salary_history)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    day = next(f for f in dialog.findChildren(QLineEdit) if f.placeholderText() == "dd/mm/yyyy")
    coefficient = next(f for f in dialog.findChildren(QLineEdit) if f.text() == "5,42")  # filled from the table
    number = dialog.decision_form.number_edit
    fields = [coefficient, day, number, dialog.decision_form.findChildren(QLineEdit)[-1]]
    settle(qtbot)
    before = ys(fields)
    qtbot.mouseClick(coefficient, Qt.MouseButton.LeftButton)
    qtbot.keyClick(coefficient, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(coefficient, "x")
    _save(qtbot, dialog)  # a coefficient that is no number, no decision number
    assert dialog.errors.text("coefficient") == "Hãy ghi một số, ví dụ 2,67."
    assert ys(fields) == before
    qtbot.keyClick(coefficient, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(coefficient, "5,42")
    qtbot.mouseClick(day, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(day, "01012024")
    _save(qtbot, dialog)  # the coefficient is fixed, the decision number still missing
    assert dialog.isVisible() and dialog.errors.text("coefficient") == ""
    assert "Chưa nhập số quyết định" in dialog.errors.text("decision.number")
    assert ys(fields) == before
    qtbot.mouseClick(number, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(number, "12/QD-SKHCN")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _save(qtbot, dialog)


def test_the_qualification_dialog_scrolls_its_reserved_lines_within_the_screen(editor, qtbot):
    _click_add(qtbot, editor, editor.qual_tab)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    # thirteen fields with their reserved lines are taller than a 768-pixel screen: they scroll, the dialog fits
    scroll = dialog.findChild(QScrollArea)
    assert scroll.widget().sizeHint().height() > CLIENT_HEIGHT - 100
    assert dialog.minimumSizeHint().height() <= CLIENT_HEIGHT and dialog.buttons.isVisible()
    year = next(w for w in dialog.findChildren(QLineEdit) if w.maximumWidth() == 80)
    fields = [year, *[w for w in dialog.findChildren(QLineEdit) if w.isVisible()][:3]]
    settle(qtbot)
    before = ys(fields)
    qtbot.mouseClick(year, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(year, "1990")
    _save(qtbot, dialog)
    assert "sớm hơn năm sinh + 15" in dialog.errors.text("year")
    assert ys(fields) == before
    qtbot.keyClick(year, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(year, "2015")
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        _save(qtbot, dialog)
    assert editor.qual_tab.model.rowCount() == 2
