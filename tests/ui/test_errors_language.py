"""The interface words the application's errors in its own language: English errors in the English interface,
Vietnamese ones in the Vietnamese interface (hrapp/messages, chosen by ui/app.install_translation)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from hrapp import messages
from hrapp.context import ServiceContext
from hrapp.domain import validation as v
from hrapp.errors import DatabaseError, ValidationError
from hrapp.services import accounts
from ui.app import install_translation
from ui.dialogs.login_dialog import LoginDialog
from ui.messages import error_text, show_error

VIETNAMESE_LETTERS = set("ăâđêôơưàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ")


@pytest.fixture
def accounts_ctx(ctx):
    accounts.enable_accounts(ctx, "admin", "Quantri#2026", "Nguyễn Văn Quản")
    fresh = ServiceContext.open(ctx.engine.url.render_as_string(hide_password=False))
    yield fresh
    fresh.engine.dispose()


def sign_in_refused(qtbot, ctx) -> str:
    dialog = LoginDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, "wrong-password-1")
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    return dialog.error_label.text()


def test_a_refused_sign_in_is_worded_in_the_interfaces_language(qtbot, qapp, accounts_ctx):
    assert sign_in_refused(qtbot, accounts_ctx) == "Tên đăng nhập hoặc mật khẩu không đúng."
    install_translation(qapp, "en")
    assert messages.language() == "en"
    assert sign_in_refused(qtbot, accounts_ctx) == "Wrong user name or password."
    install_translation(qapp, "vi")
    assert messages.language() == "vi"


def test_an_error_box_shows_the_error_in_english_in_the_english_interface(qapp, monkeypatch):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    show_error(None, DatabaseError("locked"))
    install_translation(qapp, "en")
    show_error(None, DatabaseError("locked"))
    assert shown == ["Cơ sở dữ liệu đang bận (người khác đang ghi). Vui lòng thử lại sau giây lát.",
                     "The database is busy (someone else is writing). Please try again in a moment."]


def test_field_errors_made_in_vietnamese_read_in_english_in_the_english_interface(qapp):
    exc = ValidationError(v.collect(("birth_date", v.birth_date_error(None, date(2026, 12, 7))),
                                    ("phone", v.phone_error("12"))))
    install_translation(qapp, "en")
    text = error_text(exc)
    assert text == "The date of birth is missing.; The phone number '12' is not valid."
    assert not VIETNAMESE_LETTERS & set(text.lower())
