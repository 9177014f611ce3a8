"""A 2026 walk through the evaluation of a công chức under NĐ 335/2025 and the records that feed the pay steps: find
the person, open the record, press "Sửa"; on "Đánh giá" score three months (30 general + 70 results points each)
and rate the year from them with its notice; on "Nghỉ, đi học" enter an unpaid leave with its decision and a
postgraduate commitment; see each row, the year's rating, and the leave counted by the next pay step."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from hrapp import clock
from hrapp.services.career import career_summary
from tests.ui.conftest import wait_loaded
from tests.ui.test_evaluation_entry import cells, open_form, save, type_decision, type_into
from ui.dialogs.person_detail_dialog import PersonDetailDialog
from ui.dialogs.person_editor import PersonEditor

LEFT = Qt.MouseButton.LeftButton
DAY = date(2026, 12, 20)


def shown(kind: type):
    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()]
    return found[-1] if found else None


def click_tab(qtbot, editor: PersonEditor, title: str) -> None:
    bar = editor.tabs.tabBar()
    index = [editor.tabs.tabText(i) for i in range(editor.tabs.count())].index(title)
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(index).center())


@pytest.fixture
def day():
    clock.set_today(DAY)
    return DAY


def test_score_the_months_rate_the_year_and_enter_leave_and_study(qtbot, day, window, staff_ctx):
    pid = staff_ctx.person_ids["Trần Thị Đào"]
    wait_loaded(qtbot, window.page("staff"))
    row = [window.sidebar.item(i).text() for i in range(window.sidebar.count())].index("Hồ sơ CCVC")
    qtbot.mouseClick(window.sidebar.viewport(), LEFT, pos=window.sidebar.visualItemRect(window.sidebar.item(row)).center())
    page = window.page("staff")
    page.search_edit.setFocus()
    qtbot.keyClicks(page.search_edit, "tran thi dao")
    qtbot.waitUntil(lambda: not page.model.loading and page.model.rowCount() == 1, timeout=10_000)
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: shown(PersonDetailDialog) is not None)
    qtbot.mouseClick(shown(PersonDetailDialog).edit_button, LEFT)
    qtbot.waitUntil(lambda: shown(PersonEditor) is not None)
    editor = shown(PersonEditor)
    assert editor.person_id == pid

    # Đánh giá: three months scored, then the year rated from them (mean 90.33: HTXS)
    click_tab(qtbot, editor, "Đánh giá")
    periods, ratings = editor.histories["evaluation_periods"], editor.histories["evaluations"]
    assert periods.isVisible() and ratings.isVisible()
    assert periods.action_buttons["add"].text() == "Chấm điểm tháng, quý…"
    for month, general, results in ((1, "30", "62,5"), (2, "29", "61"), (3, "28,5", "60")):
        dialog, f = open_form(qtbot, editor, periods, "add")
        assert dialog.windowTitle() == "Chấm điểm một tháng hoặc một quý (NĐ 335/2025)"
        type_into(qtbot, f["year"], "2026")
        type_into(qtbot, f["period_no"], str(month))
        type_into(qtbot, f["general_score"], general)
        type_into(qtbot, f["results_score"], results)
        save(qtbot, dialog)
    assert cells(periods, 4) == ["92.50", "90.00", "88.50"]
    dialog, f = open_form(qtbot, editor, periods, "rate")
    type_into(qtbot, f["year"], "2026")
    type_decision(qtbot, dialog, "40/TB-SKHCN", "15/12/2026")
    save(qtbot, dialog)
    assert [ratings.model.cell(0, c).text for c in (0, 1)] == ["2026", "Hoàn thành xuất sắc nhiệm vụ"]
    assert "Điều 21" in ratings.model.cell(0, 4).text

    # Nghỉ, đi học: an unpaid leave by decision, seen in its table and counted by the next pay step
    click_tab(qtbot, editor, "Nghỉ, đi học")
    leaves, commitments = editor.histories["leave_periods"], editor.histories["commitments"]
    dialog, f = open_form(qtbot, editor, leaves, "add")
    type_into(qtbot, f["start_date"], "01/03/2022")  # within the step she holds since 01/01/2021
    type_into(qtbot, f["end_date"], "02/04/2022")
    type_decision(qtbot, dialog, "15/QĐ-SKHCN", "20/02/2022")
    save(qtbot, dialog)
    assert [leaves.model.cell(0, c).text for c in (0, 3)] == ["Nghỉ không hưởng lương", "33"]
    pay = career_summary(staff_ctx, pid, DAY).pay_step
    assert pay is not None and [d.kind for d in pay.delays] == ["unpaid_leave"]
    assert pay.due_date > pay.regular_date == date(2024, 1, 1)

    # a postgraduate commitment with the months of service it commits to
    dialog, f = open_form(qtbot, editor, commitments, "add")
    type_into(qtbot, f["programme"], "Tiến sĩ Quản lý công")
    type_into(qtbot, f["study_start"], "01/10/2026")
    type_into(qtbot, f["study_end"], "30/09/2029")
    type_into(qtbot, f["cost"], "240000000")
    type_decision(qtbot, dialog, "77/QĐ-SKHCN", "15/09/2026")
    save(qtbot, dialog)
    assert cells(commitments, 0) == ["Tiến sĩ Quản lý công"]
    assert int(commitments.model.cell(0, 3).text) > 0
    assert commitments.model.cell(0, 6).text == "Đang thực hiện cam kết"
    editor.reject()
