"""The profile editor holds data to the same ranges as the importer: the officer types the value, clicks Save and
sees the error under the field (a start more than a year ahead, before the 15th birthday, a text longer than its
column), or is asked to confirm what is only unlikely (someone with the same name and birth date under another
CCCD, an age no one works at) — Cancel saves nothing, Save saves."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QMessageBox
from sqlalchemy import func, select

from hrapp import clock
from hrapp.db.models import Person
from hrapp.domain.validation import birthday
from ui.dialogs.person_editor import PersonEditor


def count_people(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def shown_errors(editor: PersonEditor) -> dict[str, str]:
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


@pytest.fixture
def editor(qtbot, staff_ctx):
    e = PersonEditor(staff_ctx, None)
    qtbot.addWidget(e)
    e.resize(1100, 660)
    e.show()
    qtbot.waitExposed(e)
    return e


def fill_contract(qtbot, editor: PersonEditor, *, name: str = "Nguyen Van Moi", birth: str = "14021994",
                  cccd: str = "052194000777", start: str = "01032018") -> None:
    """A labour contract: the fewest fields a record needs."""
    field = editor.identity_form.widgets["full_name"]
    field.setFocus()
    field.setText(name)  # Vietnamese letters cannot be sent as key clicks (QTest knows ASCII keys only)
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    choose(qtbot, editor.identity_form.widgets["gender"], 1)
    type_into(qtbot, editor.identity_form.birth_edit, birth)
    type_into(qtbot, editor.identity_form.widgets["id_number"], cccd)
    editor.tabs.setCurrentIndex(1)
    index = editor.category_combo.findData("hop_dong")
    choose(qtbot, editor.category_combo, index)
    assert editor.category_combo.currentData() == "hop_dong"
    choose(qtbot, editor.unit_combo)
    type_into(qtbot, editor.start_edit, start)


def answer_warning(editor: PersonEditor, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Click `button` of the confirmation as soon as it is open, keeping its text."""
    def poll() -> None:
        box = editor.warning_box
        if box is not None and box.isVisible():
            seen.append(box.informativeText())
            box.button(button).click()
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def save(qtbot, editor: PersonEditor) -> None:
    qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)


def test_a_plain_record_saves_without_a_question(qtbot, staff_ctx, editor):
    before = count_people(staff_ctx)
    fill_contract(qtbot, editor)
    save(qtbot, editor)
    assert shown_errors(editor) == {} and count_people(staff_ctx) == before + 1


@pytest.mark.parametrize(("days", "refused"), [(0, False), (1, True)])
def test_a_start_more_than_a_year_ahead_is_refused_under_the_field(qtbot, staff_ctx, editor, days, refused):
    before = count_people(staff_ctx)
    start = birthday(clock.today(), 1) + timedelta(days=days)
    fill_contract(qtbot, editor, start=f"{start:%d%m%Y}")
    save(qtbot, editor)
    errors = shown_errors(editor)
    if refused:
        assert set(errors) == {"start_date"} and "quá xa" in errors["start_date"]
        assert count_people(staff_ctx) == before
    else:
        assert errors == {} and count_people(staff_ctx) == before + 1


def test_a_start_before_the_15th_birthday_is_refused_under_the_field(qtbot, staff_ctx, editor):
    fill_contract(qtbot, editor, birth="14022004", start="13022019")
    save(qtbot, editor)
    errors = shown_errors(editor)
    assert set(errors) == {"start_date"} and "15 tuổi" in errors["start_date"]


def test_a_text_longer_than_its_column_is_refused_under_the_field(qtbot, staff_ctx, editor):
    fill_contract(qtbot, editor)
    editor.tabs.setCurrentIndex(0)
    field = editor.identity_form.widgets["birth_place"]
    field.setText("x" * 201)  # pasted: typing 201 keys one by one proves nothing more
    save(qtbot, editor)
    errors = shown_errors(editor)
    assert set(errors) == {"birth_place"} and "201" in errors["birth_place"] and "200" in errors["birth_place"]


def test_the_same_name_and_birth_under_a_new_cccd_asks_and_cancel_saves_nothing(qtbot, staff_ctx, editor):
    before = count_people(staff_ctx)
    fill_contract(qtbot, editor, name="Trần Thị Đào", birth="21071979", cccd="052179000999")
    seen: list[str] = []
    answer_warning(editor, QMessageBox.StandardButton.Cancel, seen)
    save(qtbot, editor)
    assert len(seen) == 1 and "Trần Thị Đào (Văn phòng" in seen[0] and "21/07/1979" in seen[0]
    assert count_people(staff_ctx) == before and editor.person_id is None
    answer_warning(editor, QMessageBox.StandardButton.Save, seen)
    with qtbot.waitSignal(editor.saved, timeout=5000):
        save(qtbot, editor)
    assert len(seen) == 2 and count_people(staff_ctx) == before + 1


@pytest.mark.parametrize(("age", "asked"), [(75, False), (76, True)])
def test_an_age_no_one_works_at_is_asked_about(qtbot, staff_ctx, editor, age, asked):
    birth = birthday(clock.today(), -(age + 1)) + timedelta(days=1)  # the last day of that age
    fill_contract(qtbot, editor, birth=f"{birth:%d%m%Y}", start="01032000")
    seen: list[str] = []
    if asked:
        answer_warning(editor, QMessageBox.StandardButton.Save, seen)
    save(qtbot, editor)
    assert shown_errors(editor) == {}
    assert len(seen) == (1 if asked else 0)
    if asked:
        assert f"{age} tuổi" in seen[0]
    assert editor.person_id is not None


def test_the_import_wizard_lists_warnings_and_still_imports(qtbot, staff_ctx, tmp_path):
    from openpyxl import Workbook

    from ui.dialogs.import_dialog import ImportDialog

    wb = Workbook()
    ws = wb.active
    ws.title = "Nhân sự"
    ws.append(["Số CCCD (*)", "Họ và tên (*)", "Giới tính (*)", "Ngày sinh (*)", "Mã đơn vị (*)", "Loại cán bộ (*)",
               "Ngày vào cơ quan (*)"])
    ws.append(["052179000999", "Trần Thị Đào", "Nữ", "21/07/1979", "VP", "hop_dong", "01/03/2018"])
    wb.save(tmp_path / "dao.xlsx")
    dialog = ImportDialog(staff_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    before = count_people(staff_ctx)
    dialog.file_edit.setText(str(tmp_path / "dao.xlsx"))
    with qtbot.waitSignal(dialog.check().finished, timeout=60_000):
        pass
    assert dialog.import_button.isEnabled() and not dialog.save_errors_button.isVisible()
    assert dialog.model.rowCount() == 1 and dialog.model.cell(0, 4).text.startswith("Cảnh báo: ")
    assert "Trần Thị Đào" in dialog.model.cell(0, 4).text and "cảnh báo" in dialog.summary_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.run_import()
    assert count_people(staff_ctx) == before + 1
