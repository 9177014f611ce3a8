"""Danh sách nhu cầu đào tạo, bồi dưỡng: per person the requirement of their job position or planned post, what they
hold, what is missing and whether it is already planned or in training; then the needs by unit and course type.
PDF (NĐ 30/2020, landscape), Excel (two sheets) and JSON."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import Any

from hrapp import clock
from hrapp.context import ServiceContext
from hrapp.domain import training as tr
from hrapp.queries import training as q
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    SUM,
    CancelCallback,
    Column,
    HeaderCell,
    ProgressCallback,
    SectionRow,
    TableSpec,
)
from hrapp.reports.format import fmt_date
from hrapp.reports.sectioned import Section, SectionedDocument, SectionedForm

SOURCE_LABELS = {"position": "Vị trí việc làm", "planning": "Quy hoạch"}


@dataclass(frozen=True)
class GapsDocument:
    as_of: date
    unit_label: str
    rows: tuple[q.GapRow, ...]
    types: tuple[str, ...]
    needs: tuple[q.NeedRow, ...]

    @property
    def people(self) -> int:
        return len({r.person_id for r in self.rows})

    def to_json(self) -> list[dict[str, Any]]:
        return [r.to_json() for r in self.rows]


def gaps_document(ctx: ServiceContext, as_of: date | None = None, unit: int | str | None = None) -> GapsDocument:
    day = as_of or clock.today()
    rows = q.gap_analysis(ctx, day, unit)
    types, needs = q.NeedRow.of_gaps(rows)
    label = ""
    if unit:
        label = next((r.unit_name for r in rows if r.unit_code == unit or r.unit_id == unit), str(unit))
    return GapsDocument(day, label, tuple(rows), tuple(types), tuple(needs))


def _type_label(code: str) -> str:
    if ":" in code:
        return f"{tr.KIND_SHORT.get(code.split(':')[0], code)} (khác)"
    return tr.course_type_short(code)


def gaps_spec(data: GapsDocument) -> TableSpec:
    columns = [
        Column("STT", 9, "center"),
        Column("Họ và tên", 34, wrap=True),
        Column("Chức vụ, vị trí việc làm", 42, wrap=True),
        Column("Nguồn yêu cầu", 22, "center", wrap=True),
        Column("Yêu cầu của", 50, wrap=True),
        Column("Yêu cầu", 32, wrap=True),
        Column("Hiện có", 26, wrap=True),
        Column("Đã có kế hoạch, đang học", 45, wrap=True),
    ]
    rows: list = []
    unit = None
    n = 0
    for r in data.rows:
        if r.unit_code != unit:
            unit = r.unit_code
            rows.append(SectionRow(r.unit_name or "Chưa rõ đơn vị"))
        n += 1
        rows.append([n, r.full_name, r.post, SOURCE_LABELS.get(r.source, r.source), r.gap.requirement.required_for,
                     r.gap.requirement.label, tr.level_label(r.gap.held) if r.gap.held else "Chưa có", r.in_plan])
    return TableSpec(columns, rows, numbering=True, font_size=9.5, header_font_size=9.5)


def needs_spec(data: GapsDocument) -> TableSpec:
    types = list(data.types)
    columns = [Column("STT", 10, "center"), Column("Đơn vị", 70, wrap=True),
               *(Column(_type_label(t), 22, "center", wrap=True) for t in types), Column("Cộng", 18, "center")]
    header: list[list[HeaderCell | str]] | None = [[HeaderCell("STT", rowspan=2), HeaderCell("Đơn vị", rowspan=2),
               HeaderCell("Số người cần đào tạo, bồi dưỡng theo loại", colspan=max(len(types), 1)),
               HeaderCell("Cộng", rowspan=2)],
              [_type_label(t) for t in types]] if types else None
    rows = [[i, n.unit_name, *(n.counts.get(t, 0) or None for t in types), n.total] for i, n in enumerate(data.needs, 1)]
    totals = ["Cộng", None, *(SUM for _ in types), SUM]
    return TableSpec(columns, rows, header=header, totals=totals, font_size=10, header_font_size=9.5)


def title(data: GapsDocument) -> str:
    return "DANH SÁCH\nNhu cầu đào tạo, bồi dưỡng theo yêu cầu của vị trí việc làm và chức danh quy hoạch"


def _intro(data: GapsDocument) -> list[str]:
    where = f" của {data.unit_label}" if data.unit_label else ""
    return [f"Đối chiếu trình độ hiện có{where} đến ngày {fmt_date(data.as_of)} với yêu cầu của vị trí việc làm đang "
            f"đảm nhiệm và của chức danh được quy hoạch: {data.people} người còn thiếu {len(data.rows)} tiêu chuẩn."]


def sections(data: GapsDocument) -> SectionedDocument:
    return SectionedDocument(title(data), (Section("I. Danh sách theo người", "Nhu cầu theo người", gaps_spec(data)),
                                           Section("II. Tổng hợp nhu cầu theo đơn vị", "Theo đơn vị",
                                                   needs_spec(data))),
                             intro=_intro(data), landscape=True)


FORM = SectionedForm[GapsDocument](sections)
build_gaps_pdf = FORM.pdf
build_gaps_xlsx = FORM.xlsx


def export_gaps(ctx: ServiceContext, target: str | os.PathLike[str], as_of: date | None = None,
                unit: int | str | None = None, *, printed_on: date | None = None,
                progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> GapsDocument:
    """The catalogue's "training_gaps" document (hrapp.reports.catalogue.export)."""
    return export(ctx, "training_gaps", {"as_of": as_of, "unit": unit}, target, progress, cancel,
                  printed_on=printed_on).data
