"""The background-work helper: results and errors via queued signals, delayed progress dialog, cancel, one writer."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import Qt, QThreadPool
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from hrapp.errors import DomainError
from ui.tasks import DIALOG_DELAY_MS, WRITE_LOCK, Cancelled, Task, run_task


@pytest.fixture
def parent(qtbot):
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    return w


@pytest.fixture(autouse=True)
def enough_threads():
    pool = QThreadPool.globalInstance()
    before = pool.maxThreadCount()
    pool.setMaxThreadCount(max(before, 4))
    yield
    pool.waitForDone(10_000)
    pool.setMaxThreadCount(before)


def test_result_comes_back_on_the_gui_thread(qtbot, parent):
    gui = threading.get_ident()
    seen: dict[str, int] = {}

    def work(progress, cancelled):
        seen["worker"] = threading.get_ident()
        return 42

    def on_result(value: object) -> None:
        seen["value"] = value
        seen["slot"] = threading.get_ident()

    task = run_task(work, parent=parent, on_result=on_result)
    with qtbot.waitSignal(task.finished):
        pass
    assert seen["value"] == 42
    assert seen["worker"] != gui
    assert seen["slot"] == gui


def test_error_goes_to_on_error_and_is_not_raised(qtbot, parent):
    errors: list[BaseException] = []

    def work(progress, cancelled):
        raise DomainError("bad", "Dữ liệu không hợp lệ.")

    task = run_task(work, parent=parent, on_error=errors.append)
    with qtbot.waitSignal(task.failed):
        pass
    assert isinstance(errors[0], DomainError)
    assert errors[0].message == "Dữ liệu không hợp lệ."


def test_unexpected_error_is_shown_as_a_sentence_without_traceback(qtbot, parent, monkeypatch):
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.windowTitle(), box.text())) or 0)

    def work(progress, cancelled):
        raise ValueError("số âm")

    task = run_task(work, parent=parent)
    with qtbot.waitSignal(task.finished):
        pass
    assert len(shown) == 1 and shown[0][0] == "Lỗi"
    assert shown[0][1].startswith("Lỗi không mong đợi (ValueError: số âm).")  # and the log that keeps the details
    assert "Traceback" not in shown[0][1] and "\n" not in shown[0][1]


def test_quick_work_shows_no_progress_dialog(qtbot, parent):
    task = run_task(lambda progress, cancelled: "done", parent=parent)
    with qtbot.waitSignal(task.finished):
        pass
    assert task.dialog is None
    assert not task._timer.isActive()  # the dialog's timer was stopped before it could fire


def test_progress_dialog_appears_after_the_delay_and_cancel_stops_the_work(qtbot, parent):
    release = threading.Event()
    reports: list[tuple[int, int]] = []

    def work(progress, cancelled):
        progress(3, 10)
        while not cancelled():
            if release.wait(0.01):  # the test gave up: end instead of keeping the pool busy
                return "released"
        raise Cancelled

    started = time.monotonic()
    task = run_task(work, parent=parent, title="Nhập dữ liệu", label="Đang nhập…")
    task.progressed.connect(lambda d, t: reports.append((d, t)))
    assert task.dialog is None
    qtbot.waitUntil(lambda: task.dialog is not None, timeout=5_000)
    assert time.monotonic() - started >= DIALOG_DELAY_MS / 1000 - 0.05
    dialog = task.dialog
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Nhập dữ liệu"
    assert dialog.labelText() == "Đang nhập…"
    assert (dialog.value(), dialog.maximum()) == (3, 10)
    assert reports == [(3, 10)]
    results: list[object] = []
    task.succeeded.connect(results.append)
    button = dialog.findChild(QPushButton)
    assert button.text() == "Hủy"
    try:
        with qtbot.waitSignal(task.cancelled, timeout=5_000):
            qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    finally:
        release.set()
    assert results == []
    assert task.dialog is None
    assert not task.is_running()


def test_failure_after_cancel_counts_as_cancelled(qtbot, parent):
    go = threading.Event()

    def work(progress, cancelled):
        go.wait(5)
        raise RuntimeError("transaction rolled back")

    errors: list[BaseException] = []
    task = run_task(work, parent=parent, on_error=errors.append)
    task.cancel()
    go.set()
    with qtbot.waitSignal(task.cancelled):
        pass
    assert errors == []


def test_progress_dialog_has_a_translated_cancel_button(qtbot, parent):
    go = threading.Event()
    task = Task(lambda progress, cancelled: go.wait(5), parent=parent, delay_ms=0).start()
    qtbot.waitUntil(lambda: task.dialog is not None)
    assert task.dialog.windowTitle() == "Đang xử lý"
    assert task.dialog.labelText() == "Vui lòng chờ…"
    go.set()
    with qtbot.waitSignal(task.finished):
        pass


def _overlap_probe(order: list[str], name: str, other_started: threading.Event, mine: threading.Event):
    def work(progress, cancelled):
        order.append(f"{name} start")
        mine.set()
        other_started.wait(0.5)  # the other task gets half a second to start meanwhile, if it can
        order.append(f"{name} end")

    return work


def test_writing_tasks_run_one_at_a_time(qtbot, parent):
    order: list[str] = []
    a_started, b_started = threading.Event(), threading.Event()
    first = run_task(_overlap_probe(order, "a", b_started, a_started), parent=parent, writes=True)
    qtbot.waitUntil(a_started.is_set)
    second = run_task(_overlap_probe(order, "b", a_started, b_started), parent=parent, writes=True)
    with qtbot.waitSignals([first.finished, second.finished], timeout=10_000):
        pass
    assert order == ["a start", "a end", "b start", "b end"]
    assert not WRITE_LOCK.locked()


def test_reading_tasks_may_run_together(qtbot, parent):
    order: list[str] = []
    a_started, b_started = threading.Event(), threading.Event()
    first = run_task(_overlap_probe(order, "a", b_started, a_started), parent=parent)
    qtbot.waitUntil(a_started.is_set)
    second = run_task(_overlap_probe(order, "b", a_started, b_started), parent=parent)
    with qtbot.waitSignals([first.finished, second.finished], timeout=10_000):
        pass
    assert order.index("b start") < order.index("a end")
