"""The GUI's error boundary: a background task that fails and an exception nobody caught in a slot are each one
line in a message box, worded by the same table as the command line, and the log keeps the traceback."""

from __future__ import annotations

import errno
import os
import sqlite3
import sys
import threading

import pytest
from PySide6.QtCore import QThreadPool
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from hrapp import logs, messages


@pytest.fixture
def log_file(tmp_path, monkeypatch):
    path = tmp_path / "logs" / "hrapp.log"
    monkeypatch.setenv("HRAPP_LOG", str(path))
    yield path
    QThreadPool.globalInstance().waitForDone(10_000)
    logs.shutdown()


@pytest.fixture
def shown(monkeypatch) -> list[tuple[str, str, QMessageBox.Icon]]:
    """The message boxes the app would show, answered at once (title, text, icon)."""
    boxes: list[tuple[str, str, QMessageBox.Icon]] = []
    monkeypatch.setattr("ui.messages.show_message",
                        lambda _parent, title, text, icon=QMessageBox.Icon.Information: boxes.append((title, text, icon)))
    return boxes


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.mark.parametrize(("failure", "words"), [
    (sqlite3.OperationalError("database is locked"), messages.word("locked", lang="vi")),
    (OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), "/tmp/ds.xlsx"),
     "Không ghi được /tmp/ds.xlsx: ổ đĩa đã đầy. Hãy giải phóng dung lượng hoặc chọn ổ khác."),
    (KeyError("cur_unit_id"), None),
])
def test_a_failing_background_task_is_one_line_in_a_message_box(failure, words, qtbot, parent, shown, log_file):
    from ui.tasks import run_task

    def work(progress, cancelled):
        raise failure

    task = run_task(work, parent=parent)
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert len(shown) == 1
    _title, text, icon = shown[0]
    assert icon == QMessageBox.Icon.Critical
    assert "\n" not in text and "Traceback" not in text
    if words is None:
        assert text.startswith("Lỗi không mong đợi (KeyError: 'cur_unit_id').") and str(log_file) in text
    else:
        assert text == words
    logged = log_file.read_text(encoding="utf-8")
    assert logged.count("Traceback (most recent call last)") == 1  # once, from the worker, where it is whole
    assert "in work" in logged


@pytest.mark.qt_no_exception_capture
def test_an_exception_nobody_caught_in_a_slot_is_one_line_and_the_app_goes_on(qtbot, parent, shown, log_file,
                                                                             monkeypatch):
    from ui.app import install_error_boundary

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(sys, "unraisablehook", sys.unraisablehook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    install_error_boundary()
    clicks: list[int] = []

    def on_click() -> None:
        clicks.append(1)
        {}["missing"]

    button = QPushButton("Lưu", parent)
    button.clicked.connect(on_click)
    button.click()
    button.click()  # the application goes on: the slot runs again
    assert clicks == [1, 1]
    assert len(shown) == 2
    _title, text, icon = shown[0]
    assert icon == QMessageBox.Icon.Critical
    assert text.startswith("Lỗi không mong đợi (KeyError: 'missing').") and f"nhật ký {log_file}." in text
    assert "\n" not in text
    logged = log_file.read_text(encoding="utf-8")
    assert "in on_click" in logged and "Traceback (most recent call last)" in logged
