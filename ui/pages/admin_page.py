"""Administration: the agency printed on every document (personnel officer or administrator); user accounts
(turn on, add, edit, reset a password, deactivate), the audit log, backups (now, restore, the automatic daily
copies), for the administrator's role only. The services check."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.db.engine import sqlite_path
from hrapp.errors import HrappError
from hrapp.queries.lookups import unit_names
from hrapp.security import ADMIN, WRITE, has_permission
from hrapp.services.accounts import UserDTO, deactivate_user, list_users
from hrapp.services.backup import DAILY_KEEP, daily_backups, default_backup_folder
from hrapp.services.encryption import is_encrypted
from ui.dialogs.account_dialogs import EnableAccountsDialog, ResetPasswordDialog, UserDialog
from ui.dialogs.login_dialog import local_time
from ui.messages import confirm, show_error
from ui.pages.audit_page import AuditPage
from ui.pages.base import BasePage
from ui.session import role_name, size_text
from ui.widgets.agency_form import AgencyForm
from ui.widgets.columns import Column, ColumnTableModel, by_name, fit_columns, indexed
from ui.widgets.forms import run_form


def _day(path: Path) -> date:
    """The day a daily copy was made: the end of its name (…_2026-12-07)."""
    return date.fromisoformat(path.stem[-10:])


def _view(model: ColumnTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    _one_row_at_a_time(view)
    return view


def _one_row_at_a_time(table: QTableView) -> None:
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().setVisible(False)
    table.verticalHeader().setDefaultSectionSize(26)


class AccountsTab(QWidget):
    def __init__(self, page: AdminPage):
        super().__init__(page)
        self.page = page
        self.users: list[UserDTO] = []
        self.dialog = None

        self.off_box = QGroupBox(self.tr("User accounts are off"))
        off_text = QLabel(self.tr("Everyone who opens this database works as an administrator with every right. "
                                  "Turn accounts on to make everyone sign in, each with a role: administrator, "
                                  "personnel officer, leader or read only, optionally limited to some units."))
        off_text.setWordWrap(True)
        self.enable_button = QPushButton(self.tr("Turn on user accounts…"))
        self.enable_button.setObjectName("primary")
        ob = QVBoxLayout(self.off_box)
        ob.addWidget(off_text)
        row = QHBoxLayout()
        row.addWidget(self.enable_button)
        row.addStretch(1)
        ob.addLayout(row)

        self.unit_names: dict[int, str] = {}
        self.model = ColumnTableModel([
            Column(self.tr("User name"), lambda u: u.username),
            Column(self.tr("Full name"), lambda u: u.full_name, sort_key=by_name(lambda u: u.full_name)),
            Column(self.tr("Role"), lambda u: role_name(u.role)),
            Column(self.tr("Units"), self.scope_text),
            Column(self.tr("State"), self.state_text),
        ], parent=self)
        self.table = _view(self.model)
        self.table.setSortingEnabled(True)  # by user name first; a click on "Full name" in Vietnamese name order
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        fit_columns(self.table, key=(0,), limit=300)  # the user name whole, the state taking the rest
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._update_buttons())
        self.table.doubleClicked.connect(lambda _i: self.edit_user())

        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.deactivate_button = QPushButton(self.tr("Deactivate"))
        buttons = QHBoxLayout()
        for b in (self.add_button, self.edit_button, self.reset_button, self.deactivate_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.off_box)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)

        self.enable_button.clicked.connect(self.enable_accounts)
        self.add_button.clicked.connect(self.add_user)
        self.edit_button.clicked.connect(self.edit_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.deactivate_button.clicked.connect(self.deactivate)

    @property
    def ctx(self) -> ServiceContext:
        return self.page.ctx

    def refresh(self) -> None:
        accounts_on = self.ctx.accounts_on
        self.off_box.setVisible(not accounts_on)
        self.table.setEnabled(accounts_on)
        self.add_button.setEnabled(accounts_on)
        try:
            self.users = list_users(self.ctx) if accounts_on else []
        except HrappError as exc:
            self.users = []
            self.page.status_message.emit(exc.message)
        self.unit_names = unit_names(self.ctx)
        self.model.set_rows(self.users)
        fit_columns(self.table, key=(0,), limit=300)
        self._update_buttons()

    def scope_text(self, u: UserDTO) -> str:
        if u.unit_scope is None:
            return self.tr("Whole agency")
        return ", ".join(self.unit_names.get(i, str(i)) for i in u.unit_scope)

    def state_text(self, u: UserDTO) -> str:
        if not u.active:
            return self.tr("Deactivated")
        if u.locked_until is not None and u.locked_until > clock.utcnow():
            moment = local_time(u.locked_until)
            return self.tr("Locked until %1").replace("%1", f"{moment:%H:%M %d/%m/%Y}")
        if u.must_change_password:
            return self.tr("Active, must change the password")
        return self.tr("Active")

    def selected(self) -> UserDTO | None:
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else -1
        return self.model.row(row) if 0 <= row < self.model.rowCount() else None

    def select(self, username: str) -> None:
        for row, u in enumerate(self.model.rows):
            if u.username == username:
                self.table.selectRow(row)

    def _update_buttons(self) -> None:
        user = self.selected()
        for b in (self.edit_button, self.reset_button):
            b.setEnabled(user is not None)
        self.deactivate_button.setEnabled(user is not None and user.active)

    def _saved(self, result: UserDTO | None) -> None:
        self.refresh()
        if result is not None:
            self.select(result.username)
        confirm(self, self.tr("Saved."))

    def enable_accounts(self) -> None:
        self.dialog = EnableAccountsDialog(self.ctx, self)

        def done(user: UserDTO) -> None:
            self.page.accounts_changed()
            self._saved(user)
            self.page.status_message.emit(self.tr("User accounts are on; you are signed in as %1.")
                                          .replace("%1", user.username))

        run_form(self.dialog, done)

    def add_user(self) -> None:
        self.dialog = UserDialog(self.ctx, None, self)
        run_form(self.dialog, self._saved)

    def edit_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        self.dialog = UserDialog(self.ctx, user, self)
        run_form(self.dialog, self._saved)

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return
        self.dialog = ResetPasswordDialog(self.ctx, user.username, self)
        run_form(self.dialog, self._saved)

    def deactivate(self) -> None:
        user = self.selected()
        if user is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Deactivate"),
            self.tr("Deactivate the account %1? It can no longer sign in; its past work stays in the audit log.")
            .replace("%1", user.username))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            deactivate_user(self.ctx, user.username)
        except HrappError as exc:
            show_error(self, exc)
            return
        self._saved(user)


class BackupTab(QWidget):
    def __init__(self, page: AdminPage):
        super().__init__(page)
        self.page = page
        self.files: list[Path] = []
        self.info = QLabel()
        self.info.setWordWrap(True)
        self.info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backup_button = QPushButton(self.tr("Back up now…"))
        self.backup_button.setObjectName("primary")
        self.restore_button = QPushButton(self.tr("Restore from a file…"))
        self.restore_selected_button = QPushButton(self.tr("Restore the selected copy…"))
        self.open_folder_button = QPushButton(self.tr("Open the folder"))
        row = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.restore_selected_button, self.open_folder_button):
            row.addWidget(b)
        row.addStretch(1)
        self.encryption_label = QLabel()
        self.encryption_label.setObjectName("encryptionState")
        self.encryption_label.setWordWrap(True)
        self.encrypt_button = QPushButton(self.tr("Encrypt the database…"))
        self.decrypt_button = QPushButton(self.tr("Decrypt…"))
        encryption_row = QHBoxLayout()
        encryption_row.addWidget(self.encryption_label, 1)
        encryption_row.addWidget(self.encrypt_button)
        encryption_row.addWidget(self.decrypt_button)
        self.list_title = QLabel(self.tr("Automatic daily copies"))
        self.list_title.setObjectName("sectionTitle")
        self.model = ColumnTableModel(indexed([self.tr("Day"), self.tr("File"), self.tr("Size")]), parent=self)
        self.table = _view(self.model)
        self.table.horizontalHeader().resizeSection(0, 110)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().resizeSection(2, 100)
        self.table.selectionModel().selectionChanged.connect(lambda _s, _d: self._update_buttons())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.info)
        layout.addLayout(row)
        layout.addLayout(encryption_row)
        layout.addSpacing(6)
        layout.addWidget(self.list_title)
        layout.addWidget(self.table, 1)

        self.backup_button.clicked.connect(lambda: self._actions() and self._actions().backup_to_file())
        self.restore_button.clicked.connect(lambda: self._actions() and self._actions().restore_from_file())
        self.restore_selected_button.clicked.connect(self.restore_selected)
        self.open_folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(default_backup_folder()))))
        self.encrypt_button.clicked.connect(lambda: self._actions() and self._actions().encrypt_database())
        self.decrypt_button.clicked.connect(lambda: self._actions() and self._actions().decrypt_database())

    def _actions(self):
        return getattr(self.window(), "session_actions", None)

    def refresh(self) -> None:
        live = sqlite_path(self.page.ctx.url)
        folder = default_backup_folder()
        if live is not None:
            self.info.setText(self.tr(
                "Each day the application is opened it copies the database, attached documents included, into "
                "%1 and keeps the newest %2 copies. “Back up now” makes a copy in a file you choose (keep one away "
                "from this computer). Restoring keeps a copy of the current data first.")
                .replace("%1", str(folder)).replace("%2", str(DAILY_KEEP)))
            self.files = daily_backups(folder, live.stem)
        else:
            self.info.setText(self.tr(
                "The database is on a server: its backups are made there by the server's administrator (pg_dump). "
                "“Back up now” writes a copy of every table into a file that the application can open; a server "
                "is restored with copy-to from such a file into an empty database."))
            self.files = []
        self.model.set_rows([(f"{_day(path):%d/%m/%Y}", str(path), size_text(path.stat().st_size))
                             for path in self.files], keys=self.files)
        self.restore_button.setEnabled(live is not None)
        self._refresh_encryption(live is not None)
        self._update_buttons()

    def _refresh_encryption(self, local: bool) -> None:
        """Encryption at rest is offered for a local SQLite file (a server's is its administrator's job)."""
        for widget in (self.encryption_label, self.encrypt_button, self.decrypt_button):
            widget.setVisible(local)
        if not local:
            return
        encrypted = is_encrypted(self.page.ctx)
        if encrypted:
            self.encryption_label.setText(self.tr(
                "Encryption: on. The database file and its backups can be read only with the passphrase, which is "
                "asked at each start and saved nowhere."))
            self.encrypt_button.setText(self.tr("Change the passphrase…"))
        else:
            self.encryption_label.setText(self.tr(
                "Encryption: off. Anyone who can copy the database file or a backup can read every record."))
            self.encrypt_button.setText(self.tr("Encrypt the database…"))
        self.decrypt_button.setVisible(encrypted)

    def _update_buttons(self) -> None:
        self.restore_selected_button.setEnabled(self.table.selectionModel().hasSelection())

    def restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        actions = self._actions()
        if actions is not None and rows:
            actions.restore_from_file(str(self.model.keys[rows[0].row()]))


class AgencyTab(QWidget):
    """The agency printed on every document, editable by the personnel officer and the administrator."""

    def __init__(self, page: AdminPage):
        super().__init__(page)
        self.page = page
        intro = QLabel(self.tr("The agency's name, governing body, province, the place of the date line and the "
                               "signers are printed on every letterhead and signature block and shown at the top of "
                               "the window. Fields marked * are required."))
        intro.setWordWrap(True)
        self.form = AgencyForm(page.ctx, self)
        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setObjectName("primary")
        self.revert_button = QPushButton(self.tr("Undo changes"))
        row = QHBoxLayout()
        row.addWidget(self.save_button)
        row.addWidget(self.revert_button)
        row.addStretch(1)
        box = QWidget()
        box.setMaximumWidth(760)
        inner = QVBoxLayout(box)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(intro)
        inner.addSpacing(6)
        inner.addWidget(self.form)
        inner.addSpacing(6)
        inner.addLayout(row)
        holder = QWidget()
        held = QVBoxLayout(holder)
        held.setContentsMargins(12, 12, 12, 12)
        held.addWidget(box)
        held.addStretch(1)
        scroll = QScrollArea()  # messages under every field need more than a 768-pixel screen's height
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.refresh)
        # "Undo changes" only while there is a change to undo
        self._stored: object = None
        for widget in self.form.fields.values():
            if isinstance(widget, QLineEdit):
                widget.textChanged.connect(lambda _t: self._update_revert())
        self.form.province_combo.currentIndexChanged.connect(lambda _i: self._update_revert())
        self._update_revert()

    def refresh(self) -> None:
        self.form.ctx = self.page.ctx
        self.form.load()
        self._stored = self.form.value()
        self._update_revert()

    def _update_revert(self) -> None:
        self.revert_button.setEnabled(self._stored is not None and self.form.value() != self._stored)

    def save(self) -> None:
        self.form.ctx = self.page.ctx
        agency = self.form.save()
        if agency is None:
            return
        self._stored = self.form.value()
        self._update_revert()
        refresh = getattr(self.window(), "refresh_header", None)
        if callable(refresh):
            refresh()
        self.page.status_message.emit(self.tr("The agency was saved: %1.").replace("%1", agency.name))


class AdminPage(BasePage):
    def __init__(self, ctx: ServiceContext, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self._loaded = False
        title, subtitle = self.heading(
            self.tr("Administration"), self.tr("The agency, user accounts, the audit log of every change and export, and backups"))
        self.notice = QLabel(self.tr("Only an administrator can manage accounts, read the audit log and make or "
                                     "restore backups."))
        self.notice.setObjectName("pageSubtitle")
        self.notice.setStyleSheet("color: #8a3b1e;")
        self.notice.hide()

        self.agency = AgencyTab(self)
        self.accounts = AccountsTab(self)
        self.audit = AuditPage(ctx, self)
        self.audit.status_message.connect(self.status_message)
        self.backups = BackupTab(self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.accounts, self.tr("Accounts"))
        self.tabs.addTab(self.audit, self.tr("Audit log"))
        self.tabs.addTab(self.backups, self.tr("Backups"))
        self.tabs.addTab(self.agency, self.tr("Agency"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())

        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 12)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs, 1)

    def activated(self) -> None:
        if not self._loaded:
            self.refresh()

    def set_context(self, ctx: ServiceContext) -> None:
        self.ctx = ctx
        self.audit.ctx = ctx
        self.audit.model.ctx = ctx
        self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        admin = has_permission(self.ctx, ADMIN)
        self.notice.setVisible(not admin)
        writer = has_permission(self.ctx, WRITE)
        self.tabs.setEnabled(admin or writer)
        self.tabs.setTabEnabled(self.tabs.indexOf(self.agency), writer)
        for tab in (self.accounts, self.audit, self.backups):
            self.tabs.setTabEnabled(self.tabs.indexOf(tab), admin)
        if writer:
            self.agency.refresh()
        if not admin:
            if writer:
                self.tabs.setCurrentWidget(self.agency)
            return
        self.accounts.refresh()
        self.backups.refresh()
        self.audit.refresh()

    def _tab_shown(self) -> None:
        if self.tabs.currentWidget() is self.audit and has_permission(self.ctx, ADMIN):
            self.audit.refresh()  # rows written since (sign-ins, exports)
        elif self.tabs.currentWidget() is self.backups:
            self.backups.refresh()

    def accounts_changed(self) -> None:
        """Accounts were turned on: the window shows the signed-in administrator and the account actions."""
        refresh = getattr(self.window(), "refresh_all", None)
        if callable(refresh):
            refresh()

    def save_state(self, settings: QSettings) -> None:
        settings.setValue("tab", self.tabs.currentIndex())
        self.audit.save_state(settings)

    def restore_state(self, settings: QSettings) -> None:
        tab = settings.value("tab")
        if tab is not None:
            self.tabs.setCurrentIndex(int(tab))
        self.audit.restore_state(settings)
