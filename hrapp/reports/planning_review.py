"""Danh sách bổ sung và đưa ra khỏi quy hoạch of one yearly review (rà soát quy hoạch): the people added, the
people removed with the reason, and those whose entry closed because they were appointed. PDF (NĐ 30/2020,
landscape) and Excel."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date

from hrapp.context import ServiceContext
from hrapp.domain import planning as pl
from hrapp.errors import NotFoundError
from hrapp.queries import planning as q
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    CancelCallback,
    Column,
    ProgressCallback,
    SectionRow,
    TableSpec,
)
from hrapp.reports.format import fmt_date, roman
from hrapp.reports.list_form import ListForm


@dataclass(frozen=True)
class ReviewLine:
    full_name: str
    birth: str
    gender: str
    current_post: str
    planned_post: str
    note: str


@dataclass(frozen=True)
class ReviewList:
    period_code: str
    period_label: str
    year: int
    review_date: date
    decision_label: str
    added: tuple[ReviewLine, ...]
    removed: tuple[ReviewLine, ...]
    appointed: tuple[ReviewLine, ...]
    review_id: int = 0


def review_list(ctx: ServiceContext, review_id: int) -> ReviewList:
    review = q.get_review(ctx, review_id)
    period = q.get_period(ctx, review.period_id)
    posts = q.list_posts(ctx, period.id, review.review_date)
    entries = pl.sort_entries(q.list_entries(ctx, period.id, None, review_id=review_id), [p.id for p in posts])
    profiles = q.profile_facts(ctx, [e.person_id for e in entries], review.review_date)

    def line(e: q.EntryRow, note: str) -> ReviewLine:
        current = profiles[e.person_id].current_post if e.person_id in profiles else ""
        return ReviewLine(e.full_name, e.birth.display(), "Nam" if e.gender == "M" else "Nữ", current,
                          e.post_title, note)

    added = tuple(line(e, e.note or "") for e in entries if e.review_id == review_id)
    gone = [e for e in entries if e.removal_review_id == review_id]
    removed = tuple(line(e, e.removal_reason or "") for e in gone if e.status == "removed")
    appointed = tuple(line(e, e.removal_reason or "") for e in gone if e.status == "appointed")
    return ReviewList(period.code, period.label, review.year, review.review_date, review.decision_label, added,
                      removed, appointed, review_id)


def latest_review_id(ctx: ServiceContext, period: int | str) -> int:
    reviews = q.list_reviews(ctx, q.get_period(ctx, period).id)
    if not reviews:
        raise NotFoundError("review_not_found", "Giai đoạn này chưa có đợt rà soát quy hoạch nào.", field="review")
    return reviews[-1].id


def spec(data: ReviewList) -> TableSpec:
    columns = [
        Column("STT", 9, "center"),
        Column("Họ và tên", 38, wrap=True),
        Column("Ngày sinh", 20, "center"),
        Column("Giới tính", 13, "center"),
        Column("Chức vụ, đơn vị công tác", 52, wrap=True),
        Column("Chức danh quy hoạch", 52, wrap=True),
        Column("Lý do, ghi chú", 68, wrap=True),
    ]
    rows: list = []
    groups = [("Bổ sung vào quy hoạch", data.added), ("Đưa ra khỏi quy hoạch", data.removed),
              ("Đã được bổ nhiệm (ra khỏi danh sách quy hoạch chức danh đã bổ nhiệm)", data.appointed)]
    k = 0
    for name, lines in groups:
        if not lines and name.startswith("Đã được"):
            continue
        rows.append(SectionRow(f"{roman(k)}. {name} ({len(lines)} trường hợp)"))
        k += 1
        for n, r in enumerate(lines, 1):
            rows.append([n, r.full_name, r.birth, r.gender, r.current_post, r.planned_post, r.note])
    return TableSpec(columns, rows, numbering=True, font_size=10.5, header_font_size=10)


def title(data: ReviewList) -> str:
    return (f"DANH SÁCH\nBổ sung và đưa ra khỏi quy hoạch cán bộ lãnh đạo, quản lý giai đoạn {data.period_label} "
            f"(rà soát năm {data.year})")


def _subtitles(data: ReviewList) -> list[str]:
    return [f"(Kèm theo Quyết định số {data.decision_label})"]


def _intro(data: ReviewList) -> list[str]:
    return [f"Kết quả rà soát quy hoạch đến ngày {fmt_date(data.review_date)}: bổ sung {len(data.added)} trường hợp, "
            f"đưa ra khỏi quy hoạch {len(data.removed)} trường hợp"
            + (f", {len(data.appointed)} trường hợp đã được bổ nhiệm." if data.appointed else ".")]


FORM = ListForm[ReviewList](title, spec, _intro, lambda d: f"Rà soát {d.year}", _subtitles)
build_planning_review_pdf = FORM.pdf
build_planning_review_xlsx = FORM.xlsx


def export_planning_review(ctx: ServiceContext, target: str | os.PathLike[str], review_id: int, *,
                           printed_on: date | None = None, progress: ProgressCallback | None = None,
                           cancel: CancelCallback | None = None) -> ReviewList:
    """The catalogue's "planning_review" document for one review (hrapp.reports.catalogue.export)."""
    return export(ctx, "planning_review", {"review": review_id}, target, progress, cancel,
                  printed_on=printed_on).data
