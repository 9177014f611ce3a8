"""First start on an empty database: offer the demo department or an empty start; the demo loads in the background."""

from __future__ import annotations

import threading
import types
from datetime import date

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import update

from hrapp.db.models import AppSetting, Employment, OrgUnit, Person
from hrapp.services.snapshot import refresh_snapshot, set_name
from tests.ui.conftest import wait_loaded
from tests.ui.typing import choose, retype
from ui.first_start import offer_first_start
from ui.main_window import MainWindow


@pytest.fixture
def fake_demo(monkeypatch):
    """A stand-in for hrapp.demo.department that writes one unit, one person and the agency name."""
    calls: list[int] = []

    def load_demo(ctx):
        calls.append(threading.get_ident())
        with ctx.unit_of_work() as s:
            unit = OrgUnit(code="DEMO", name="Sở Mẫu", kind="so")
            s.add(unit)
            person = Person(gender="F", birth_date=date(1990, 1, 2))
            set_name(person, "Nguyễn Thị Mẫu")
            s.add(person)
            s.flush()
            s.add(Employment(person_id=person.id, category="cong_chuc", unit_id=unit.id, start_date=date(2015, 1, 1)))
            refresh_snapshot(s, person)
            s.execute(update(AppSetting).where(AppSetting.key == "agency_name").values(value="SỞ MẪU"))
        return {"persons": 1}

    module = types.ModuleType("hrapp.demo.department")
    module.load_demo = load_demo
    monkeypatch.setitem(__import__("sys").modules, "hrapp.demo.department", module)
    return calls


