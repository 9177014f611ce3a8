"""The lists page: ticking with undo until the approval is saved, the early-step quota, export, and the rules page."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt
from sqlalchemy import func, select

from hrapp.db.models import SalaryStep
from tests.services import career_builders as b
from ui.pages.career_lists_page import CareerListsPage
from ui.pages.rules_page import RulesPage


@pytest.fixture
def units(ctx):
    return b.department(ctx)


@pytest.fixture
def page(qtbot, ctx):
    p = CareerListsPage(ctx)
    qtbot.addWidget(p)
    p.show()
    return p


def make(qtbot, page: CareerListsPage, tab: str, start: date = date(2022, 7, 1), end: date = date(2022, 12, 31),
         year: int = 2022) -> None:
    page.tabs.setCurrentIndex(("pay_step", "pctnvk", "early", "retirement").index(tab))
    page.from_edit.setDate(QDate(start.year, start.month, start.day))
    page.to_edit.setDate(QDate(end.year, end.month, end.day))
    page.year_spin.setValue(year)
    page.refresh()
    qtbot.waitUntil(lambda: page.task is not None and not page.task.is_running(), timeout=15000)


def _steps(ctx) -> int:
    with ctx.read() as s:
        return s.scalar(select(func.count()).select_from(SalaryStep))


def test_ticks_can_be_undone_and_approval_writes_only_the_ticked_rows(qtbot, ctx, units, page):
    a = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 1))
    c = b.person(ctx, "Phạm Ngọc Lan", units["VP"], gender="F", since=date(2019, 9, 1))
    make(qtbot, page, "pay_step")
    model = page.pay_model
    assert [r.person_id for r in model.rows] == [a, c] and model.checked == [True, True]
    assert page.count_label.text() == "2 / 2 người được chọn"
    model.setData(model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.checked == [True, False]
    page.undo_stack.undo()
    assert model.checked == [True, True]
    page.undo_stack.redo()
    assert page.approve_button.isEnabled()
    page.approve()
    dialog = page.approve_dialog
    assert dialog.rows_list.count() == 1 and "Lê Minh Khoa: bậc 3 (3,00) → bậc 4 (3,33) từ 01/07/2022" in \
        dialog.rows_list.item(0).text()
    dialog.decision_form.number_edit.setText("45/QĐ-SKHCN")
    dialog.decision_form.sign_date_edit.setDate(QDate(2022, 6, 25))
    before = _steps(ctx)
    dialog.submit()
    assert _steps(ctx) == before + 1
    qtbot.waitUntil(lambda: not page.task.is_running(), timeout=15000)
    assert [r.person_id for r in page.pay_model.rows] == [c]
    assert page.undo_stack.count() == 0


def test_an_approval_refused_by_the_service_stays_open_and_writes_nothing(qtbot, ctx, units, page):
    b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 1))
    make(qtbot, page, "pay_step")
    page.approve()
    dialog = page.approve_dialog
    dialog.submit()  # no decision number
    assert dialog.isVisible()
    assert dialog.errors.text("decision.number") == "Chưa nhập số quyết định."
    assert _steps(ctx) == 1
    dialog.reject()


def test_early_steps_beyond_the_payroll_quota_cannot_be_ticked(qtbot, ctx, units, page):
    for i in range(10):
        b.person(ctx, f"Nguyễn Văn Số {i}", units["VP"], since=date(2021, 7, 1))
    x = b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2020, 3, 1))
    y = b.person(ctx, "Phạm Ngọc Lan", units["VP"], since=date(2020, 4, 1))
    make(qtbot, page, "early")
    assert "Sở Khoa học và Công nghệ: 12 người hưởng lương; nâng trước hạn do lập thành tích tối đa 1 người năm " \
           "2022, đã nâng 0" in page.quota_label.text()
    model = page.early_model
    rows = {r.person_id: i for i, r in enumerate(model.rows)}
    assert model.checked == [False] * len(model.rows)
    model.setData(model.index(rows[x], 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    model.setData(model.index(rows[y], 0), Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)
    assert model.checked[rows[x]] and not model.checked[rows[y]]
    assert "tối đa 1" in page.error_label.text()
    # an ineligible candidate has no tick box at all
    ineligible = next(i for i, r in enumerate(model.rows) if not r.eligible)
    assert not (model.flags(model.index(ineligible, 0)) & Qt.ItemFlag.ItemIsUserCheckable)


def test_the_list_is_written_as_pdf_and_excel(qtbot, ctx, units, page, tmp_path):
    b.person(ctx, "Lê Minh Khoa", units["VP"], since=date(2019, 7, 1))
    make(qtbot, page, "pay_step")
    done: list[str] = []
    for name in ("ds.pdf", "ds.xlsx"):
        page.export(str(tmp_path / name), done.append)
        qtbot.waitUntil(lambda n=name: any(p.endswith(n) for p in done), timeout=20000)
    text = " ".join(PdfReader(str(tmp_path / "ds.pdf")).pages[0].extract_text().split())
    assert "Lê Minh Khoa" in text and "Kết quả nâng lương" in text
    cells = [c.value for row in load_workbook(tmp_path / "ds.xlsx").active.iter_rows() for c in row]
    assert "Lê Minh Khoa" in cells


def test_the_retirement_tab_lists_the_year_and_the_next(qtbot, ctx, units, page):
    b.person(ctx, "Trần Văn Đức", units["VP"], birth=date(1962, 1, 15), since=None, rank=None)
    b.person(ctx, "Lý Thị Mai", units["VP"], gender="F", birth=date(1967, 6, 1), since=None, rank=None)
    make(qtbot, page, "retirement", year=2022)
    assert [(r.full_name, r.retirement_date) for r in page.retire_model.rows] == [
        ("Trần Văn Đức", date(2022, 8, 1)), ("Lý Thị Mai", date(2023, 7, 1))]
    assert not page.approve_button.isVisible()


def test_rules_page_edits_a_version_and_shows_refusals_next_to_the_field(qtbot, ctx):
    rules = RulesPage(ctx)
    qtbot.addWidget(rules)
    rules.show()
    rules.activated()
    rules.select_code("base_salary")
    versions = [rules.model.cell(r, 0).text for r in range(rules.model.rowCount())]
    assert versions == ["NĐ 38/2019/NĐ-CP", "NĐ 24/2023/NĐ-CP", "NĐ 73/2024/NĐ-CP"]
    rules.table.selectRow(2)
    assert rules.basis_edit.text() == "Nghị định 73/2024/NĐ-CP"
    rules.basis_edit.setText("Nghị định 73/2024/NĐ-CP, Điều 3")
    rules.save_current()
    assert ctx.rulebook.by_version("base_salary", "nd73_2024").legal_basis == "Nghị định 73/2024/NĐ-CP, Điều 3"
    assert "đã sửa" in rules.model.cell(2, 4).text
    rules.table.selectRow(2)
    rules.version_edit.setText("nd_moi")
    rules.add_version()  # same period as nd73_2024
    assert "trùng với phiên bản NĐ 73/2024/NĐ-CP (" in rules.errors.text("effective_from")


def test_the_page_opens_on_the_next_quarter_with_people_due_and_says_why_a_list_is_empty(qtbot, ctx, units):
    from hrapp import clock

    b.person(ctx, "Lê Văn Hạn", units["VP"], rank="01.003", step=3, since=date(2019, 8, 15))  # due 15/08/2022
    with clock.frozen(date(2022, 6, 30)):
        page = CareerListsPage(ctx)
        qtbot.addWidget(page)
        page.show()
        assert page.period() == (date(2022, 4, 1), date(2022, 6, 30))
        page.activated()
        qtbot.waitUntil(lambda: page.pay_list is not None, timeout=15000)
        # nobody is due this quarter: the page shows the next one, and says so
        assert page.period() == (date(2022, 7, 1), date(2022, 9, 30))
        assert [r.full_name for r in page.pay_model.rows] == ["Lê Văn Hạn"]
        assert page.moved_label.isVisible()
        assert page.moved_label.text() == ("Không có ai đến hạn nâng bậc lương thường xuyên từ 01/04/2022 đến "
                                           "30/06/2022. Đang xem kỳ tiếp theo có người đến hạn.")
        # a list asked for and empty says why instead of a bare count
        bar = page.tabs.tabBar()
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
        assert not page.moved_label.isVisible()
        qtbot.mouseClick(page.compute_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.pct_list is not None, timeout=15000)
        assert page.count_label.text() == ("Không có ai đến hạn hưởng phụ cấp thâm niên vượt khung từ 01/07/2022 "
                                           "đến 30/09/2022.")
        # a manual choice of an empty period is kept as chosen
        qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(0).center())
        page.from_edit.setDate(QDate(2022, 1, 1))
        page.to_edit.setDate(QDate(2022, 3, 31))
        qtbot.mouseClick(page.compute_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.pay_list is not None and page.pay_list.end == date(2022, 3, 31), timeout=15000)
        assert page.pay_model.rowCount() == 0 and not page.moved_label.isVisible()
        assert page.count_label.text() == "Không có ai đến hạn nâng bậc lương thường xuyên từ 01/01/2022 đến " \
                                          "31/03/2022."
