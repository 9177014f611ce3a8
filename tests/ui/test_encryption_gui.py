"""Encryption in the window: the passphrase asked at start (a wrong one said in the dialog, the right one opens the
main window), encrypting and decrypting from the administration page, restore of an encrypted backup."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from hrapp.db import cipher
from hrapp.services.backup import backup
from hrapp.services.encryption import encrypt, is_encrypted
from tests.ui.conftest import wait_loaded
from ui import app as ui_app
from ui import session
from ui.dialogs.passphrase_dialog import NewPassphraseDialog, PassphraseDialog
from ui.main_window import MainWindow

KEY = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _no_passphrase_in_env(monkeypatch):
    monkeypatch.delenv(cipher.PASSPHRASE_VAR, raising=False)


@pytest.fixture
def no_event_loop(monkeypatch):
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    yield lambda: [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    for w in QApplication.topLevelWidgets():
        if isinstance(w, MainWindow):
            w.close()
            w.deleteLater()


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(session, "show_message", lambda _p, title, text, *_a: shown.append(f"{title}: {text}"))
    monkeypatch.setattr(session, "show_error", lambda _p, exc, title=None: shown.append(f"{title}: {exc}"))
    return shown


def when_modal(kind: type, act) -> None:
    """Run `act(dialog)` as soon as a modal dialog of `kind` is open."""
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_the_passphrase_is_asked_at_start_a_wrong_one_is_said_and_the_right_one_opens(
        staff_ctx, db_path, qtbot, no_event_loop):
    encrypt(staff_ctx, KEY)
    staff_ctx.engine.dispose()
    seen: list[tuple] = []

    def answer(dialog: PassphraseDialog) -> None:
        qtbot.keyClicks(dialog.edit, "not the passphrase")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        seen.append((dialog.isVisible(), dialog.error_label.isVisible(), dialog.error_label.text(), dialog.edit.text()))
        qtbot.keyClicks(dialog.edit, KEY)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(PassphraseDialog, answer)
    assert ui_app.run_gui(argparse.Namespace(db=str(db_path), lang=None, user=None, command=None)) == 0

    ((still_open, error_shown, error, left_typed),) = seen
    assert still_open and error_shown and left_typed == ""
    assert "Cụm mật khẩu không mở được" in error and str(db_path) in error
    (window,) = no_event_loop()
    assert is_encrypted(window.ctx)
    staff = window.page("staff")
    wait_loaded(qtbot, staff)
    assert staff.model.rowCount() == 9


def test_cancelling_the_passphrase_opens_nothing(staff_ctx, db_path, no_event_loop):
    encrypt(staff_ctx, KEY)
    staff_ctx.engine.dispose()
    before = db_path.read_bytes()
    when_modal(PassphraseDialog, lambda dialog: dialog.reject())
    assert ui_app.run_gui(argparse.Namespace(db=str(db_path), lang=None, user=None, command=None)) == 0
    assert no_event_loop() == []
    assert db_path.read_bytes() == before


def test_encrypt_then_decrypt_from_the_administration_page(qtbot, window, db_path, messages):
    admin = window.page("admin")
    window.show_area("admin")
    admin.tabs.setCurrentWidget(admin.backups)
    admin.backups.refresh()
    assert admin.backups.encryption_label.text().startswith("Mã hóa: tắt")
    assert admin.backups.decrypt_button.isHidden()

    def type_new(dialog: NewPassphraseDialog) -> None:
        qtbot.keyClicks(dialog.edit, KEY)
        qtbot.keyClicks(dialog.again, KEY + "!")
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
        assert dialog.isVisible() and dialog.error_label.text() == "Hai cụm mật khẩu không khớp nhau."
        qtbot.keyClicks(dialog.again, KEY)
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)

    when_modal(NewPassphraseDialog, type_new)
    with qtbot.waitSignal(window.session_actions.converted, timeout=30_000):
        qtbot.mouseClick(admin.backups.encrypt_button, Qt.MouseButton.LeftButton)
    assert is_encrypted(window.ctx) and not db_path.read_bytes().startswith(cipher.SQLITE_MAGIC)
    assert messages and "Cơ sở dữ liệu đã được mã hóa" in messages[-1]
    assert admin.backups.encryption_label.text().startswith("Mã hóa: bật")
    assert not admin.backups.decrypt_button.isHidden()
    assert admin.backups.encrypt_button.text() == "Đổi cụm mật khẩu…"

    def yes() -> None:
        box = getattr(window.session_actions, "confirm_box", None)
        if box is not None and box.isVisible():
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, yes)

    QTimer.singleShot(0, yes)
    with qtbot.waitSignal(window.session_actions.converted, timeout=30_000):
        qtbot.mouseClick(admin.backups.decrypt_button, Qt.MouseButton.LeftButton)
    assert not is_encrypted(window.ctx) and db_path.read_bytes().startswith(cipher.SQLITE_MAGIC)
    staff = window.page("staff")
    window.refresh_all()
    wait_loaded(qtbot, staff)
    assert staff.model.rowCount() == 9


def test_restore_of_an_encrypted_backup_asks_its_passphrase(qtbot, window, tmp_path, messages):
    saved = tmp_path / "other.sqlite3"
    other = window.ctx
    encrypt(other, KEY)
    backup(other, saved)
    window.session_actions.decrypt_database(confirmed=True)
    qtbot.waitUntil(lambda: not is_encrypted(window.ctx), timeout=30_000)

    when_modal(PassphraseDialog, lambda dialog: (qtbot.keyClicks(dialog.edit, KEY),
                                                 qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)))

    def yes() -> None:
        box = getattr(window.session_actions, "confirm_box", None)
        if box is not None and box.isVisible() and "Khôi phục" in box.windowTitle():
            assert "vẫn được mã hóa bằng cụm mật khẩu của bản sao lưu" in box.informativeText()
            box.button(QMessageBox.StandardButton.Yes).click()
        else:
            QTimer.singleShot(20, yes)

    QTimer.singleShot(0, yes)
    with qtbot.waitSignal(window.session_actions.restored, timeout=30_000):
        window.session_actions.restore_from_file(str(saved))
    assert is_encrypted(window.ctx)
    assert Path(window.ctx.engine.url.database).read_bytes()[:16] != cipher.SQLITE_MAGIC


def test_an_import_in_a_child_process_opens_the_encrypted_database_with_its_key(staff_ctx, tmp_path, monkeypatch):
    from sqlalchemy import func, select

    from hrapp.db.models import Person
    from tests.io.generate import generate_import_file
    from ui import child_process

    monkeypatch.setattr(child_process, "CHILD_PROCESS_BYTES", 0)
    encrypt(staff_ctx, KEY)
    path = generate_import_file(tmp_path / "good.xlsx", 5)
    with staff_ctx.read() as s:
        before = s.scalar(select(func.count()).select_from(Person))
    result = child_process.run_import(staff_ctx, path, dry_run=False)
    assert result.ok
    with staff_ctx.read() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == before + 5


def test_opening_another_encrypted_database_from_the_window_asks_its_passphrase(qtbot, window, tmp_path, demo_db):
    from hrapp.context import ServiceContext

    other = ServiceContext.open(str(demo_db))
    encrypt(other, KEY)
    other.engine.dispose()
    when_modal(PassphraseDialog, lambda dialog: dialog.reject())
    assert not window.open_database(str(demo_db))
    assert not is_encrypted(window.ctx)  # the current database stays open

    when_modal(PassphraseDialog, lambda dialog: (qtbot.keyClicks(dialog.edit, KEY),
                                                 qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)))
    assert window.open_database(str(demo_db))
    assert is_encrypted(window.ctx)
    assert Path(window.ctx.engine.url.database) == demo_db
