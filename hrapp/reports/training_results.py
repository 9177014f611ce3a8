"""Báo cáo kết quả đào tạo, bồi dưỡng năm …: every person sent (họ tên, chức vụ, course, type, organiser, time,
funding and cost, result, certificate, báo cáo thu hoạch) and the plan against what was done (planned, sent,
completed, cost) by course type. PDF (NĐ 30/2020, landscape), Excel (two sheets) and JSON."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.queries import training as q
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    SUM,
    CancelCallback,
    Column,
    ProgressCallback,
    SectionRow,
    TableSpec,
)
from hrapp.reports.format import fmt_date
from hrapp.reports.sectioned import Section, SectionedDocument, SectionedForm
from hrapp.security import READ, require


@dataclass(frozen=True)
class ResultsDocument:
    year: int
    as_of: date
    plan_label: str
    records: tuple[q.RecordRow, ...]
    actual: tuple[q.ActualRow, ...]

    @property
    def completed(self) -> int:
        return sum(1 for r in self.records if r.status == "completed")

    @property
    def qualifications(self) -> int:
        return sum(1 for r in self.records if r.qualification_id is not None)

    @property
    def reports_missing(self) -> int:
        return sum(1 for r in self.records if r.status in ("completed", "failed") and not r.report_received)

    def to_json(self) -> dict[str, Any]:
        return {"year": self.year, "as_of": self.as_of.isoformat(), "plan": self.plan_label or None,
                "records": [r.to_json() for r in self.records], "plan_vs_actual": [a.to_json() for a in self.actual]}


def results_document(ctx: ServiceContext, year: int, as_of: date | None = None) -> ResultsDocument:
    """The year's training records (those of its plan and those started that year) and plan against actual."""
    require(ctx, READ)
    plan = q.plan_for_year(ctx, year)
    records = q.list_records(ctx, year=year, plan_id=plan.id if plan else None)
    actual = q.plan_vs_actual(ctx, year)
    label = f"{plan.name} ({plan.decision_label})" if plan and plan.decision_label else (plan.name if plan else "")
    return ResultsDocument(year, as_of or clock.today(), label, tuple(records), tuple(actual))


def records_spec(data: ResultsDocument) -> TableSpec:
    columns = [
        Column("STT", 9, "center"),
        Column("Họ và tên", 32, wrap=True),
        Column("Chức vụ, đơn vị", 40, wrap=True),
        Column("Khóa học", 44, wrap=True),
        Column("Cơ sở đào tạo", 30, wrap=True),
        Column("Thời gian", 23, "center", wrap=True),
        Column("Quyết định cử đi học", 26, wrap=True),
        Column("Kinh phí (đồng)", 21, "right", thousands=True),
        Column("Kết quả", 17, "center", wrap=True),
        Column("Văn bằng, chứng chỉ", 27, wrap=True),
        Column("Báo cáo thu hoạch", 19, "center", wrap=True),
    ]
    rows: list = []
    group = None
    n = 0
    for r in data.records:
        if r.course_type != group:
            group = r.course_type
            rows.append(SectionRow(r.type_label))
            n = 0
        n += 1
        result = r.result_label or r.status_label
        cert = r.certificate_text + (f"; bổ sung trình độ {r.granted}" if r.granted else "")
        rows.append([n, r.full_name, ", ".join(x for x in (r.post, r.unit_name) if x), r.course_name, r.organiser,
                     r.dates_text, r.decision_label, r.cost, result, cert, r.report_text])
    totals = ["Tổng cộng", None, None, None, None, None, None, SUM, None, None, None]
    return TableSpec(columns, rows, numbering=True, totals=totals, font_size=9, header_font_size=9)


def actual_spec(data: ResultsDocument) -> TableSpec:
    columns = [
        Column("STT", 10, "center"),
        Column("Loại khóa đào tạo, bồi dưỡng", 80, wrap=True),
        Column("Kế hoạch (người)", 22, "center"),
        Column("Đã cử đi học", 22, "center"),
        Column("Đã hoàn thành", 22, "center"),
        Column("Ngoài kế hoạch", 22, "center"),
        Column("Dự toán (đồng)", 32, "right", thousands=True),
        Column("Đã chi (đồng)", 32, "right", thousands=True),
    ]
    rows = [[i, a.label, a.planned, a.sent, a.completed, a.outside_plan, a.planned_cost, a.actual_cost]
            for i, a in enumerate(data.actual, 1)]
    totals = ["Cộng", None, SUM, SUM, SUM, SUM, SUM, SUM]
    return TableSpec(columns, rows, totals=totals, font_size=10.5, header_font_size=10)


def title(data: ResultsDocument) -> str:
    return f"BÁO CÁO\nKết quả đào tạo, bồi dưỡng cán bộ, công chức, viên chức năm {data.year}"


def _intro(data: ResultsDocument) -> list[str]:
    planned = sum(a.planned for a in data.actual)
    cost = sum((r.cost or Decimal(0) for r in data.records), Decimal(0))
    text = (f"Số liệu tính đến ngày {fmt_date(data.as_of)}. Kế hoạch {planned} lượt người; đã cử {len(data.records)} "
            f"lượt, hoàn thành {data.completed} lượt; {data.qualifications} văn bằng, chứng chỉ đã được cập nhật vào "
            f"trình độ của cán bộ; {data.reports_missing} lượt chưa nộp báo cáo thu hoạch.")
    if cost:
        text += f" Kinh phí đã chi {int(cost):,} đồng.".replace(",", ".")
    return [f"Thực hiện {data.plan_label}." if data.plan_label else "", text]


def sections(data: ResultsDocument) -> SectionedDocument:
    return SectionedDocument(
        title(data),
        (Section("I. Danh sách cán bộ, công chức, viên chức được cử đi đào tạo, bồi dưỡng", f"Kết quả {data.year}",
                 records_spec(data)),
         Section("II. Kết quả so với kế hoạch", "So với kế hoạch", actual_spec(data))),
        intro=_intro(data), landscape=True)


FORM = SectionedForm[ResultsDocument](sections)
build_results_pdf = FORM.pdf
build_results_xlsx = FORM.xlsx


def export_results(ctx: ServiceContext, target: str | os.PathLike[str], year: int, as_of: date | None = None, *,
                   printed_on: date | None = None, progress: ProgressCallback | None = None,
                   cancel: CancelCallback | None = None) -> ResultsDocument:
    """The catalogue's "training_results" document (hrapp.reports.catalogue.export)."""
    return export(ctx, "training_results", {"plan": year, "as_of": as_of}, target, progress, cancel,
                  printed_on=printed_on).data
