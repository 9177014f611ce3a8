"""The OK and Cancel buttons of a small dialog that checks what was typed before it closes (sign-in, passphrase):
OK named for what it does and drawn as the primary button, Cancel named for where it leaves. Light to import: the
sign-in and passphrase dialogs show before the database layer loads."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton


def ok_cancel(dialog: QDialog, ok_text: str, cancel_text: str,
              submit: Callable[[], object]) -> tuple[QDialogButtonBox, QPushButton]:
    """OK (`ok_text`) runs `submit`, which closes the dialog when what was typed holds; Cancel (`cancel_text`)
    rejects it. Returns the box and its OK button."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName("primary")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.accepted.connect(submit)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