@pytest.fixture
def empty_window(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    return w


def test_empty_database_offers_the_choice(empty_window):
    offer_first_start(empty_window)
    dialog = empty_window.first_start_dialog
    assert dialog.isVisible()
    assert dialog.windowTitle() == "Bắt đầu"
    assert dialog.demo_button.text().startswith("Nạp dữ liệu mẫu")
    assert dialog.empty_button.text().startswith("Bắt đầu với cơ sở dữ liệu trống")


def test_start_empty_loads_nothing(empty_window, qtbot, fake_demo):
    offer_first_start(empty_window)
    qtbot.mouseClick(empty_window.first_start_dialog.empty_button, Qt.MouseButton.LeftButton)
    assert not empty_window.first_start_dialog.isVisible()
    assert fake_demo == []
    assert not hasattr(empty_window, "demo_task")
    assert empty_window.page("staff").model.rowCount() == 0


def test_load_demo_runs_on_a_worker_thread_then_the_window_reloads(empty_window, qtbot, fake_demo):
    offer_first_start(empty_window)
    empty_window.show_area("org")
    with qtbot.waitSignal(empty_window.first_start_dialog.accepted):
        qtbot.mouseClick(empty_window.first_start_dialog.demo_button, Qt.MouseButton.LeftButton)
    task = empty_window.demo_task
    with qtbot.waitSignal(task.finished, timeout=10_000):
        pass
    assert fake_demo and fake_demo[0] != threading.get_ident()
    assert empty_window.current_area() == "staff"
    assert empty_window.agency_label.text() == "SỞ MẪU"
    staff = empty_window.page("staff")
    wait_loaded(qtbot, staff)
    assert staff.count_label.text() == "1 người"
    assert staff.model.data(staff.model.index(0, 1)) == "Nguyễn Thị Mẫu"
    assert staff.unit_combo.findData("DEMO") > 0


def test_database_with_data_is_not_offered_the_demo(window):
    offer_first_start(window)
    assert window.first_start_dialog is None


# --- the officer's own agency --------------------------------------------------------------------------------


def _type(qtbot, field, text: str) -> None:
    retype(qtbot, field, text)


def _choose_province(qtbot, combo, name: str) -> None:
    """Pick a province as the officer does: open the list and click it."""
    choose(qtbot, combo, name)


def test_setting_up_the_agency_by_clicks_shows_it_in_the_header(empty_window, qtbot, fake_demo):
    from hrapp.services.agency import get_agency

    assert empty_window.agency_label.text() == "Chưa nhập thông tin cơ quan (Quản trị → Cơ quan)"
    offer_first_start(empty_window)
    dialog = empty_window.first_start_dialog
    assert dialog.agency_button.text().startswith("Nhập thông tin cơ quan của tôi")
    qtbot.mouseClick(dialog.agency_button, Qt.MouseButton.LeftButton)
    form = dialog.agency_form
    assert dialog.agency_page.isVisible() and form.isVisible() and not dialog.choices_page.isVisible()
    # saving the empty form: each required field says what is missing, nothing is stored
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert form.errors.text("name") == "Chưa nhập tên cơ quan."
    assert form.errors.text("province") == "Chưa nhập tỉnh, thành phố."
    assert not get_agency(empty_window.ctx).configured
    _choose_province(qtbot, form.province_combo, "Gia Lai")
    assert form.province_combo.currentData() == "gia_lai"
    assert form.parent_edit.text() == "UBND TỈNH GIA LAI" and form.place_edit.text() == "Gia Lai"  # suggested
    assert form.errors.text("province") == ""
    _type(qtbot, form.name_edit, "Sở Nội vụ")
    _type(qtbot, form.short_edit, "SNV")
    _type(qtbot, form.head_title_edit, "GIÁM ĐỐC")
    _type(qtbot, form.head_name_edit, "Nguyễn Văn An")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible() and fake_demo == []
    agency = get_agency(empty_window.ctx)
    assert (agency.name, agency.parent_agency, agency.province, agency.place, agency.short) == (
        "Sở Nội vụ", "UBND TỈNH GIA LAI", "gia_lai", "Gia Lai", "SNV")
    assert empty_window.agency_label.text() == "SỞ NỘI VỤ"
    assert empty_window.parent_agency_label.text() == "UBND TỈNH GIA LAI"
    assert empty_window.current_area() == "staff"


def test_a_typed_governing_body_is_kept_when_the_province_changes(empty_window, qtbot):
    offer_first_start(empty_window)
    dialog = empty_window.first_start_dialog
    qtbot.mouseClick(dialog.agency_button, Qt.MouseButton.LeftButton)
    form = dialog.agency_form
    _choose_province(qtbot, form.province_combo, "Đà Nẵng")
    assert form.parent_edit.text() == "UBND THÀNH PHỐ ĐÀ NẴNG"
    _type(qtbot, form.parent_edit, "BỘ KHOA HỌC VÀ CÔNG NGHỆ")
    _choose_province(qtbot, form.province_combo, "Huế")
    assert form.parent_edit.text() == "BỘ KHOA HỌC VÀ CÔNG NGHỆ" and form.place_edit.text() == "Huế"
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.demo_button.isVisible() and not dialog.agency_page.isVisible()


def test_the_agency_is_edited_later_in_administration(window, qtbot, staff_ctx):
    from hrapp.services.agency import get_agency

    page = window.show_area("admin")
    page.tabs.setCurrentWidget(page.agency)
    tab = page.agency
    assert page.tabs.tabText(page.tabs.indexOf(tab)) == "Cơ quan"
    labels = {lbl.text() for lbl in tab.findChildren(type(page.notice))}
    assert {"Tên cơ quan *", "Cơ quan chủ quản *", "Tỉnh, thành phố *", "Địa danh ghi ngày tháng *",
            "Chức vụ thủ trưởng (người ký) *", "Cấp phó ký thay (KT.): chức vụ"} <= labels
    form = tab.form
    _choose_province(qtbot, form.province_combo, "Cà Mau")
    _type(qtbot, form.name_edit, "Sở Tài chính")
    _type(qtbot, form.head_title_edit, "GIÁM ĐỐC")
    _type(qtbot, form.deputy_name_edit, "Trần Văn C")
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert form.errors.text("deputy_title") == "Có người ký thay (KT.) thì phải nhập chức vụ của người ký thay."
    assert not get_agency(staff_ctx).configured
    _type(qtbot, form.deputy_title_edit, "PHÓ GIÁM ĐỐC")
    with qtbot.waitSignal(page.status_message) as status:
        qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)
    assert status.args == ["Đã lưu thông tin cơ quan: Sở Tài chính."]
    saved = get_agency(staff_ctx)
    assert (saved.province, saved.parent_agency, saved.deputy_title) == ("ca_mau", "UBND TỈNH CÀ MAU", "PHÓ GIÁM ĐỐC")
    assert window.agency_label.text() == "SỞ TÀI CHÍNH"
    # "Undo changes" brings back what is stored
    _type(qtbot, form.name_edit, "Sở Xây dựng")
    qtbot.mouseClick(tab.revert_button, Qt.MouseButton.LeftButton)
    assert form.name_edit.text() == "Sở Tài chính"
