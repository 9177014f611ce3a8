"""Say what happened: a save or an export is confirmed where the officer sees it, a written file with "Mở tệp"
and "Mở thư mục"; the status bar's message is no longer pushed aside by the database label."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QPushButton

from ui.main_window import DB_LABEL_WIDTH
from ui.widgets.notice import Notice


def opened_urls(monkeypatch) -> list[str]:
    opened: list[str] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    return opened


def test_exporting_the_staff_list_confirms_the_file_with_open_file_and_open_folder(window, qtbot, tmp_path,
                                                                                   monkeypatch):
    page = window.show_area("staff")
    target = tmp_path / "xuat" / "danh_sach.xlsx"
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened = opened_urls(monkeypatch)

    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.task.finished, timeout=30_000):
        pass

    assert target.exists()
    notice = window.findChild(Notice, "notice")
    assert notice is not None and notice.isVisible()
    assert notice.text_label.text() == "Đã xuất 9 người"
    assert notice.path_label.toolTip() == str(target)
    assert notice.open_file_button.isVisible() and notice.open_file_button.text() == "Mở tệp"
    assert notice.open_folder_button.isVisible() and notice.open_folder_button.text() == "Mở thư mục"
    assert window.rect().contains(notice.geometry())  # inside the window, above the status bar
    assert notice.geometry().bottom() < window.statusBar().geometry().top()
    assert str(target) in window.statusBar().currentMessage()

    qtbot.mouseClick(notice.open_folder_button, Qt.MouseButton.LeftButton)
    assert opened == [str(target.parent)]
    qtbot.mouseClick(notice.open_file_button, Qt.MouseButton.LeftButton)
    assert opened == [str(target.parent), str(target)]
    qtbot.mouseClick(notice.close_button, Qt.MouseButton.LeftButton)
    assert not notice.isVisible()


def test_the_notice_goes_away_by_itself(window, qtbot, tmp_path, monkeypatch):
    page = window.show_area("staff")
    target = tmp_path / "ds.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(page.task.finished, timeout=30_000):
        pass
    notice = window.findChild(Notice, "notice")
    assert notice.isVisible() and notice.text_label.text() == "Đã lưu ds.pdf"
    notice.timer.setInterval(10)
    notice.timer.start()
    qtbot.waitUntil(lambda: not notice.isVisible(), timeout=2_000)


def test_the_status_bar_message_has_the_room_the_database_label_took(window):
    window.resize(1366, 728)
    window.statusBar().showMessage("Đã lưu")
    assert window.db_label.width() <= DB_LABEL_WIDTH
    assert window.db_label.toolTip() in window.db_label.text() or "…" in window.db_label.text()
    assert window.statusBar().currentMessage() == "Đã lưu"


def test_the_import_templates_button_writes_the_template_and_confirms_it(window, qtbot, tmp_path,
                                                                        monkeypatch):
    page = window.show_area("staff")
    target = tmp_path / "mau.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.import_button, Qt.MouseButton.LeftButton)
    dialog = page._import_dialog
    template = next(b for b in dialog.findChildren(QPushButton) if b.text() == "Tải mẫu nhập…")
    qtbot.mouseClick(template, Qt.MouseButton.LeftButton)
    with qtbot.waitSignal(dialog.task.finished, timeout=30_000):
        pass
    assert target.exists() and Path(target).stat().st_size > 0
    notice = dialog.findChild(Notice, "notice")  # on the dialog, where the officer is looking
    assert notice.isVisible() and notice.open_folder_button.isVisible()
    for button in dialog.findChildren(QPushButton):  # and not over its Close button or any other
        if button.isVisible() and not notice.isAncestorOf(button):
            where = button.geometry().translated(button.parentWidget().mapTo(dialog, button.parentWidget().pos())
                                                 - button.parentWidget().pos())
            assert not where.intersects(notice.geometry()), button.text()
    dialog.reject()


def test_open_list_on_the_to_do_page_is_disabled_and_says_why_without_a_reminder_chosen(window, qtbot):
    page = window.show_area("tasks")
    qtbot.waitUntil(lambda: page.task is not None and not page.task.is_running(), timeout=20_000)
    assert page.tree.currentItem() is None
    assert not page.open_action_button.isEnabled()
    assert page.open_action_button.toolTip() == "Hãy chọn một việc trong danh sách trước"
