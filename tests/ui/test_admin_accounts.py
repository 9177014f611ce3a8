"""Account administration on the administration page: turning accounts on, adding an account limited to a
unit, editing its role, resetting a password (which lifts a lock) and deactivating; refusals next to the field."""

from __future__ import annotations

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hrapp.db.models.base import utcnow
from hrapp.errors import AuthenticationError
from hrapp.services import accounts
from ui.dialogs.account_dialogs import EnableAccountsDialog, ResetPasswordDialog, UserDialog
from ui.pages.admin_page import AdminPage


@pytest.fixture
def admin(window) -> AdminPage:
    page = window.show_area("admin")
    assert isinstance(page, AdminPage)
    return page


def _turn_on(admin: AdminPage) -> None:
    tab = admin.accounts
    tab.enable_accounts()
    dialog = tab.dialog
    assert isinstance(dialog, EnableAccountsDialog)
    dialog.username_edit.setText("admin")
    dialog.full_name_edit.setText("Nguyễn Văn Quản")
    dialog.password_edit.setText("Quantri#2026")
    dialog.repeat_edit.setText("Quantri#2026")
    dialog.submit()


def _rows(admin: AdminPage) -> dict[str, list[str]]:
    m = admin.accounts.table.model()
    return {m.index(r, 0).data(): [m.index(r, c).data() for c in range(m.columnCount())] for r in range(m.rowCount())}


def test_accounts_off_explains_and_offers_to_turn_them_on(admin):
    assert admin.accounts.off_box.isVisible()
    assert admin.accounts.off_box.title() == "Tài khoản người dùng đang tắt"
    assert not admin.accounts.add_button.isEnabled()
    assert [admin.tabs.tabText(i) for i in range(admin.tabs.count())] == ["Tài khoản", "Nhật ký", "Sao lưu", "Cơ quan"]


def test_turning_accounts_on_signs_in_the_first_administrator(admin, window):
    tab = admin.accounts
    tab.enable_accounts()
    dialog = tab.dialog
    dialog.username_edit.setText("admin")
    dialog.password_edit.setText("Quantri#2026")
    dialog.repeat_edit.setText("Quantri#2027")
    dialog.submit()
    assert dialog.errors.text("repeat") == "Hai lần nhập mật khẩu không giống nhau."
    dialog.repeat_edit.setText("Quantri#2026")
    dialog.submit()
    assert window.ctx.accounts_on and window.ctx.user == "admin" and window.ctx.role == "quan_tri"
    assert window.user_label.text() == "Người dùng: admin (Quản trị hệ thống)"
    assert window.session_actions.act_sign_out.isVisible()
    assert not tab.off_box.isVisible()
    assert _rows(admin)["admin"][2:] == ["Quản trị hệ thống", "Toàn cơ quan", "Hoạt động"]


def test_an_account_limited_to_one_unit_is_added_edited_reset_and_deactivated(admin, window, monkeypatch):
    _turn_on(admin)
    tab = admin.accounts
    tab.add_user()
    dialog = tab.dialog
    assert isinstance(dialog, UserDialog)
    dialog.username_edit.setText("lan")
    dialog.full_name_edit.setText("Trần Thị Lan")
    dialog.role_combo.set_role("to_chuc_can_bo")
    dialog.password_edit.setText("ngan")
    dialog.repeat_edit.setText("ngan")
    dialog.submit()
    assert dialog.errors.text("password") == "Mật khẩu phải có ít nhất 8 ký tự."
    dialog.password_edit.setText("Tamthoi123")
    dialog.repeat_edit.setText("Tamthoi123")
    dialog.all_units_check.setChecked(False)
    units = dialog.units_list
    row = next(i for i in range(units.count()) if units.item(i).text().strip() == "Văn phòng Sở")
    units.item(row).setCheckState(Qt.CheckState.Checked)
    dialog.submit()
    assert _rows(admin)["lan"][1:] == ["Trần Thị Lan", "Cán bộ tổ chức (sửa mọi dữ liệu)", "Văn phòng Sở",
                                        "Hoạt động, phải đổi mật khẩu"]

    tab.select("lan")
    tab.edit_user()
    dialog = tab.dialog
    assert not dialog.all_units_check.isChecked()
    dialog.role_combo.set_role("lanh_dao")
    dialog.submit()
    assert _rows(admin)["lan"][2] == "Lãnh đạo (xem, phê duyệt danh sách)"

    for _ in range(5):  # locked by five wrong passwords
        with pytest.raises(AuthenticationError):
            accounts.authenticate(window.ctx, "lan", "sai-mat-khau-1")
    tab.refresh()
    assert _rows(admin)["lan"][4].startswith("Tạm khóa đến ")
    until = next(u for u in tab.users if u.username == "lan").locked_until
    assert until is not None and until - utcnow() <= timedelta(minutes=15)
    tab.select("lan")
    tab.reset_password()
    dialog = tab.dialog
    assert isinstance(dialog, ResetPasswordDialog)
    dialog.password_edit.setText("Moi#2026ab")
    dialog.repeat_edit.setText("Moi#2026ab")
    dialog.submit()
    assert _rows(admin)["lan"][4] == "Hoạt động, phải đổi mật khẩu"
    assert accounts.authenticate(window.ctx, "lan", "Moi#2026ab").username == "lan"

    monkeypatch.setattr(QMessageBox, "question", lambda *_a, **_k: QMessageBox.StandardButton.Yes)
    tab.select("lan")
    tab.deactivate()
    assert _rows(admin)["lan"][4] == "Đã vô hiệu hóa"
    with pytest.raises(AuthenticationError) as refused:
        accounts.authenticate(window.ctx, "lan", "Moi#2026ab")
    assert refused.value.code == "inactive"
