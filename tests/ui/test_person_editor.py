"""The profile editor: add a person, edit and save with Ctrl+S, messages under the fields while nothing is
saved, history rows through small dialogs with their decision; the import wizard; the staff list's buttons."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit
from sqlalchemy import func, select

from hrapp.db.models import Person, SalaryStep
from hrapp.queries.person_profile import load_profile
from hrapp.services import persons as ps
from tests.io.generate import generate_import_file
from tests.ui.conftest import wait_loaded
from ui.dialogs.import_dialog import ImportDialog
from ui.dialogs.person_editor import PersonEditor


def count_people(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


def error(dialog, field: str) -> str:
    label = dialog.findChild(QLabel, f"error:{field}")
    return label.text() if label is not None and not label.isHidden() else ""


def typed(editor: PersonEditor, key: str, text: str) -> None:
    widget = editor.identity_form.widgets[key]
    widget.setText(text)
    widget.editingFinished.emit()


def save_with_ctrl_s(qtbot, editor: PersonEditor) -> None:
    qtbot.keyClick(editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


@pytest.fixture
def editor_new(qtbot, staff_ctx):
    editor = PersonEditor(staff_ctx, None)
    qtbot.addWidget(editor)
    editor.show()
    qtbot.waitExposed(editor)
    return editor


def fill_new(editor: PersonEditor) -> None:
    typed(editor, "full_name", "Phan Thị Mai")
    editor.identity_form.widgets["gender"].setCurrentIndex(editor.identity_form.widgets["gender"].findData("F"))
    editor.identity_form.birth_edit.setText("14/02/1994")
    typed(editor, "id_number", "052194000123")
    editor.category_combo.setCurrentIndex(editor.category_combo.findData("cong_chuc"))
    editor.unit_combo.select_code("VP")
    editor.start_edit.setText("01/03/2018")
    editor.recruited_edit.setText("01/03/2018")
    editor.rank_combo.setCurrentIndex(editor.rank_combo.findData("01.003"))
    editor.step_spin.setValue(2)
    editor.salary_date_edit.setText("01/03/2021")
    editor.salary_date_edit.editingFinished.emit()


# ------------------------------------------------------------------------------------------- add


def test_add_a_person_and_save_with_ctrl_s(qtbot, staff_ctx, editor_new):
    assert editor_new.windowTitle() == "Hồ sơ mới"
    assert not editor_new.tabs.isTabEnabled(2)  # history waits for the first save
    fill_new(editor_new)
    assert editor_new.coef_edit.text() == "2,67"  # filled from the salary table of A1, step 2
    before = count_people(staff_ctx)
    with qtbot.waitSignal(editor_new.saved, timeout=5000) as signal:
        save_with_ctrl_s(qtbot, editor_new)
    assert count_people(staff_ctx) == before + 1
    person_id = signal.args[0]
    assert editor_new.person_id == person_id and editor_new.tabs.isTabEnabled(2)
    assert editor_new.windowTitle() == "Hồ sơ: Phan Thị Mai"
    profile = load_profile(staff_ctx, person_id)
    assert (profile.unit_name, profile.salary_step, profile.coefficient) == ("Văn phòng Sở", 2, Decimal("2.670"))


def test_errors_show_under_their_fields_and_nothing_is_saved(qtbot, staff_ctx, editor_new):
    fill_new(editor_new)
    typed(editor_new, "id_number", "0521940")  # too short
    editor_new.recruited_edit.setText("01/03/2010")  # 16 years old that day
    editor_new.coef_edit.setText("3,00")  # not the table's value for step 2
    before = count_people(staff_ctx)
    save_with_ctrl_s(qtbot, editor_new)
    assert count_people(staff_ctx) == before
    assert "12 chữ số" in error(editor_new, "id_number")
    assert "Chưa đủ 18 tuổi" in error(editor_new, "recruitment_date")
    assert "theo bảng lương là 2,67" in error(editor_new, "coefficient")
    assert editor_new.person_id is None


def test_a_date_that_cannot_be_read_is_reported_at_once(qtbot, editor_new):
    typed(editor_new, "party_join_date", "31/02/2010")
    assert error(editor_new, "party_join_date") == "31/02/2010 không phải là ngày có thật."
    typed(editor_new, "email", "mai@")
    assert "không đúng dạng" in error(editor_new, "email")
    typed(editor_new, "email", "mai@skhcn.gov.vn")
    assert error(editor_new, "email") == ""


# ------------------------------------------------------------------------------------------- edit


@pytest.fixture
def editor_edit(qtbot, staff_ctx):
    editor = PersonEditor(staff_ctx, staff_ctx.person_ids["Trần Thị Đào"])
    editor.show()
    qtbot.waitExposed(editor)
    yield editor
    editor.dirty = False  # closing at teardown must not ask whether to save
    editor.close()
    editor.deleteLater()


def test_closing_with_unsaved_changes_asks_first(qtbot, staff_ctx, editor_edit, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.Cancel)
    typed(editor_edit, "phone", "0905 000 111")
    editor_edit.reject()
    assert asked == ["Lưu các thay đổi của hồ sơ này?"] and editor_edit.isVisible()


def test_edit_identity_and_save(qtbot, staff_ctx, editor_edit):
    assert editor_edit.identity_form.widgets["full_name"].text() == "Trần Thị Đào"
    assert editor_edit.identity_form.birth_edit.text() == "21/07/1979"
    typed(editor_edit, "id_number", "052179001111")
    typed(editor_edit, "phone", "0905 111 222")
    assert editor_edit.dirty
    version = editor_edit.profile.row_version
    save_with_ctrl_s(qtbot, editor_edit)
    with staff_ctx.read() as s:
        p = s.get(Person, staff_ctx.person_ids["Trần Thị Đào"])
        assert (p.phone, p.id_number) == ("0905 111 222", "052179001111")
    assert editor_edit.profile.row_version > version and not editor_edit.dirty


def test_a_record_changed_meanwhile_is_not_overwritten(qtbot, staff_ctx, editor_edit):
    pid = staff_ctx.person_ids["Trần Thị Đào"]
    other = load_profile(staff_ctx, pid)
    from dataclasses import replace

    ps.update_person(staff_ctx, ps.PersonUpdate(pid, other.row_version,
                                                replace(other.identity, id_number="052179002222")))
    typed(editor_edit, "id_number", "052179001111")
    save_with_ctrl_s(qtbot, editor_edit)
    assert "người khác sửa" in editor_edit.general_error.text()
    with staff_ctx.read() as s:
        assert s.get(Person, pid).id_number == "052179002222"


# ------------------------------------------------------------------------------------------- history dialogs


def test_salary_step_needs_its_decision_then_is_added(qtbot, staff_ctx, editor_edit):
    dialog = editor_edit.add_salary()
    qtbot.waitExposed(dialog)
    fields = dialog.findChildren(QLineEdit)
    date_field = next(f for f in fields if f.placeholderText() == "dd/mm/yyyy")
    date_field.setText("01/01/2024")
    date_field.editingFinished.emit()
    dialog.submit()
    assert "Chưa nhập số quyết định" in error(dialog, "decision.number")
    dialog.decision_form.number_edit.setText("12/QĐ-SKHCN")
    with qtbot.waitSignal(editor_edit.saved, timeout=5000):
        dialog.submit()
    with staff_ctx.read() as s:
        rows = s.execute(select(SalaryStep.step, SalaryStep.coefficient).where(
            SalaryStep.person_id == staff_ctx.person_ids["Trần Thị Đào"]).order_by(SalaryStep.effective_date)).all()
    assert rows[-1] == (4, Decimal("5.420"))  # A2.1 step 4, filled from the table
    assert editor_edit.salary_history.model.rowCount() == 2


def test_qualification_before_age_fifteen_is_refused_in_the_dialog(qtbot, staff_ctx, editor_edit):
    dialog = editor_edit.add_qualification()
    year_edit = next(w for w in dialog.findChildren(QLineEdit) if w.maximumWidth() == 80)
    year_edit.setText("1990")
    dialog.submit()
    assert "sớm hơn năm sinh + 15" in error(dialog, "year")
    year_edit.setText("2015")
    dialog.submit()
    assert editor_edit.qual_tab.model.rowCount() == 2


def test_recording_retirement_keeps_the_record(qtbot, staff_ctx, editor_edit):
    dialog = editor_edit.record_leaving()
    day = next(f for f in dialog.findChildren(QLineEdit) if f.placeholderText() == "dd/mm/yyyy")
    day.setText("01/06/2024")
    dialog.decision_form.number_edit.setText("88/QĐ-SKHCN")
    dialog.submit()
    assert editor_edit.profile.status == "retired"
    assert not editor_edit.leave_button.isEnabled()
    assert "Nghỉ hưu" in editor_edit.status_label.text()


def test_family_and_work_lines_are_added(qtbot, staff_ctx, editor_edit):
    dialog = editor_edit.add_work()
    start, _end, text = dialog.findChildren(QLineEdit)[:3]
    start.setText("01/08/2010")
    text.setText("Chuyên viên Văn phòng Sở")
    dialog.submit()
    assert editor_edit.work_tab.model.cell(0, 2).text == "Chuyên viên Văn phòng Sở"
    dialog = editor_edit.add_family()
    relation, name, born = dialog.findChildren(QLineEdit)[:3]
    relation.setText("Mẹ")
    name.setText("nguyễn thị lan")
    born.setText("1955")
    dialog.submit()
    assert editor_edit.family_tab.model.cell(0, 2).text == "Nguyễn Thị Lan"


def test_photo_and_documents(qtbot, staff_ctx, editor_edit, tmp_path):
    import io

    from PIL import Image

    photo = tmp_path / "anh.png"
    buffer = io.BytesIO()
    Image.new("RGB", (40, 60), (10, 120, 200)).save(buffer, "PNG")
    photo.write_bytes(buffer.getvalue())
    editor_edit.set_photo_file(str(photo))
    assert editor_edit.profile.photo == photo.read_bytes()
    assert not editor_edit.photo_label.pixmap().isNull()
    scan = tmp_path / "QĐ 76.pdf"
    scan.write_bytes(b"%PDF-1.4 scan")
    dialog = editor_edit.add_attachment(str(scan))
    dialog.submit()
    files = [editor_edit.doc_tab.model.cell(r, 0).text for r in range(editor_edit.doc_tab.model.rowCount())]
    assert files == ["anh.png", "QĐ 76.pdf"]  # the photo is kept among the documents too


# ------------------------------------------------------------------------------------------- import wizard


def test_import_wizard_lists_errors_saves_them_and_imports_a_good_file(qtbot, staff_ctx, tmp_path):
    from openpyxl import load_workbook

    dialog = ImportDialog(staff_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    bad = generate_import_file(tmp_path / "bad.xlsx", 20, units=("VP", "QLKH"))
    wb = load_workbook(bad)
    wb["Nhân sự"].cell(5, 4).value = "32/13/1990"
    wb.save(bad)
    dialog.file_edit.setText(str(bad))
    with qtbot.waitSignal(dialog.check().finished, timeout=20_000):
        pass
    assert dialog.model.rowCount() == 1 and dialog.model.cell(0, 1).text == "5"
    assert not dialog.import_button.isEnabled()
    saved = dialog.save_errors(path=str(tmp_path / "loi.xlsx"))
    assert saved and (tmp_path / "loi.xlsx").exists()
    before = count_people(staff_ctx)
    good = generate_import_file(tmp_path / "good.xlsx", 20, units=("VP", "QLKH"))
    dialog.file_edit.setText(str(good))
    with qtbot.waitSignal(dialog.check().finished, timeout=20_000):
        pass
    assert dialog.import_button.isEnabled() and count_people(staff_ctx) == before
    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.run_import()
    assert count_people(staff_ctx) == before + 20


# ------------------------------------------------------------------------------------------- staff list buttons


def test_staff_list_opens_the_editor_and_the_import_wizard(qtbot, window):
    page = window.page("staff")
    assert page.can_create()
    editor = page.open_editor(None)
    assert isinstance(editor, PersonEditor)
    editor.dirty = False
    editor.reject()
    page.table.selectRow(0)
    page.edit_selected()
    assert page._editor.person_id == page.selected_person_id()
    page._editor.reject()
    dialog = page.import_records()
    assert isinstance(dialog, ImportDialog)
    dialog.reject()


def test_staff_list_exports_what_is_shown(qtbot, window, tmp_path):
    from python_calamine import CalamineWorkbook

    page = window.page("staff")
    page.search_edit.setText("nguyen")
    page.apply_filter()
    wait_loaded(qtbot, page)
    shown = page.model.rowCount()
    out = tmp_path / "ds.xlsx"
    with qtbot.waitSignal(page.export_excel(path=str(out)).finished, timeout=20_000):
        pass
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("Nhân sự").to_python()
    assert len(rows) - 1 == shown and all("Nguyễn" in r[1] for r in rows[1:])


def test_staff_list_prints_the_selected_persons_2c(qtbot, window, monkeypatch):
    page = window.page("staff")
    shown: list[str] = []
    monkeypatch.setattr(page, "_preview", lambda path, suggested_name=None: shown.append(path))
    page.table.selectRow(0)
    with qtbot.waitSignal(page.print_cv().finished, timeout=30_000):
        pass
    assert shown and open(shown[0], "rb").read(5) == b"%PDF-"
    _ = date  # dates in this module are typed as text, as the user types them
