"""Account administration dialogs: turning accounts on with the first administrator, adding or editing an
account (role, units it may work with, active), and setting a temporary password."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QLineEdit, QListWidget, QListWidgetItem, QWidget

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.errors import ValidationError
from hrapp.queries.lookups import unit_choices
from hrapp.services.accounts import (
    ROLES,
    NewUser,
    UserChanges,
    UserDTO,
    create_user,
    enable_accounts,
    reset_password,
    update_user,
)
from ui.session import role_name
from ui.widgets.forms import FormDialog


def _password_edit() -> QLineEdit:
    edit = QLineEdit()
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class UnitScopeList(QListWidget):
    """Units to tick, indented as the tree; nothing ticked = the whole agency."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.setMinimumHeight(150)
        nodes = unit_choices(ctx, active_on=clock.today())
        for node in nodes:
            item = QListWidgetItem("    " * node.depth + node.name)
            item.setData(Qt.ItemDataRole.UserRole, node.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)

    def set_scope(self, scope: tuple[int, ...] | None) -> None:
        wanted = set(scope or ())
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def scope(self) -> tuple[int, ...]:
        return tuple(self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)


class RoleCombo(QComboBox):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        for role in ROLES:
            self.addItem(role_name(role), role)

    def set_role(self, role: str) -> None:
        self.setCurrentIndex(max(self.findData(role), 0))


class EnableAccountsDialog(FormDialog):
    """Accounts on: from now on everyone signs in; this first account is the administrator."""

    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(self.tr("Turn on user accounts"), self._save, parent)
        self.ctx = ctx
        self.setMinimumWidth(520)
        intro = QLabel(self.tr("From now on everyone must sign in with a user name and password, and each role "
                               "sees and changes only what it may. Create the first administrator account:"))
        intro.setWordWrap(True)
        self.body.insertWidget(0, intro)
        self.username_edit = self.add_field(self.tr("User name"), QLineEdit(), "username")
        self.full_name_edit = self.add_field(self.tr("Full name"), QLineEdit(), "full_name")
        self.password_edit = self.add_field(self.tr("Password"), _password_edit(), "password")
        self.repeat_edit = self.add_field(self.tr("Repeat the password"), _password_edit(), "repeat")
        self.finish_layout()

    def _save(self) -> UserDTO:
        if self.password_edit.text() != self.repeat_edit.text():
            raise ValidationError([("repeat", self.tr("The two passwords are not the same."))])
        return enable_accounts(self.ctx, self.username_edit.text(), self.password_edit.text(),
                               self.full_name_edit.text())


class UserDialog(FormDialog):
    """A new account (name, temporary password) or an existing one (`user`): role, units, active."""

    def __init__(self, ctx: ServiceContext, user: UserDTO | None = None, parent: QWidget | None = None):
        title = self.tr("New account") if user is None else self.tr("Account %1").replace("%1", user.username)
        super().__init__(title, self._save, parent)
        self.ctx = ctx
        self.user = user
        self.setMinimumWidth(520)
        self.username_edit = QLineEdit()
        self.password_edit = _password_edit()
        self.repeat_edit = _password_edit()
        if user is None:
            self.add_field(self.tr("User name"), self.username_edit, "username")
        self.full_name_edit = self.add_field(self.tr("Full name"), QLineEdit(), "full_name")
        self.role_combo = self.add_field(self.tr("Role"), RoleCombo(), "role")
        self.all_units_check = QCheckBox(self.tr("Works with the whole agency"))
        self.all_units_check.setChecked(True)
        self.units_list = UnitScopeList(ctx)
        self.units_list.setEnabled(False)
        self.all_units_check.toggled.connect(lambda on: self.units_list.setEnabled(not on))
        self.add_field(self.tr("Units"), self.all_units_check, "unit_scope")
        self.form.addRow("", self.units_list)
        self.active_check = QCheckBox(self.tr("May sign in"))
        self.active_check.setChecked(True)
        if user is None:
            self.add_field(self.tr("Temporary password"), self.password_edit, "password")
            self.add_field(self.tr("Repeat the password"), self.repeat_edit, "repeat")
            hint = QLabel(self.tr("The user must choose a new password at the first sign-in."))
            hint.setObjectName("muted")
            hint.setWordWrap(True)
            self.form.addRow("", hint)
        else:
            self.add_field(self.tr("State"), self.active_check, "active")
            self.full_name_edit.setText(user.full_name)
            self.role_combo.set_role(user.role)
            self.all_units_check.setChecked(user.unit_scope is None)
            self.units_list.set_scope(user.unit_scope)
            self.active_check.setChecked(user.active)
        self.finish_layout()

    def _save(self) -> UserDTO:
        role = str(self.role_combo.currentData())
        scope = None if self.all_units_check.isChecked() else self.units_list.scope()
        if self.user is not None:
            return update_user(self.ctx, self.user.username, UserChanges(
                full_name=self.full_name_edit.text(), role=role, unit_scope=scope,
                active=self.active_check.isChecked()))
        if self.password_edit.text() != self.repeat_edit.text():
            raise ValidationError([("repeat", self.tr("The two passwords are not the same."))])
        return create_user(self.ctx, NewUser(username=self.username_edit.text(), password=self.password_edit.text(),
                                             role=role, full_name=self.full_name_edit.text(), unit_scope=scope))


class ResetPasswordDialog(FormDialog):
    """A temporary password that also lifts a lock; the user must change it at the next sign-in."""

    def __init__(self, ctx: ServiceContext, username: str, parent: QWidget | None = None):
        super().__init__(self.tr("Reset the password of %1").replace("%1", username), self._save, parent)
        self.ctx = ctx
        self.username = username
        self.setMinimumWidth(460)
        self.password_edit = self.add_field(self.tr("Temporary password"), _password_edit(), "password")
        self.repeat_edit = self.add_field(self.tr("Repeat the password"), _password_edit(), "repeat")
        hint = QLabel(self.tr("A locked account is unlocked. The user must choose a new password at the next "
                              "sign-in."))
        hint.setObjectName("muted")
        hint.setWordWrap(True)
        self.form.addRow("", hint)
        self.finish_layout()

    def _save(self) -> UserDTO:
        if self.password_edit.text() != self.repeat_edit.text():
            raise ValidationError([("repeat", self.tr("The two passwords are not the same."))])
        return reset_password(self.ctx, self.username, self.password_edit.text())
