"""Sign-in when accounts are on: refusals in Vietnamese (with the end of a lock), the forced password change,
the signed-in user and role in the status bar, sign-out and sign-in again."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog

from hrapp.context import ServiceContext
from hrapp.services import accounts
from hrapp.services.accounts import NewUser
from ui.dialogs.change_password_dialog import ChangePasswordDialog
from ui.dialogs.login_dialog import LoginDialog, local_time
from ui.main_window import MainWindow

ADMIN_PW = "Quantri#2026"


@pytest.fixture
def accounts_db(staff_ctx) -> str:
    """A database with accounts on (administrator 'admin', officer 'lan' who must change her password)."""
    accounts.enable_accounts(staff_ctx, "admin", ADMIN_PW, "Nguyễn Văn Quản")
    accounts.create_user(staff_ctx, NewUser("lan", "Tamthoi123", "to_chuc_can_bo", "Trần Thị Lan"))
    return staff_ctx.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def fresh(accounts_db):
    """The database opened again, as at start-up: accounts on, nobody signed in."""
    ctx = ServiceContext.open(accounts_db)
    yield ctx
    ctx.engine.dispose()


def _dialog(qtbot, ctx) -> LoginDialog:
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _try(dialog: LoginDialog, name: str, password: str) -> None:
    dialog.username_edit.setText(name)
    dialog.password_edit.setText(password)
    dialog.sign_in_button.click()


def test_the_dialog_speaks_vietnamese_and_asks_for_both_fields(qtbot, fresh):
    dialog = _dialog(qtbot, fresh)
    assert dialog.windowTitle() == "Đăng nhập"
    assert dialog.sign_in_button.text() == "Đăng nhập"
    dialog.sign_in_button.click()
    assert dialog.error_label.text() == "Hãy nhập tên đăng nhập."
    dialog.username_edit.setText("admin")
    dialog.sign_in_button.click()
    assert dialog.error_label.text() == "Hãy nhập mật khẩu."
    assert dialog.result() != QDialog.DialogCode.Accepted and fresh.role == ""


def test_wrong_password_is_refused_with_a_clear_message(qtbot, fresh):
    dialog = _dialog(qtbot, fresh)
    _try(dialog, "admin", "sai-mat-khau-1")
    assert dialog.error_label.isVisible()
    assert dialog.error_label.text() == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert dialog.password_edit.text() == ""  # typed again, never kept
    assert dialog.user is None and fresh.role == ""


def test_the_fifth_failure_locks_the_account_and_says_until_when(qtbot, fresh):
    dialog = _dialog(qtbot, fresh)
    for _ in range(4):
        _try(dialog, "admin", "sai-mat-khau-1")
        assert "khóa" not in dialog.error_label.text()
    _try(dialog, "admin", "sai-mat-khau-1")
    until = local_time(next(u for u in accounts.list_users(_admin(fresh)) if u.username == "admin").locked_until)
    text = dialog.error_label.text()
    assert "Tài khoản tạm khóa do đăng nhập sai 5 lần liên tiếp" in text
    assert f"Tài khoản bị khóa đến {until:%H:%M} {until:%d/%m/%Y}." in text
    fresh.sign_out()
    _try(dialog, "admin", ADMIN_PW)  # even the right password waits for the lock
    assert "Tài khoản bị khóa đến" in dialog.error_label.text() and dialog.user is None


def _admin(ctx: ServiceContext) -> ServiceContext:
    """Another context on the same database acting as the administrator (to look at the accounts)."""
    other = ServiceContext(engine=ctx.engine, session_factory=ctx.session_factory, accounts_on=True)
    other.sign_in("admin", "quan_tri")
    return other


def test_success_opens_the_main_window_with_the_user_and_role_shown(qtbot, fresh):
    dialog = _dialog(qtbot, fresh)
    _try(dialog, " Admin ", ADMIN_PW)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.user is not None and dialog.user.username == "admin"
    window = MainWindow(fresh)
    qtbot.addWidget(window)
    window.show()
    assert window.user_label.text() == "Người dùng: admin (Quản trị hệ thống)"
    assert window.session_actions.act_sign_out.isVisible()
    assert window.session_actions.act_change_password.isVisible()


def _when_open(qtbot, find, act) -> None:
    """Act on a modal dialog as soon as it is shown (its exec() runs a local event loop)."""
    def poll() -> None:
        dialog = find()
        if dialog is not None and dialog.isVisible():
            act(dialog)
        else:
            QTimer.singleShot(20, poll)
    QTimer.singleShot(0, poll)


def test_first_sign_in_must_change_the_temporary_password(qtbot, fresh):
    dialog = _dialog(qtbot, fresh)

    def change(d: ChangePasswordDialog) -> None:
        d.new_edit.setText("Lan@2026moi")
        d.repeat_edit.setText("Lan@2026moi")
        d.buttons.accepted.emit()

    _when_open(qtbot, lambda: dialog.change_dialog, change)
    _try(dialog, "lan", "Tamthoi123")
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert fresh.user == "lan" and fresh.role == "to_chuc_can_bo"
    assert not dialog.user.must_change_password
    assert accounts.authenticate(fresh, "lan", "Lan@2026moi").username == "lan"


def test_refusing_the_password_change_leaves_the_user_signed_out(qtbot, fresh):
    dialog = _dialog(qtbot, fresh)
    _when_open(qtbot, lambda: dialog.change_dialog, lambda d: d.reject())
    _try(dialog, "lan", "Tamthoi123")
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert fresh.role == ""
    assert dialog.error_label.text() == "Bạn phải đặt mật khẩu mới mới có thể tiếp tục."


def test_new_passwords_that_differ_are_refused_next_to_the_field(qtbot, fresh):
    fresh.sign_in("admin", "quan_tri")
    dialog = ChangePasswordDialog(fresh, "admin")
    qtbot.addWidget(dialog)
    dialog.old_edit.setText(ADMIN_PW)
    dialog.new_edit.setText("Moi#2026a")
    dialog.repeat_edit.setText("Moi#2026b")
    dialog.submit()
    assert dialog.errors.text("repeat") == "Hai lần nhập mật khẩu mới không giống nhau."
    dialog.repeat_edit.setText("Moi#2026a")
    dialog.old_edit.setText("khong-dung-1")
    dialog.submit()
    assert dialog.errors.text("password") == "Tên đăng nhập hoặc mật khẩu không đúng."
    assert dialog.result() != QDialog.DialogCode.Accepted


def test_sign_out_asks_for_a_sign_in_and_shows_the_new_user(qtbot, fresh):
    accounts.sign_in(fresh, "admin", ADMIN_PW)
    accounts.create_user(fresh, NewUser("khach", "Matkhau123", "xem", "Lê Văn Khách"))
    window = MainWindow(fresh)
    qtbot.addWidget(window)
    window.show()

    def sign_in_as_guest(d: LoginDialog) -> None:
        d.username_edit.setText("khach")
        d.password_edit.setText("Matkhau123")
        _when_open(qtbot, lambda: d.change_dialog, lambda c: (c.new_edit.setText("Khach#2026"),
                                                               c.repeat_edit.setText("Khach#2026"),
                                                               c.buttons.accepted.emit()))
        d.sign_in_button.click()

    _when_open(qtbot, lambda: next((w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)), None),
               sign_in_as_guest)
    window.session_actions.sign_out()
    assert window.isVisible()
    assert window.user_label.text() == "Người dùng: khach (Chỉ xem (che thông tin cá nhân))"
    assert fresh.role == "xem"


def test_giving_up_at_sign_out_closes_the_window(qtbot, fresh):
    accounts.sign_in(fresh, "admin", ADMIN_PW)
    window = MainWindow(fresh)
    qtbot.addWidget(window)
    window.show()
    _when_open(qtbot, lambda: next((w for w in QApplication.topLevelWidgets() if isinstance(w, LoginDialog)), None),
               lambda d: d.reject())
    window.session_actions.sign_out()
    assert not window.isVisible() and fresh.role == ""
