"""A large import or staff list runs in a child process: same rows written, same issues, same errors, same file
and audit row; progress comes back, cancelling writes nothing."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from hrapp.db.models import AuditLog, Person
from hrapp.io.excel_import import ImportCancelled, ImportFileError
from tests.io.generate import generate_import_file
from ui import child_process
from ui.dialogs.import_dialog import ImportDialog


def count_people(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(Person))


@pytest.fixture
def every_file_in_a_child(monkeypatch):
    monkeypatch.setattr(child_process, "CHILD_PROCESS_BYTES", 0)


def test_small_workbooks_stay_in_process_large_ones_go_to_a_child(staff_ctx, tmp_path):
    small = generate_import_file(tmp_path / "small.xlsx", 3)
    assert not child_process.uses_child_process(staff_ctx, small)
    assert not child_process.uses_child_process(staff_ctx, tmp_path / "missing.xlsx")
    big = generate_import_file(tmp_path / "big.xlsx", 1500)
    assert big.stat().st_size > child_process.CHILD_PROCESS_BYTES
    assert child_process.uses_child_process(staff_ctx, big)


def test_the_child_writes_every_row_as_the_signed_in_user_and_reports_progress(staff_ctx, tmp_path,
                                                                               every_file_in_a_child):
    staff_ctx.user = "canbo01"
    path = generate_import_file(tmp_path / "good.xlsx", 25)
    before = count_people(staff_ctx)
    steps: list[tuple[int, int]] = []
    result = child_process.run_import(staff_ctx, path, dry_run=False, progress=lambda d, t: steps.append((d, t)))
    assert result.ok and not result.dry_run
    assert count_people(staff_ctx) == before + 25
    with staff_ctx.read() as s:
        users = set(s.scalars(select(AuditLog.user).where(AuditLog.at >= select(func.max(AuditLog.at))
                                                           .scalar_subquery())))
    assert users == {"canbo01"}
    assert steps and steps[-1][0] == steps[-1][1]  # the last report says done


def test_row_errors_come_back_and_nothing_is_written(staff_ctx, tmp_path, every_file_in_a_child):
    path = generate_import_file(tmp_path / "bad.xlsx", 10)
    wb = load_workbook(path)
    wb["Nhân sự"].cell(5, 4).value = "32/13/1990"
    wb.save(path)
    before = count_people(staff_ctx)
    result = child_process.run_import(staff_ctx, path, dry_run=False)
    assert not result.ok and [issue.row for issue in result.issues] == [5]
    assert count_people(staff_ctx) == before


def test_errors_of_the_child_are_raised_with_their_class_and_message(staff_ctx, tmp_path, every_file_in_a_child):
    broken = tmp_path / "hong.xlsx"
    broken.write_bytes(b"not a workbook at all" * 100)
    with pytest.raises(ImportFileError) as raised:
        child_process.run_import(staff_ctx, broken, dry_run=True)
    assert raised.value.message and "Traceback" not in raised.value.message
    path = generate_import_file(tmp_path / "good.xlsx", 10)
    before = count_people(staff_ctx)
    with pytest.raises(ImportCancelled):
        child_process.run_import(staff_ctx, path, dry_run=False, cancel=lambda: True)
    assert count_people(staff_ctx) == before


def test_the_wizard_imports_through_the_child_process(qtbot, staff_ctx, tmp_path, every_file_in_a_child):
    dialog = ImportDialog(staff_ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    before = count_people(staff_ctx)
    dialog.file_edit.setText(str(generate_import_file(tmp_path / "good.xlsx", 15)))
    with qtbot.waitSignal(dialog.check().finished, timeout=60_000):
        pass
    assert dialog.import_button.isEnabled() and count_people(staff_ctx) == before
    with qtbot.waitSignal(dialog.imported, timeout=60_000):
        dialog.run_import()
    assert count_people(staff_ctx) == before + 15


def test_a_long_staff_list_is_written_by_a_child_as_the_signed_in_user(staff_ctx, tmp_path, monkeypatch):
    from pypdf import PdfReader

    from hrapp.errors import ValidationError

    monkeypatch.setattr(child_process, "CHILD_PROCESS_PEOPLE", 0)
    staff_ctx.user = "canbo02"
    target = tmp_path / "danh_sach.pdf"
    assert child_process.export_staff_list(staff_ctx, target) == str(target)
    text = "".join(page.extract_text() for page in PdfReader(str(target)).pages)
    assert "Nguyễn Văn An" in text and "Huỳnh Văn Nam" in text
    with staff_ctx.read() as s:
        last = s.scalars(select(AuditLog).order_by(AuditLog.id.desc())).first()
    assert last.user == "canbo02"
    with pytest.raises(ValidationError) as raised:  # the child's refusal, as the service words it
        child_process.export_staff_list(staff_ctx, tmp_path / "danh_sach.doc")
    assert "không hỗ trợ" in raised.value.message
