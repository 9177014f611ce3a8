"""Acceptance walk (f): in the main window on the demo department, the officer exports the staff list with
"Xuất Excel…", opens the import wizard from the same page, chooses that file and checks it: nothing new, nothing
to update, no error. Then imports it: still nothing changed, and no record gained an audit line."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton, QWidget
from sqlalchemy import func, select

from hrapp.db.models import AuditLog
from ui.pages import registry
from ui.widgets.notice import Notice


def _button(parent: QWidget, text: str) -> QPushButton:
    """The button the officer sees with this caption."""
    found = [b for b in parent.findChildren(QPushButton) if b.text() == text and b.isVisible()]
    assert len(found) == 1, (text, [b.text() for b in parent.findChildren(QPushButton)])
    return found[0]


def _click(qtbot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _person_audit_lines(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(AuditLog).where(AuditLog.person_id.is_not(None)))


def test_the_exported_staff_list_imported_back_changes_nobody(qtbot, demo_ctx, tmp_path, monkeypatch):
    from ui.main_window import MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)

    # Hồ sơ CCVC from the navigation
    item = window.sidebar.item([a.key for a in registry.AREAS].index("staff"))
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(item).center())
    page = window.current_page()
    assert window.current_area() == "staff"
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() > 0, timeout=20_000)
    shown = page.model.rowCount()

    # Xuất Excel… → the save dialog answers with a file name
    target = tmp_path / "danh_sach_ccvc.xlsx"
    asked: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (asked.append("save") or str(target), "Excel (*.xlsx)"))
    _click(qtbot, _button(page, "Xuất Excel…"))
    assert asked == ["save"]
    notice = Notice.for_window(window)  # the confirmation, with Mở tệp / Mở thư mục
    qtbot.waitUntil(notice.isVisible, timeout=30_000)
    assert notice.text_label.text() == f"Đã xuất {shown} người" and notice.path == target
    assert target.exists()

    # Nhập từ Excel… → the wizard; Chọn tệp… → the file just written; Kiểm tra
    _click(qtbot, _button(page, "Nhập từ Excel…"))
    wizard = page._import_dialog
    qtbot.waitExposed(wizard)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(target), ""))
    _click(qtbot, _button(wizard, "Chọn tệp…"))
    assert wizard.file_edit.text() == str(target)
    before = _person_audit_lines(demo_ctx)
    _click(qtbot, _button(wizard, "Kiểm tra"))
    qtbot.waitUntil(lambda: wizard.checked is not None, timeout=60_000)
    summary = wizard.summary_label.text()
    assert f"không có lỗi (chưa ghi): sẽ có 0 người mới, 0 người cập nhật, {shown} người không đổi" in summary
    assert wizard.model.rowCount() == 0 and not wizard.error_label.isVisible()

    # Nhập: the same counts, and not one record touched
    _click(qtbot, _button(wizard, "Nhập"))
    qtbot.waitUntil(lambda: wizard.summary_label.text().startswith("Đã nhập"), timeout=60_000)
    assert f"0 người mới, 0 người cập nhật, {shown} người không đổi" in wizard.summary_label.text()
    assert _person_audit_lines(demo_ctx) == before
    wizard.reject()
