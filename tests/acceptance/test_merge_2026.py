"""Acceptance: 2026, two centres of the demo Sở are merged into a new one by one decision. The officer opens Tổ chức
bộ máy in the main window, ticks the two centres, opens "Hợp nhất/sáp nhập…", enters the new centre and the
decision, previews who moves and who is above the quota, confirms; the tree shows the new centre only; in Báo cáo
the merger list and the benefits list are saved as PDF and name the people and the decree's articles."""

from __future__ import annotations

from datetime import timedelta

from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QFileDialog
from sqlalchemy import select

from hrapp import clock
from hrapp.db.models import Employment, OrgUnit
from tests.conftest import TEST_DAY
from tests.ui.typing import choose, retype
from ui.dialogs.reorganise_dialog import ReorganiseDialog
from ui.widgets.forms import to_qdate

# The demo department is built as of the suite's day (the CI also runs it a year ahead): the merger takes effect on
# the 1st of the next month, decided eleven days before, so that no record of the demo comes after it.
EFFECTIVE = (TEST_DAY.replace(day=1) + timedelta(days=32)).replace(day=1)
SIGNED = EFFECTIVE - timedelta(days=11)
TODAY = EFFECTIVE + timedelta(days=9)  # the officer works after the merger took effect


def _tick(qtbot, dialog: ReorganiseDialog, code_name: str) -> None:
    lst = dialog.source_list
    item = next(lst.item(i) for i in range(lst.count()) if lst.item(i).text().strip() == code_name)
    qtbot.mouseClick(lst.viewport(), Qt.MouseButton.LeftButton, pos=lst.visualItemRect(item).center())
    qtbot.keyClick(lst, Qt.Key.Key_Space)


def _report(qtbot, page, title: str) -> None:
    item = next(page.tree.topLevelItem(g).child(k) for g in range(page.tree.topLevelItemCount())
                for k in range(page.tree.topLevelItem(g).childCount())
                if page.tree.topLevelItem(g).child(k).text(0) == title)
    page.tree.scrollToItem(item)
    qtbot.mouseClick(page.tree.viewport(), Qt.MouseButton.LeftButton, pos=page.tree.visualItemRect(item).center())


def _save_pdf(qtbot, page, target, monkeypatch) -> str:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(page.pdf_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.task is not None and not page.task.is_running(), timeout=60_000)
    assert page.message_label.isHidden(), page.message_label.text()
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(target)).pages)


def test_2026_merge_two_centres_into_a_new_one(demo_window, demo_ctx, qtbot, tmp_path, monkeypatch):
    clock.set_today(TODAY)
    with demo_ctx.read() as s:
        ids = {u.code: u.id for u in s.scalars(select(OrgUnit).where(OrgUnit.code.in_(("TTUD", "TTKP"))))}
        names = {u.code: u.name for u in s.scalars(select(OrgUnit).where(OrgUnit.id.in_(ids.values())))}
        staff = set(s.scalars(select(Employment.person_id).where(
            Employment.unit_id.in_(ids.values()), Employment.start_date < EFFECTIVE,
            (Employment.end_date.is_(None)) | (Employment.end_date >= EFFECTIVE))))
    assert len(ids) == 2 and staff

    page = demo_window.show_area("org")
    page.date_edit.setDate(to_qdate(EFFECTIVE - timedelta(days=1)))
    assert page.select_code("TTUD")
    qtbot.mouseClick(page.merge_button, Qt.MouseButton.LeftButton)
    dialog = page.dialog
    assert isinstance(dialog, ReorganiseDialog) and dialog.windowTitle() == "Hợp nhất, sáp nhập đơn vị"
    _tick(qtbot, dialog, names["TTKP"])
    assert set(dialog.sources()) == set(ids.values())
    qtbot.mouseClick(dialog.new_radio, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.new_radio.height() // 2))
    retype(qtbot, dialog.code_edit, "TTUD-DMST")
    retype(qtbot, dialog.name_edit, "Trung tâm Ứng dụng khoa học và Đổi mới sáng tạo")
    choose(qtbot, dialog.kind_combo, "Trung tâm")
    form = dialog.decision_form
    retype(qtbot, form.number_edit, "1234/QĐ-UBND")
    retype(qtbot, form.sign_date_edit, f"{SIGNED:%d/%m/%Y}")
    retype(qtbot, form.effective_edit, f"{EFFECTIVE:%d/%m/%Y}")
    retype(qtbot, form.issuer_edit, "UBND tỉnh Bình Định")

    qtbot.mouseClick(dialog.preview_button, Qt.MouseButton.LeftButton)
    assert not dialog.preview_view.isHidden(), dialog.general_error.text()
    assert f"{len(staff)} người" in dialog.preview_summary.text()
    moved = {dialog.preview_view.model().index(r, 0).data() for r in range(dialog.preview_view.model().rowCount())}
    assert len(moved) == len(staff)
    qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible(), dialog.general_error.text()

    page.date_edit.setDate(to_qdate(EFFECTIVE))
    assert page.select_code("TTUD-DMST") and not page.select_code("TTUD") and not page.select_code("TTKP")

    reports = demo_window.show_area("reports")
    _report(qtbot, reports, "Danh sách sáp nhập: người chuyển về và người vượt biên chế")
    reports.unit_combo.load(demo_ctx)
    assert reports.unit_combo.select_code("TTUD-DMST")
    text = _save_pdf(qtbot, reports, tmp_path / "sap_nhap.pdf", monkeypatch)
    assert "1234/QĐ-UBND" in text and f"({len(staff)} người)" in text and "vượt biên chế" in text

    _report(qtbot, reports, "Danh sách chính sách nghỉ hưu trước tuổi, thôi việc khi sắp xếp bộ máy")
    reports.as_of_edit.setFocus()
    retype(qtbot, reports.as_of_edit, f"{EFFECTIVE:%d/%m/%Y}")
    assert reports.unit_combo.select_code("TTUD-DMST")
    text = _save_pdf(qtbot, reports, tmp_path / "chinh_sach.pdf", monkeypatch)
    assert "NĐ 178/2024/NĐ-CP Đ.7 k.1" in text and "Đ.9 k.1" in text and "nd67" not in text
