"""The to-do page (Việc cần làm): the first page after start, alerts grouped by kind, rows that open the record
or the list where the action is taken."""

from __future__ import annotations

import argparse
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hrapp import clock
from tests.services import career_builders as b
from ui import app as ui_app
from ui import preferences
from ui.main_window import MainWindow
from ui.pages.todo_page import AlertRole, TodoPage

AS_OF = date(2022, 6, 30)


@pytest.fixture
def people(ctx):
    units = b.department(ctx)
    ids = {
        "step": b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 20)),  # due 20/07/2022
        "late": b.person(ctx, "Phạm Ngọc Lan", units["QLKH"], gender="F", since=date(2019, 1, 1)),  # overdue
        "retire": b.person(ctx, "Trần Văn Đức", units["VP"], birth=date(1962, 1, 15), since=None, rank=None),
        "cert": b.person(ctx, "Hồ Thị Quỳnh", units["TT"], gender="F", since=None, rank=None),
    }
    b.certificate(ctx, ids["cert"], date(2022, 7, 3))
    return ids


def wait_loaded(qtbot, page: TodoPage) -> None:
    qtbot.waitUntil(lambda: page.task is not None and not page.task.is_running() and not page._pending,
                    timeout=15000)


def _page(qtbot, ctx) -> TodoPage:
    page = TodoPage(ctx)
    qtbot.addWidget(page)
    page.as_of_edit.blockSignals(True)
    page.as_of_edit.setDate(page.as_of_edit.date().fromString("30/06/2022", "dd/MM/yyyy"))
    page.as_of_edit.blockSignals(False)
    page.activated()
    wait_loaded(qtbot, page)
    return page


def _groups(page: TodoPage) -> list[str]:
    return [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]


def _row(page: TodoPage, person_id: int, kind: str):
    for i in range(page.tree.topLevelItemCount()):
        top = page.tree.topLevelItem(i)
        for k in range(top.childCount()):
            alert = top.child(k).data(0, AlertRole)
            if alert.employee_id == person_id and alert.kind == kind:
                return top.child(k)
    raise AssertionError(f"no {kind} row for {person_id}")


def test_the_todo_page_is_the_first_page_shown_after_start(qtbot, ctx, people, monkeypatch, db_path):
    settings = preferences.app_settings()
    settings.setValue("main_window/area", "staff")  # the area used last time does not matter at start
    settings.sync()
    ctx.engine.dispose()
    monkeypatch.setattr(QApplication, "exec", lambda *a: 0)
    args = argparse.Namespace(db=str(db_path), lang="vi", user=None, command=None)
    try:
        assert ui_app.run_gui(args) == 0
        (window,) = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        assert window.current_area() == "tasks"
        page = window.current_page()
        assert isinstance(page, TodoPage)
        assert window.sidebar.currentItem().text() == "Việc cần làm"
        wait_loaded(qtbot, page)  # it computes at once, for today
        assert page.as_of() == clock.today()
    finally:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, MainWindow):
                w.close()
                w.deleteLater()


def test_rows_are_grouped_by_kind_with_their_counts_and_overdue_ones_marked(qtbot, ctx, people):
    page = _page(qtbot, ctx)
    assert _groups(page) == ["Đến hạn nâng bậc lương (2) · 1 quá hạn", "Thông báo nghỉ hưu (1) · 1 quá hạn",
                             "Chứng chỉ hết hạn (1)"]
    late = _row(page, people["late"], "pay_step")
    assert late.text(0) == "01/01/2022 · quá hạn"
    assert late.foreground(0).color().name() == "#b3261e"
    step = _row(page, people["step"], "pay_step")
    assert (step.text(0), step.text(1), step.text(2), step.text(3)) == ("20/07/2022", "20/07/2022", "Lê Minh Khoa",
                                                                        "Văn phòng Sở")
    assert step.text(4).startswith("Chuyên viên (01.003) bậc 3/9, hệ số 3,00 → bậc 4, hệ số 3,33")
    assert "Quy định: TT 03/2021/TT-BNV (" in step.toolTip(4) and "tt03_2021" not in step.toolTip(4)
    notice = _row(page, people["retire"], "retirement_notice")
    assert (notice.text(0), notice.text(1)) == ("01/02/2022 · quá hạn", "01/08/2022")  # due, then the retirement
    assert page.count_label.text() == "4 việc"
    header = page.tree.headerItem()
    assert [header.text(i) for i in range(5)] == ["Hạn xử lý", "Ngày sự kiện", "Họ và tên", "Đơn vị", "Nội dung"]


def test_the_days_selector_widens_the_window(qtbot, ctx, people):
    page = _page(qtbot, ctx)
    page.set_days(7)
    wait_loaded(qtbot, page)
    assert [a.employee_id for a in page.alerts if not a.overdue] == [people["cert"]]
    page.set_days(60)
    wait_loaded(qtbot, page)
    assert {a.kind for a in page.alerts} >= {"pay_step", "retirement", "certificate_expiry"}
    assert page.days_combo.currentText() == "60 ngày tới"


def test_opening_a_row_opens_the_persons_record(qtbot, ctx, people):
    from ui.dialogs.person_detail_dialog import PersonDetailDialog

    page = _page(qtbot, ctx)
    row = _row(page, people["cert"], "certificate_expiry")
    page.tree.setCurrentItem(row)
    assert not page.open_action_button.isEnabled()  # a certificate has no list
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    dialog = page.detail_dialog
    assert isinstance(dialog, PersonDetailDialog)
    assert "Hồ Thị Quỳnh" in dialog.windowTitle()
    dialog.close()


def test_opening_a_pay_step_row_opens_the_pay_step_list_of_its_quarter(qtbot, ctx, people):
    from ui.pages.career_lists_page import CareerListsPage

    window = MainWindow(ctx, start_area="tasks")
    qtbot.addWidget(window)
    window.show()
    page = window.current_page()
    assert isinstance(page, TodoPage)
    page.set_as_of(AS_OF)
    wait_loaded(qtbot, page)
    page.tree.setCurrentItem(_row(page, people["step"], "pay_step"))
    assert page.open_action_button.isEnabled()
    qtbot.mouseClick(page.open_action_button, Qt.MouseButton.LeftButton)
    assert window.current_area() == "career"
    lists = window.current_page()
    assert isinstance(lists, CareerListsPage)
    qtbot.waitUntil(lambda: lists.pay_list is not None, timeout=15000)
    assert lists.current_tab() == "pay_step"
    assert lists.period() == (date(2022, 4, 1), date(2022, 9, 30))
    assert [r.person_id for r in lists.pay_list.rows] == [people["late"], people["step"]]
    # the person button still opens the record of a pay-step row
    page.open_item(_row(page, people["step"], "pay_step"), person=True)
    assert "Lê Minh Khoa" in page.detail_dialog.windowTitle()
    page.detail_dialog.close()
