"""The main window: every area reachable, header and status bar, shortcuts, remembered layout."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.services.org_builders import own_agency
from tests.ui.conftest import wait_loaded
from ui.main_window import MainWindow
from ui.pages import registry
from ui.pages.staff_page import StaffPage

VIETNAMESE_AREAS = ["Việc cần làm", "Tổ chức bộ máy", "Vị trí việc làm", "Biên chế", "Hồ sơ CCVC", "Tuyển dụng",
                    "Quy hoạch", "Đào tạo", "Báo cáo", "Quản trị"]


def test_navigation_lists_every_area_in_vietnamese(window):
    labels = [window.sidebar.item(i).text() for i in range(window.sidebar.count())]
    assert labels == [registry.title(a) for a in registry.AREAS]
    assert [label for label in labels if label in VIETNAMESE_AREAS] == VIETNAMESE_AREAS  # in this order


def test_every_area_opens_a_page(window, qtbot):
    for area in registry.AREAS:
        page = window.show_area(area.key)
        assert window.current_page() is page
        assert window.current_area() == area.key
        assert type(page).__name__ == area.page.name  # the area's own page, no stand-in


def test_clicking_the_navigation_switches_the_page(window, qtbot):
    row = [a.key for a in registry.AREAS].index("recruitment")
    item = window.sidebar.item(row)
    qtbot.mouseClick(window.sidebar.viewport(), Qt.MouseButton.LeftButton,
                     pos=window.sidebar.visualItemRect(item).center())
    assert window.current_area() == "recruitment"
    assert window.current_page() is window.page("recruitment")


def test_area_pages_are_built_once(window):
    first = window.show_area("staff")
    window.show_area("org")
    assert window.show_area("staff") is first


def test_header_shows_the_agency_and_status_bar_the_database_and_user(window, staff_ctx, db_path):
    assert window.agency_label.text() == "Chưa nhập thông tin cơ quan (Quản trị → Cơ quan)"
    assert window.parent_agency_label.text() == ""  # a new database names no agency
    own_agency(staff_ctx, name="Sở Khoa học và Công nghệ")
    window.refresh_header()
    assert window.agency_label.text() == "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
    assert window.parent_agency_label.text() == "UBND TỈNH BÌNH ĐỊNH"
    assert window.db_label.toolTip() == str(db_path) and window.db_label.text().startswith("Cơ sở dữ liệu: ")
    assert window.user_label.text() == "Người dùng: tester"


def test_menus_are_in_vietnamese(window):
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Tệp", "T&hao tác", "&Xem", "Trợ &giúp"]
    assert window.act_open.text() == "&Mở cơ sở dữ liệu…"
    assert window.act_quit.text() == "T&hoát"
    assert window.act_about.text() == "&Giới thiệu"


def test_ctrl_number_switches_area_and_ctrl_f_goes_to_search(window, qtbot):
    window.activateWindow()
    qtbot.waitUntil(lambda: window.isActiveWindow())
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "org"
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert window.current_area() == "staff"
    page = window.current_page()
    page.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert page.search_edit.hasFocus()


def test_actions_follow_what_the_page_offers(window):
    window.show_area("staff")
    assert window.act_search.isEnabled()
    assert window.act_new.isEnabled()  # Ctrl+N adds a record (the profile editor)
    assert not window.act_save.isEnabled()
    assert window.act_print.isEnabled()  # the selected unit's staff list
    window.show_area("reports")  # Ctrl+P previews the chosen report; nothing to search, add or save
    assert window.act_print.isEnabled()
    assert not (window.act_search.isEnabled() or window.act_new.isEnabled() or window.act_save.isEnabled())
    assert window.act_search.shortcut().toString() == "Ctrl+F"
    assert window.act_new.shortcut().toString() == "Ctrl+N"
    assert window.act_print.shortcut().toString() == "Ctrl+P"
    assert window.act_save.shortcut().toString() == "Ctrl+S"


def test_window_geometry_splitter_and_area_are_remembered(window, qtbot, staff_ctx):
    window.resize(1000, 650)  # the test screen is 800 pixels wide; the window's minimum width is 1000
    window.splitter.setSizes([260, 840])
    window.show_area("training")
    window.close()  # saves on close
    again = MainWindow(staff_ctx)
    qtbot.addWidget(again)
    again.show()
    assert again.size().height() == 650  # a new window without saved state would be 760 high here
    assert again.splitter.sizes()[0] == 260
    assert again.current_area() == "training"


def test_first_window_without_saved_state_opens_the_staff_list(window):
    assert window.current_area() == "staff"
    assert isinstance(window.current_page(), StaffPage)


def test_about_box_names_the_application(window, monkeypatch):
    shown = {}

    def fake_exec(box):
        shown["text"] = box.text()
        shown["info"] = box.informativeText()
        return 0

    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.exec", fake_exec)
    window.act_about.trigger()
    assert "Quản lý cán bộ, công chức, viên chức" in shown["text"]
    assert "không cần Internet" in shown["info"]


def test_opening_a_broken_database_keeps_the_current_one(window, tmp_path, monkeypatch):
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    messages: list[str] = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.exec", lambda box: messages.append(box.text()) or 0)
    before = window.ctx
    assert window.open_database(str(broken)) is False
    assert window.ctx is before
    assert messages and "Traceback" not in messages[0]
    assert window.page("staff").model.rowCount() == 9


def test_opening_another_database_reloads_header_and_pages(window, tmp_path, monkeypatch, qtbot):
    other = tmp_path / "other.sqlite3"
    window.open_database(str(other), create=True)  # File → New database: the first-start choice is offered
    dialog = window.first_start_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.mouseClick(dialog.empty_button, Qt.MouseButton.LeftButton)
    assert window.db_label.toolTip() == str(other) and window.db_label.text().startswith("Cơ sở dữ liệu: ")
    wait_loaded(qtbot, window.page("staff"))
    assert window.page("staff").model.rowCount() == 0
    assert window.page("staff").count_label.text() == "0 người"
