"""Nhu cầu tuyển dụng: the recruitment plan's table of positions, quotas and requirements, by unit (PDF, Excel)."""

from __future__ import annotations

from hrapp.context import ServiceContext
from hrapp.queries.recruitment import RoundInfo, get_round
from hrapp.reports.document import MERGE, SUM, Column, HeaderCell, SectionRow, TableSpec
from hrapp.reports.format import roman
from hrapp.reports.letterhead import letterhead_for
from hrapp.reports.recruitment_common import (
    RecruitmentDocument,
    plan_reference,
    subject_year,
)
from hrapp.security import READ, require


def plan_spec(info: RoundInfo) -> TableSpec:
    """STT | Vị trí việc làm | Ngạch/CDNN (mã số) | Số lượng | Trình độ, chuyên ngành | Yêu cầu khác | Ghi chú;
    one section per unit (I, II …), positions numbered within it, and the total of places."""
    rank_word = "Ngạch công chức" if info.subject == "cong_chuc" else "Chức danh nghề nghiệp"
    columns = [
        Column("STT", 11, "center"),
        Column("Vị trí việc làm", 52, wrap=True),
        Column(f"{rank_word} (mã số)", 42, wrap=True),
        Column("Số lượng cần tuyển", 20, "center"),
        Column("Trình độ chuyên môn, chuyên ngành", 58, wrap=True),
        Column("Yêu cầu khác", 48, wrap=True),
        Column("Ghi chú", 30, wrap=True),
    ]
    header: list[list[HeaderCell | str]] = [[HeaderCell("STT", rowspan=2), HeaderCell("Vị trí việc làm", rowspan=2),
               HeaderCell(f"{rank_word} (mã số)", rowspan=2), HeaderCell("Số lượng cần tuyển", rowspan=2),
               HeaderCell("Yêu cầu về tiêu chuẩn, điều kiện", colspan=2), HeaderCell("Ghi chú", rowspan=2)],
              ["Trình độ chuyên môn, chuyên ngành", "Yêu cầu khác"]]
    rows: list = []
    units: list[str] = []
    for t in info.targets:
        if t.unit_name not in units:
            units.append(t.unit_name)
    for u, unit in enumerate(units):
        if len(units) > 1:
            rows.append(SectionRow(f"{roman(u)}. {unit}"))
        n = 0
        for t in info.targets:
            if t.unit_name != unit:
                continue
            n += 1
            rank = f"{t.rank_name} ({t.rank_code})" if t.rank_name else ""
            note = f"Vượt số vị trí còn trống: {t.over_vacancy_reason}" if t.over_vacancy_reason else t.note
            rows.append([n, t.position_name, rank, t.quota, t.education_requirement or "Theo vị trí việc làm",
                         t.other_requirements or None, note])
    totals = ["Tổng cộng", MERGE, MERGE, SUM, None, None, None]
    return TableSpec(columns, rows, header=header, numbering=True, totals=totals, font_size=12)


def plan_document(ctx: ServiceContext, info: RoundInfo) -> RecruitmentDocument:
    require(ctx, READ)
    lh = letterhead_for(ctx, None)
    units = sorted({t.unit_name for t in info.targets})
    subtitles = [s for s in (plan_reference(info, "Kèm theo"),) if s]
    where = f"Đơn vị sử dụng: {units[0]}. " if len(units) == 1 else ""
    intro = (f"{where}Hình thức tuyển dụng: {info.method_label.lower()}.",)
    return RecruitmentDocument(
        letterhead=lh, title=f"Nhu cầu tuyển dụng {subject_year(info)}".upper(), spec=plan_spec(info),
        subtitles=tuple(subtitles), intro=intro,
        day=info.plan_decision.sign_date if info.plan_decision else None, landscape=True,
        signatures=(lh.head_signature(),), sheet_title="Nhu cầu tuyển dụng",
    )


def document(ctx: ServiceContext, round_id: int) -> RecruitmentDocument:
    return plan_document(ctx, get_round(ctx, round_id))
