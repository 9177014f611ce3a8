"""Walk (a) of issue 13 on the demo department: find a person by typing the name without diacritics, open the
record with Enter, press "Sửa", change the phone, save with a click, see the confirmation, and find exactly
one changed field in the audit trail."""

from __future__ import annotations

from collections import Counter

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from hrapp.db.models import Person
from hrapp.queries.audit import AuditFilter, audit_entries
from hrapp.text import fold
from tests.ui.conftest import wait_loaded
from ui.dialogs.person_detail_dialog import PersonDetailDialog
from ui.dialogs.person_editor import PersonEditor
from ui.main_window import MainWindow

NEW_PHONE = "0905 123 456"


@pytest.fixture
def demo_window(qtbot, demo_ctx):
    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    wait_loaded(qtbot, w.page("staff"))
    return w


def someone_with_a_unique_name(ctx) -> tuple[int, str]:
    """A working person of the demo with ethnicity and religion recorded, whose name no one else shares."""
    with ctx.read() as s:
        rows = s.execute(select(Person.id, Person.full_name, Person.ethnicity, Person.religion, Person.status)).all()
    names = Counter(fold(r.full_name) for r in rows)
    for r in rows:
        if (r.status == "working" and r.ethnicity and r.religion and names[fold(r.full_name)] == 1
                and fold(r.full_name) != r.full_name.lower()):
            return r.id, r.full_name
    raise AssertionError("the demo has no such person")


def shown(kind: type):
    """The visible top-level window of that class (the dialog the officer is looking at)."""
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def test_find_without_diacritics_open_edit_the_phone_save_and_audit(qtbot, demo_window, demo_ctx):
    person_id, name = someone_with_a_unique_name(demo_ctx)
    typed = fold(name)
    assert typed.isascii() and typed != name.lower()  # the officer types no diacritics

    # Hồ sơ CCVC: click the area, type the name, Enter opens the record of the one person found
    window = demo_window
    row = [window.sidebar.item(i).text() for i in range(window.sidebar.count())].index("Hồ sơ CCVC")
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(window.sidebar.item(row)).center())
    page = window.page("staff")
    assert window.current_page() is page
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, typed)
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1, timeout=10_000)
    assert page.model.data(page.model.index(0, 1)) == name
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)  # one person listed: Enter opens the record
    qtbot.waitUntil(lambda: shown(PersonDetailDialog) is not None)
    record = shown(PersonDetailDialog)
    assert record.windowTitle() == f"Hồ sơ: {name}" and page.selected_person_id() == person_id

    # Sửa opens the profile editor on the same person
    assert record.edit_button.text() == "Sửa"
    qtbot.mouseClick(record.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(PersonEditor) is not None)
    editor = shown(PersonEditor)
    assert editor.person_id == person_id and not record.isVisible()
    assert editor.identity_form.widgets["full_name"].text() == name

    # change the phone and save with a click
    before = {e.id for e in audit_entries(demo_ctx, AuditFilter(person_id=person_id))}
    phone = editor.identity_form.widgets["phone"]
    phone.setFocus()
    phone.selectAll()
    qtbot.keyClicks(phone, NEW_PHONE)
    qtbot.keyClick(phone, Qt.Key.Key_Tab)
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)

    # a confirmation is seen, in the editor and in the main window's status bar
    assert editor.saved_label.isVisible() and name in editor.saved_label.text()
    assert editor.saved_label.text().startswith("Đã lưu hồ sơ")
    assert window.statusBar().currentMessage() == editor.saved_label.text()
    assert phone.text() == NEW_PHONE and not editor.dirty

    # the audit trail holds one new entry, with exactly one changed field: the phone
    new = [e for e in audit_entries(demo_ctx, AuditFilter(person_id=person_id)) if e.id not in before]
    assert len(new) == 1
    assert [(c.field, c.new) for c in new[0].changes] == [("phone", NEW_PHONE)]
    editor.reject()
