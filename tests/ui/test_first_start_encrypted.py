"""The first-start assistant can encrypt the new database: tick the box, type the passphrase twice, choose how to
start; the database is encrypted before anything of the agency is written, and the main window goes on with it."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from hrapp.db import cipher
from hrapp.services import setup
from hrapp.services.encryption import is_encrypted
from hrapp.services.setup import init_database
from ui import app as ui_app
from ui.dialogs.passphrase_dialog import NewPassphraseDialog
from ui.main_window import MainWindow

KEY = "mot cau mat khau du dai"


@pytest.fixture(autouse=True)
def _no_passphrase_in_env(monkeypatch):
    monkeypatch.delenv(cipher.PASSPHRASE_VAR, raising=False)
    monkeypatch.delenv(cipher.NEW_PASSPHRASE_VAR, raising=False)


@pytest.fixture
def started(qtbot, tmp_path, monkeypatch):
    """run_gui on a new, empty database: the main window and its first-start assistant."""
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    monkeypatch.setenv("HRAPP_DATA_DIR", str(tmp_path / "data" / "hrapp"))  # the daily copy's folder, for this test
    db = tmp_path / "hr.sqlite3"
    init_database(str(db)).engine.dispose()
    assert ui_app.run_gui(argparse.Namespace(db=str(db), lang="vi", user=None, command=None)) == 0
    (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
    yield window, db
    from ui.tasks import running_tasks

    qtbot.waitUntil(lambda: not running_tasks(), timeout=30_000)
    window.ctx.engine.dispose()
    window.close()
    window.deleteLater()


def when_modal(kind: type, act) -> None:
    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, kind) and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_tick_type_twice_and_start_gives_an_encrypted_database(qtbot, started):
    window, db = started
    dialog = window.first_start_dialog
    assert dialog is not None and dialog.isVisible()
    assert dialog.encrypt_box.text() == "Mã hóa cơ sở dữ liệu này bằng cụm mật khẩu"
    assert db.read_bytes().startswith(cipher.SQLITE_MAGIC)  # made plain at start, holding no personal data yet
    dialog.encrypt_box.setChecked(True)

    def type_twice(asked: NewPassphraseDialog) -> None:
        qtbot.keyClicks(asked.edit, KEY)
        qtbot.keyClicks(asked.again, KEY)
        qtbot.mouseClick(asked.ok_button, Qt.MouseButton.LeftButton)

    when_modal(NewPassphraseDialog, type_twice)
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert is_encrypted(window.ctx)
    assert not db.read_bytes().startswith(cipher.SQLITE_MAGIC)
    cipher.check(db, KEY)
    assert window.isVisible()
    assert dialog.encrypted
    admin = window.page("admin")
    window.show_area("admin")
    admin.tabs.setCurrentWidget(admin.backups)
    admin.backups.refresh()
    assert admin.backups.encryption_label.text().startswith("Mã hóa: bật")
    assert window.page("staff").model.rowCount() == 0  # the window reads the encrypted database


def test_cancelling_the_passphrase_keeps_the_assistant_open_and_the_file_plain(qtbot, started):
    window, db = started
    dialog = window.first_start_dialog
    dialog.encrypt_box.setChecked(True)
    when_modal(NewPassphraseDialog, lambda asked: asked.reject())
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and not is_encrypted(window.ctx)
    assert db.read_bytes().startswith(cipher.SQLITE_MAGIC)
    dialog.reject()


def test_without_the_box_nothing_is_asked(qtbot, started):
    window, db = started
    dialog = window.first_start_dialog
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and not is_encrypted(window.ctx)


def test_the_demo_chosen_with_the_box_ticked_is_written_encrypted(qtbot, started):
    window, db = started
    dialog = window.first_start_dialog
    dialog.encrypt_box.setChecked(True)

    def type_twice(asked: NewPassphraseDialog) -> None:
        qtbot.keyClicks(asked.edit, KEY)
        qtbot.keyClicks(asked.again, KEY)
        qtbot.mouseClick(asked.ok_button, Qt.MouseButton.LeftButton)

    when_modal(NewPassphraseDialog, type_twice)
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: getattr(window, "demo_task", None) is not None and not window.demo_task.is_running(),
                    timeout=120_000)
    assert is_encrypted(window.ctx) and not setup.is_empty(window.ctx)  # the demo is in, read through the key
    raw = b"".join(p.read_bytes() for p in db.parent.glob("hr.sqlite3*"))
    assert b"SQLite format 3" not in raw
    for text in ("Khoa học", "Nguyễn", "persons"):
        assert text.encode("utf-8") not in raw, text
