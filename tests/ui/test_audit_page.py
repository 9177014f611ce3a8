"""The audit log tab of the administration page: filters, old → new values with field names, Excel export
(itself recorded), nothing to edit or delete, and no rows for a role without the right."""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QPushButton

from hrapp.queries.person_profile import load_profile
from hrapp.services import persons as ps
from ui.pages.admin_page import AdminPage


def _edit_phone(ctx, person_id: int, phone: str) -> None:
    profile = load_profile(ctx, person_id)
    identity = replace(profile.identity, phone=phone, id_number="052179001234")
    ps.update_person(ctx, ps.PersonUpdate(person_id, profile.row_version, identity))


@pytest.fixture
def audit(qtbot, window):
    ctx = window.ctx
    ctx.user = "thu.ha"
    _edit_phone(ctx, ctx.person_ids["Trần Thị Đào"], "0905111222")
    ctx.user = "tester"
    page = window.show_area("admin")
    assert isinstance(page, AdminPage)
    page.tabs.setCurrentWidget(page.audit)
    return page.audit


def _rows(view) -> list[list[str]]:
    m = view.model
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def test_the_tab_lists_the_trail_newest_first_in_vietnamese(audit):
    assert audit.model.headers == ["Thời gian", "Người dùng", "Thao tác", "Đối tượng", "Hồ sơ của", "Nội dung"]
    assert audit.model.total > 50  # the small department's inserts and the edit
    assert audit.count_label.text().endswith("dòng")
    first = _rows(audit)[0]
    assert first[1] == "thu.ha" and first[2] == "Sửa" and first[4] == "Trần Thị Đào"
    assert "Điện thoại" in first[5]


def test_filters_by_person_user_entity_and_action(qtbot, audit, window):
    audit.person_edit.setText("tran thi dao")
    qtbot.waitUntil(lambda: audit.model.total and {r[4] for r in _rows(audit)} == {"Trần Thị Đào"}, timeout=3000)
    audit.user_combo.setCurrentIndex(audit.user_combo.findData("thu.ha"))
    assert audit.model.total == 1
    audit.clear_filters()
    audit.action_combo.setCurrentIndex(audit.action_combo.findData("update"))
    audit.entity_combo.setCurrentIndex(audit.entity_combo.findData("persons"))
    assert {r[2] for r in _rows(audit)} == {"Sửa"}
    assert {r[3].split(" #")[0] for r in _rows(audit)} == {"Hồ sơ cán bộ"}


def test_selecting_a_row_shows_each_field_with_its_old_and_new_value(qtbot, audit):
    audit.user_combo.setCurrentIndex(audit.user_combo.findData("thu.ha"))
    audit.table.selectRow(0)
    fields = {audit.detail_model.cell(r, 0).text: (audit.detail_model.cell(r, 1).text,
                                                  audit.detail_model.cell(r, 2).text)
              for r in range(audit.detail_model.rowCount())}
    assert fields["Điện thoại"] == ("0256 3822 000", "0905111222")
    assert "thu.ha · Sửa · Hồ sơ cán bộ — Trần Thị Đào" in audit.detail_title.text()
    assert [audit.detail_model.headerData(c, Qt.Orientation.Horizontal) for c in range(3)] == [
        "Thông tin", "Giá trị cũ", "Giá trị mới"]


def test_nothing_in_the_tab_edits_or_deletes_a_row(audit):
    assert audit.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    assert audit.detail.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    labels = {b.text() for b in audit.findChildren(QPushButton)}
    assert labels == {"Bỏ lọc", "Xuất Excel…"}


def test_export_writes_the_filtered_rows_and_records_itself(qtbot, audit, tmp_path):
    audit.user_combo.setCurrentIndex(audit.user_combo.findData("thu.ha"))
    target = tmp_path / "nhat-ky.xlsx"
    task = audit.export(str(target))
    qtbot.waitUntil(lambda: not task.is_running(), timeout=10_000)
    sheet = load_workbook(target)["Nhật ký"]
    assert sheet.max_row == 2
    row = [c.value for c in sheet[2]]
    assert row[1:4] == ["thu.ha", "Sửa", "Hồ sơ cán bộ"]
    assert "Điện thoại: 0256 3822 000 → 0905111222" in row[6]
    audit.clear_filters()
    audit.entity_combo.setCurrentIndex(audit.entity_combo.findData("audit_log"))
    assert _rows(audit)[0][2] == "Xuất tệp" and "1 dòng" in _rows(audit)[0][5]


def test_a_role_without_the_right_sees_why_and_no_rows(qtbot, window):
    window.ctx.accounts_on = True
    window.ctx.sign_in("khach", "xem")
    page = window.show_area("admin")
    page.refresh()
    assert page.notice.isVisible() and not page.tabs.isEnabled()
    assert page.audit.model.rowCount() == 0
