"""The read-only record view: tabs with identity, employment and posts, rank and salary, qualifications."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel

from ui.dialogs.person_detail_dialog import PersonDetailDialog


def cells(view) -> list[list[str]]:
    m = view.model()
    return [[m.data(m.index(r, c)) for c in range(m.columnCount())] for r in range(m.rowCount())]


def open_dialog(qtbot, ctx, name: str) -> PersonDetailDialog:
    dialog = PersonDetailDialog(ctx, ctx.person_ids[name])
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_record_view_shows_every_section(staff_ctx, qtbot):
    dialog = open_dialog(qtbot, staff_ctx, "Trần Thị Đào")
    assert dialog.windowTitle() == "Hồ sơ: Trần Thị Đào"
    assert [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())] == [
        "Sơ yếu lý lịch", "Công tác, chức vụ", "Ngạch, lương", "Trình độ"]
    texts = {label.text() for label in dialog.findChildren(QLabel)}
    assert {"Trần Thị Đào", "21/07/1979", "Nữ", "Quy Nhơn, Bình Định", "Chánh Văn phòng · Chuyên viên chính · Văn phòng Sở",
            "Đang làm việc"} <= texts
    assert cells(dialog.tables["employments"]) == [
        ["Công chức", "Văn phòng Sở", "01/08/2010", "", "", "01/08/2010", "76/QĐ-SKHCN, 02/03/2015"]]
    assert cells(dialog.tables["posts"])[0][:5] == ["Chánh Văn phòng", "Văn phòng Sở", "Bổ nhiệm", "01/05/2019",
                                                    "01/05/2024"]
    assert cells(dialog.tables["salary_steps"])[0][:7] == ["01/01/2021", "Chuyên viên chính", "A2.1", "3", "5,08",
                                                           "100%", "01/01/2021"]
    assert cells(dialog.tables["qualifications"])[0][:2] == ["Chuyên môn", "Thạc sĩ"]


def test_empty_sections_say_nothing_is_recorded(staff_ctx, qtbot):
    dialog = open_dialog(qtbot, staff_ctx, "Nguyễn Văn Bình")  # holds no leadership post
    assert "posts" not in dialog.tables
    assert "Chưa có thông tin." in {label.text() for label in dialog.findChildren(QLabel)}


def test_missing_record_is_explained(staff_ctx, qtbot):
    dialog = PersonDetailDialog(staff_ctx, 999_999)
    qtbot.addWidget(dialog)
    assert dialog.detail is None
    assert any("Không tìm thấy hồ sơ" in label.text() for label in dialog.findChildren(QLabel))
