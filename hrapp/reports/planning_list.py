"""Danh sách cán bộ trong quy hoạch: one section per planned post with the people planned for it (STT, họ tên,
ngày sinh, giới tính, dân tộc, chức vụ hiện nay, trình độ, the last three ratings, every post planned, note).
PDF (NĐ 30/2020, landscape) and Excel from the same table."""

from __future__ import annotations

import os
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from hrapp.context import ServiceContext
from hrapp.domain import planning as pl
from hrapp.domain.evaluation import Rating
from hrapp.queries import planning as q
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    CancelCallback,
    Column,
    HeaderCell,
    ProgressCallback,
    SectionRow,
    TableSpec,
)
from hrapp.reports.format import fmt_date, roman
from hrapp.reports.list_form import ListForm
from hrapp.security import READ, require
from hrapp.services.planning import PeriodCheck


@dataclass(frozen=True)
class ListRow:
    full_name: str
    birth: str
    gender: str
    ethnicity: str
    current_post: str
    chuyen_mon: str
    llct: str
    qlnn: str
    ngoai_ngu: str
    tin_hoc: str
    ratings: tuple[str, ...]
    planned_posts: str
    note: str
    eligible: bool


@dataclass(frozen=True)
class ListSection:
    title: str
    holders: str
    rows: tuple[ListRow, ...]


@dataclass(frozen=True)
class PlanningList:
    period_code: str
    period_label: str
    period_name: str
    check_date: date
    appointment_date: date
    rule_label: str
    years: tuple[int, ...]
    sections: tuple[ListSection, ...]
    decisions: tuple[str, ...]

    @property
    def people(self) -> int:
        return len({(r.full_name, r.birth) for s in self.sections for r in s.rows})

    @property
    def failing(self) -> int:
        return sum(1 for s in self.sections for r in s.rows if not r.eligible)


def _rating(code: str | None) -> str:
    return Rating.parse(code).short if code else "—"


def planning_list(ctx: ServiceContext, check: PeriodCheck) -> PlanningList:
    """The printable list of a period from its checks (active entries, grouped by post in print order)."""
    require(ctx, READ)
    years = pl.evaluation_years(check.rules, check.check_date)
    ids = [c.entry.person_id for c in check.entries]
    profiles = q.profile_facts(ctx, ids, check.check_date)
    planned: dict[int, list[str]] = defaultdict(list)
    for c in check.entries:
        if c.entry.post_title not in planned[c.entry.person_id]:
            planned[c.entry.person_id].append(c.entry.post_title)
    by_post: dict[int, list[ListRow]] = defaultdict(list)
    decisions: list[str] = []
    for c in check.entries:
        e = c.entry
        f = profiles[e.person_id]
        notes = []
        if e.kind == "supplement":
            notes.append(f"Bổ sung {e.approved_on.year}")
        if e.note:
            notes.append(e.note)
        if not c.eligible:
            notes.append("Chưa đạt: " + "; ".join(r.brief for r in c.reasons))
        by_post[e.post_id].append(ListRow(
            full_name=e.full_name, birth=e.birth.display(), gender="Nam" if e.gender == "M" else "Nữ",
            ethnicity=f.ethnicity, current_post=f.current_post, chuyen_mon=f.chuyen_mon, llct=f.llct, qlnn=f.qlnn,
            ngoai_ngu=f.ngoai_ngu, tin_hoc=f.tin_hoc, ratings=tuple(_rating(f.ratings.get(y)) for y in years),
            planned_posts="; ".join(planned[e.person_id]), note=". ".join(notes), eligible=c.eligible,
        ))
        if e.decision_label not in decisions:
            decisions.append(e.decision_label)
    sections = []
    for p in check.posts:
        holders = ", ".join(f"{h.full_name} (hết nhiệm kỳ {fmt_date(h.term_end)})" if h.term_end else h.full_name
                            for h in p.post.holders)
        sections.append(ListSection(p.post.title, holders, tuple(by_post.get(p.post.id, ()))))
    period = check.period
    return PlanningList(period.code, period.label, period.name, check.check_date, check.appointment_date,
                        check.rules.rule.legal_basis, years, tuple(sections), tuple(decisions))


