"""Danh sách thí sinh đủ điều kiện dự vòng 2: candidate number, name, birth date by sex, position (PDF, Excel)."""

from __future__ import annotations

from hrapp.context import ServiceContext
from hrapp.queries.recruitment import CandidateInfo, RoundInfo, get_round, list_candidates
from hrapp.reports.document import Column, HeaderCell, TableSpec
from hrapp.reports.recruitment_common import (
    RecruitmentDocument,
    birth_by_sex,
    council_letterhead,
    plan_reference,
    recruitment_words,
)
from hrapp.security import READ, require


def round2_candidates(candidates: list[CandidateInfo]) -> list[CandidateInfo]:
    """Those who passed round 1 (or the check of conditions, for xét tuyển), by candidate number."""
    passed = [c for c in candidates if c.round1_passed is True]
    return sorted(passed, key=lambda c: (c.sbd or "~", c.full_name))


def eligible_spec(info: RoundInfo, candidates: list[CandidateInfo]) -> TableSpec:
    """STT | Số báo danh | Họ và tên | Ngày sinh (Nam, Nữ) | Vị trí dự tuyển | [Đơn vị] | Ghi chú; the unit
    column only when the round recruits for more than one unit."""
    units = len({t.unit_id for t in info.targets}) > 1
    columns = [
        Column("STT", 11, "center"),
        Column("Số báo danh", 20, "center"),
        Column("Họ và tên", 50),
        Column("Nam", 22, "center"),
        Column("Nữ", 22, "center"),
        Column("Vị trí dự tuyển", 62 if units else 80, wrap=True),
    ]
    head1 = [HeaderCell("STT", rowspan=2), HeaderCell("Số báo danh", rowspan=2),
             HeaderCell("Họ và tên", rowspan=2), HeaderCell("Ngày, tháng, năm sinh", colspan=2),
             HeaderCell("Vị trí dự tuyển", rowspan=2)]
    if units:
        columns.append(Column("Đơn vị", 52, wrap=True))
        head1.append(HeaderCell("Đơn vị", rowspan=2))
    columns.append(Column("Ghi chú", 42 if units else 62, wrap=True))
    head1.append(HeaderCell("Ghi chú", rowspan=2))
    rows: list = []
    for n, c in enumerate(round2_candidates(candidates), start=1):
        first = next((p for p in c.preferences if p.eligible), c.preferences[0] if c.preferences else None)
        later = [p for p in c.preferences if p.eligible and p is not first]
        note = "; ".join(f"Nguyện vọng {p.choice}: {p.position_name}" for p in later) or None
        cells: list[object] = [n, c.sbd, c.full_name, *birth_by_sex(c.gender, c.birth_date),
                               first.position_name if first else ""]
        if units:
            cells.append(first.unit_name if first else "")
        rows.append([*cells, note])
    return TableSpec(columns, rows, header=[head1, ["Nam", "Nữ"]], numbering=True, font_size=12)


def eligible_document(ctx: ServiceContext, info: RoundInfo, candidates: list[CandidateInfo]) -> RecruitmentDocument:
    require(ctx, READ)
    spec = eligible_spec(info, candidates)
    round2 = (info.round2_parts[0].label if len(info.round2_parts) == 1 and info.round2_parts[0].code == "tong"
              else "vòng 2")
    title = (f"Danh sách\nthí sinh đủ điều kiện tham dự vòng 2 kỳ {recruitment_words(info)}").upper()
    outro = [f"Danh sách này có {len(spec.rows)} thí sinh."]
    if info.round2_date:
        outro.append(f"Vòng 2 ({round2.lower()}) tổ chức ngày {info.round2_date:%d/%m/%Y}.")
    unit_names = sorted({t.unit_name for t in info.targets})
    intro = (f"Đơn vị sử dụng: {unit_names[0]}.",) if len(unit_names) == 1 else ()
    return RecruitmentDocument(
        letterhead=council_letterhead(ctx, info), title=title, spec=spec,
        subtitles=tuple(s for s in (plan_reference(info),) if s), intro=intro, outro=(" ".join(outro),),
        landscape=True, sheet_title="Dự vòng 2",
    )


def document(ctx: ServiceContext, round_id: int) -> RecruitmentDocument:
    return eligible_document(ctx, get_round(ctx, round_id), list_candidates(ctx, round_id))
