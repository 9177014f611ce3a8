"""Printed training documents on the demo department: the annual plan (sections per course type, totals, the plan's
own number), the results report with plan against actual, the gap list with needs per unit, the repayment sheet."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from hrapp.db.models import AuditLog
from hrapp.queries import training as tq
from hrapp.reports.document import SectionRow, SubtotalRow
from hrapp.reports.training_gaps import export_gaps, gaps_document, gaps_spec, needs_spec
from hrapp.reports.training_plan import export_plan, lines_spec, plan_document
from hrapp.reports.training_repayment import export_repayment
from hrapp.reports.training_results import export_results, results_document

ON = date(2022, 6, 30)


def _text(path) -> str:
    return " ".join(" ".join(p.extract_text() for p in PdfReader(path).pages).split())


def test_the_plan_has_a_section_per_course_type_and_totals_matching_its_lines(demo_ctx):
    data = plan_document(demo_ctx, 2022)
    spec = lines_spec(data)
    sections = [r.text for r in spec.rows if isinstance(r, SectionRow)]
    assert sections[0] == "1. Lý luận chính trị cao cấp"
    assert len(sections) == len({ln.course_type for ln in data.lines})
    assert sum(t.people for t in data.by_type) == sum(t.people for t in data.by_unit) == data.people
    assert sum((t.cost for t in data.by_type), Decimal(0)) == data.cost > 0


def test_the_plan_pdf_is_landscape_cites_kh_43_and_is_recorded(demo_ctx, tmp_path):
    out = tmp_path / "plan.pdf"
    export_plan(demo_ctx, out, 2022)
    reader = PdfReader(out)
    box = reader.pages[0].mediabox
    assert float(box.width) > float(box.height)
    text = _text(out)
    assert "Đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm 2022" in text
    assert "(Kèm theo Kế hoạch số 43/KH-SKH&CN ngày 19/01/2022)" in text
    assert "báo cáo thu hoạch" in text and "Tổng cộng" in text
    assert "Họ và tên / đối" in reader.pages[1].extract_text()  # the header repeats on every page
    with demo_ctx.read() as s:
        assert s.scalar(select(AuditLog.summary).where(AuditLog.entity == "training_plan")).endswith("(pdf)")


def test_the_results_report_lists_certificates_and_missing_reports(demo_ctx, tmp_path):
    data = results_document(demo_ctx, 2022, ON)
    assert data.completed == sum(1 for r in data.records if r.status == "completed") >= 10
    assert data.qualifications >= 6 and data.reports_missing >= 1
    out = tmp_path / "results.pdf"
    export_results(demo_ctx, out, 2022, ON)
    text = _text(out)
    assert "Kết quả đào tạo, bồi dưỡng" in text and "Kết quả so với kế hoạch" in text
    assert "bổ sung trình độ QLNN Chuyên viên" in text and "Chưa nộp" in text
    xlsx = tmp_path / "results.xlsx"
    export_results(demo_ctx, xlsx, 2022, ON)
    assert load_workbook(xlsx).sheetnames == ["Kết quả 2022", "So với kế hoạch"]


def test_the_gap_list_groups_people_by_unit_and_counts_needs_per_unit(demo_ctx, tmp_path):
    data = gaps_document(demo_ctx, ON)
    people = [r for r in gaps_spec(data).rows if not isinstance(r, SectionRow | SubtotalRow)]
    assert len(people) == len(data.rows)
    needs = needs_spec(data)
    assert sum(row[-1] for row in needs.rows) == len({(r.person_id, r.gap.course_type) for r in data.rows})
    out = tmp_path / "gaps.pdf"
    export_gaps(demo_ctx, out, ON)
    text = _text(out)
    assert "Nhu cầu đào tạo, bồi dưỡng" in text and "Trần Thùy Hạnh" in text and "Đang học" in text


def test_the_repayment_sheet_shows_the_formula_and_the_amount(demo_ctx, tmp_path):
    (c,) = tq.list_commitments(demo_ctx)
    out = tmp_path / "repayment.pdf"
    data = export_repayment(demo_ctx, out, c.id, c.service_from.replace(year=c.service_from.year + 2), "quit_after")
    assert data.repayment.served_months == 24
    assert data.repayment.amount == c.cost / 2
    text = _text(out)
    assert "Chi phí đền bù đào tạo" in text.replace("\n", " ") and "S = F / T1" in text
