"""The Reports page: every official list and report reachable with its parameters, written in the background
through the areas' own export functions, recorded in the audit log, refused plainly when the account may not."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from hrapp import clock
from hrapp.db.models import AuditLog, OrgUnit
from ui.pages.reports_page import REPORTS, ReportsPage
from ui.widgets.forms import to_qdate

REPORT_DAY = date(2025, 12, 31)


@pytest.fixture
def page(qtbot, demo_ctx):
    p = ReportsPage(demo_ctx)
    qtbot.addWidget(p)
    p.resize(1280, 720)
    p.show()
    p.activated()
    return p


def finish(qtbot, task) -> None:
    assert task is not None
    qtbot.waitUntil(lambda: not task.is_running(), timeout=60_000)


def pdf_text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(str(path)).pages)


def total_row(text: str) -> list[int]:
    """The figures of the report's "Tổng số" row (the first such label followed by numbers)."""
    words = text.split()
    for i in range(len(words) - 2):
        if words[i] == "Tổng" and words[i + 1] == "số" and words[i + 2].isdigit():
            figures = []
            for w in words[i + 2:]:
                if not w.isdigit():
                    break
                figures.append(int(w))
            return figures
    raise AssertionError("no total row in the report")


def audit_rows(ctx, entity: str) -> list[AuditLog]:
    with ctx.read() as s:
        return list(s.scalars(select(AuditLog).where(AuditLog.entity == entity)))


def test_reports_are_listed_in_their_groups_with_a_description(page):
    groups = [page.tree.topLevelItem(i).text(0) for i in range(page.tree.topLevelItemCount())]
    assert groups == ["Tổ chức – biên chế", "Hồ sơ cán bộ", "Chế độ – chính sách", "Tuyển dụng", "Quy hoạch",
                      "Đào tạo – bồi dưỡng"]
    assert page.report_keys() == [r.key for r in REPORTS]
    first = page.tree.topLevelItem(0).child(0)
    assert first.text(0) == "Báo cáo số lượng, chất lượng cán bộ, công chức, viên chức (BM01/BNV)"
    assert page.report_title.text() == first.text(0)
    assert page.report_description.text()
    assert page.as_of_edit.date() == to_qdate(clock.today())
    assert page.unit_combo.itemText(0) == "Toàn Sở" and page.unit_combo.current_code() is None


def test_person_search_keeps_to_the_chosen_unit(page, qtbot, demo_ctx):
    from hrapp.queries.employees import EmployeeFilter, _employee_ids, _employee_rows

    page.select("cv")
    page.person_picker.search.setText("Nguyễn")
    finish(qtbot, page.person_picker.find())
    everywhere = page.person_picker.results.count()
    with demo_ctx.read() as s:
        code = _employee_rows(s, [page.person_picker.results.item(0).data(Qt.ItemDataRole.UserRole + 1)])[0].unit_code
    page.unit_combo.select_code(code)  # searches again in that unit
    finish(qtbot, page.person_picker.task)
    shown = [page.person_picker.results.item(i).data(Qt.ItemDataRole.UserRole + 1)
             for i in range(page.person_picker.results.count())]
    with demo_ctx.read() as s:
        expected = _employee_ids(s, EmployeeFilter(search="Nguyễn", unit_code=code))
    assert [i for i in shown if i is not None] == expected[:50]
    assert 0 < len(expected) < everywhere


