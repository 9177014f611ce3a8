"""Walk (h) of issue 13, as the officer does it with mouse and keyboard: a new, empty database → the main window
→ the agency entered in the first-start assistant → units, quotas and staff imported from an Excel workbook
through the import wizard → the staffing table saved as PDF, headed by the new agency, not the demo's."""

from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton

from hrapp.services.agency import get_agency
from tests.io.test_import import HEAD, row
from tests.ui.conftest import wait_loaded
from tests.ui.typing import choose, retype
from ui.first_start import offer_first_start
from ui.main_window import MainWindow
from ui.pages import registry

UNITS = [["Mã đơn vị (*)", "Tên đơn vị (*)", "Loại đơn vị (*)", "Mã đơn vị cấp trên", "Ngày thành lập"],
         ["SNV", "Sở Nội vụ", "Sở", None, "01/07/2025"],
         ["SNV.VP", "Văn phòng Sở", "Văn phòng", "SNV", "01/07/2025"],
         ["SNV.TCBM", "Phòng Tổ chức bộ máy", "Phòng chuyên môn", "SNV", "01/07/2025"]]
QUOTAS = [["Năm (*)", "Mã đơn vị (*)", "Loại biên chế (*)", "Số được giao (*)", "Số quyết định giao (*)",
           "Ngày ký quyết định (*)"],
          [2025, "SNV.VP", "Công chức", 6, "120/QĐ-UBND", "15/07/2025"],
          [2025, "SNV.TCBM", "Công chức", 4, "120/QĐ-UBND", "15/07/2025"]]
STAFF = [HEAD,
         row(cccd="064185001234", name="Trần Thị Thu Hà", unit="SNV.VP", start="01/07/2025"),
         row(cccd="064190004321", name="Lê Văn Cường", gender="Nam", birth="12/10/1990", unit="SNV.TCBM",
             start="01/07/2025", recruited="01/07/2015", salary="01/07/2024"),
         row(cccd="064188007777", name="Phạm Minh Đức", gender="Nam", birth="02/02/1988", unit="SNV.TCBM",
             start="01/07/2025", recruited="01/03/2012", salary="01/03/2024")]


def workbook(path: Path) -> Path:
    wb = Workbook()
    wb.remove(wb.active)
    for name, rows in (("Nhân sự", STAFF), ("Đơn vị", UNITS), ("Biên chế", QUOTAS)):
        ws = wb.create_sheet(name)
        for r in rows:
            ws.append(r)
    wb.save(path)
    return path


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def go_to(qtbot, window, key: str):
    """Click the area in the sidebar, as the officer does."""
    item = window.sidebar.item([a.key for a in registry.AREAS].index(key))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(item).center())
    assert window.current_area() == key
    return window.current_page()


def button_named(parent, text: str) -> QPushButton:
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text]
    assert len(found) == 1, (text, [b.text() for b in parent.findChildren(QPushButton)])
    return found[0]


def test_first_day_of_a_new_agency_from_empty_database_to_printed_staffing_table(qtbot, ctx, tmp_path,
                                                                                 monkeypatch):
    # 1. The new, empty database opens: the header names no agency, the first start asks how to begin
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.agency_label.text() == "Chưa nhập thông tin cơ quan (Quản trị → Cơ quan)"
    assert "BÌNH ĐỊNH" not in window.parent_agency_label.text()
    offer_first_start(window)
    dialog = window.first_start_dialog
    assert dialog.isVisible()

    # 2. The agency, entered by clicks and keys
    click(qtbot, dialog.agency_button)
    form = dialog.agency_form
    choose(qtbot, form.province_combo, "Gia Lai")
    assert form.parent_edit.text() == "UBND TỈNH GIA LAI"
    retype(qtbot, form.name_edit, "Sở Nội vụ")
    retype(qtbot, form.short_edit, "SNV")
    retype(qtbot, form.head_title_edit, "GIÁM ĐỐC")
    retype(qtbot, form.head_name_edit, "Nguyễn Văn An")
    retype(qtbot, form.preparer_edit, "Võ Thị Lan")
    with qtbot.waitSignal(dialog.accepted):
        click(qtbot, dialog.save_button)
    assert window.agency_label.text() == "SỞ NỘI VỤ"
    assert window.parent_agency_label.text() == "UBND TỈNH GIA LAI"
    assert window.statusBar().currentMessage().startswith("Đã lưu thông tin cơ quan.")

    # 3. Units, quotas and staff from one workbook, through the import wizard
    source = workbook(tmp_path / "don_vi_va_can_bo.xlsx")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(source), ""))
    staff = go_to(qtbot, window, "staff")
    click(qtbot, staff.import_button)
    wizard = staff._import_dialog
    qtbot.waitExposed(wizard)
    click(qtbot, button_named(wizard, "Chọn tệp…"))
    assert wizard.file_edit.text() == str(source)
    click(qtbot, wizard.check_button)
    qtbot.waitUntil(lambda: wizard.checked is not None, timeout=60_000)
    assert wizard.model.rowCount() == 0, [wizard.model.cell(r, 4).text for r in range(wizard.model.rowCount())]
    assert "sẽ có 3 người mới" in wizard.summary_label.text()
    with qtbot.waitSignal(wizard.imported, timeout=60_000):
        click(qtbot, wizard.import_button)
    assert "3 người mới" in wizard.summary_label.text() and "3 đơn vị, 2 số biên chế" in wizard.summary_label.text()
    wizard.reject()
    wait_loaded(qtbot, staff)
    qtbot.waitUntil(lambda: staff.count_label.text() == "3 người", timeout=10_000)

    # 4. The staffing table of 2025, saved as PDF under the suggested name
    quota = go_to(qtbot, window, "quota")
    retype(qtbot, quota.year_spin, "2025")
    assert quota.year() == 2025
    assert quota.unit_item("SNV.VP") is not None and quota.unit_item("SNV.TCBM") is not None
    target = tmp_path / "bien_che.pdf"
    suggested: list[str] = []

    def save_name(_parent, _title, default, _filter):
        suggested.append(default)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    click(qtbot, quota.save_button)
    with qtbot.waitSignal(quota.task.finished, timeout=60_000):
        pass
    assert Path(suggested[0]).name == "SNV_bien_che_2025.pdf"
    text = " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(target)).pages)
    assert "UBND TỈNH GIA LAI" in text and "SỞ NỘI VỤ" in text
    assert "Gia Lai, ngày" in text and "GIÁM ĐỐC" in text and "Nguyễn Văn An" in text and "Võ Thị Lan" in text
    assert "Văn phòng Sở" in text and "Phòng Tổ chức bộ máy" in text
    assert "BÌNH ĐỊNH" not in text and "Bình Định" not in text and "KHOA HỌC VÀ CÔNG NGHỆ" not in text
    assert get_agency(ctx).name == "Sở Nội vụ"
