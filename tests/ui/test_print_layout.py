"""Every document of the Reports page, made for the demo with the page's own parameters: no page holds only the
signatures, no table part has fewer than 3 rows (unless the whole table is shorter), totals never alone."""

from __future__ import annotations

from datetime import date

import pytest
from pypdf import PdfReader

from tests.reports.layout_checks import lone_closing_pages, recorded_parts, short_parts
from tests.ui.test_reports_page import REPORT_DAY, SAMPLE_ROUND, finish, page  # noqa: F401 - fixture
from ui.pages.reports_page import REPORTS
from ui.widgets.forms import to_qdate

NAMES = ("Trần Văn Sang", "Lương Thị Nhi")


@pytest.mark.parametrize("key", [r.key for r in REPORTS])
def test_no_report_page_holds_only_signatures_or_a_few_rows(page, qtbot, demo_ctx, tmp_path, key):  # noqa: F811
    page.select(key)
    page.as_of_edit.setDate(to_qdate(REPORT_DAY))
    page.year_spin.setValue(2022 if key == "staffing" else REPORT_DAY.year)
    page.start_edit.setDate(to_qdate(date(2026, 10, 1)))
    page.end_edit.setDate(to_qdate(date(2027, 3, 31)))
    page.round_combo.setCurrentIndex(page.round_combo.findData(SAMPLE_ROUND))
    page.period_combo.setCurrentIndex(page.period_combo.findText("2020–2025"))
    if key == "position":
        finish(qtbot, page.positions_task)
    if key in ("cv", "cv_2023"):  # the two Sơ yếu lý lịch forms need a person
        page.person_picker.search.setText("Nguyễn")
        finish(qtbot, page.person_picker.find())
        page.person_picker.results.setCurrentRow(0)
    report = page.current_report()
    params = page.params()
    target = tmp_path / f"{key}.pdf"
    with recorded_parts() as parts:  # in this process: the staff list is written here, not in a child process
        if key == "staff_list":
            from hrapp.reports.staff_list import export_staff_list

            export_staff_list(demo_ctx, target, params.unit_code)
        else:
            report.run(demo_ctx, str(target), params, lambda done, total: None, lambda: False)
    pages = len(PdfReader(str(target)).pages)
    assert pages >= 1
    assert short_parts(parts) == []
    assert lone_closing_pages(target, NAMES) == []
    if parts:
        assert max(p.page for p in parts) <= pages
