"""The GUI does not take over an empty (0-byte) file: named at start it is asked about like a missing one (no
answer, no database), opened from the window it is refused with the words of the service, and a database opened
last that is now empty is not opened again; the file stays 0 bytes."""

from __future__ import annotations

import argparse

from PySide6.QtWidgets import QApplication, QMessageBox

from ui import app, preferences
from ui.main_window import MainWindow


def _record(monkeypatch, answer: str | None = None) -> list[str]:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.text())
        for button in box.buttons():
            if button.text() == answer:
                button.click()
        box.setParent(None)  # never shown, so never laid out to the screen's width: let it go with this call
        return 0

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_an_empty_named_file_is_asked_about_like_a_missing_one(tmp_path, monkeypatch):
    empty = tmp_path / "hr.sqlite3"
    empty.touch()
    assert app.named_database_missing(argparse.Namespace(db=str(empty))) == empty
    monkeypatch.setenv("HRAPP_DB", str(empty))
    assert app.named_database_missing(argparse.Namespace(db=None)) == empty


def test_quitting_at_the_question_leaves_the_empty_file_empty(qapp, tmp_path, monkeypatch):
    shown = _record(monkeypatch, "Thoát")
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)  # were the window opened, the test would not wait
    empty = tmp_path / "hr.sqlite3"
    empty.touch()
    assert app.run_gui(argparse.Namespace(db=str(empty), lang="vi", user=None, command=None)) == 1
    assert shown == [f"Không có cơ sở dữ liệu tại {empty}.\n\nTạo một cơ sở dữ liệu mới, trống ở đó?"]
    assert empty.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "settings") == ["hr.sqlite3"]  # no -wal, -shm


def test_opening_an_empty_file_from_the_window_is_refused(window, tmp_path, monkeypatch):
    shown = _record(monkeypatch)
    empty = tmp_path / "khac.sqlite3"
    empty.touch()
    before = window.ctx
    assert window.open_database(str(empty)) is False
    assert window.ctx is before
    assert len(shown) == 1 and f"Tệp {empty} trống (0 byte)" in shown[0]
    assert empty.stat().st_size == 0


def test_a_database_opened_last_that_is_now_empty_is_not_reopened(qapp, qtbot, tmp_path, monkeypatch):
    empty = tmp_path / "last.sqlite3"
    empty.touch()
    monkeypatch.setenv("HRAPP_DATA_DIR", str(tmp_path / "data" / "hrapp"))  # the user's data folder, for this test
    default = tmp_path / "data" / "hrapp" / "hrapp.sqlite3"
    preferences.remember_database(str(empty))
    assert app.database_argument(argparse.Namespace(db=None)) is None  # the default file instead
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    _record(monkeypatch)
    try:
        assert app.run_gui(argparse.Namespace(db=None, lang="vi", user=None, command=None)) == 0
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert len(windows) == 1
    finally:
        from ui.tasks import running_tasks

        qtbot.waitUntil(lambda: not running_tasks(), timeout=30_000)  # the copy of the day, in the background
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                if w.first_start_dialog is not None:
                    w.first_start_dialog.reject()
                w.ctx.engine.dispose()
                w.close()
                w.deleteLater()
    assert empty.stat().st_size == 0
    assert default.read_bytes()[:16] == b"SQLite format 3\x00"
