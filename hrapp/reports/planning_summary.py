"""Báo cáo cơ cấu quy hoạch: per planned post the holder, the number planned against the maximum, women and
the young among them and the posts without a successor; then the structure of the period (women, under 40, three
age tiers) against its targets. PDF (NĐ 30/2020, portrait) and Excel (two sheets)."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from hrapp.context import ServiceContext
from hrapp.domain.planning_structure import fmt_percent
from hrapp.domain.validation import age_on
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    SUM,
    CancelCallback,
    Column,
    ProgressCallback,
    TableSpec,
)
from hrapp.reports.format import fmt_date
from hrapp.reports.sectioned import Section, SectionedDocument, SectionedForm
from hrapp.services.planning import PeriodCheck


@dataclass(frozen=True)
class SummaryPostRow:
    title: str
    holders: str
    count: int
    maximum: int
    women: int
    young: int
    note: str


@dataclass(frozen=True)
class StructureRow:
    label: str
    count: int | None
    percent: str
    target: str
    result: str


@dataclass(frozen=True)
class PlanningSummary:
    period_code: str
    period_label: str
    check_date: date
    rule_label: str
    posts: tuple[SummaryPostRow, ...]
    structure: tuple[StructureRow, ...]
    warnings: tuple[str, ...]


def planning_summary(check: PeriodCheck) -> PlanningSummary:
    """The summary of a period from its checks."""
    young_age = check.structure.young_below_age
    people: dict[int, list] = defaultdict(list)
    for c in check.entries:
        people[c.entry.post_id].append(c.entry)
    rows = []
    for p in check.posts:
        entries = people.get(p.post.id, [])
        notes = []
        if p.no_successor:
            notes.append("Chưa có người quy hoạch")
        if p.over:
            notes.append(f"Vượt {p.count - p.maximum} người so với mức tối đa")
        failing = sum(1 for c in check.entries if c.entry.post_id == p.post.id and not c.eligible)
        if failing:
            notes.append(f"{failing} người chưa đạt tiêu chuẩn")
        holders = "; ".join(f"{h.full_name} ({fmt_date(h.term_end)})" if h.term_end else h.full_name
                            for h in p.post.holders)
        rows.append(SummaryPostRow(
            p.post.title, holders, p.count, p.maximum, sum(1 for e in entries if e.gender == "F"),
            sum(1 for e in entries if age_on(e.birth_date, check.check_date) < young_age), ". ".join(notes)))
    s = check.structure

    def met(ok: bool) -> str:
        return "Đạt" if ok else "Chưa đạt"

    structure = [
        StructureRow("Tổng số người trong quy hoạch", s.people, "", "", ""),
        StructureRow("Nữ", s.women.count, fmt_percent(s.women.percent), f"≥ {fmt_percent(s.women.target)}",
                     met(s.women.ok)),
        StructureRow(f"Dưới {young_age} tuổi", s.young.count, fmt_percent(s.young.percent),
                     f"≥ {fmt_percent(s.young.target)}", met(s.young.ok)),
        *(StructureRow(f"Độ tuổi: {t.label.lower()}", t.count, fmt_percent(t.percent), "", "") for t in s.tiers),
        StructureRow("Chức danh chưa có người quy hoạch", s.posts_without_successor,
                     f"{s.posts_without_successor}/{s.posts} chức danh", "0",
                     met(s.posts_without_successor == 0)),
    ]
    return PlanningSummary(check.period.code, check.period.label, check.check_date, check.rules.rule.legal_basis,
                           tuple(rows), tuple(structure), check.warnings)


def posts_spec(data: PlanningSummary) -> TableSpec:
    columns = [
        Column("STT", 9, "center"),
        Column("Chức danh quy hoạch", 48, wrap=True),
        Column("Người đang đảm nhiệm (hết nhiệm kỳ)", 40, wrap=True),
        Column("Số người quy hoạch", 15, "center"),
        Column("Tối đa", 12, "center"),
        Column("Nữ", 10, "center"),
        Column("Dưới 40 tuổi", 14, "center"),
        Column("Ghi chú", 30, wrap=True),
    ]
    rows = [[i, r.title, r.holders, r.count, r.maximum, r.women, r.young, r.note]
            for i, r in enumerate(data.posts, 1)]
    totals = ["Cộng", None, None, SUM, None, SUM, SUM, None]
    return TableSpec(columns, rows, numbering=True, totals=totals, font_size=10.5, header_font_size=10)


def structure_spec(data: PlanningSummary) -> TableSpec:
    columns = [
        Column("Chỉ tiêu", 62, wrap=True),
        Column("Số người", 20, "center"),
        Column("Tỷ lệ", 28, "center"),
        Column("Mục tiêu", 25, "center"),
        Column("Đánh giá", 30, "center"),
    ]
    rows = [[r.label, r.count, r.percent, r.target, r.result] for r in data.structure]
    return TableSpec(columns, rows, font_size=11, header_font_size=10.5)


def title(data: PlanningSummary) -> str:
    return f"BÁO CÁO\nSố lượng, cơ cấu quy hoạch cán bộ lãnh đạo, quản lý giai đoạn {data.period_label}"


def _intro(data: PlanningSummary) -> str:
    return (f"Số liệu tính đến ngày {fmt_date(data.check_date)}; tiêu chuẩn và cơ cấu theo {data.rule_label}. "
            "Mỗi người chỉ tính một lần trong cơ cấu dù được quy hoạch nhiều chức danh.")


def sections(data: PlanningSummary) -> SectionedDocument:
    return SectionedDocument(
        title(data),
        (Section("I. Số lượng quy hoạch theo chức danh", "Theo chức danh", posts_spec(data)),
         Section("II. Cơ cấu quy hoạch", "Cơ cấu", structure_spec(data))),
        intro=(_intro(data),), signed_sheet=1)


FORM = SectionedForm[PlanningSummary](sections)
build_planning_summary_pdf = FORM.pdf
build_planning_summary_xlsx = FORM.xlsx


def export_planning_summary(ctx: ServiceContext, target: str | os.PathLike[str], period: int | str,
                            as_of: date | None = None, *, printed_on: date | None = None,
                            progress: ProgressCallback | None = None,
                            cancel: CancelCallback | None = None) -> PlanningSummary:
    """The catalogue's "planning_summary" document (hrapp.reports.catalogue.export)."""
    return export(ctx, "planning_summary", {"period": period, "as_of": as_of}, target, progress, cancel,
                  printed_on=printed_on).data
