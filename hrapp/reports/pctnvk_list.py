"""The PCTNVK list (danh sách hưởng phụ cấp thâm niên vượt khung) as PDF and Excel, forms.md §4B and §4C.

'full' is form 4B (3 header rows, 18 numbered columns); 'due' is the 4C variant (BÁO CÁO DANH SÁCH CÁN BỘ ĐẾN
HẠN XÉT VƯỢT KHUNG). Both are A4 landscape, NĐ 30/2020.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import date

from hrapp.context import ServiceContext
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    MERGE,
    SUM,
    CancelCallback,
    Column,
    HeaderCell,
    ProgressCallback,
    TableSpec,
)
from hrapp.reports.pay_step_list import (
    PayListForm,
    base_salary_line,
    due_columns,
    due_header,
    due_values,
    period_label,
)
from hrapp.services.pay_lists import PayList


def full_spec(pay_list: PayList) -> TableSpec:
    """Form 4B: group headings over leaf titles, then a row numbering the 18 columns."""
    columns = [
        Column("TT", 8, "center"),
        Column("Đơn vị", 18, wrap=True),
        Column("Họ và Tên", 24, wrap=True),
        Column("Năm sinh", 12, "center"),
        Column("Trình độ đào tạo", 16, wrap=True),
        Column("Tên ngạch", 16, wrap=True),
        Column("Mã ngạch", 16, "center"),
        Column("Bậc cuối cùng trong ngạch", 12, "center"),
        Column("Hệ số lương của bậc cuối", 12, "right", places=2),
        Column("% Phụ cấp thâm niên vượt khung", 11, "center"),
        Column("Hệ số Phụ cấp TNVK đang hưởng", 12, "right", places=3),
        Column("Hệ số chênh lệch bảo lưu (nếu có)", 10, "right", places=2),
        Column("Ngày tháng năm hưởng", 16, "center"),
        Column("% Phụ cấp thâm niên vượt khung", 11, "center"),
        Column("Hệ số Phụ cấp TNVK được hưởng", 12, "right", places=3),
        Column("Hệ số chênh lệch bảo lưu (nếu có)", 10, "right", places=2),
        Column("Ngày tháng năm hưởng", 16, "center"),
        Column("Chênh lệch hệ số do tăng PCTNVK", 14, "right", places=3),
    ]
    header: list[Sequence[HeaderCell | str]] = [
        [HeaderCell("TT", rowspan=2), HeaderCell("Đơn vị", rowspan=2), HeaderCell("Họ và Tên", rowspan=2),
         HeaderCell("Năm sinh", rowspan=2), HeaderCell("Trình độ đào tạo", rowspan=2),
         HeaderCell("Mức lương đang hưởng", colspan=8),
         HeaderCell("Kết quả nâng mức phụ cấp thâm niên vượt khung", colspan=5)],
        [c.title for c in columns[5:]],
    ]
    rows = []
    for n, r in enumerate(pay_list.rows, 1):
        since = r.pctnvk_since if r.pctnvk_percent else None
        rows.append([
            n, r.unit_name, r.full_name, r.birth_year, r.education, r.rank_name, r.rank_code, r.step, r.coefficient,
            f"{r.pctnvk_percent}%" if r.pctnvk_percent else "", r.pctnvk_coefficient, None, since,
            f"{r.new_pctnvk_percent}%", r.new_pctnvk_coefficient, None, r.new_date, r.coefficient_increase,
        ])
    totals = ["Tổng cộng"] + [MERGE] * 4 + [None] * 12 + [SUM]
    return TableSpec(columns, rows, header=header, numbering=True, totals=totals if rows else None,
                     font_size=8.5, header_font_size=8)


def due_spec(pay_list: PayList) -> TableSpec:
    """Form 4C, vượt khung variant: … Phụ cấp khác · Khung bậc tối đa · Thời hạn xét vượt khung · Ghi chú."""
    tail = ["Khung bậc tối đa", "Thời hạn xét vượt khung", "Ghi chú"]
    columns = due_columns(compact=True) + [Column(tail[0], 12, "center"), Column(tail[1], 17, "center"),
                                            Column(tail[2], 16, wrap=True)]
    header = due_header(columns, tail)
    rows = []
    for n, r in enumerate(pay_list.rows, 1):
        note = f"Hưởng {r.new_pctnvk_percent}%"
        if r.pctnvk_percent:
            note = f"Từ {r.pctnvk_percent}% lên {r.new_pctnvk_percent}%"
        if r.overdue:
            note += "; quá hạn"
        if r.delay_text:
            note += f"; {r.delay_text}"
        rows.append(due_values(n, r, pay_list.end) + [r.max_step, r.new_date, note])
    return TableSpec(columns, rows, header=header, font_size=8.5, header_font_size=8)


def title(pay_list: PayList, layout: str) -> str:
    if layout == "due":
        return "BÁO CÁO DANH SÁCH CÁN BỘ ĐẾN HẠN XÉT VƯỢT KHUNG"
    return ("DANH SÁCH\nCán bộ, công chức, viên chức hưởng (nâng mức) phụ cấp thâm niên vượt khung "
            f"{period_label(pay_list.start, pay_list.end)}")


def _subtitles(pay_list: PayList, layout: str) -> list[str]:
    return [f"Tính đến ngày {pay_list.end:%d/%m/%Y}"] if layout == "due" else base_salary_line(pay_list)


def _outro(pay_list: PayList) -> list[str]:
    if not pay_list.rows:
        return ["Không có cán bộ, công chức, viên chức đến hạn hưởng phụ cấp thâm niên vượt khung trong kỳ."]
    # No closing line under a non-empty table: the table keeps its last rows with the signatures only when
    # nothing stands between them.
    return []


FORM = PayListForm(title, full_spec, due_spec, _subtitles, _outro, "Vượt khung")
build_pctnvk_pdf = FORM.pdf
build_pctnvk_xlsx = FORM.xlsx


def export_pctnvk_list(ctx: ServiceContext, target: str | os.PathLike[str], pay_list: PayList, layout: str = "full", *,
                       day: date | None = None, progress: ProgressCallback | None = None,
                       cancel: CancelCallback | None = None) -> None:
    """The catalogue's "pctnvk" document for a list already gathered (the one on screen)."""
    export(ctx, "pctnvk", {"layout": layout}, target, progress, cancel, printed_on=day, data=pay_list)
