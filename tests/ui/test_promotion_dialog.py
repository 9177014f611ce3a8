"""The rank promotion dialog, used by clicking and typing: the list with its reasons, the promotion recorded with
its decision (the salary placed on the new rank), a refusal shown next to its field, and the printed list."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import select

from hrapp.db.models import Person, Qualification, SalaryStep
from tests.services import career_builders as b
from tests.ui.recruitment_clicks import type_into
from ui.dialogs.promotion_dialog import PromotionDialog
from ui.pages.career_lists_page import CareerListsPage


@pytest.fixture
def people(ctx):
    units = b.department(ctx)
    ids = {}
    for name, rating in (("Lê Văn Thăng", "htt"), ("Trần Thị Chưa", "ht")):
        pid = b.person(ctx, name, units["VP"], start=date(2016, 3, 1), step=9, since=date(2023, 5, 1))
        b.rating(ctx, pid, 2025, rating)
        b.education(ctx, pid, "DH")
        with ctx.unit_of_work() as s:
            s.add(Qualification(person_id=pid, kind="qlnn", level_code="CVC", year=2020, in_progress=False))
        ids[name] = pid
    return ids


def _type_date(qtbot, field, text: str) -> None:
    type_into(qtbot, field, text)


def _click_row(qtbot, dialog: PromotionDialog, row: int) -> None:
    rect = dialog.view.visualRect(dialog.model.index(row, 0))
    qtbot.mouseClick(dialog.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


@pytest.fixture
def dialog(qtbot, ctx, people):
    page = CareerListsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.promotion_button, Qt.MouseButton.LeftButton)
    d = page.promotion_dialog
    qtbot.waitUntil(d.isVisible)
    d.target_combo.setFocus()
    assert d.target_combo.currentData() == "01.001"  # the highest first: one down is chuyên viên chính
    qtbot.keyClick(d.target_combo, Qt.Key.Key_Down)
    assert d.target_combo.currentData() == "01.002"
    _type_date(qtbot, d.on_edit, "01/03/2026")
    qtbot.mouseClick(d.list_button, Qt.MouseButton.LeftButton)
    return d


def test_the_list_shows_who_is_eligible_and_why_the_others_are_not(qtbot, dialog, people):
    assert [r.full_name for r in dialog.model.rows] == ["Lê Văn Thăng", "Trần Thị Chưa"]
    assert dialog.count_label.text() == "1 người đủ điều kiện, 1 người chưa đủ"
    assert "NĐ 170/2025/NĐ-CP" in dialog.rule_label.text()
    _click_row(qtbot, dialog, 1)
    assert "✗ Năm 2025: Hoàn thành nhiệm vụ" in dialog.checks_label.text()
    assert not dialog.record_button.isEnabled()
    _click_row(qtbot, dialog, 0)
    assert "✓ Giữ ngạch (hạng) chuyên viên hoặc tương đương 10 năm" in dialog.checks_label.text()
    assert dialog.record_button.isEnabled()


def test_recording_places_the_salary_and_a_second_time_is_refused(qtbot, ctx, dialog, people):
    _click_row(qtbot, dialog, 0)
    type_into(qtbot, dialog.decision_form.number_edit, "25/QĐ-UBND")
    _type_date(qtbot, dialog.decision_form.sign_date_edit, "10/03/2026")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert "Đã ghi: Lê Văn Thăng" in dialog.result_label.text()
    assert "Bậc 3, hệ số 5,08" in dialog.result_label.text()
    # the council's list stays the list of its day; the same promotion again is refused, with the reason
    assert [r.full_name for r in dialog.model.rows] == ["Lê Văn Thăng", "Trần Thị Chưa"]
    _click_row(qtbot, dialog, 0)
    type_into(qtbot, dialog.decision_form.number_edit, "26/QĐ-UBND")
    _type_date(qtbot, dialog.decision_form.sign_date_edit, "11/03/2026")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert "không cao hơn Chuyên viên chính" in dialog.general_error.text()
    with ctx.read() as s:
        person = s.get(Person, people["Lê Văn Thăng"])
        last = s.scalars(select(SalaryStep).where(SalaryStep.person_id == person.id)
                         .order_by(SalaryStep.effective_date.desc())).first()
        assert (person.cur_rank_code, last.coefficient, last.effective_date) == ("01.002", Decimal("5.080"),
                                                                                 date(2026, 3, 10))


def test_a_decision_without_its_number_is_refused_next_to_the_field(qtbot, ctx, dialog, people):
    _click_row(qtbot, dialog, 0)
    type_into(qtbot, dialog.decision_form.number_edit, "")
    qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    assert dialog.errors.fields_with_errors() == ["decision.number"]
    with ctx.read() as s:
        assert s.get(Person, people["Lê Văn Thăng"]).cur_rank_code == "01.003"


def test_the_printed_list_for_the_council(qtbot, dialog, monkeypatch):
    shown = []
    monkeypatch.setattr("ui.dialogs.promotion_dialog.open_preview", lambda path, parent, name: shown.append(path))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(shown), timeout=20000)
    text = "".join(page.extract_text() for page in PdfReader(shown[0]).pages)
    assert "DANH SÁCH" in text and "Chuyên viên chính" in text
    assert "Lê Văn Thăng" in text and "Năm 2025: Hoàn thành nhiệm vụ" in text