def test_quality_report_pdf_has_the_title_and_the_services_total(page, qtbot, demo_ctx, tmp_path):
    from hrapp.reports.quality import export_quality

    page.select("quality")
    assert page.form.isRowVisible(page.as_of_edit)
    assert not page.form.isRowVisible(page.person_picker)
    page.as_of_edit.setDate(to_qdate(REPORT_DAY))
    target = tmp_path / "chat_luong.pdf"
    finish(qtbot, page.save(".pdf", str(target)))

    assert page.message_label.isHidden()
    assert page.last_saved == str(target)
    reader = PdfReader(str(target))
    assert reader.pages[0].mediabox.width > reader.pages[0].mediabox.height  # landscape
    text = pdf_text(target)
    assert "BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG" in text
    assert "Tính đến ngày 31 tháng 12 năm 2025" in text
    stats = export_quality(demo_ctx, tmp_path / "same.json", REPORT_DAY)
    expected = [*([stats.quota_total] if stats.quota_total else []), stats.total.headcount]
    assert total_row(text)[:len(expected)] == expected
    assert stats.total.headcount > 0
    exports = audit_rows(demo_ctx, "quality_report")
    assert [r.entity_id for r in exports if r.summary and "(pdf)" in r.summary] == ["2025-12-31"]


def test_quality_report_for_civil_servants_only_is_the_bm01_form_for_them(page, qtbot, demo_ctx, tmp_path):
    from hrapp.reports.quality import export_quality

    page.select("quality")
    assert page.form.isRowVisible(page.category_combo)
    page.category_combo.setCurrentIndex(page.category_combo.findData("cong_chuc"))
    page.as_of_edit.setDate(to_qdate(REPORT_DAY))
    target = tmp_path / "cong_chuc.pdf"
    finish(qtbot, page.save(".pdf", str(target)))

    text = pdf_text(target)
    assert "CÔNG CHỨC TỪ CẤP HUYỆN TRỞ LÊN" in " ".join(text.split())
    everyone = export_quality(demo_ctx, tmp_path / "all.json", REPORT_DAY)
    only = export_quality(demo_ctx, tmp_path / "cc.json", REPORT_DAY, categories=["cong_chuc"])
    assert 0 < only.total.headcount < everyone.total.headcount
    assert only.total.headcount in total_row(text)[:2]


def test_quality_report_saves_as_an_excel_workbook(page, qtbot, demo_ctx, tmp_path):
    page.select("quality")
    assert page.excel_button.isVisibleTo(page)
    page.as_of_edit.setDate(to_qdate(REPORT_DAY))
    target = tmp_path / "chat_luong.xlsx"
    finish(qtbot, page.save(".xlsx", str(target)))

    cells = [str(c.value) for row in load_workbook(target).active.iter_rows() for c in row if c.value is not None]
    assert any("BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG" in c for c in cells)
    assert any(r.summary and "(xlsx)" in r.summary for r in audit_rows(demo_ctx, "quality_report"))


def test_curriculum_vitae_asks_for_a_person_then_prints_the_one_chosen(page, qtbot, demo_ctx, tmp_path):
    page.select("cv")
    assert not page.excel_button.isVisibleTo(page)  # the 2C form is printed only
    assert page.save(".pdf", str(tmp_path / "none.pdf")) is None
    assert page.message_label.isVisibleTo(page)
    assert "Chọn người" in page.message_label.text()
    assert not (tmp_path / "none.pdf").exists()

    page.person_picker.search.setText("Nguyễn")
    finish(qtbot, page.person_picker.find())
    assert page.person_picker.results.count() > 1
    page.person_picker.results.setCurrentRow(0)
    person_id = page.person_picker.person_id()
    assert person_id is not None
    target = tmp_path / "2c.pdf"
    finish(qtbot, page.save(".pdf", str(target)))

    assert page.message_label.isHidden()
    assert "SƠ YẾU LÝ LỊCH" in pdf_text(target).upper()
    printed = audit_rows(demo_ctx, "personal_data")
    assert [(r.action, r.person_id) for r in printed] == [("print", person_id)]


def test_job_position_description_lists_the_positions_of_the_chosen_unit(page, qtbot, demo_ctx, tmp_path):
    from hrapp.services.positions import list_positions

    page.select("position")
    finish(qtbot, page.positions_task)
    everywhere = page.position_combo.count()
    first = list_positions(demo_ctx)[0]
    page.unit_combo.select_code(first.unit_code)
    finish(qtbot, page.positions_task)
    ids = [page.position_combo.itemData(i) for i in range(page.position_combo.count())]
    assert ids == [p.id for p in list_positions(demo_ctx, first.unit_id)]
    assert 0 < len(ids) < everywhere
    target = tmp_path / "vi_tri.pdf"
    finish(qtbot, page.save(".pdf", str(target)))

    assert first.name in " ".join(pdf_text(target).split())
    assert [r.entity_id for r in audit_rows(demo_ctx, "job_positions") if r.action == "export"] == [str(first.id)]


