"""Background work: run a function on a worker thread with progress, cancel and a delayed progress dialog.

Usage::

    def work(progress, cancelled):          # runs on a worker thread; opens its own session
        for i, row in enumerate(rows):
            if cancelled():
                raise Cancelled
            ...
            progress(i + 1, len(rows))
        return summary

    task = run_task(work, parent=window, title=tr("Import"), label=tr("Importing…"), writes=True,
                    on_result=show_summary)

The function must not touch widgets; it gets a context of its own (services open a unit of work per call).
Results, errors and progress come back through queued signals on the GUI thread. Functions that write
run one at a time (`WRITE_LOCK`). A progress dialog with a Cancel button appears only when the work
takes longer than `delay_ms` (600 ms by default).
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from hrapp.logs import record
from ui import messages as ui_messages

log = logging.getLogger(__name__)

# Database writes from background work are serialised: one writing task at a time.
WRITE_LOCK = threading.Lock()
DIALOG_DELAY_MS = 600
_PROGRESS_INTERVAL_S = 0.05

ProgressFn = Callable[[int, int], None]
CancelledFn = Callable[[], bool]
TaskFn = Callable[[ProgressFn, CancelledFn], Any]

_running: set[Task] = set()


class Cancelled(Exception):
    """Raised by a task function that noticed `cancelled()`; the work is abandoned (its transaction rolled back)."""


def _record(exc: BaseException) -> None:
    try:
        record(exc, "background task failed")
    except Exception:
        log.debug("cannot log a failure", exc_info=True)


class _Signals(QObject):
    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    was_cancelled = Signal()


class _Runnable(QRunnable):
    def __init__(self, fn: TaskFn, signals: _Signals, cancel_event: threading.Event, writes: bool):
        super().__init__()
        self._fn = fn
        self._signals = signals
        self._cancel = cancel_event
        self._writes = writes
        self._last_emit = 0.0

    def _progress(self, done: int, total: int) -> None:
        now = time.monotonic()
        # Throttled so a tight loop does not flood the GUI thread's event queue.
        if done >= total or now - self._last_emit >= _PROGRESS_INTERVAL_S:
            self._last_emit = now
            self._signals.progressed.emit(int(done), int(total))

    def run(self) -> None:
        try:
            if self._writes:
                with WRITE_LOCK:
                    result = self._fn(self._progress, self._cancel.is_set)
            else:
                result = self._fn(self._progress, self._cancel.is_set)
        except Cancelled:
            self._signals.was_cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every failure goes back to the GUI thread
            if self._cancel.is_set():
                self._signals.was_cancelled.emit()
            else:
                _record(exc)  # the traceback to the log here, where it is whole; the GUI thread shows one line
                self._signals.failed.emit(exc)
        else:
            self._signals.succeeded.emit(result)


class Task(QObject):
    """One piece of background work; emits exactly one of succeeded/failed/cancelled, then finished."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(object)
    cancelled = Signal()
    finished = Signal()

    def __init__(self, fn: TaskFn, *, parent: QWidget | None = None, title: str = "", label: str = "",
                 writes: bool = False, cancellable: bool = True, delay_ms: int = DIALOG_DELAY_MS,
                 show_dialog: bool = True):
        super().__init__()  # no QObject parent: the task outlives a closed window until its worker returns
        self._fn = fn
        self._parent_widget = parent
        self._title = title
        self._label = label
        self._writes = writes
        self._cancellable = cancellable
        self._cancel_event = threading.Event()
        self._signals = _Signals(self)
        self._signals.progressed.connect(self._on_progress)
        self._signals.succeeded.connect(self._on_succeeded)
        self._signals.failed.connect(self._on_failed)
        self._signals.was_cancelled.connect(self._on_cancelled)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self._show_dialog)
        self._with_dialog = show_dialog
        self._dialog: QProgressDialog | None = None
        self._progress: tuple[int, int] = (0, 0)
        self._running = False

    @property
    def dialog(self) -> QProgressDialog | None:
        """The progress dialog, once shown (None while the work is still young)."""
        return self._dialog

    def is_running(self) -> bool:
        return self._running

    @property
    def shows_progress(self) -> bool:
        """False for quiet reads (a list being filtered) that nobody needs to be asked about."""
        return self._with_dialog or self._writes

    def is_cancel_requested(self) -> bool:
        return self._cancel_event.is_set()

    def start(self) -> Task:
        self._running = True
        _running.add(self)
        if self._with_dialog:
            self._timer.start()
        QThreadPool.globalInstance().start(_Runnable(self._fn, self._signals, self._cancel_event, self._writes))
        return self

    def cancel(self) -> None:
        """Ask the function to stop; it sees `cancelled()` become True."""
        self._cancel_event.set()
        if self._dialog is not None:
            self._dialog.setLabelText(self.tr("Cancelling…"))
            self._dialog.setCancelButton(None)

    @Slot()
    def _show_dialog(self) -> None:
        if not self._running or self._dialog is not None:
            return
        dlg = QProgressDialog(self._parent_widget)
        dlg.setWindowTitle(self._title or self.tr("Working"))
        dlg.setLabelText(self._label or self.tr("Please wait…"))
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)
        dlg.setMinimumDuration(0)
        dlg.setMinimumWidth(380)
        dlg.setWindowModality(Qt.WindowModality.WindowModal if self._parent_widget else Qt.WindowModality.ApplicationModal)
        if self._cancellable:
            dlg.setCancelButtonText(self.tr("Cancel"))
            dlg.canceled.connect(self.cancel)
        else:
            dlg.setCancelButton(None)
        self._dialog = dlg
        self._apply_progress()
        dlg.show()

    def _apply_progress(self) -> None:
        if self._dialog is None:
            return
        done, total = self._progress
        if total > 0:
            self._dialog.setRange(0, total)
            self._dialog.setValue(min(done, total))
        else:
            self._dialog.setRange(0, 0)  # busy indicator until the function reports a total

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self._progress = (done, total)
        self._apply_progress()
        self.progressed.emit(done, total)

    def _finish(self) -> None:
        self._running = False
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.hide()
            self._dialog.deleteLater()
            self._dialog = None
        _running.discard(self)

    @Slot(object)
    def _on_succeeded(self, result: object) -> None:
        self._finish()
        self.succeeded.emit(result)
        self.finished.emit()

    @Slot(object)
    def _on_failed(self, exc: object) -> None:
        self._finish()
        self.failed.emit(exc)
        self.finished.emit()

    @Slot()
    def _on_cancelled(self) -> None:
        self._finish()
        self.cancelled.emit()
        self.finished.emit()


