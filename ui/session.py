"""The signed-in session in the main window: who is working (status bar), sign-out and password change, and
the database-wide actions of the File menu: backup to a file, restore from one, the daily backup at start."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QStandardPaths, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QLabel, QMenu, QMessageBox, QStatusBar

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.db import cipher
from hrapp.db.engine import sqlite_path
from hrapp.errors import HrappError
from hrapp.services.backup import (
    BackupInfo,
    BackupResult,
    RestoreResult,
    backup,
    daily_backup,
    inspect_backup,
    restore,
)
from hrapp.services.encryption import DECRYPTED, REKEYED, ConvertResult, decrypt, encrypt, is_encrypted
from ui.dialogs.change_password_dialog import ChangePasswordDialog
from ui.dialogs.login_dialog import ask_sign_in
from ui.dialogs.passphrase_dialog import ask_new_passphrase, ask_passphrase
from ui.messages import confirm, error_text, show_error, show_message
from ui.tasks import Task, run_task, wait_for_all


class SessionWindow(Protocol):
    """What the session's actions use of the main window (ui/main_window.py, which owns them)."""

    ctx: ServiceContext
    user_label: QLabel
    daily_backup_task: Task | None

    def refresh_all(self) -> None: ...

    def statusBar(self) -> QStatusBar: ...

    def show(self) -> None: ...

    def hide(self) -> None: ...

    def close(self) -> bool: ...

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

ROLE_NAMES = {
    "quan_tri": QT_TRANSLATE_NOOP("Roles", "Administrator"),
    "to_chuc_can_bo": QT_TRANSLATE_NOOP("Roles", "Personnel officer (edits everything)"),
    "lanh_dao": QT_TRANSLATE_NOOP("Roles", "Leader (reads, approves lists)"),
    "xem": QT_TRANSLATE_NOOP("Roles", "Read only (personal data masked)"),
}


def role_name(role: str) -> str:
    source = ROLE_NAMES.get(role)
    return translate("Roles", source) if source else role


def user_text(ctx: ServiceContext) -> str:
    """'Người dùng: lan (Cán bộ tổ chức)' with accounts on; the computer's user name with accounts off."""
    if not ctx.accounts_on:
        return translate("Session", "User: %1").replace("%1", ctx.user)
    if not ctx.role:
        return translate("Session", "Not signed in")
    return translate("Session", "User: %1 (%2)").replace("%1", ctx.user).replace("%2", role_name(ctx.role))


def backup_file_name(ctx: ServiceContext, day: date | None = None) -> str:
    """'hrapp-2026-03-02.sqlite3' after the database's own name."""
    path = sqlite_path(ctx.url)
    stem = path.stem if path is not None else "hrapp"
    return f"{stem}-{(day or clock.today()).isoformat()}.sqlite3"


def _documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())


def size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB".replace(".", ",")
    return f"{max(1, round(size / 1024))} KB"


