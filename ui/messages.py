"""Message boxes for errors: the app's own errors worded in the interface's language (hrapp/messages.py),
anything else as one sentence without a traceback."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from hrapp import messages
from hrapp.errors import HrappError

log = logging.getLogger(__name__)


translate = QCoreApplication.translate


def error_text(exc: BaseException) -> str:
    """What the user reads: an HrappError worded in the interface's language, a plain sentence for anything
    unexpected."""
    if isinstance(exc, HrappError):
        return messages.render(exc)
    if isinstance(exc, PermissionError):
        return translate("Messages", "Access denied: %1").replace("%1", str(exc.filename or exc))
    if isinstance(exc, FileNotFoundError):
        return translate("Messages", "File not found: %1").replace("%1", str(exc.filename or exc))
    return translate("Messages", "An unexpected error occurred: %1").replace("%1", str(exc) or type(exc).__name__)


def show_error(parent: QWidget | None, exc: BaseException, title: str | None = None) -> None:
    if not isinstance(exc, HrappError):
        log.error("unexpected error", exc_info=exc)
    show_message(parent, title or translate("Messages", "Error"), error_text(exc), QMessageBox.Icon.Critical)


def show_message(parent: QWidget | None, title: str, text: str,
                 icon: QMessageBox.Icon = QMessageBox.Icon.Information) -> None:
    QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent).exec()
