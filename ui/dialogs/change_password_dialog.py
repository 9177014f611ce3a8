"""A user changes their own password: the current one (unless just typed at sign-in) and the new one twice."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from hrapp.context import ServiceContext
from hrapp.errors import ValidationError
from hrapp.services.accounts import UserDTO, change_password
from ui.widgets.forms import FormDialog


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class ChangePasswordDialog(FormDialog):
    """`forced`: the account must change its password before working (first sign-in, after a reset)."""

    def __init__(self, ctx: ServiceContext, username: str, parent: QWidget | None = None, *,
                 current_password: str | None = None, forced: bool = False):
        super().__init__(self.tr("Change password"), self._save, parent)
        self.ctx = ctx
        self.username = username
        self.user: UserDTO | None = None
        self._current = current_password
        self.setMinimumWidth(460)
        if forced:
            notice = QLabel(self.tr("Before you start, choose a new password of your own for the account %1.")
                            .replace("%1", username))
            notice.setWordWrap(True)
            self.body.insertWidget(0, notice)
        self.old_edit = _password_edit()
        self.old_edit.setObjectName("old_password")
        if current_password is None:
            self.add_field(self.tr("Current password"), self.old_edit, "password")
        self.new_edit = self.add_field(self.tr("New password"), _password_edit(), "new_password")
        self.new_edit.setObjectName("new_password")
        self.repeat_edit = self.add_field(self.tr("Repeat the new password"), _password_edit(), "repeat")
        self.repeat_edit.setObjectName("repeat_password")
        hint = QLabel(self.tr("At least 8 characters, with letters and digits or symbols."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.form.addRow("", hint)
        self.finish_layout()

    def _save(self) -> UserDTO:
        if self.new_edit.text() != self.repeat_edit.text():
            raise ValidationError([("repeat", self.tr("The two new passwords are not the same."))])
        old = self._current if self._current is not None else self.old_edit.text()
        self.user = change_password(self.ctx, self.username, old, self.new_edit.text())
        return self.user
