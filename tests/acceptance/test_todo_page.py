"""Acceptance walk (g), the to-do page: the officer opens Việc cần làm from the sidebar, picks the 30-day view, reads each item by the day its action falls due with the event's own day beside it, and opens the
list or the record of an item, all by clicks and keys on the real main window."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QListWidget, QTreeWidget

from hrapp import clock
from tests.services import career_builders as b
from ui.main_window import MainWindow
from ui.pages.todo_page import TodoPage

DAY = date(2022, 6, 30)


@pytest.fixture
def people(ctx):
    units = b.department(ctx)
    ids = {
        # a pay step due on 20/07/2022
        "step": b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 20)),
        # term ends 14/10/2022: its 90-day reminder falls on 16/07/2022 (the 6-month one has passed)
        "soon": b.person(ctx, "Cao Văn Thắng", units["QLKH"], birth=date(1975, 5, 5), since=None, rank=None),
        # term ends 30/11/2022: its next reminder, 90 days before, is on 01/09/2022, outside 30 days
        "later": b.person(ctx, "Đặng Quốc Huy", units["VP"], birth=date(1976, 3, 3), since=None, rank=None),
    }
    b.post(ctx, ids["soon"], units["QLKH"], date(2017, 10, 15), term_end=date(2022, 10, 14))
    b.post(ctx, ids["later"], units["VP"], date(2017, 12, 1), term_end=date(2022, 11, 30),
           code="chanh_van_phong", title="Chánh Văn phòng")
    return ids


def click_row(qtbot, view: QAbstractItemView, index) -> None:
    view.scrollTo(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center())


def open_area(qtbot, window: MainWindow, title: str) -> None:
    sidebar = window.findChild(QListWidget, "sidebar")
    (item,) = sidebar.findItems(title, Qt.MatchFlag.MatchExactly)
    click_row(qtbot, sidebar, sidebar.indexFromItem(item))


def choose(qtbot, combo: QComboBox, text: str) -> None:
    """Open the drop-down (Alt+Down, as a click on it does) and click the entry."""
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    row = combo.findText(text)
    assert row >= 0, text
    click_row(qtbot, view, view.model().index(row, 0))
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=3000)


def loaded(qtbot, page: TodoPage) -> None:
    qtbot.waitUntil(lambda: page.task is not None and not page.task.is_running() and not page._pending,
                    timeout=15000)


def rows(tree: QTreeWidget) -> list[tuple[str, ...]]:
    out = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for k in range(top.childCount()):
            item = top.child(k)
            out.append(tuple(item.text(c) for c in range(4)))
    return out


def item_of(tree: QTreeWidget, name: str):
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        for k in range(top.childCount()):
            if top.child(k).text(2) == name:
                return top.child(k)
    raise AssertionError(f"no row for {name}")


def test_the_officer_walks_the_todo_page_by_clicks(qtbot, ctx, people):
    from ui.dialogs.person_detail_dialog import PersonDetailDialog
    from ui.pages.career_lists_page import CareerListsPage

    with clock.frozen(DAY):
        window = MainWindow(ctx, start_area="staff")
        qtbot.addWidget(window)
        window.resize(1366, 768)
        window.show()
        qtbot.waitExposed(window)

        open_area(qtbot, window, "Việc cần làm")
        page = window.current_page()
        assert isinstance(page, TodoPage)
        loaded(qtbot, page)
        assert page.as_of() == DAY  # the app's day

        choose(qtbot, page.days_combo, "7 ngày tới")
        loaded(qtbot, page)
        assert rows(page.tree) == []
        assert page.count_label.text() == "Không có việc nào đến hạn trong thời gian này."

        choose(qtbot, page.days_combo, "30 ngày tới")
        loaded(qtbot, page)
        header = page.tree.headerItem()
        assert (header.text(0), header.text(1)) == ("Hạn xử lý", "Ngày sự kiện")
        # by the day the action falls due: the term's reminder on 16/07, its end on 14/10 beside it; the term
        # ending 30/11 has no action due within 30 days and is not listed
        assert rows(page.tree) == [("20/07/2022", "20/07/2022", "Lê Minh Khoa", "Văn phòng Sở"),
                                   ("16/07/2022", "14/10/2022", "Cao Văn Thắng", "Phòng Quản lý khoa học")]
        assert "Còn 90 ngày hết thời hạn bổ nhiệm" in item_of(page.tree, "Cao Văn Thắng").text(4)
        assert page.count_label.text() == "2 việc"

        # a pay step opens the pay-step list of its quarter, the person on it
        assert not page.open_action_button.isEnabled()
        click_row(qtbot, page.tree, page.tree.indexFromItem(item_of(page.tree, "Lê Minh Khoa")))
        assert page.current_alert().employee_id == people["step"]
        assert page.open_action_button.isEnabled()
        qtbot.mouseClick(page.open_action_button, Qt.MouseButton.LeftButton)
        lists = window.current_page()
        assert isinstance(lists, CareerListsPage) and window.current_area() == "career"
        assert lists.current_tab() == "pay_step"
        assert lists.period() == (date(2022, 4, 1), date(2022, 9, 30))
        qtbot.waitUntil(lambda: lists.pay_list is not None and [r.person_id for r in lists.pay_list.rows] == [
            people["step"]], timeout=15000)

        # back on the to-do page, the term's row opens the person's record
        open_area(qtbot, window, "Việc cần làm")
        assert window.current_page() is page
        click_row(qtbot, page.tree, page.tree.indexFromItem(item_of(page.tree, "Cao Văn Thắng")))
        assert page.current_alert().kind == "term_expiry"
        assert not page.open_action_button.isEnabled()  # a term has no list: its record is where it is handled
        qtbot.mouseClick(page.open_person_button, Qt.MouseButton.LeftButton)
        dialog = page.detail_dialog
        assert isinstance(dialog, PersonDetailDialog)
        qtbot.waitExposed(dialog)
        assert "Cao Văn Thắng" in dialog.windowTitle()
        dialog.close()

        # the longer view lists the later term on its own reminder
        choose(qtbot, page.days_combo, "90 ngày tới")
        loaded(qtbot, page)
        later = item_of(page.tree, "Đặng Quốc Huy")
        assert (later.text(0), later.text(1)) == ("01/09/2022", "30/11/2022")
