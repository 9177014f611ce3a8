"""The recruitment page as the officer uses it, by clicks and keys on the demo department: each step says what
it still needs before it is pressed, council members come from the staff (or are typed), the registration form
has no default sex and its language levels in order, the reason a candidate is out is read in the row, the
header names the plan, and a dialog's own error list is seen whole."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from hrapp import clock
from hrapp.queries import recruitment as rq
from hrapp.services import recruitment as rec
from hrapp.services.decisions import DecisionInput
from tests.ui.recruitment_clicks import (
    accepted,
    choose,
    click,
    click_item,
    click_row,
    click_tab,
    follow_link,
    found,
    ok,
    seen_whole,
    type_cell,
    type_into,
)

TODAY = date(2026, 12, 7)


@pytest.fixture
def window(qtbot, demo_ctx, monkeypatch):
    from ui.main_window import MainWindow

    clock.set_today(TODAY)  # the suite's clock fixture puts the suite's day back after the test
    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    qtbot.waitExposed(w)
    return w


def go_to_recruitment(qtbot, window):
    row = next(r for r in range(window.sidebar.count())
               if window.sidebar.item(r).data(Qt.ItemDataRole.UserRole) == "recruitment")
    click_item(qtbot, window.sidebar, window.sidebar.item(row))
    return window.page("recruitment")


def open_round(qtbot, page, name: str) -> None:
    row = next(i for i, r in enumerate(page.rows) if r.name == name)
    click_row(qtbot, page.list_view, row, 1)
    click(qtbot, page.open_button)
    assert page.stack.currentWidget() is page.detail and page.detail.info.name == name


def new_round(qtbot, page, name: str) -> QDialog:
    click(qtbot, page.new_button)
    dialog = page.active_dialog
    type_into(qtbot, dialog.name, name)
    dialog.year.selectAll()
    qtbot.keyClicks(dialog.year, "2026")
    return dialog


def open_round_with_a_position(ctx, name: str, deadline: date) -> rq.RoundInfo:
    """A round announced on `deadline` - 30 days, with one position of the Discovery Centre (set up directly)."""
    from sqlalchemy import select

    from hrapp.db.models import JobPosition

    notice = deadline - timedelta(days=30)
    info = rec.create_round(ctx, rec.RoundInput(
        name=name, year=deadline.year, regime="nd115_2020", method="xet_tuyen", notice_date=notice,
        application_deadline=deadline,
        plan_decision=DecisionInput(number="90/KH-SKHCN", sign_date=notice, kind="ke_hoach")))
    with ctx.read() as s:
        pid = s.scalar(select(JobPosition.id).where(JobPosition.code.like("TTKP-%"),
                                                    JobPosition.status == "approved").order_by(JobPosition.id))
    rec.set_target(ctx, rec.TargetInput(info.id, pid, 1, over_vacancy_reason="Bổ sung"), today=notice)
    return rec.change_status(ctx, rec.StatusChange(info.id, "open", notice))


def test_a_new_round_says_what_opening_needs_before_the_officer_presses(window, qtbot):
    page = go_to_recruitment(qtbot, window)
    accepted(qtbot, new_round(qtbot, page, "Xét tuyển viên chức năm 2026"))
    detail = page.detail
    assert detail.info.status == "draft"
    needs = detail.needs.text()
    assert "Trước khi “Thông báo, nhận phiếu đăng ký”, còn cần:" in needs
    for missing in ("Chưa có kế hoạch tuyển dụng (số, ngày ký).", "Chưa có ngày thông báo tuyển dụng.",
                    "Chưa có vị trí và chỉ tiêu tuyển dụng.", "Chưa thành lập Hội đồng tuyển dụng (5 hoặc 7"):
        assert missing in needs
    assert detail.needs.isVisible() and not detail.next_button.isEnabled()
    assert "Chưa có kế hoạch tuyển dụng" in detail.next_button.toolTip()
    assert "Kế hoạch: chưa có số" in detail.facts.text() and "kế hoạch chưa có kế hoạch" not in detail.facts.text()
    assert "Nhận phiếu đến: chưa đặt" in detail.facts.text()

    # the plan and the notice typed in the round's form: what is left is the positions
    click(qtbot, detail.edit_button)
    form = page.active_dialog
    type_into(qtbot, form.plan.number_edit, "90/KH-SKHCN")
    type_into(qtbot, form.plan.sign_date_edit, "04/03/2026")
    type_into(qtbot, form.notice_date, "10/03/2026")
    accepted(qtbot, form)
    needs = detail.needs.text()
    assert "Chưa có kế hoạch tuyển dụng" not in needs and "Chưa có ngày thông báo" not in needs
    assert "Chưa có vị trí và chỉ tiêu tuyển dụng." in needs and not detail.next_button.isEnabled()
    assert "Kế hoạch: 90/KH-SKHCN ngày 04/03/2026" in detail.facts.text()
    assert "Nhận phiếu đến: 09/04/2026" in detail.facts.text()

    # a position added: the step is ready, the council is still listed for round 1
    click(qtbot, detail.targets.add_button)
    target = page.active_dialog
    choose(qtbot, target.position, "Trung tâm Khám phá")
    target.quota.selectAll()
    qtbot.keyClicks(target.quota, "1")
    type_into(qtbot, target.reason, "Bổ sung")
    accepted(qtbot, target)
    assert detail.next_button.isEnabled() and detail.next_button.toolTip() == ""
    needs = detail.needs.text()
    assert "Đã đủ điều kiện để “Thông báo, nhận phiếu đăng ký”." in needs
    assert "Bước sau, trước khi “Hết hạn nhận phiếu, bắt đầu vòng 1”: Chưa thành lập Hội đồng" in needs
    click(qtbot, detail.next_button)
    step = page.active_dialog
    type_into(qtbot, step.event_date, "10/03/2026")
    accepted(qtbot, step)
    assert detail.info.status == "open"
    assert "Chưa có người đăng ký dự tuyển." in detail.needs.text() and not detail.next_button.isEnabled()


def test_a_missing_precondition_links_to_where_it_is_written(window, qtbot):
    page = go_to_recruitment(qtbot, window)
    accepted(qtbot, new_round(qtbot, page, "Xét tuyển viên chức năm 2026"))
    detail = page.detail
    assert "href='round:council'" in detail.needs.text() and "href='targets'" in detail.needs.text()
    click_tab(qtbot, detail.tabs, "Tuyển dụng")
    follow_link(qtbot, detail.needs, "targets")
    assert detail.tabs.currentWidget() is detail.targets
    follow_link(qtbot, detail.needs, "round:council")
    form = page.active_dialog
    assert form.isVisible() and form.tabs.currentIndex() == 1


def test_council_members_are_picked_from_the_staff_without_diacritics_or_typed(window, qtbot):
    page = go_to_recruitment(qtbot, window)
    form = new_round(qtbot, page, "Xét tuyển viên chức năm 2026")
    click_tab(qtbot, form.tabs, "Hội đồng tuyển dụng")
    assert not form.add_staff_button.isEnabled()
    chosen = []
    for typed, name in (("tran van sang", "Trần Văn Sang"), ("huynh thi vy", "Huỳnh Thị Vy"),
                        ("nguyen van nuong", "Nguyễn Văn Nường"), ("luong thi nhi", "Lương Thị Nhi")):
        type_into(qtbot, form.picker.search_edit, typed)
        click_item(qtbot, form.picker.results, found(qtbot, form.picker, name))
        click(qtbot, form.add_staff_button)
        chosen.append(name)
    # the same person again is refused, in the dialog
    type_into(qtbot, form.picker.search_edit, "tran van sang")
    click_item(qtbot, form.picker.results, found(qtbot, form.picker, "Trần Văn Sang"))
    click(qtbot, form.add_staff_button)
    assert form.errors.text() == "Trần Văn Sang đã có trong Hội đồng." and form.errors.isVisible()
    # an outsider typed into a row of their own
    assert form.council.rowCount() == 5
    click(qtbot, form.remove_member_button)  # the last, empty row
    click(qtbot, form.add_outsider_button)
    assert form.council.rowCount() == 5
    type_cell(qtbot, form.council, 4, 0, "Lê Văn Ngoài")
    type_cell(qtbot, form.council, 4, 1, "Giảng viên Trường Đại học Quy Nhơn")
    members = form.members()
    assert [m.full_name for m in members] == [*chosen, "Lê Văn Ngoài"]
    assert all(m.person_id is not None for m in members[:4]) and members[4].person_id is None
    assert members[0].role == "chu_tich" and members[0].title  # the post held, from the staff record
    assert form.council_size.text().startswith("5 thành viên")
    accepted(qtbot, form)
    council = page.detail.info.council
    assert [m.full_name for m in council] == [*chosen, "Lê Văn Ngoài"]
    assert council[0].person_id is not None and council[4].person_id is None
    assert "Chưa thành lập Hội đồng" not in page.detail.needs.text()


def test_the_registration_form_has_no_default_sex_and_language_levels_in_order(window, qtbot, demo_ctx):
    info = open_round_with_a_position(demo_ctx, "Xét tuyển viên chức năm 2026", TODAY + timedelta(days=20))
    page = go_to_recruitment(qtbot, window)
    open_round(qtbot, page, info.name)
    click_tab(qtbot, page.detail.tabs, "Người dự tuyển")
    click(qtbot, page.detail.candidates_tab.add_button)
    form = page.active_dialog
    assert form.gender.currentText() == "— chọn —" and form.gender.currentData() is None
    levels = [form.language_level.itemText(i) for i in range(form.language_level.count())]
    assert levels == ["(không có)", "Bậc 1 (A1)", "Bậc 2 (A2)", "Bậc 3 (B1)", "Bậc 4 (B2)", "Bậc 5 (C1)",
                      "Bậc 6 (C2)"]
    type_into(qtbot, form.full_name, "Võ Thị Thanh")
    type_into(qtbot, form.birth_date, "12/05/1998")
    type_into(qtbot, form.id_number, "052198001234")
    ok(qtbot, form)
    assert form.result() != QDialog.DialogCode.Accepted
    assert "Chưa chọn giới tính (nam hoặc nữ)." in form.errors.text() and seen_whole(form)
    choose(qtbot, form.gender, "Nữ")
    click_tab(qtbot, form.tabs, "Trình độ")
    choose(qtbot, form.language_level, "Bậc 6")
    type_into(qtbot, form.language, "Tiếng Anh")
    accepted(qtbot, form)
    added = next(c for c in page.detail.candidates if c.full_name == "Võ Thị Thanh")
    assert added.gender == "F"
    assert [(q.kind, q.level_code) for q in added.qualifications] == [("ngoai_ngu", "C2")]


def test_the_reason_a_candidate_is_out_is_read_in_the_row(window, qtbot):
    page = go_to_recruitment(qtbot, window)
    open_round(qtbot, page, "Xét tuyển viên chức năm 2022 – Trung tâm Phân tích và Đo lường Chất lượng")
    tab = page.detail.candidates_tab
    click_tab(qtbot, page.detail.tabs, "Người dự tuyển")
    model = tab.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    reasons = headers.index("Lý do không đủ điều kiện")
    names = [model.data(model.index(r, 1)) for r in range(model.rowCount())]
    row = names.index("Phan Văn Lâm")
    text = model.data(model.index(row, reasons))
    assert text == "Trình độ chuyên môn: yêu cầu Cao đẳng trở lên, người dự tuyển có Trung cấp."
    assert all(".;" not in (model.data(model.index(r, reasons)) or "") for r in range(model.rowCount()))
    # seen whole in the row: the cell lies inside the table's visible area and is tall enough for its lines
    cell = tab.view.visualRect(model.index(row, reasons))
    assert tab.view.viewport().rect().contains(cell)
    needed = tab.view.fontMetrics().boundingRect(cell.adjusted(4, 0, -4, 0), Qt.TextFlag.TextWordWrap, text)
    assert needed.height() <= cell.height()

    # the round-1 sheet says it in its note, whole
    click_tab(qtbot, page.detail.tabs, "Vòng 1")
    sheet = page.detail.round1
    note = sheet.model.columnCount() - 1
    row = next(r for r in range(sheet.model.rowCount()) if sheet.model.data(sheet.model.index(r, 1)) == "Phan Văn Lâm")
    assert sheet.model.data(sheet.model.index(row, note)) == text
    cell = sheet.view.visualRect(sheet.model.index(row, note))
    needed = sheet.view.fontMetrics().boundingRect(cell.adjusted(4, 0, -4, 0), Qt.TextFlag.TextWordWrap, text)
    assert sheet.view.viewport().rect().contains(cell) and needed.height() <= cell.height()


def test_the_results_note_wraps_a_long_reason_in_its_row(window, qtbot):
    page = go_to_recruitment(qtbot, window)
    open_round(qtbot, page, "Xét tuyển viên chức năm 2022 – Trung tâm Khám phá khoa học và Đổi mới sáng tạo")
    click_tab(qtbot, page.detail.tabs, "Kết quả")
    tree = page.detail.results_tab.tree
    qtbot.waitUntil(lambda: tree.columnWidth(8) > 100)
    items = [tree.topLevelItem(0).child(k) for k in range(tree.topLevelItem(0).childCount())]
    out = next(i for i in items if i.text(7) == "Không đủ điều kiện" and i.text(8).startswith("Chuyên ngành"))
    rect = tree.visualItemRect(out)
    width = tree.columnWidth(8) - 12
    needed = tree.fontMetrics().boundingRect(0, 0, width, 10_000, Qt.TextFlag.TextWordWrap, out.text(8))
    assert needed.height() > tree.fontMetrics().height()  # a reason longer than the column: it wraps
    assert rect.height() >= needed.height()


def test_closing_applications_on_the_deadline_is_explained_and_refused_in_a_dialog_seen_whole(
        window, qtbot, demo_ctx):
    info = open_round_with_a_position(demo_ctx, "Xét tuyển viên chức năm 2026", TODAY)
    with demo_ctx.read() as s:
        from sqlalchemy import select

        from hrapp.db.models import Person
        ids = list(s.scalars(select(Person.id).limit(5)))
    council = tuple(rq.CouncilMember(f"Thành viên {i}", "Chuyên viên", role, pid) for i, (role, pid) in enumerate(
        zip(("chu_tich", "pho_chu_tich", "uy_vien_thu_ky", "uy_vien", "uy_vien"), ids, strict=True)))
    from dataclasses import replace

    current = rq.get_round(demo_ctx, info.id)
    rec.update_round(demo_ctx, info.id, rec.RoundInput(
        name=current.name, year=current.year, regime=current.regime, method=current.method,
        notice_date=current.notice_date, application_deadline=current.application_deadline,
        plan_decision=current.plan_decision.id, council=council))
    from tests.services.recruitment_builders import form as candidate_form
    rec.add_candidate(demo_ctx, info.id, replace(candidate_form("Nguyễn Văn An", (current.targets[0].id,)),
                                                 applied_on=TODAY - timedelta(days=3)), today=TODAY)
    page = go_to_recruitment(qtbot, window)
    open_round(qtbot, page, info.name)
    detail = page.detail
    assert "Chưa hết hạn nhận phiếu đăng ký dự tuyển (đến hết ngày 07/12/2026)." in detail.needs.text()
    assert detail.next_button.isEnabled()  # the date is chosen in the step's dialog
    click(qtbot, detail.next_button)
    step = page.active_dialog
    assert step.windowTitle() == "Chuyển bước tiếp theo"
    note = "Chưa hết hạn nhận phiếu đăng ký dự tuyển (đến hết ngày 07/12/2026)."
    assert any(label.text() == note and label.isVisible() for label in step.findChildren(type(detail.needs)))
    ok(qtbot, step)  # today is the deadline
    assert step.isVisible() and step.result() != QDialog.DialogCode.Accepted
    assert note in step.errors.text() and seen_whole(step)
    assert step.errors.geometry().bottom() < step.buttons.geometry().top()
    type_into(qtbot, step.event_date, "08/12/2026")
    accepted(qtbot, step)
    assert detail.info.status == "round1"


def test_a_step_back_without_a_reason_shows_the_error_whole_in_its_dialog(window, qtbot):
    page = go_to_recruitment(qtbot, window)
    open_round(qtbot, page, "Xét tuyển viên chức năm 2022 – Trung tâm Phân tích và Đo lường Chất lượng")
    click(qtbot, page.detail.back_button)
    step = page.active_dialog
    ok(qtbot, step)
    assert step.isVisible() and "Cần ghi lý do khi trả kỳ tuyển dụng về bước trước." in step.errors.text()
    assert seen_whole(step)
    step.reject()


def test_the_round_form_shows_its_errors_without_squeezing_its_fields(window, qtbot):
    page = go_to_recruitment(qtbot, window)
    form = new_round(qtbot, page, "Xét tuyển viên chức năm 2026")
    type_into(qtbot, form.notice_date, "10/03/2026")
    type_into(qtbot, form.round1_date, "31/02/2026")
    type_into(qtbot, form.plan.number_edit, "90/KH-SKHCN")
    type_into(qtbot, form.plan.sign_date_edit, "4/3")
    ok(qtbot, form)
    assert form.result() != QDialog.DialogCode.Accepted
    assert form.errors.text().count("•") == 2 and seen_whole(form)
    form.reject()


def test_print_button_shows_its_whole_label(window, qtbot):
    page = go_to_recruitment(qtbot, window)
    open_round(qtbot, page, "Xét tuyển viên chức năm 2022 – Trung tâm Phân tích và Đo lường Chất lượng")
    button = page.detail.print_button
    assert button.text() == "In" and button.width() >= button.sizeHint().width()
    assert button.width() > button.fontMetrics().horizontalAdvance("In") + 20  # room for the menu arrow