def run_task(fn: TaskFn, *, parent: QWidget | None = None, title: str = "", label: str = "",
             writes: bool = False, cancellable: bool = True,
             on_result: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             on_cancelled: Callable[[], None] | None = None,
             delay_ms: int = DIALOG_DELAY_MS, show_dialog: bool = True) -> Task:
    """Start `fn(progress, cancelled)` on a worker thread and return the running Task.

    `show_dialog=False` is for short reads whose progress the page shows itself (a list being filtered).

    Without `on_error`, a failure is shown in a message box over `parent` (translated text for the
    app's own errors, never a traceback).
    """
    task = Task(fn, parent=parent, title=title, label=label, writes=writes, cancellable=cancellable,
                delay_ms=delay_ms, show_dialog=show_dialog)
    if on_result is not None:
        task.succeeded.connect(on_result)
    if on_error is not None:
        task.failed.connect(on_error)
    else:
        task.failed.connect(lambda exc: ui_messages.show_error(parent, exc))  # looked up when it fails
    if on_cancelled is not None:
        task.cancelled.connect(on_cancelled)
    return task.start()


def running_tasks() -> list[Task]:
    return list(_running)


def wait_for_all(timeout_ms: int = -1) -> bool:
    """Block until every worker has returned (used when the application quits)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