def spec(data: PlanningList) -> TableSpec:
    columns = [
        Column("STT", 8, "center"),
        Column("Họ và tên", 30, wrap=True),
        Column("Ngày sinh", 17, "center"),
        Column("Giới tính", 10, "center"),
        Column("Dân tộc", 11, "center"),
        Column("Chức vụ, đơn vị công tác hiện nay", 33, wrap=True),
        Column("Chuyên môn", 25, wrap=True),
        Column("Lý luận chính trị", 13, "center", wrap=True),
        Column("Quản lý nhà nước", 12, "center", wrap=True),
        Column("Ngoại ngữ", 14, "center", wrap=True),
        Column("Tin học", 12, "center", wrap=True),
        *(Column(str(y), 12, "center") for y in data.years),
        Column("Chức danh quy hoạch", 28, wrap=True),
        Column("Ghi chú", 27, wrap=True),
    ]
    n_years = len(data.years)
    header: list[list[HeaderCell | str]] = [
        [HeaderCell("STT", rowspan=2), HeaderCell("Họ và tên", rowspan=2), HeaderCell("Ngày sinh", rowspan=2),
         HeaderCell("Giới tính", rowspan=2), HeaderCell("Dân tộc", rowspan=2),
         HeaderCell("Chức vụ, đơn vị công tác hiện nay", rowspan=2), HeaderCell("Trình độ", colspan=5),
         *([HeaderCell(f"Kết quả đánh giá, xếp loại {n_years} năm gần nhất", colspan=n_years)] if n_years else []),
         HeaderCell("Chức danh quy hoạch", rowspan=2), HeaderCell("Ghi chú", rowspan=2)],
        ["Chuyên môn", "Lý luận chính trị", "Quản lý nhà nước", "Ngoại ngữ", "Tin học",
         *(str(y) for y in data.years)],
    ]
    rows: list = []
    for i, section in enumerate(data.sections):
        count = f"{len(section.rows)} người" if section.rows else "chưa có người quy hoạch"
        text = f"{roman(i)}. {section.title} ({count})"
        if section.holders:
            text += f" — Đương nhiệm: {section.holders}"
        rows.append(SectionRow(text))
        for n, r in enumerate(section.rows, 1):
            rows.append([n, r.full_name, r.birth, r.gender, r.ethnicity, r.current_post, r.chuyen_mon, r.llct, r.qlnn,
                         r.ngoai_ngu, r.tin_hoc, *r.ratings, r.planned_posts, r.note])
    return TableSpec(columns, rows, header=header, numbering=True, font_size=9.5, header_font_size=9)


def title(data: PlanningList) -> str:
    return f"DANH SÁCH\nCán bộ trong quy hoạch chức danh lãnh đạo, quản lý giai đoạn {data.period_label}"


def _subtitles(data: PlanningList) -> list[str]:
    if not data.decisions:
        return []
    return [f"(Kèm theo Quyết định số {'; '.join(data.decisions)})"]


def _notes(data: PlanningList) -> list[str]:
    text = (f"Tiêu chuẩn được kiểm tra đến ngày {fmt_date(data.check_date)} theo {data.rule_label}; tuổi tính đến "
            f"thời điểm dự kiến bổ nhiệm {fmt_date(data.appointment_date)}; kết quả đánh giá, xếp loại các năm "
            f"{', '.join(str(y) for y in data.years)}.")
    if data.failing:
        text += (f" Có {data.failing} trường hợp chưa đạt tiêu chuẩn, ghi ở cột Ghi chú.")
    return [text]


FORM = ListForm[PlanningList](title, spec, _notes, lambda d: f"Quy hoạch {d.period_code}", _subtitles)
build_planning_list_pdf = FORM.pdf
build_planning_list_xlsx = FORM.xlsx


def export_planning_list(ctx: ServiceContext, target: str | os.PathLike[str], period: int | str,
                         as_of: date | None = None, *, printed_on: date | None = None,
                         progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> PlanningList:
    """The catalogue's "planning_list" document (hrapp.reports.catalogue.export)."""
    return export(ctx, "planning_list", {"period": period, "as_of": as_of}, target, progress, cancel,
                  printed_on=printed_on).data



