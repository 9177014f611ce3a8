"""The planning page on the demo department: checks always shown, adding people, the refused fourth person for a
post, the annual review, appointment from the plan (and the override), printing, dialog sizes."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from hrapp.db.models import Note, Person, PlanningEntry, PlanningPeriod, PlanningReview, PostHeld
from tests.ui.conftest import CLIENT_HEIGHT, SCREEN_WIDTH
from ui.widgets.forms import to_qdate

ON = date(2022, 6, 30)


@pytest.fixture
def page(qtbot, demo_ctx):
    from ui.main_window import MainWindow

    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    p = window.show_area("planning")
    p.period_combo.setCurrentIndex(next(i for i in range(p.period_combo.count())
                                        if p.period_combo.itemText(i).startswith("2026–2031")))
    p.set_as_of(ON)
    return p


def column(model, c: int) -> list[str]:
    return [model.data(model.index(r, c)) for r in range(model.rowCount())]


def row_of(model, name: str) -> int:
    return column(model, 0).index(name)


def fill_decision(dialog, number: str, day: date) -> None:
    dialog.decision_form.number_edit.setText(number)
    dialog.decision_form.sign_date_edit.setDate(to_qdate(day))


def period_id(ctx, code: str = "2026-2031") -> int:
    with ctx.read() as s:
        return s.scalar(select(PlanningPeriod.id).where(PlanningPeriod.code == code))


def active(ctx, person_name: str | None = None) -> list[PlanningEntry]:
    with ctx.read() as s:
        q = (select(PlanningEntry).join(Person, Person.id == PlanningEntry.person_id)
             .where(PlanningEntry.period_id == period_id(ctx), PlanningEntry.status == "active"))
        if person_name:
            q = q.where(Person.full_name == person_name)
        return list(s.scalars(q))


def test_the_checks_of_every_entry_post_and_the_structure_are_shown(page):
    assert page.entries_title.text() == "Người được quy hoạch: 23, trong đó 3 chưa đạt"
    badges = column(page.entries_model, 3)
    assert badges.count("Chưa đạt") == 3 and badges.count("Đạt") == 20
    reasons = dict(zip(column(page.entries_model, 0), column(page.entries_model, 4), strict=True))
    assert reasons["Trần Thùy Hạnh"] == "Chưa có trình độ lý luận chính trị (yêu cầu Trung cấp trở lên)."
    assert reasons["Huỳnh Thị Vy"].startswith("Không đủ tuổi công tác trọn một nhiệm kỳ")
    notes = dict(zip(column(page.posts_model, 0), column(page.posts_model, 2), strict=True))
    assert notes["Trưởng phòng Quản lý công nghệ và Chuyên ngành"] == "Chưa có người quy hoạch"
    planned = dict(zip(column(page.posts_model, 0), column(page.posts_model, 1), strict=True))
    assert planned["Phó Giám đốc Sở"] == "3/3"
    text = page.structure_label.text()
    assert "nữ 34,78% (mục tiêu ≥ 25%)" in text and "chức danh chưa có người quy hoạch: 4/20" in text


def test_selecting_a_post_shows_its_people_and_history_can_be_shown(page, qtbot):
    page.period_combo.setCurrentIndex(next(i for i in range(page.period_combo.count())
                                           if page.period_combo.itemText(i).startswith("2020–2025")))
    assert "Nguyễn Xuân Tiến" not in column(page.entries_model, 0)
    page.history_check.setChecked(True)
    names = column(page.entries_model, 0)
    assert "Nguyễn Xuân Tiến" in names
    assert column(page.entries_model, 3)[names.index("Nguyễn Xuân Tiến")] == "Đã đưa ra khỏi quy hoạch"
    page.posts_view.selectRow(row_of(page.posts_model, "Giám đốc Sở"))
    assert set(column(page.entries_model, 5)) == {"Giám đốc Sở"}
    qtbot.mouseClick(page.all_button, qtbot_button())
    assert len(column(page.entries_model, 0)) > 2


def qtbot_button():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_adding_a_person_shows_the_checks_first_and_saves_with_the_decision(page, demo_ctx):
    page.posts_view.selectRow(row_of(page.posts_model, "Trưởng phòng Quản lý công nghệ và Chuyên ngành"))
    dialog = page.open_entry_dialog()
    fill_decision(dialog, "215/QĐ-SKH&CN", ON)
    dialog.kind_combo.setCurrentIndex(dialog.kind_combo.findData("supplement"))
    assert dialog.entries.picker.choose("nguyen quang loc")
    check = dialog.entries.check_label.text()
    assert "Chưa đạt (vẫn có thể quy hoạch, được ghi chú cảnh báo)" in check
    assert "Chưa có kết quả đánh giá, xếp loại năm 2019, 2020." in check
    assert dialog.entries.add_button.isEnabled()
    assert dialog.entries.add_current()
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    [entry] = active(demo_ctx, "Nguyễn Quang Lộc")
    assert (entry.kind, entry.approved_on, entry.snapshot["eligible"]) == ("supplement", ON, False)
    page.refresh()
    assert page.entries_title.text() == "Người được quy hoạch: 1, trong đó 1 chưa đạt"
    assert column(page.entries_model, 6) == ["215/QĐ-SKH&CN ngày 30/06/2022 (bổ sung)"]


def test_a_fourth_person_for_a_full_post_is_refused_with_the_reason(page, demo_ctx):
    page.posts_view.selectRow(row_of(page.posts_model, "Phó Giám đốc Sở"))
    before = len(active(demo_ctx))
    dialog = page.open_entry_dialog()
    fill_decision(dialog, "216/QĐ-SKH&CN", ON)
    assert dialog.entries.post_combo.currentText() == "Phó Giám đốc Sở (đã quy hoạch 3/3)"
    assert dialog.entries.picker.choose("dang quoc trung")
    check = dialog.entries.check_label.text()
    assert "Không thể đưa vào quy hoạch:" in check
    assert "Chức danh Phó Giám đốc Sở đã có 3 người trong quy hoạch (tối đa 3 người" in check
    assert not dialog.entries.add_button.isEnabled()
    assert not dialog.entries.add_current()
    dialog.submit()  # saving anyway: the service refuses, the dialog stays open with the reason
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.isVisible()
    assert "Đặng Quốc Trung: Chức danh Phó Giám đốc Sở đã có 3 người trong quy hoạch" in dialog.errors.text("items")
    assert len(active(demo_ctx)) == before


def test_the_annual_review_proposes_removals_and_applies_those_kept_ticked(page, demo_ctx):
    from PySide6.QtCore import Qt

    dialog = page.open_review()
    table = dialog.removals_table
    names = [table.item(r, 0).text() for r in range(table.rowCount())]
    assert sorted(names) == ["Huỳnh Thị Vy", "Trần Xuân Huy"]
    assert table.item(names.index("Trần Xuân Huy"), 2).text() == "Năm 2021 xếp loại Không hoàn thành nhiệm vụ (KHT)."
    gaps = [dialog.gaps_list.item(i).text() for i in range(dialog.gaps_list.count())]
    assert "Trưởng phòng Quản lý công nghệ và Chuyên ngành: đã quy hoạch 0/3" in gaps
    table.item(names.index("Huỳnh Thị Vy"), 0).setCheckState(Qt.CheckState.Unchecked)  # kept in the plan
    fill_decision(dialog, "220/QĐ-SKH&CN", date(2022, 7, 15))
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert active(demo_ctx, "Trần Xuân Huy") == []
    assert len(active(demo_ctx, "Huỳnh Thị Vy")) == 1
    with demo_ctx.read() as s:
        review = s.scalar(select(PlanningReview).where(PlanningReview.period_id == period_id(demo_ctx)))
        huy = s.scalar(select(PlanningEntry).join(Person, Person.id == PlanningEntry.person_id).where(
            Person.full_name == "Trần Xuân Huy", PlanningEntry.period_id == period_id(demo_ctx)))
    assert (huy.status, huy.removal_code, huy.removal_review_id) == ("removed", "rating_kht", review.id)
    assert page.entries_title.text() == "Người được quy hoạch: 22, trong đó 2 chưa đạt"


def test_appointing_a_planned_person_records_the_post_and_closes_the_entry(page, demo_ctx):
    page.entries_view.selectRow(row_of(page.entries_model, "Trần Thùy Hạnh"))
    dialog = page.open_appoint()
    assert dialog.post_combo.currentText() == "Phó Trưởng phòng Quản lý khoa học"
    assert dialog.picker.person_name() == "Trần Thùy Hạnh"
    fill_decision(dialog, "230/QĐ-SKH&CN", date(2022, 8, 1))
    assert "Có trong quy hoạch chức danh này" in dialog.plan_label.text()
    assert not dialog.override_edit.isEnabled()
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with demo_ctx.read() as s:
        person = s.scalar(select(Person).where(Person.full_name == "Trần Thùy Hạnh"))
        held = s.scalar(select(PostHeld).where(PostHeld.person_id == person.id,
                                               PostHeld.post_code == "pho_truong_phong"))
        entry = s.scalar(select(PlanningEntry).where(PlanningEntry.person_id == person.id,
                                                     PlanningEntry.period_id == period_id(demo_ctx)))
    assert (held.start_date, held.term_end) == (date(2022, 8, 1), date(2027, 7, 31))
    assert (entry.status, entry.appointed_post_id) == ("appointed", held.id)
    assert "Trần Thùy Hạnh" not in column(page.entries_model, 0)


def test_appointing_someone_not_planned_asks_for_an_override_reason(page, demo_ctx):
    page.posts_view.selectRow(row_of(page.posts_model, "Trưởng phòng Kế hoạch - Tài chính"))
    dialog = page.open_appoint()
    assert dialog.picker.choose("ho thi xuan")  # planned as deputy, not as head
    fill_decision(dialog, "231/QĐ-SKH&CN", date(2022, 12, 1))
    assert "Không có trong quy hoạch chức danh này" in dialog.plan_label.text()
    assert dialog.override_edit.isEnabled()
    dialog.submit()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert "phải ghi rõ lý do" in dialog.errors.text("override_reason")
    dialog.override_edit.setPlainText("Trưởng phòng nghỉ hưu, cần người phụ trách ngay.")
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    with demo_ctx.read() as s:
        person = s.scalar(select(Person).where(Person.full_name == "Hồ Thị Xuân"))
        note = s.scalar(select(Note).where(Note.person_id == person.id))
    assert note.text.endswith("Lý do: Trưởng phòng nghỉ hưu, cần người phụ trách ngay.")


def test_the_planning_list_is_written_in_the_background(page, qtbot, tmp_path):
    out = tmp_path / "ds.pdf"
    task = page.export("list_pdf", out)
    with qtbot.waitSignal(task.finished, timeout=60000):
        pass
    assert out.stat().st_size > 10000
    assert page.last_export == out


def test_every_planning_dialog_fits_a_1366_by_768_screen(page):
    page.entries_view.selectRow(row_of(page.entries_model, "Huỳnh Thị Vy"))
    dialogs = [page.open_entry_dialog(), page.open_review(), page.open_appoint(), page.remove_selected(),
               page.new_period(), page.add_post()]
    for dialog in dialogs:
        hint = dialog.minimumSizeHint()
        assert hint.width() <= SCREEN_WIDTH and hint.height() <= CLIENT_HEIGHT, type(dialog).__name__
        dialog.reject()


def test_the_removal_dialog_proposes_the_failing_reason(page, demo_ctx):
    page.entries_view.selectRow(row_of(page.entries_model, "Huỳnh Thị Vy"))
    dialog = page.remove_selected()
    assert dialog.code_combo.currentData() == "age"
    assert dialog.reason_edit.text().startswith("Không đủ tuổi công tác trọn một nhiệm kỳ")
    fill_decision(dialog, "240/QĐ-SKH&CN", date(2022, 9, 1))
    dialog.submit()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert active(demo_ctx, "Huỳnh Thị Vy") == []
