"""The print preview saves the PDF itself ("Lưu PDF…"): the vector file with its text, not page pictures."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolBar

from tests.ui.conftest import wait_loaded
from tests.ui.recruitment_clicks import menu_choice
from ui.widgets.notice import Notice


def _text(path: Path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def _print_2c(window, qtbot, name: str):
    page = window.show_area("staff")
    wait_loaded(qtbot, page)
    m = page.model
    row = [m.data(m.index(r, 1)) for r in range(m.rowCount())].index(name)
    page.table.selectRow(row)
    assert page.cv_button.isEnabled()
    menu_choice(qtbot, page.cv_button, "Sơ yếu lý lịch (Mẫu 2C-BNV/2008)")
    with qtbot.waitSignal(page.task.finished, timeout=30_000):
        pass
    qtbot.waitUntil(lambda: getattr(page, "preview", None) is not None and page.preview.isVisible())
    return page, page.preview


def test_save_pdf_in_the_2c_preview_writes_the_vector_file(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    page, preview = _print_2c(window, qtbot, "Trần Thị Đào")
    assert preview.save_button.text() == "Lưu PDF…"
    assert preview.save_button.isVisible() and preview.save_button.isEnabled()
    offered: list[str] = []
    target = tmp_path / "chosen"  # no suffix typed: .pdf is added

    def ask(parent, caption, directory, file_filter):
        offered.append(directory)
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)

    saved = tmp_path / "chosen.pdf"
    assert Path(offered[0]).name == "so_yeu_ly_lich_tran_thi_dao.pdf"
    assert saved.exists()
    text = _text(saved)
    assert "Trần Thị Đào" in text.replace("TRẦN THỊ ĐÀO", "Trần Thị Đào")
    assert "Mẫu 2C-BNV/2008" in text
    # the very bytes ReportLab wrote: a few tens of kB of text and fonts, no page bitmaps
    assert saved.read_bytes() == preview.pdf_bytes
    assert saved.stat().st_size < 300_000
    assert not any("/Image" in str(p.get("/Resources", {}).get("/XObject", {})) for p in PdfReader(saved).pages)
    # said where it went: a notice on the preview with "Mở tệp" / "Mở thư mục", and the main window's status bar
    notice = preview.findChild(Notice, "notice")
    assert notice is not None and notice.isVisible()
    assert notice.text_label.text() == "Đã lưu chosen.pdf"
    assert notice.open_file_button.text() == "Mở tệp" and notice.open_folder_button.text() == "Mở thư mục"
    assert window.statusBar().currentMessage() == f"Đã lưu {saved}"
    preview.close()


def test_cancelling_the_file_dialog_saves_nothing(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog

    page, preview = _print_2c(window, qtbot, "Trần Thị Đào")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    qtbot.mouseClick(preview.save_button, Qt.MouseButton.LeftButton)
    assert preview.last_saved is None
    notice = preview.findChild(Notice, "notice")
    assert notice is None or not notice.isVisible()
    preview.close()


def test_the_preview_still_prints_every_page(qtbot, tmp_path):
    from PySide6.QtPrintSupport import QPrinter

    from hrapp.reports.document import build_pdf
    from ui.dialogs.pdf_preview import PdfPreviewDialog

    source = tmp_path / "danh_sach_abcd1234.pdf"
    pages = build_pdf(source, None, "Danh sách\nthử in", intro=["Một đoạn văn."] * 60)
    assert pages >= 2
    dialog = PdfPreviewDialog(source)
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(out))
    dialog.paintRequested.emit(printer)  # what Qt's own Print button does after its printer dialog
    assert len(PdfReader(out).pages) == pages


def test_a_temporary_file_offers_its_prefix_and_the_date(monkeypatch):
    import tempfile
    from datetime import date

    from hrapp import clock
    from ui.dialogs.pdf_preview import ascii_name, suggested_file_name

    monkeypatch.setattr(clock, "today", lambda: date(2026, 3, 5))
    temp = Path(tempfile.gettempdir()) / "bang_tong_hop_bien_che_k2j4_x9q.pdf"
    assert suggested_file_name(temp) == "bang_tong_hop_bien_che_05-03-2026.pdf"
    assert suggested_file_name("/srv/bao_cao/ke_hoach.pdf") == "ke_hoach.pdf"
    assert ascii_name("Đặng Thị Ánh Nguyệt") == "dang_thi_anh_nguyet"


def test_printing_from_the_preview_says_how_many_pages_went_to_the_printer(window, qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter
    from PySide6.QtWidgets import QDialog

    page, preview = _print_2c(window, qtbot, "Trần Thị Đào")
    pages = len(PdfReader(__import__("io").BytesIO(preview.pdf_bytes)).pages)
    out = tmp_path / "may_in.pdf"
    asked: list[QPrinter] = []

    def choose_the_pdf_printer(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(out))
        asked.append(dialog.printer())
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", choose_the_pdf_printer)
    button = preview.findChild(QToolBar).widgetForAction(preview.print_action)
    assert preview.print_action.text() == "In" and button.isEnabled()
    preview.print_action.trigger() if not button.isVisible() else qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == [preview.printer]
    assert len(PdfReader(out).pages) == pages >= 2
    # the preview closes as Qt's Print does; the main window says what happened, with the file to open
    assert not preview.isVisible()
    said = f"Đã gửi {pages} trang tới máy in (in ra tệp may_in.pdf)."
    assert window.statusBar().currentMessage().startswith(said)
    notice = window.findChild(Notice, "notice")
    assert notice is not None and notice.isVisible() and notice.text_label.text() == said
    assert notice.open_file_button.isVisible()


def test_a_cancelled_print_dialog_prints_nothing_and_says_nothing(qtbot, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog
    from PySide6.QtWidgets import QDialog

    from hrapp.reports.document import build_pdf
    from ui.dialogs.pdf_preview import PdfPreviewDialog

    source = tmp_path / "danh_sach.pdf"
    build_pdf(source, None, "Danh sách", intro=["Một đoạn văn."] * 10)
    dialog = PdfPreviewDialog(source)
    qtbot.addWidget(dialog)
    dialog.show()
    monkeypatch.setattr(QPrintDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    with qtbot.assertNotEmitted(dialog.printed):
        dialog.print_action.trigger()
    assert dialog.isVisible()
    notice = dialog.findChild(Notice, "notice")
    assert notice is None or not notice.isVisible()