class SessionActions(QObject):
    """Actions of the File menu for the session and the whole database; owned by the main window."""

    backed_up = Signal(object)  # BackupResult
    restored = Signal(object)  # RestoreResult, after the window was reloaded
    converted = Signal(object)  # ConvertResult: the database was encrypted, decrypted or given a new passphrase

    def __init__(self, window: SessionWindow):
        super().__init__(window)
        self.window = window
        self.task: Task | None = None
        self.act_backup = QAction(self.tr("&Back up…"), window)
        self.act_backup.triggered.connect(lambda: self.backup_to_file())
        self.act_restore = QAction(self.tr("&Restore from a backup…"), window)
        self.act_restore.triggered.connect(lambda: self.restore_from_file())
        self.act_change_password = QAction(self.tr("&Change password…"), window)
        self.act_change_password.triggered.connect(self.change_password)
        self.act_sign_out = QAction(self.tr("Sign &out"), window)
        self.act_sign_out.triggered.connect(self.sign_out)

    @property
    def ctx(self) -> ServiceContext:
        return self.window.ctx

    def add_to(self, menu: QMenu) -> None:
        menu.addSeparator()
        menu.addAction(self.act_backup)
        menu.addAction(self.act_restore)
        menu.addSeparator()
        menu.addAction(self.act_change_password)
        menu.addAction(self.act_sign_out)

    def refresh(self) -> None:
        """Show who is working and offer the account actions only when accounts are on."""
        self.window.user_label.setText(user_text(self.ctx))
        self.act_change_password.setVisible(self.ctx.accounts_on)
        self.act_sign_out.setVisible(self.ctx.accounts_on)

    # --- account -------------------------------------------------------------------------------------
    def change_password(self) -> None:
        dialog = ChangePasswordDialog(self.ctx, self.ctx.user, self.window)
        if dialog.exec() == ChangePasswordDialog.DialogCode.Accepted:
            confirm(self.window, self.tr("Your password was changed."))

    def sign_out(self) -> None:
        """Hide the window, ask for a sign-in again; giving up closes the application."""
        self.ctx.sign_out()
        self.window.hide()
        if self.sign_in_again():
            self.window.show()
        else:
            self.window.close()

    def sign_in_again(self, message: str = "") -> bool:
        user = ask_sign_in(self.ctx, None, message)
        if user is None:
            return False
        self.window.refresh_all()
        return True

    # --- backup --------------------------------------------------------------------------------------
    def backup_to_file(self, path: str | None = None) -> Task | None:
        """A consistent copy of the whole database (attachments included) into a file the user chooses."""
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self.window, self.tr("Back up the database"), str(_documents() / backup_file_name(self.ctx)),
                self.tr("Backups (*.sqlite3)"))
            if not path:
                return None
        ctx = self.ctx

        def work(_progress, _cancelled) -> BackupResult:
            return backup(ctx, path)

        def done(result: BackupResult) -> None:
            text = self.tr("The database was backed up to %1 (%2, %3 attached documents).")
            confirm(self.window, text.replace("%1", str(result.path)).replace("%2", size_text(result.size))
                    .replace("%3", str(result.attachments)), result.path)
            self.backed_up.emit(result)

        self.task = run_task(work, parent=self.window, title=self.tr("Backup"),
                             label=self.tr("Backing up the database…"), cancellable=False, on_result=done)
        return self.task

    # --- restore -------------------------------------------------------------------------------------
    def restore_from_file(self, path: str | None = None) -> Task | None:
        """Choose a backup, see what it holds, confirm, replace the database (a copy of it kept), reload."""
        if path is None:
            start = sqlite_path(self.ctx.url)
            path, _ = QFileDialog.getOpenFileName(
                self.window, self.tr("Restore from a backup"), str(start.parent) if start else str(_documents()),
                self.tr("Backups (*.sqlite3 *.sqlite *.db);;All files (*)"))
            if not path:
                return None
        chosen = path
        go_on, passphrase = self.backup_passphrase(Path(chosen))
        if not go_on:
            return None

        def check(_progress, _cancelled) -> BackupInfo:
            return inspect_backup(chosen, passphrase)

        self.task = run_task(check, parent=self.window, title=self.tr("Restore"),
                             label=self.tr("Checking the backup…"), cancellable=False,
                             on_result=lambda info: self._confirm_restore(info, passphrase))
        return self.task

    def backup_passphrase(self, path: Path) -> tuple[bool, str | None]:
        """(go on, passphrase) of a backup: None for a plain one; the current database's when it opens it (a backup
        of this database); else typed in a dialog; (False, None) when the user cancelled."""
        if not cipher.looks_encrypted(path):
            return True, None
        current = cipher.passphrase_of(self.ctx.engine)
        if current:
            try:
                cipher.check(path, current)
                return True, current
            except HrappError:
                pass
        passphrase = ask_passphrase(path, self.window, backup=True)
        return passphrase is not None, passphrase

    def confirmation_text(self, info: BackupInfo) -> str:
        lines = [
            self.tr("Backup file: %1").replace("%1", str(info.path)),
            self.tr("File date: %1; size %2.").replace(
                "%1", f"{date.fromtimestamp(info.path.stat().st_mtime):%d/%m/%Y}").replace("%2", size_text(info.size)),
            self.tr("It holds %1 staff records, %2 units and %3 attached documents.")
            .replace("%1", str(info.persons)).replace("%2", str(info.units)).replace("%3", str(info.attachments)),
        ]
        if info.needs_upgrade:
            lines.append(self.tr("It was made by an older version and will be upgraded after the restore."))
        if is_encrypted(self.ctx):
            lines.append(self.tr("The restored database is encrypted with the current database's passphrase."))
        elif info.encrypted:
            lines.append(self.tr("The backup is encrypted: the restored database stays encrypted with the backup's "
                                 "passphrase."))
        lines.append("")
        lines.append(self.tr("All data now in the database will be replaced by the backup. A copy of the current "
                             "database is kept next to it first."))
        return "\n".join(lines)

    def _confirm_restore(self, info: BackupInfo, passphrase: str | None = None) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Restore from a backup"),
                          self.tr("Replace the current data with this backup?"),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window)
        box.setInformativeText(self.confirmation_text(info))
        box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Restore"))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        self.confirm_box = box
        if box.exec() != QMessageBox.StandardButton.Yes:
            return
        self.run_restore(info.path, passphrase)

    def run_restore(self, path: Path, passphrase: str | None = None) -> Task:
        ctx = self.ctx
        wait_for_all(10_000)  # background reads of the old database finish before its file is replaced

        def work(_progress, _cancelled) -> RestoreResult:
            return restore(ctx, path, passphrase=passphrase)

        self.task = run_task(work, parent=self.window, title=self.tr("Restore"),
                             label=self.tr("Restoring the database…"), writes=True, cancellable=False,
                             delay_ms=0, on_result=self._restored)
        return self.task

    def _restored(self, result: RestoreResult) -> None:
        text = self.tr("The database was restored from %1.").replace("%1", str(result.restored_from))
        if result.safety_copy is not None:
            text += "\n" + self.tr("The data as it was before is kept in %1.").replace("%1", str(result.safety_copy))
        if self.ctx.accounts_on:
            self.window.hide()
            if not self.sign_in_again(self.tr("The restored database has user accounts: sign in again.")):
                self.window.close()
                return
            self.window.show()
        else:
            self.window.refresh_all()
        self.window.statusBar().showMessage(text.split("\n")[0], 10000)
        show_message(self.window, self.tr("Restore"), text)
        self.restored.emit(result)


    # --- encryption at rest ------------------------------------------------------------------------------
    def encrypt_database(self, passphrase: str | None = None) -> Task | None:
        """Encrypt the database with a new passphrase typed twice (encrypted already: change its passphrase)."""
        if passphrase is None:
            passphrase = ask_new_passphrase(self.window, rekey=is_encrypted(self.ctx))
            if passphrase is None:
                return None
        ctx = self.ctx
        chosen = passphrase
        wait_for_all(10_000)  # background reads finish before the file is replaced

        def work(_progress, _cancelled) -> ConvertResult:
            return encrypt(ctx, chosen)

        self.task = run_task(work, parent=self.window, title=self.tr("Encryption"),
                             label=self.tr("Encrypting the database…"), writes=True, cancellable=False, delay_ms=0,
                             on_result=self._converted)
        return self.task

    def decrypt_database(self, confirmed: bool = False) -> Task | None:
        """Write the database back in clear, after a warning."""
        if not confirmed:
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Decrypt the database"),
                              self.tr("Write the database back in clear, without encryption?"),
                              QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window)
            box.setInformativeText(self.tr(
                "Anyone who can read the file will then read every record, and the backups made from now on are not "
                "encrypted either."))
            box.button(QMessageBox.StandardButton.Yes).setText(self.tr("Decrypt"))
            box.setDefaultButton(QMessageBox.StandardButton.Cancel)
            self.confirm_box = box
            if box.exec() != QMessageBox.StandardButton.Yes:
                return None
        ctx = self.ctx
        wait_for_all(10_000)

        def work(_progress, _cancelled) -> ConvertResult:
            return decrypt(ctx)

        self.task = run_task(work, parent=self.window, title=self.tr("Encryption"),
                             label=self.tr("Decrypting the database…"), writes=True, cancellable=False, delay_ms=0,
                             on_result=self._converted)
        return self.task

    def _converted(self, result: ConvertResult) -> None:
        if result.outcome == DECRYPTED:
            text = self.tr("The database was decrypted: the file and the backups made from now on are no longer "
                           "encrypted.")
        elif result.outcome == REKEYED:
            text = self.tr("The passphrase was changed. Backups made before still open with the old passphrase.")
        else:
            text = self.tr("The database is encrypted, and so is every backup made from now on. Keep the passphrase "
                           "safe: without it nobody can read the data.")
        if result.plain_backups:
            text += "\n\n" + self.tr("%1 automatic backups made before are not encrypted: delete them from %2 if "
                                      "they are no longer needed.").replace("%1", str(len(result.plain_backups))) \
                .replace("%2", str(result.plain_backups[0].parent))
        self.window.refresh_all()
        show_message(self.window, self.tr("Encryption"), text)
        self.converted.emit(result)


def start_daily_backup(window: SessionWindow, folder: str | Path | None = None, keep: int | None = None) -> Task:
    """Today's automatic copy on a worker thread, silently; only a failure is reported."""
    ctx = window.ctx

    def work(_progress, _cancelled) -> Path | None:
        if keep is None:
            return daily_backup(ctx, folder)
        return daily_backup(ctx, folder, keep=keep)

    def failed(exc: BaseException) -> None:
        log.warning("daily backup failed: %s", exc)
        window.statusBar().showMessage(translate("Session", "The daily backup failed: %1")
                                       .replace("%1", error_text(exc)))
        show_error(window, exc, translate("Session", "The daily backup failed"))

    task = run_task(work, parent=window, show_dialog=False, on_error=failed)
    window.daily_backup_task = task
    return task
