"""Printed planning documents on the demo department: the list per period and post, the structure summary and
the additions and removals of a review, as PDF (landscape where wide) and Excel."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from hrapp.db.models import AuditLog
from hrapp.queries import planning as q
from hrapp.reports.document import SectionRow
from hrapp.reports.planning_list import export_planning_list, planning_list, spec
from hrapp.reports.planning_review import export_planning_review, review_list
from hrapp.reports.planning_summary import export_planning_summary, planning_summary, posts_spec
from hrapp.services.planning import check_period

ON = date(2022, 6, 30)


@pytest.fixture
def check(demo_ctx):
    return check_period(demo_ctx, "2026-2031", ON)


def text_of(path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def test_the_list_has_a_section_per_post_with_its_people_and_the_empty_posts_shown(demo_ctx, check):
    data = planning_list(demo_ctx, check)
    assert [s.title for s in data.sections] == [p.post.title for p in check.posts]
    assert sum(len(s.rows) for s in data.sections) == len(check.entries)
    table = spec(data)
    headings = [r.text for r in table.rows if isinstance(r, SectionRow)]
    assert headings[0].startswith("I. Giám đốc Sở (")
    assert any("(chưa có người quy hoạch)" in h for h in headings)
    assert data.years == (2019, 2020, 2021)
    assert [c.title for c in table.columns][-5:] == ["2019", "2020", "2021", "Chức danh quy hoạch", "Ghi chú"]


def test_every_failing_entry_carries_its_reasons_in_the_note(demo_ctx, check):
    data = planning_list(demo_ctx, check)
    notes = [r.note for s in data.sections for r in s.rows if not r.eligible]
    assert len(notes) == data.failing == 3
    assert all(n.startswith("Chưa đạt: ") for n in notes)
    assert any("Thiếu LLCT" in n for n in notes)
    assert any("Năm 2021 xếp loại KHT" in n for n in notes)
    assert any(n.startswith("Chưa đạt: Không đủ tuổi (còn ") for n in notes)


def test_a_person_planned_for_several_posts_lists_them_all(demo_ctx, check):
    data = planning_list(demo_ctx, check)
    by_person: dict[str, set[str]] = {}
    for c in check.entries:
        by_person.setdefault(c.entry.full_name, set()).add(c.entry.post_title)
    for section in data.sections:
        for row in section.rows:
            assert set(row.planned_posts.split("; ")) == by_person[row.full_name]


def test_the_list_pdf_is_landscape_with_the_header_on_every_page_and_the_export_recorded(demo_ctx, tmp_path):
    out = tmp_path / "ds.pdf"
    data = export_planning_list(demo_ctx, out, "2026-2031", ON, printed_on=ON)
    reader = PdfReader(out)
    assert len(reader.pages) >= 2
    for page in reader.pages:
        assert page.mediabox.width > page.mediabox.height
    pages = [p.extract_text() for p in reader.pages]
    assert all("Chức danh quy" in p and "Lý luận" in p for p in pages[:-1])
    assert "Bình Định, ngày 30 tháng 6 năm 2022" in pages[0]
    assert "CÁN BỘ TRONG QUY HOẠCH" in pages[0].upper()
    assert "NGƯỜI LẬP BIỂU" in pages[-1]
    with demo_ctx.read() as s:
        logged = s.scalars(select(AuditLog.entity).where(AuditLog.action == "export")).all()
    assert "planning_list" in logged
    assert data.people == check_period(demo_ctx, "2026-2031", ON).structure.people


def test_the_list_excel_has_the_same_rows(demo_ctx, tmp_path):
    out = tmp_path / "ds.xlsx"
    data = export_planning_list(demo_ctx, out, "2026-2031", ON)
    ws = load_workbook(out).active
    assert ws.page_setup.orientation == "landscape"
    values = [c for row in ws.iter_rows(values_only=True) for c in row if c is not None]
    names = [r.full_name for s in data.sections for r in s.rows]
    assert all(n in values for n in names)
    assert "Chưa có người quy hoạch" not in values  # only the headings say so
    assert sum(1 for v in values if isinstance(v, str) and "chưa có người quy hoạch" in v) == sum(
        1 for s in data.sections if not s.rows)


def test_the_summary_counts_posts_and_states_the_structure_against_its_targets(demo_ctx, check, tmp_path):
    data = planning_summary(check)
    assert len(data.posts) == 20
    assert sum(r.count for r in data.posts) == len(check.entries)
    empty = [r for r in data.posts if r.count == 0]
    assert empty and all("Chưa có người quy hoạch" in r.note for r in empty)
    rows = {r.label: r for r in data.structure}
    assert rows["Nữ"].target == "≥ 25%" and rows["Nữ"].result == "Đạt"
    assert rows["Chức danh chưa có người quy hoạch"].result == "Chưa đạt"
    assert posts_spec(data).totals[3].value == "sum"
    out = tmp_path / "bc.pdf"
    export_planning_summary(demo_ctx, out, "2026-2031", ON)
    text = text_of(out)
    assert "BÁO CÁO" in text and "II. Cơ cấu quy hoạch" in text and "Cộng" in text
    xlsx = tmp_path / "bc.xlsx"
    export_planning_summary(demo_ctx, xlsx, "2026-2031", ON)
    assert load_workbook(xlsx).sheetnames == ["Theo chức danh", "Cơ cấu"]


def test_the_review_list_shows_additions_removals_and_appointments(demo_ctx, tmp_path):
    reviews = q.list_reviews(demo_ctx, q.get_period(demo_ctx, "2020-2025").id)
    assert [r.year for r in reviews] == [2021, 2022]
    first, second = (review_list(demo_ctx, r.id) for r in reviews)
    assert (len(first.added), len(first.removed)) == (0, 1)
    assert first.removed[0].note.startswith("Bị kỷ luật khiển trách")
    assert len(second.added) >= 1 and not second.removed
    out = tmp_path / "rs.pdf"
    export_planning_review(demo_ctx, out, reviews[0].id)
    text = text_of(out)
    assert "II. Đưa ra khỏi quy hoạch (1 trường hợp)" in text
    assert f"Kèm theo Quyết định số {reviews[0].decision_label}" in text