def _first_of_month(day: date, months_later: int) -> date:
    index = day.year * 12 + day.month - 1 + months_later
    return date(index // 12, index % 12 + 1, 1)


def test_pay_step_list_follows_the_period_the_overdue_choice_and_the_layout(page, qtbot, demo_ctx, tmp_path):
    from hrapp.services.pay_lists import pay_step_due_list

    # The demo is kept up to the suite's day and its steps fall due on quarter days (01/03, 01/06, …): a
    # period starting four months later leaves at least one quarter day in between whose steps are overdue
    # but not raised, and holds a quarter day of its own, whatever the day (no fixed calendar year).
    day = clock.today()
    start = _first_of_month(day, 4)
    end = _first_of_month(start, 3) - timedelta(days=1)
    page.select("pay_step")
    page.start_edit.setDate(to_qdate(start))
    page.end_edit.setDate(to_qdate(end))
    page.overdue_check.setChecked(False)
    page.layout_combo.setCurrentIndex(page.layout_combo.findData("due"))
    target = tmp_path / "den_ky.xlsx"
    finish(qtbot, page.save(".xlsx", str(target)))

    cells = [str(c.value) for row in load_workbook(target).active.iter_rows() for c in row if c.value is not None]
    assert "BÁO CÁO DANH SÁCH CÁN BỘ ĐẾN KỲ NÂNG LƯƠNG" in cells
    due = pay_step_due_list(demo_ctx, start, end, include_overdue=False)
    with_overdue = pay_step_due_list(demo_ctx, start, end)
    assert 0 < len(due.rows) < len(with_overdue.rows)
    assert all(r.full_name in cells for r in due.rows)
    assert [r.summary for r in audit_rows(demo_ctx, "pay_step_list")] == [
        f"BÁO CÁO DANH SÁCH CÁN BỘ ĐẾN KỲ NÂNG LƯƠNG ({len(due.rows)} người, den_ky.xlsx)"]


def test_the_period_must_not_end_before_it_starts(page, tmp_path):
    page.select("pctnvk")
    page.start_edit.setDate(to_qdate(date(2025, 6, 30)))
    page.end_edit.setDate(to_qdate(date(2025, 1, 1)))
    assert page.save(".pdf", str(tmp_path / "x.pdf")) is None
    assert page.message_label.text() == "Ngày bắt đầu kỳ sau ngày kết thúc."


def test_a_unit_outside_the_accounts_scope_is_refused_in_words(page, qtbot, demo_ctx, tmp_path):
    with demo_ctx.read() as s:
        units = list(s.execute(select(OrgUnit.id, OrgUnit.code).where(OrgUnit.parent_id.is_not(None))
                               .order_by(OrgUnit.id)))
    (own_id, _own_code), (_other_id, other_code) = units[0], units[1]
    demo_ctx.sign_in("xem_don_vi", "xem", (own_id,))
    page.select("retirement")
    page.unit_combo.select_code(other_code)
    target = tmp_path / "nghi_huu.pdf"
    finish(qtbot, page.save(".pdf", str(target)))

    assert not target.exists()
    assert page.message_label.isVisibleTo(page)
    assert "Không tìm thấy trong các đơn vị được phân công" in page.message_label.text()
    assert audit_rows(demo_ctx, "retirement_list") == []


def test_the_unit_choice_of_an_account_limited_to_a_unit_lists_only_its_units(page, demo_ctx):
    with demo_ctx.read() as s:
        ttpt = s.scalar(select(OrgUnit.id).where(OrgUnit.code == "TTPT"))
    everyone = page.unit_combo.count()
    demo_ctx.sign_in("ttpt.xem", "xem", (ttpt,))
    page.set_context(demo_ctx)
    codes = [page.unit_combo.itemData(i) for i in range(page.unit_combo.count())]
    assert codes == [None, "TTPT", "TTPT-KD", "TTPT-TN"] or codes == [None, "TTPT", "TTPT-TN", "TTPT-KD"]
    assert everyone > len(codes)
    assert page.unit_combo.itemText(0) == "Mọi đơn vị được phân công"


def test_an_account_that_may_not_print_sees_why_and_no_buttons(page, demo_ctx):
    demo_ctx.role = ""  # accounts are on and nobody has signed in
    page.select("staff_list")
    assert not page.preview_button.isEnabled()
    assert not page.pdf_button.isEnabled()
    assert "Bạn chưa đăng nhập" in page.note_label.text()
    assert page.print_current() is None
    assert "Bạn chưa đăng nhập" in page.message_label.text()


def test_viewing_role_is_told_personal_data_is_masked(page, demo_ctx):
    demo_ctx.sign_in("chi_xem", "xem")
    page.select("cv")
    assert "che" in page.note_label.text()
    page.select("quality")
    assert page.note_label.isHidden()


def test_enter_on_a_report_opens_its_pdf_in_the_print_preview(page, qtbot):
    page.select("staffing")
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_Return)
    finish(qtbot, page.task)
    assert page.preview is not None
    assert page.preview.images  # the pages were drawn
    page.preview.close()


