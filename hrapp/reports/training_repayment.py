"""Bảng tính chi phí đền bù đào tạo: a person's study commitment, what they served and the repayment owed when they
left early (NĐ 101/2017 Điều 7–8: 100%, or S = F/T1 × (T1 − T2)). PDF (NĐ 30/2020, portrait)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from typing import IO

from hrapp.context import ServiceContext
from hrapp.db.audit import record
from hrapp.domain import training as tr
from hrapp.errors import DomainError
from hrapp.queries import training as q
from hrapp.reports.document import Column, OfficialDocument, TableSpec
from hrapp.reports.format import fmt_date, fmt_int
from hrapp.reports.letterhead import letterhead_for
from hrapp.reports.output import write_audited


@dataclass(frozen=True)
class RepaymentSheet:
    commitment: q.CommitmentRow
    repayment: tr.Repayment
    left_on: date


def repayment_sheet(ctx: ServiceContext, commitment_id: int, left_on: date | None = None,
                    case: str | None = None) -> RepaymentSheet:
    """The sheet of a broken commitment (its recorded leaving), or a preview for a leaving day and case."""
    c = next((x for x in q.list_commitments(ctx) if x.id == commitment_id), None)
    if c is None:
        raise DomainError("commitment_not_found", "Không tìm thấy cam kết này.", field="commitment_id")
    day = left_on or c.left_on
    how = case or c.leave_case
    if day is None or how is None:
        raise DomainError("no_leaving", "Chưa có ngày nghỉ việc và trường hợp đền bù để tính.", field="left_on")
    return RepaymentSheet(c, q.repayment_preview(ctx, commitment_id, day, how), day)


def spec(data: RepaymentSheet) -> TableSpec:
    c, r = data.commitment, data.repayment
    rows = [
        ["Họ và tên", c.full_name],
        ["Chương trình đào tạo", c.programme],
        ["Thời gian đào tạo", f"{fmt_date(c.study_start)} – {fmt_date(c.study_end)} ({c.study_months} tháng)"],
        ["Thời gian cam kết phục vụ (T1)", f"{c.commitment_months} tháng (gấp {c.multiplier} lần thời gian đào tạo), "
                                            f"từ {fmt_date(c.service_from)} đến {fmt_date(c.service_until)}"],
        ["Ngày nghỉ việc", fmt_date(data.left_on)],
        ["Trường hợp", tr.LEAVE_CASES[r.case]],
        ["Thời gian đã phục vụ (T2)", f"{r.served_months} tháng"],
        ["Tổng chi phí đào tạo (F)", f"{fmt_int(r.cost)} đồng"],
        ["Cách tính", r.formula],
        ["Số tiền phải đền bù (S)", f"{fmt_int(r.amount)} đồng"],
    ]
    return TableSpec([Column("Nội dung", 60, wrap=True), Column("Giá trị", 105, wrap=True)], rows, font_size=12)


def build_repayment_pdf(target: str | os.PathLike[str] | IO[bytes], ctx: ServiceContext, data: RepaymentSheet, *,
                        day: date | None = None) -> int:
    doc = OfficialDocument(letterhead_for(ctx, "BB"), "BẢNG TÍNH\nChi phí đền bù đào tạo", day=day)
    doc.paragraph(f"Căn cứ {data.repayment.rule.legal_basis}; cam kết phục vụ sau đào tạo của "
                  f"{data.commitment.full_name}.")
    doc.table(spec(data))
    doc.paragraph("Chi phí đền bù gồm học phí và các khoản chi phục vụ khóa học, không tính tiền lương và phụ cấp; "
                  "T1, T2 tính bằng số tháng làm tròn.", "note")
    return doc.build(target)


def export_repayment(ctx: ServiceContext, target: str | os.PathLike[str], commitment_id: int,
                     left_on: date | None = None, case: str | None = None, *,
                     printed_on: date | None = None) -> RepaymentSheet:
    data = repayment_sheet(ctx, commitment_id, left_on, case)
    write_audited(ctx, target, lambda fh: build_repayment_pdf(fh, ctx, data, day=printed_on), lambda s: record(
        s, "export", "study_commitment", str(commitment_id),
        summary=f"Bảng tính chi phí đền bù đào tạo của {data.commitment.full_name}", person_id=data.commitment.person_id))
    return data
