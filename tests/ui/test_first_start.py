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
from ui.app import offer_first_start
from ui.main_window import MainWindow


@pytest.fixture
def fake_demo(monkeypatch):
    """A stand-in for hrapp.services.demo that writes one unit, one person and the agency name."""
    calls: list[int] = []

    def load_demo(ctx):  # noqa: ANN001, ANN202
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

    module = types.ModuleType("hrapp.services.demo")
    module.load_demo = load_demo
    monkeypatch.setitem(__import__("sys").modules, "hrapp.services.demo", module)
    return calls


@pytest.fixture
def empty_window(qtbot, ctx):  # noqa: ANN001
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
