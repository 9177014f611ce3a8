"""What the officer is told: errors in message boxes (the app's own worded in the interface's language by
hrapp/messages, anything else as one sentence without a traceback), and `confirm` for what was done (saved,
exported, printed), seen without a click to dismiss."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from hrapp import messages
from hrapp.failures import explain
from hrapp.logs import record
from ui.widgets.notice import Notice

translate = QCoreApplication.translate


def error_text(exc: BaseException) -> str:
    """What the user reads, in the interface's language: the app's own error worded by hrapp/messages, any
    other failure as the one line hrapp/failures.py gives it (a database locked, a disk full, a path that is a
    file, …; "Unexpected error … see the log <path>" for the rest). Never a traceback."""
    return messages.render(explain(exc))


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    """The GUI's error boundary: the traceback to the log, one line in a message box."""
    record(exc, "shown to the user")
    show_message(parent, title or translate("Messages", "Error"), error_text(exc), QMessageBox.Icon.Critical)


def show_message(parent: QWidget | None, title: str, text: str,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
    QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent).exec()


STATUS_MS = 15_000


def confirm(widget: QWidget, text: str | None = None, path: str | Path | None = None) -> None:
    """Say what was done: a notice at the bottom of `widget`'s window (for a written file with "Open file" and
    "Open folder") and the same words in the main window's status bar. Every save, export and print uses it.

    Without `text`, a file is announced as "Saved <file name>".
    """
    status = text
    if text is None:
        saved = translate("Messages", "Saved %1")
        text, status = saved.replace("%1", Path(path).name), saved.replace("%1", str(path))
    elif path is not None and str(path) not in text:
        status = f"{text} – {path}"
    Notice.for_window(widget).show_text(text, path)
    window = main_window_of(widget)
    if window is not None:
        window.statusBar().showMessage(status, STATUS_MS)


def main_window_of(widget: QWidget | None) -> QMainWindow | None:
    """The main window holding `widget`, through the dialogs opened over it."""
    while widget is not None:
        top = widget.window()
        if isinstance(top, QMainWindow):
            return top
        widget = top.parentWidget()
    return None
