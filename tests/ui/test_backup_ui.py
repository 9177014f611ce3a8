"""Backups from the window: a copy to a chosen file, the silent daily copy at start (a failure is shown),
restore after a summary and a confirmation (a copy of the current data kept, the window reloaded, sign-in
again when the restored database has accounts), and the backups tab of the administration page."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import func, select

from hrapp import clock
from hrapp.db.models import Person
from hrapp.services import accounts
from hrapp.services.backup import inspect_backup
from hrapp.services.snapshot import set_name
from tests.ui.conftest import wait_loaded
from ui import session
from ui.dialogs.login_dialog import LoginDialog
from ui.session import start_daily_backup


@pytest.fixture
def messages(monkeypatch) -> list[str]:
    """Message boxes shown after a restore or a failure, captured instead of waiting for a click."""
    shown: list[str] = []
    monkeypatch.setattr(session, "show_message", lambda _p, title, text, *_a: shown.append(f"{title}: {text}"))
    monkeypatch.setattr(session, "show_error", lambda _p, exc, title=None: shown.append(f"{title}: {exc}"))
    return shown


def _people(ctx) -> int:
    with ctx.read() as s:
        return int(s.scalar(select(func.count()).select_from(Person)))


def _add_person(ctx, name: str) -> None:
    with ctx.unit_of_work() as s:
        p = Person(gender="M", birth_date=date(1990, 1, 1))
        set_name(p, name)
        s.add(p)


def _wait(qtbot, task) -> None:
    qtbot.waitUntil(lambda: not task.is_running(), timeout=20_000)


def _answer(button: QMessageBox.StandardButton, actions) -> None:
    """Click `button` of the restore confirmation as soon as it is open."""
    def poll() -> None:
        box = getattr(actions, "confirm_box", None)
        if box is not None and box.isVisible():
            box.button(button).click()
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_backup_to_a_chosen_file_holds_the_whole_database(qtbot, window, tmp_path):
    target = tmp_path / "sao-luu" / "hr-copy.sqlite3"
    target.parent.mkdir()
    actions = window.session_actions
    with qtbot.waitSignal(actions.backed_up, timeout=20_000) as done:
        actions.backup_to_file(str(target))
    assert done.args[0].path == target
    info = inspect_backup(target)
    assert info.persons == _people(window.ctx) == 10
    assert "hr-copy.sqlite3" in window.statusBar().currentMessage()
    assert "Đã sao lưu cơ sở dữ liệu vào" in window.statusBar().currentMessage()


def test_backup_to_a_file_in_a_missing_folder_is_refused_with_one_line(qtbot, window, tmp_path, monkeypatch):
    from ui import messages as ui_messages

    messages: list[str] = []
    monkeypatch.setattr(ui_messages, "show_error",
                        lambda _p, exc, title=None: messages.append(f"{title}: {ui_messages.error_text(exc)}"))
    target = tmp_path / "sao-luu" / "hr-copy.sqlite3"  # typed, not chosen in the dialog (which shows real folders)
    task = window.session_actions.backup_to_file(str(target))
    assert task is not None
    _wait(qtbot, task)
    assert len(messages) == 1
    assert f"Không có thư mục {target.parent}. Kiểm tra lại đường dẫn (phần mềm không tự tạo thư mục)." in messages[0]
    assert "\n" not in messages[0].split(": ", 1)[1]
    assert not target.parent.exists()


def test_the_file_menu_offers_backup_restore_and_hides_account_actions_while_accounts_are_off(window):
    texts = [a.text() for a in window.menuBar().actions()[0].menu().actions() if a.isVisible()]
    assert "&Sao lưu…" in texts and "&Khôi phục từ bản sao lưu…" in texts
    assert not window.session_actions.act_sign_out.isVisible()
    assert not window.session_actions.act_change_password.isVisible()


def test_daily_backup_at_start_is_silent_and_made_once_a_day(qtbot, window, tmp_path, messages):
    folder = tmp_path / "backups"
    task = start_daily_backup(window, folder)
    _wait(qtbot, task)
    made = sorted(folder.glob("*.sqlite3"))
    assert [p.name for p in made] == [f"hr-{clock.today().isoformat()}.sqlite3"]
    assert messages == []
    task = start_daily_backup(window, folder)
    _wait(qtbot, task)
    assert sorted(folder.glob("*.sqlite3")) == made


def test_a_failed_daily_backup_is_shown(qtbot, window, tmp_path, messages):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the backup folder should be")
    task = start_daily_backup(window, blocker)
    _wait(qtbot, task)
    assert len(messages) == 1 and messages[0].startswith("Sao lưu tự động không thành công")
    assert "Sao lưu tự động hằng ngày không thành công" in window.statusBar().currentMessage()


def test_restore_shows_what_the_backup_holds_and_asks_first(qtbot, window, tmp_path, messages):
    ctx = window.ctx
    backup_file = tmp_path / "truoc.sqlite3"
    with qtbot.waitSignal(window.session_actions.backed_up, timeout=20_000):
        window.session_actions.backup_to_file(str(backup_file))
    info = inspect_backup(backup_file)
    text = window.session_actions.confirmation_text(info)
    assert "Gồm 10 hồ sơ cán bộ, 8 đơn vị và 0 tài liệu đính kèm." in text
    assert "Toàn bộ dữ liệu hiện có sẽ được thay bằng bản sao lưu" in text
    _add_person(ctx, "Người Thêm Sau")
    _answer(QMessageBox.StandardButton.Cancel, window.session_actions)
    task = window.session_actions.restore_from_file(str(backup_file))
    _wait(qtbot, task)
    qtbot.waitUntil(lambda: not window.session_actions.confirm_box.isVisible(), timeout=5000)
    assert _people(ctx) == 11  # cancelled: nothing replaced


def test_restore_replaces_the_data_keeps_a_copy_and_reloads_the_window(qtbot, window, tmp_path, messages):
    ctx = window.ctx
    backup_file = tmp_path / "truoc.sqlite3"
    with qtbot.waitSignal(window.session_actions.backed_up, timeout=20_000):
        window.session_actions.backup_to_file(str(backup_file))
    _add_person(ctx, "Người Thêm Sau")
    window.refresh_all()
    staff = window.page("staff")
    wait_loaded(qtbot, staff)
    assert staff.model.rowCount() == 10  # nine working people and the one added (no unit, still listed)
    _answer(QMessageBox.StandardButton.Yes, window.session_actions)
    with qtbot.waitSignal(window.session_actions.restored, timeout=30_000) as done:
        window.session_actions.restore_from_file(str(backup_file))
    result = done.args[0]
    assert _people(ctx) == 10
    assert result.safety_copy is not None and result.safety_copy.exists()
    assert inspect_backup(result.safety_copy).persons == 11
    assert messages and messages[-1].startswith("Khôi phục: Đã khôi phục cơ sở dữ liệu từ")
    wait_loaded(qtbot, staff)
    assert staff.model.rowCount() == 9


def test_restoring_a_database_with_accounts_asks_for_a_sign_in(qtbot, window, tmp_path, messages):
    ctx = window.ctx
    other = tmp_path / "co-tai-khoan.sqlite3"
    accounts.enable_accounts(ctx, "admin", "Quantri#2026")
    with qtbot.waitSignal(window.session_actions.backed_up, timeout=20_000):
        window.session_actions.backup_to_file(str(other))
    ctx.accounts_on = True

    def sign_in() -> None:
        dialog = next((w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog) and w.isVisible()),
                      None)
        if dialog is None:
            QTimer.singleShot(20, sign_in)
            return
        assert dialog.error_label.text() == "Cơ sở dữ liệu vừa khôi phục có tài khoản người dùng: hãy đăng nhập lại."
        dialog.username_edit.setText("admin")
        dialog.password_edit.setText("Quantri#2026")
        dialog.sign_in_button.click()

    _answer(QMessageBox.StandardButton.Yes, window.session_actions)
    QTimer.singleShot(0, sign_in)
    with qtbot.waitSignal(window.session_actions.restored, timeout=30_000):
        window.session_actions.restore_from_file(str(other))
    assert ctx.accounts_on and ctx.role == "quan_tri" and ctx.user == "admin"
    assert window.isVisible()
    assert window.user_label.text() == "Người dùng: admin (Quản trị hệ thống)"


def test_backups_tab_lists_the_daily_copies(qtbot, window, tmp_path, monkeypatch):
    folder = tmp_path / "backups"
    monkeypatch.setattr("ui.pages.admin_page.default_backup_folder", lambda: folder)
    _wait(qtbot, start_daily_backup(window, folder))
    page = window.show_area("admin")
    page.tabs.setCurrentWidget(page.backups)
    tab = page.backups
    assert tab.model.rowCount() == 1
    assert tab.model.cell(0, 0).text == f"{clock.today():%d/%m/%Y}"
    assert Path(tab.model.cell(0, 1).text).parent == folder
    assert "giữ 30 bản mới nhất" in tab.info.text()
    assert not tab.restore_selected_button.isEnabled()
    tab.table.selectRow(0)
    assert tab.restore_selected_button.isEnabled()
