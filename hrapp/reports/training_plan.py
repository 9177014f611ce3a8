"""Kế hoạch đào tạo, bồi dưỡng năm …: the plan's lines grouped by course type (who, post and unit, course, organiser,
planned time, people, funding, estimated cost), totals, and a summary by course type and by unit. PDF (NĐ 30/2020,
landscape), Excel (two sheets) and JSON."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from hrapp.context import ServiceContext
from hrapp.queries import training as q
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    SUM,
    CancelCallback,
    Column,
    ProgressCallback,
    SectionRow,
    SubtotalRow,
    TableSpec,
    write_atomically,
)
from hrapp.reports.format import fmt_date, fmt_int
from hrapp.reports.sectioned import Section, SectionedDocument, SectionedForm, Target


@dataclass(frozen=True)
class PlanDocument:
    plan: q.PlanRow
    lines: tuple[q.LineRow, ...]
    by_type: tuple[q.TotalRow, ...]
    by_unit: tuple[q.TotalRow, ...]

    @property
    def people(self) -> int:
        return sum(ln.people for ln in self.lines)

    @property
    def cost(self) -> Decimal:
        return sum((ln.estimated_cost or Decimal(0) for ln in self.lines), Decimal(0))

    def to_json(self) -> dict[str, Any]:
        p = self.plan
        return {"year": p.year, "name": p.name, "status": p.status, "decision": p.decision_label or None,
                "approved_on": p.approved_on.isoformat() if p.approved_on else None, "people": self.people,
                "estimated_cost": str(self.cost), "lines": [ln.to_json() for ln in self.lines],
                "by_type": [{"course_type": t.key, "label": t.label, "lines": t.lines, "people": t.people,
                             "estimated_cost": str(t.cost)} for t in self.by_type],
                "by_unit": [{"unit_code": t.key, "unit": t.label, "lines": t.lines, "people": t.people,
                             "estimated_cost": str(t.cost)} for t in self.by_unit]}



def plan_document(ctx: ServiceContext, year: int | str) -> PlanDocument:
    plan = q.get_plan(ctx, str(year))
    lines = q.plan_lines(ctx, plan.id)
    return PlanDocument(plan, tuple(lines), tuple(q.TotalRow.of_lines(lines, "type")),
                        tuple(q.TotalRow.of_lines(lines, "unit")))


def _who(ln: q.LineRow) -> str:
    if ln.person_id is not None:
        return ln.full_name
    return f"{ln.people} người" + (f" ({ln.position_name})" if ln.position_name else "")


def _where(ln: q.LineRow) -> str:
    if ln.person_id is not None:
        return ", ".join(x for x in (ln.post, ln.unit_name) if x)
    return ln.unit_name


def lines_spec(data: PlanDocument) -> TableSpec:
    columns = [
        Column("STT", 9, "center"),
        Column("Họ và tên / đối tượng", 34, wrap=True),
        Column("Chức vụ, đơn vị công tác", 44, wrap=True),
        Column("Khóa học, nội dung", 48, wrap=True),
        Column("Cơ sở đào tạo", 34, wrap=True),
        Column("Thời gian dự kiến", 24, "center", wrap=True),
        Column("Số người", 13, "center"),
        Column("Nguồn kinh phí", 22, wrap=True),
        Column("Dự toán (đồng)", 23, "right", thousands=True),
        Column("Nhu cầu, ghi chú", 36, wrap=True),
    ]
    rows: list = []
    group: str | None = None
    index = 0
    n = 0
    for ln in data.lines:
        if ln.course_type != group:
            group = ln.course_type
            rows.append(SectionRow(f"{index + 1}. {ln.type_label}"))
            index += 1
            n = 0
        n += 1
        dates = (f"{ln.planned_start:%m/%Y}" + (f" – {ln.planned_end:%m/%Y}" if ln.planned_end and
                                                 ln.planned_end.strftime("%m/%Y") != ln.planned_start.strftime("%m/%Y")
                                                 else "")) if ln.planned_start else ""
        note = "; ".join(x for x in (ln.requirement, ln.note, "Bổ sung sau phê duyệt" if ln.origin == "supplement"
                                     else "") if x)
        rows.append([n, _who(ln), _where(ln), ln.course_name or ln.type_label, ln.organiser, dates, ln.people,
                     ln.funding_label, ln.estimated_cost, note])
    totals = ["Tổng cộng", None, None, None, None, None, SUM, None, SUM, None]
    return TableSpec(columns, rows, numbering=True, totals=totals, font_size=9.5, header_font_size=9.5)


def totals_spec(data: PlanDocument) -> TableSpec:
    columns = [
        Column("STT", 10, "center"),
        Column("Loại khóa đào tạo, bồi dưỡng / đơn vị", 110, wrap=True),
        Column("Số dòng kế hoạch", 25, "center"),
        Column("Số người", 25, "center"),
        Column("Dự toán (đồng)", 40, "right", thousands=True),
    ]
    rows: list = [SectionRow("A. Theo loại khóa học")]
    rows += [[i, t.label, t.lines, t.people, t.cost] for i, t in enumerate(data.by_type, 1)]
    rows.append(SubtotalRow(["", "Cộng", len(data.lines), data.people, data.cost]))
    rows.append(SectionRow("B. Theo đơn vị (dòng của từng người và của nhóm trong đơn vị)"))
    rows += [[i, t.label, t.lines, t.people, t.cost] for i, t in enumerate(data.by_unit, 1)]
    rows.append(SubtotalRow(["", "Cộng", len(data.lines), data.people, data.cost]))
    return TableSpec(columns, rows, font_size=10.5, header_font_size=10)


def title(data: PlanDocument) -> str:
    return f"KẾ HOẠCH\nĐào tạo, bồi dưỡng cán bộ, công chức, viên chức năm {data.plan.year}"


def _subtitles(data: PlanDocument) -> list[str]:
    if data.plan.decision_label:
        what = "Kế hoạch" if data.plan.decision_kind == "ke_hoach" else "Quyết định"
        return [f"(Kèm theo {what} số {data.plan.decision_label})"]
    return ["(Dự thảo)"]


def _intro(data: PlanDocument) -> list[str]:
    p = data.plan
    text = [f"Tổng số {len(data.lines)} nội dung, {data.people} lượt người, dự toán kinh phí "
            f"{fmt_int(data.cost)} đồng."]
    if p.note:
        text.append(p.note)
    return text


_CLOSING = ("Người được cử đi đào tạo, bồi dưỡng có trách nhiệm chấp hành quy chế của cơ sở đào tạo, nộp văn bằng, "
            "chứng chỉ và báo cáo thu hoạch về Văn phòng Sở trong thời hạn 15 ngày sau khi kết thúc khóa học.")


def sections(data: PlanDocument) -> SectionedDocument:
    return SectionedDocument(
        title(data),
        (Section("I. Danh sách đào tạo, bồi dưỡng", f"Kế hoạch {data.plan.year}", lines_spec(data)),
         Section("II. Tổng hợp số lượng và kinh phí", "Tổng hợp", totals_spec(data))),
        subtitles=_subtitles(data), intro=_intro(data), outro=(_CLOSING,), landscape=True)


FORM = SectionedForm[PlanDocument](sections)
build_plan_pdf = FORM.pdf
build_plan_xlsx = FORM.xlsx


def write_json(target: Target, payload: dict[str, Any]) -> None:
    text = json.dumps(payload, ensure_ascii=False, indent=2).encode("utf-8")
    write_atomically(target, lambda f: f.write(text))


def export_plan(ctx: ServiceContext, target: str | os.PathLike[str], year: int | str, *,
                printed_on: date | None = None, progress: ProgressCallback | None = None,
                cancel: CancelCallback | None = None) -> PlanDocument:
    """The catalogue's "training_plan" document (hrapp.reports.catalogue.export)."""
    return export(ctx, "training_plan", {"plan": year}, target, progress, cancel, printed_on=printed_on).data


def dates_text(start: date | None, end: date | None) -> str:
    if start and end:
        return f"{fmt_date(start)} – {fmt_date(end)}"
    return fmt_date(start)