SAMPLE_ROUND = 1  # the demo's round with published results


@pytest.mark.parametrize("key", [r.key for r in REPORTS])
def test_every_report_in_the_catalogue_can_be_generated(page, qtbot, tmp_path, key):
    page.select(key)
    page.as_of_edit.setDate(to_qdate(REPORT_DAY))
    page.year_spin.setValue(REPORT_DAY.year)
    page.start_edit.setDate(to_qdate(date(2026, 10, 1)))  # the demo's first pay steps fall due then
    page.end_edit.setDate(to_qdate(date(2027, 3, 31)))
    page.round_combo.setCurrentIndex(page.round_combo.findData(SAMPLE_ROUND))
    page.period_combo.setCurrentIndex(page.period_combo.findText("2020–2025"))
    if key == "position":
        finish(qtbot, page.positions_task)
    if key in ("cv", "cv_2023"):  # the two Sơ yếu lý lịch forms need a person
        page.person_picker.search.setText("Nguyễn")
        finish(qtbot, page.person_picker.find())
        page.person_picker.results.setCurrentRow(0)
    target = tmp_path / f"{key}.pdf"
    finish(qtbot, page.save(".pdf", str(target)))

    assert page.message_label.isHidden(), page.message_label.text()
    assert len(PdfReader(str(target)).pages) >= 1
    if page.current_report().excel:
        workbook = tmp_path / f"{key}.xlsx"
        finish(qtbot, page.save(".xlsx", str(workbook)))
        assert page.message_label.isHidden(), page.message_label.text()
        assert load_workbook(workbook).active.max_row > 1


def test_a_long_staff_list_is_written_in_a_child_process_like_on_the_staff_page(page, qtbot, demo_ctx, tmp_path,
                                                                                 monkeypatch):
    from ui import child_process

    calls = []
    real = child_process.call_in_child_process
    monkeypatch.setattr(child_process, "CHILD_PROCESS_PEOPLE", 0)  # every list counts as long
    monkeypatch.setattr(child_process, "call_in_child_process",
                        lambda *a, **k: calls.append(a[1]) or real(*a, **k))
    page.select("staff_list")
    target = tmp_path / "danh_sach.pdf"
    finish(qtbot, page.save(".pdf", str(target)))

    assert calls == ["ui.child_process:_write_staff_list"]
    assert "DANH SÁCH" in pdf_text(target).upper()
    assert [r.user for r in audit_rows(demo_ctx, "staff_list")] == [demo_ctx.user]
