"""Sign-in when accounts are on: name and password, the reason of a refusal (with the end of a lock), and the
password change an account must make before it may work (first sign-in, after a reset)."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from hrapp.context import ServiceContext
from hrapp.db.engine import sqlite_path
from hrapp.errors import AuthenticationError, HrappError
from hrapp.services.accounts import UserDTO, sign_in
from hrapp.services.agency import Agency, get_agency
from ui.dialogs.change_password_dialog import ChangePasswordDialog
from ui.icons import icon
from ui.style import ERROR_STYLE
from ui.widgets.dialog_buttons import ok_cancel


def local_time(utc_naive: datetime) -> datetime:
    """Stored times are naive UTC; people read their own clock."""
    return utc_naive.replace(tzinfo=UTC).astimezone().replace(tzinfo=None)


class LoginDialog(QDialog):
    """`user` is the signed-in account after the dialog was accepted (the context then acts as it)."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None, message: str = "", username: str = ""):
        super().__init__(parent)
        self.ctx = ctx
        self.user: UserDTO | None = None
        self.change_dialog = None
        self.setWindowTitle(self.tr("Sign in"))
        self.setWindowIcon(icon("app"))
        self.setMinimumWidth(440)

        try:
            own = get_agency(ctx)
        except HrappError:
            own = Agency()
        agency = "\n".join(x for x in (own.parent_agency.upper(), own.name.upper()) if x)
        logo = QLabel()
        logo.setPixmap(icon("app").pixmap(44, 44))
        title = QLabel(self.tr("Staff records management"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(agency)
        subtitle.setObjectName("pageSubtitle")
        subtitle.setWordWrap(True)
        subtitle.setVisible(bool(agency))
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(title)
        names.addWidget(subtitle)
        head = QHBoxLayout()
        head.setSpacing(12)
        head.addWidget(logo, 0, Qt.AlignmentFlag.AlignTop)
        head.addLayout(names, 1)

        self.username_edit = QLineEdit()
        self.username_edit.setObjectName("username")
        self.username_edit.setMaxLength(60)
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("password")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.setSpacing(8)
        form.addRow(self.tr("User name"), self.username_edit)
        form.addRow(self.tr("Password"), self.password_edit)

        self.error_label = QLabel(message)
        self.error_label.setObjectName("loginError")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.error_label.setWordWrap(True)
        self.error_label.setVisible(bool(message))

        path = sqlite_path(ctx.url)
        where = QLabel(self.tr("Database: %1").replace("%1", str(path) if path is not None else ctx.url))
        where.setObjectName("muted")
        where.setWordWrap(True)

        self.buttons, self.sign_in_button = ok_cancel(self, self.tr("Sign in"), self.tr("Exit"), self.submit)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addLayout(head)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(where)
        layout.addWidget(self.buttons)
        self.username_edit.setText(username)
        (self.password_edit if username else self.username_edit).setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.show()

    def refusal_text(self, exc: HrappError) -> str:
        if isinstance(exc, AuthenticationError) and exc.code == "locked":
            until = exc.params.get("locked_until")
            if isinstance(until, datetime):
                moment = local_time(until)
                return exc.message + "\n" + self.tr("The account is locked until %1.").replace(
                    "%1", f"{moment:%H:%M} {moment:%d/%m/%Y}")
        return exc.message

    def submit(self) -> None:
        username = self.username_edit.text().strip()
        password = self.password_edit.text()
        if not username:
            self.show_error(self.tr("Enter your user name."))
            self.username_edit.setFocus()
            return
        if not password:
            self.show_error(self.tr("Enter your password."))
            self.password_edit.setFocus()
            return
        try:
            user = sign_in(self.ctx, username, password)
        except HrappError as exc:
            self.show_error(self.refusal_text(exc))
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        if user.must_change_password:
            self.change_dialog = ChangePasswordDialog(self.ctx, user.username, self, current_password=password,
                                                      forced=True)
            if self.change_dialog.exec() != QDialog.DialogCode.Accepted:
                self.ctx.sign_out()
                self.password_edit.clear()
                self.show_error(self.tr("You must choose a new password before you can continue."))
                return
            user = self.change_dialog.user or user
        self.user = user
        self.accept()


def ask_sign_in(ctx: ServiceContext, parent: QWidget | None = None, message: str = "",
                username: str = "") -> UserDTO | None:
    """Show the sign-in dialog until the user signs in (the account) or gives up (None)."""
    dialog = LoginDialog(ctx, parent, message, username)
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return dialog.user if accepted else None
