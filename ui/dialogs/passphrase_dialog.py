"""The passphrase of an encrypted database or backup, asked when it is opened; a new passphrase, typed twice, when
the administrator encrypts the database. The passphrase is checked here (a wrong one is said in the dialog, which
stays open) and handed to the caller; it is never saved. Light to import: shown before the database layer loads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hrapp.db import cipher
from hrapp.errors import HrappError
from ui.icons import icon
from ui.style import ERROR_STYLE
from ui.widgets.dialog_buttons import ok_cancel


class _PassphraseForm(QDialog):
    """The shape both dialogs share: intro, a form of hidden fields, an error line under it, OK and Cancel.
    (Words are given by the subclasses, whose translation context they belong to; each defines `submit`.)"""

    def _hidden_field(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        edit.setEchoMode(QLineEdit.EchoMode.Password)
        return edit

    def _lay_out(self, intro: QLabel, form: QFormLayout, ok_text: str, cancel_text: str) -> None:
        intro.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("passphraseError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.hide()
        self.buttons, self.ok_button = ok_cancel(self, ok_text, cancel_text, self.submit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)


class PassphraseDialog(_PassphraseForm):
    """Asks the passphrase of the encrypted file `path`; after acceptance `passphrase` holds the one that opens it."""

    def __init__(self, path: Path, parent: QWidget | None = None, backup: bool = False):
        super().__init__(parent)
        self.path = path
        self.passphrase: str | None = None
        self.setWindowTitle(self.tr("Encrypted backup") if backup else self.tr("Encrypted database"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("The backup %1 is encrypted. Type its passphrase to open it.") if backup else
                       self.tr("The database %1 is encrypted. Type its passphrase to open it."))
        intro.setText(intro.text().replace("%1", str(path)))
        self.edit = self._hidden_field("passphrase")
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.edit)
        self._lay_out(intro, form, self.tr("Open"), self.tr("Cancel"))
        self.edit.setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()
        self.edit.clear()
        self.edit.setFocus()

    def submit(self) -> None:
        value = self.edit.text()
        if not value:
            self.show_error(self.tr("Type the passphrase."))
            return
        try:
            cipher.check(self.path, value)  # read only: a wrong passphrase writes nothing
        except HrappError as exc:
            self.show_error(exc.message)
            return
        self.passphrase = value
        self.accept()


class NewPassphraseDialog(_PassphraseForm):
    """A new passphrase for the database, typed twice, with what losing it means."""

    def __init__(self, parent: QWidget | None = None, rekey: bool = False):
        super().__init__(parent)
        self.passphrase: str | None = None
        self.setWindowTitle(self.tr("Change the passphrase") if rekey else self.tr("Encrypt the database"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(520)
        intro = QLabel(self.tr(
            "The database file and every backup made from now on can be read only with this passphrase. It is not "
            "saved anywhere: it is asked each time the application opens the database. If it is lost, the data "
            "cannot be recovered by anyone. At least %1 characters; a sentence is easier to remember than a code.")
            .replace("%1", str(cipher.MIN_PASSPHRASE)))
        self.edit = self._hidden_field("newPassphrase")
        self.again = self._hidden_field("newPassphraseAgain")
        form = QFormLayout()
        form.addRow(self.tr("New passphrase"), self.edit)
        form.addRow(self.tr("Type it again"), self.again)
        self._lay_out(intro, form, self.tr("Change the passphrase") if rekey else self.tr("Encrypt"), self.tr("Cancel"))
        self.edit.setFocus()

    def submit(self) -> None:
        value = self.edit.text()
        try:
            cipher.check_new_passphrase(value)
        except HrappError as exc:
            self.error_label.setText(exc.message)
            self.error_label.show()
            return
        if self.again.text() != value:
            self.error_label.setText(self.tr("The two passphrases do not match."))
            self.error_label.show()
            self.again.clear()
            self.again.setFocus()
            return
        self.passphrase = value
        self.accept()


def ask_passphrase(path: Path, parent: QWidget | None = None, backup: bool = False) -> str | None:
    """The passphrase that opens `path`, or None when the user cancelled."""
    dialog = PassphraseDialog(path, parent, backup)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase


def ask_new_passphrase(parent: QWidget | None = None, rekey: bool = False) -> str | None:
    dialog = NewPassphraseDialog(parent, rekey)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.passphrase
