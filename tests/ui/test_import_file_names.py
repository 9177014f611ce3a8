"""The import wizard suggests its files as the other pages do: the agency's short name first, then the
name and the day (hrapp.clock), in the home folder."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from hrapp import clock
from hrapp.services.agency import Agency, set_agency
from tests.io.generate import generate_import_file
from ui.dialogs.import_dialog import ImportDialog

SNV = Agency(name="Sở Nội vụ", parent_agency="UBND TỈNH GIA LAI", province="gia_lai", place="Gia Lai",
             head_title="GIÁM ĐỐC", short="SNV")


def _dialog(qtbot, ctx) -> ImportDialog:
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _offered(monkeypatch) -> list[str]:
    """Answer the save dialog with Cancel, keeping the name it offered."""
    offered: list[str] = []

    def ask(parent, caption, directory, file_filter):
        offered.append(directory)
        return "", ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    return offered


def test_the_template_and_the_error_file_start_with_the_agency_and_carry_the_day(qtbot, staff_ctx, tmp_path,
                                                                                  monkeypatch):
    set_agency(staff_ctx, SNV)
    clock.set_today(date(2027, 3, 5))
    dialog = _dialog(qtbot, staff_ctx)
    offered = _offered(monkeypatch)
    template = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Tải mẫu nhập…")
    qtbot.mouseClick(template, Qt.MouseButton.LeftButton)
    assert offered == [str(Path.home() / "SNV_mau_nhap_ho_so_05-03-2027.xlsx")]

    bad = generate_import_file(tmp_path / "bad.xlsx", 5, units=("VP", "QLKH"))
    from openpyxl import load_workbook

    wb = load_workbook(bad)
    wb["Nhân sự"].cell(5, 4).value = "32/13/1990"
    wb.save(bad)
    dialog.file_edit.setText(str(bad))
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.save_errors_button.isVisible(), timeout=20_000)
    qtbot.mouseClick(dialog.save_errors_button, Qt.MouseButton.LeftButton)
    assert offered[1] == str(Path.home() / "SNV_loi_nhap_05-03-2027.xlsx")


def test_without_a_short_name_the_names_have_no_prefix(qtbot, staff_ctx, monkeypatch):
    clock.set_today(date(2026, 12, 31))
    dialog = _dialog(qtbot, staff_ctx)
    offered = _offered(monkeypatch)
    template = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Tải mẫu nhập…")
    qtbot.mouseClick(template, Qt.MouseButton.LeftButton)
    assert offered == [str(Path.home() / "mau_nhap_ho_so_31-12-2026.xlsx")]
