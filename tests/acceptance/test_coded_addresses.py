"""Walk of issue 16 (item 11) on the demo department: the demo's places are written under the names before
01/07/2025; the record shows each with the unit it now belongs to; in the editor the officer types part of a
new commune's name without accents, picks it from the list, saves with a click, and the record, the audit trail
and the staff export show the new place, its text as picked and its code."""

from __future__ import annotations

from collections import Counter

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from hrapp.db.models import Person
from hrapp.io.excel_export import export_employees
from hrapp.queries.audit import AuditFilter, audit_entries
from hrapp.text import fold
from tests.acceptance.test_edit_phone import demo_window, shown  # noqa: F401  # the fixture
from tests.ui.test_place_picker import pick
from ui.dialogs.person_detail_dialog import PersonDetailDialog
from ui.dialogs.person_editor import PersonEditor


def someone_born_under_an_old_name(ctx) -> tuple[int, str, str]:
    """A working person of the demo, alone with their name, whose birthplace is an old commune coded to a new one."""
    with ctx.read() as s:
        rows = s.execute(select(Person.id, Person.full_name, Person.birth_place, Person.birth_place_code,
                                Person.status)).all()
    names = Counter(fold(r.full_name) for r in rows)
    for r in rows:
        if (r.status == "working" and names[fold(r.full_name)] == 1 and "huyện" in (r.birth_place or "")
                and r.birth_place_code and len(r.birth_place_code) == 5):
            return r.id, r.full_name, r.birth_place
    raise AssertionError("the demo has no such person")


def detail_text(record: PersonDetailDialog) -> str:
    return "\n".join(label.text() for label in record.findChildren(QLabel))


def test_an_old_birthplace_shows_its_new_unit_and_the_home_town_is_picked_from_the_list(
        qtbot, demo_window, demo_ctx, tmp_path):  # noqa: F811  # the fixture
    person_id, name, birth_place = someone_born_under_an_old_name(demo_ctx)
    window = demo_window
    page = window.page("staff")
    row = [window.sidebar.item(i).text() for i in range(window.sidebar.count())].index("Hồ sơ CCVC")
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(window.sidebar.item(row)).center())
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, fold(name))
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(PersonDetailDialog) is not None)
    record = shown(PersonDetailDialog)

    # the old text as written, and the unit it belongs to after 01/07/2025
    text = detail_text(record)
    assert birth_place in text and "— nay là " in text and "Tỉnh Gia Lai" in text

    qtbot.mouseClick(record.edit_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: shown(PersonEditor) is not None)
    editor = shown(PersonEditor)
    home = editor.identity_form.widgets["home_town"]
    home.setFocus()
    home.selectAll()
    qtbot.keyClick(home, Qt.Key.Key_Delete)
    pick(qtbot, home, "quy nhon dong", "Phường Quy Nhơn Đông, Tỉnh Gia Lai")
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert editor.saved_label.isVisible() and not editor.dirty

    with demo_ctx.read() as s:
        p = s.get(Person, person_id)
        assert (p.home_town, p.home_town_code) == ("Phường Quy Nhơn Đông, Tỉnh Gia Lai", "21601")
        assert p.birth_place == birth_place  # the other places untouched
    changes = {c.field for e in audit_entries(demo_ctx, AuditFilter(person_id=person_id)) for c in e.changes}
    assert {"home_town", "home_town_code"} <= changes

    # the staff export writes the text as picked
    out = tmp_path / "staff.xlsx"
    export_employees(demo_ctx, out)
    sheet = load_workbook(out, read_only=True).worksheets[0]
    rows = list(sheet.iter_rows(values_only=True))
    column = rows[0].index("Quê quán")
    assert any(r[column] == "Phường Quy Nhơn Đông, Tỉnh Gia Lai" for r in rows[1:])
    editor.reject()
