"""Walk (b) of issue 13: add an employee with the minimum fields. The first save shows every error of every tab
at once; once they are fixed, one more save succeeds and the person is in the staff list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
from sqlalchemy import func, select

from hrapp.db.models import Person
from tests.ui.conftest import wait_loaded
from ui.dialogs.person_editor import PersonEditor


def shown_editor() -> PersonEditor | None:
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, PersonEditor) and w.isVisible()]
    return found[-1] if found else None


def errors(editor: PersonEditor) -> dict[str, str]:
    """The messages under the fields, on every tab."""
    return {label.objectName().removeprefix("error:"): label.text() for label in editor.findChildren(QLabel)
            if label.objectName().startswith("error:") and not label.isHidden() and label.text()}


def type_into(qtbot, widget, text: str) -> None:
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Tab)


def choose(qtbot, combo, steps: int = 1) -> None:
    combo.setFocus()
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def count_people(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def test_add_an_employee_in_one_corrected_save(qtbot, window, staff_ctx):
    page = window.show_area("staff")
    people = count_people(staff_ctx)
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown_editor() is not None)
    editor = shown_editor()
    assert editor.windowTitle() == "Hồ sơ mới"
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)  # typing goes where the officer looks; Tab leaves a field

    # the minimum an officer thinks of first: the name, the category and the rank
    type_into(qtbot, editor.identity_form.widgets["full_name"], "Vo Thi Hanh")
    editor.tabs.setCurrentIndex(1)
    choose(qtbot, editor.category_combo)  # Công chức
    choose(qtbot, editor.rank_combo, 3)  # 01.003 Chuyên viên
    assert editor.rank_combo.currentData() == "01.003"

    # first save: every error of both tabs at once, both tabs marked, nothing saved
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    first = errors(editor)
    assert set(first) == {"gender", "birth_date", "id_number", "unit_id", "start_date", "recruitment_date",
                          "salary_date"}
    assert editor.tabs.tabText(0) == "Lý lịch (3)" and editor.tabs.tabText(1) == "Công tác (4)"
    assert count_people(staff_ctx) == people

    # fix each one; each message goes with its fix
    editor.tabs.setCurrentIndex(0)
    choose(qtbot, editor.identity_form.widgets["gender"], 2)  # Nữ
    type_into(qtbot, editor.identity_form.birth_edit, "14021994")
    type_into(qtbot, editor.identity_form.widgets["id_number"], "052194000777")
    assert editor.tabs.tabText(0) == "Lý lịch"
    editor.tabs.setCurrentIndex(1)
    choose(qtbot, editor.unit_combo)  # the first unit
    type_into(qtbot, editor.start_edit, "1/3/18")  # the paid-from date follows the start
    type_into(qtbot, editor.recruited_edit, "01032018")
    assert editor.start_edit.text() == "01/03/2018" and editor.salary_date_edit.text() == "01/03/2018"
    assert errors(editor) == {}  # the paid-from message went when the start date filled it
    assert editor.tabs.tabText(1) == "Công tác"

    # one more save succeeds, and the new person is in the list
    with qtbot.waitSignal(editor.saved, timeout=5000) as saved:
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert count_people(staff_ctx) == people + 1
    assert editor.windowTitle() == "Hồ sơ: Vo Thi Hanh"
    assert editor.saved_label.text().startswith("Đã lưu hồ sơ Vo Thi Hanh")
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: page.model.row_of(saved.args[0]) >= 0, timeout=10_000)
    row = page.model.row_of(saved.args[0])
    assert page.model.data(page.model.index(row, 1)) == "Vo Thi Hanh"
    editor.reject()
