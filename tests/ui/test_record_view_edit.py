"""From the staff list to the editor: Enter or a double-click on a row opens the record, and "Sửa" in the record
opens the profile editor on that person; what the editor saves shows in the list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel

from tests.ui.conftest import wait_loaded
from ui.dialogs.person_detail_dialog import PersonDetailDialog
from ui.dialogs.person_editor import PersonEditor


def shown(kind: type):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def row_of(page, name: str) -> int:
    return next(r for r in range(page.model.rowCount()) if page.model.data(page.model.index(r, 1)) == name)


def test_double_click_on_a_row_opens_the_record(window, qtbot):
    page = window.show_area("staff")
    row = row_of(page, "Trần Thị Đào")
    rect = page.table.visualRect(page.model.index(row, 1))
    # a real double-click: press and release, then the second press arrives as a double-click
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert shown(PersonDetailDialog) is None  # one click only selects
    qtbot.mouseDClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: shown(PersonDetailDialog) is not None)
    assert shown(PersonDetailDialog).windowTitle() == "Hồ sơ: Trần Thị Đào"
    shown(PersonDetailDialog).close()


def test_edit_in_the_record_opens_the_editor_and_the_list_follows_its_save(window, qtbot, staff_ctx):
    page = window.show_area("staff")
    row = row_of(page, "Trần Thị Đào")
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(row, 1))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(PersonDetailDialog) is not None)
    record = shown(PersonDetailDialog)
    assert record.edit_button.isEnabled() and record.edit_button.text() == "Sửa"

    qtbot.mouseClick(record.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(PersonEditor) is not None)
    editor = shown(PersonEditor)
    assert editor.person_id == staff_ctx.person_ids["Trần Thị Đào"]
    assert not record.isVisible()

    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    name = editor.identity_form.widgets["full_name"]
    name.setFocus()
    name.selectAll()
    qtbot.keyClicks(name, "Tran Thi Dao Moi")
    qtbot.keyClick(name, Qt.Key.Key_Tab)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.findChild(QLabel, "error:id_number").text() == "Chưa nhập số CCCD."  # the record lacks it
    cccd = editor.identity_form.widgets["id_number"]
    cccd.setFocus()
    qtbot.keyClicks(cccd, "052179000321")
    assert editor.findChild(QLabel, "error:id_number").text() == ""  # gone once typed
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.saved_label.text().startswith("Đã lưu hồ sơ Tran Thi Dao Moi")
    wait_loaded(qtbot, page)
    qtbot.waitUntil(lambda: any(page.model.data(page.model.index(r, 1)) == "Tran Thi Dao Moi"
                                for r in range(page.model.rowCount())), timeout=10_000)
    editor.reject()


def test_a_reader_cannot_edit_from_the_record(staff_ctx, qtbot):
    from dataclasses import replace

    reader = replace(staff_ctx, role="lanh_dao")  # reads and approves, does not write
    dialog = PersonDetailDialog(reader, staff_ctx.person_ids["Trần Thị Đào"])
    qtbot.addWidget(dialog)
    assert not dialog.edit_button.isEnabled()
    writer = PersonDetailDialog(staff_ctx, staff_ctx.person_ids["Trần Thị Đào"])
    qtbot.addWidget(writer)
    assert writer.edit_button.isEnabled()


def test_enter_in_the_search_opens_the_one_person_found_or_moves_into_the_list(window, qtbot):
    page = window.show_area("staff")
    window.activateWindow()
    page.focus_search()
    qtbot.keyClicks(page.search_edit, "nguyen")  # several people
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() > 1, timeout=10_000)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    assert shown(PersonDetailDialog) is None
    assert page.table.hasFocus() and page.selected_person_id() == page.model.person_id(0)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on the row opens it
    qtbot.waitUntil(lambda: shown(PersonDetailDialog) is not None)
    first = page.model.data(page.model.index(0, 1))
    assert shown(PersonDetailDialog).windowTitle() == f"Hồ sơ: {first}"
    shown(PersonDetailDialog).close()

    page.focus_search()
    page.search_edit.selectAll()
    qtbot.keyClicks(page.search_edit, "tran thi dao")  # one person, typed without diacritics
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(PersonDetailDialog) is not None)
    assert shown(PersonDetailDialog).windowTitle() == "Hồ sơ: Trần Thị Đào"
    shown(PersonDetailDialog).close()
