"""The 2026 walk of issue 16 in one sitting on the demo department, in the real main window: the officer prints a
record on the national database's form (TT 06/2023/TT-BNV) and on Mẫu 2C; picks a home town from the coded list
after the two-tier reform; records a decision letting a leader retire later (NĐ 135/2020, Điều 6) and sees the new
retirement date; and merges two centres into a new one by one decision, printing the merger and benefit lists. Each
step is the walk of its own item (kept in its file); here they run one after the other on the same database, as a
day's work does."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QComboBox, QSpinBox

from hrapp import clock
from hrapp.queries.person_profile import load_profile
from hrapp.services.career import career_summary
from tests.acceptance import test_coded_addresses as places_walk
from tests.acceptance import test_cv_2023_walk as cv_walk
from tests.acceptance import test_merge_2026 as merge_walk
from tests.acceptance.test_edit_phone import shown
from tests.conftest import TEST_DAY
from ui.dialogs.person_editor import PersonEditor

LEFT = Qt.MouseButton.LeftButton


def _retire_later(qtbot, window, ctx) -> None:
    """Find a leader, select the row, Sửa, Công tác, Ghi quyết định…: a higher age by decision, saved; the table
    shows the new retirement date and the career summary follows it."""
    from hrapp.text import fold

    profile = load_profile(ctx, 1)  # the demo's director
    before = career_summary(ctx, 1, TEST_DAY).retirement
    page = window.show_area("staff")
    page.search_edit.setFocus()
    page.search_edit.selectAll()
    qtbot.keyClick(page.search_edit, Qt.Key.Key_Delete)  # the name the earlier step searched for
    qtbot.keyClicks(page.search_edit, fold(profile.full_name))
    m = page.model
    qtbot.waitUntil(lambda: not m.loading and m.rowCount() == 1 and m.data(m.index(0, 1)) == profile.full_name,
                    timeout=10_000)
    view = page.table
    qtbot.mouseClick(view.viewport(), LEFT, pos=view.visualRect(m.index(0, 1)).center())
    assert page.edit_button.isEnabled()
    qtbot.mouseClick(page.edit_button, LEFT)
    qtbot.waitUntil(lambda: shown(PersonEditor) is not None)
    editor = shown(PersonEditor)
    bar = editor.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(1).center())
    history = editor.retire_history
    qtbot.mouseClick(history.action_buttons["add"], LEFT)
    dialog = editor.sub_dialog
    qtbot.waitExposed(dialog)
    direction, case = dialog.findChildren(QComboBox)[:2]
    direction.setCurrentIndex(direction.findData("later"))
    case.setCurrentIndex(case.findData("lanh_dao_quan_ly"))
    years = dialog.findChildren(QSpinBox)[0]
    higher = before.age_years + 2
    qtbot.mouseClick(years, LEFT)
    years.lineEdit().selectAll()
    qtbot.keyClicks(years.lineEdit(), str(higher))
    dialog.decision_form.number_edit.setText("88/QĐ-UBND")  # keyClicks types ASCII only
    signed = TEST_DAY - timedelta(days=7)
    dialog.decision_form.sign_date_edit.setDate(QDate(signed.year, signed.month, signed.day))
    with qtbot.waitSignal(dialog.accepted, timeout=5000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Save), LEFT)
    after = career_summary(ctx, 1, TEST_DAY).retirement
    assert after.age_years == higher and after.retirement_date.year == before.retirement_date.year + 2
    row = [history.model.cell(0, c).text for c in range(history.model.columnCount())]
    assert row[0].startswith("88/QĐ-UBND") and row[4] == after.retirement_date.strftime("%d/%m/%Y")
    editor.reject()


def test_a_2026_day_new_forms_coded_places_a_later_retirement_and_a_merger(demo_window, demo_ctx, qtbot, tmp_path,
                                                                          monkeypatch):
    clock.set_today(TEST_DAY)  # the demo is built as of the suite's day (2026, or a year ahead in CI)
    cv_walk.test_the_officer_prints_the_national_form_then_the_2c_from_the_same_menu(
        demo_window, demo_ctx, qtbot, tmp_path, monkeypatch)
    places_walk.test_an_old_birthplace_shows_its_new_unit_and_the_home_town_is_picked_from_the_list(
        qtbot, demo_window, demo_ctx, tmp_path)
    _retire_later(qtbot, demo_window, demo_ctx)
    merge_walk.test_2026_merge_two_centres_into_a_new_one(demo_window, demo_ctx, qtbot, tmp_path, monkeypatch)
