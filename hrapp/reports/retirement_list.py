"""The retirement list for a year and the next (danh sách nghỉ hưu) with notice dates, as PDF and Excel."""

from __future__ import annotations

import os
from datetime import date

from hrapp.context import ServiceContext
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    CancelCallback,
    Column,
    ProgressCallback,
    SectionRow,
    TableSpec,
)
from hrapp.reports.format import roman
from hrapp.reports.list_form import ListForm
from hrapp.services.career import RetirementList


def spec(data: RetirementList) -> TableSpec:
    """One section per year; numbering restarts in each."""
    columns = [
        Column("STT", 9, "center"),
        Column("Họ và tên", 36, wrap=True),
        Column("Ngày sinh", 19, "center"),
        Column("Giới tính", 13, "center"),
        Column("Đơn vị", 36, wrap=True),
        Column("Chức vụ", 26, wrap=True),
        Column("Ngạch, chức danh nghề nghiệp", 28, wrap=True),
        Column("Tuổi nghỉ hưu", 19, "center"),
        Column("Làm việc đến hết ngày", 20, "center"),
        Column("Thời điểm nghỉ hưu", 20, "center"),
        Column("Hạn thông báo nghỉ hưu", 20, "center"),
    ]
    rows: list = []
    for k, year in enumerate(data.years):
        group = data.of_year(year)
        rows.append(SectionRow(f"{roman(k)}. Nghỉ hưu năm {year} ({len(group)} người)"))
        for n, r in enumerate(group, 1):
            rank = f"{r.rank_name} ({r.rank_code})" if r.rank_code else ""
            rows.append([n, r.full_name, r.birth, "Nam" if r.gender == "M" else "Nữ", r.unit_name, r.post, rank,
                         r.age_label, r.last_working_day, r.retirement_date, r.notice_due])
    return TableSpec(columns, rows, font_size=10, header_font_size=9.5)


def title(data: RetirementList) -> str:
    years = " và năm ".join(str(y) for y in data.years)
    return f"DANH SÁCH\nCán bộ, công chức, viên chức nghỉ hưu năm {years}"


def _notes(data: RetirementList) -> list[str]:
    bases = sorted({b for r in data.rows for b in r.legal_basis})
    basis = f"Căn cứ: {'; '.join(bases)}." if bases else ""
    text = ("Thời điểm nghỉ hưu là ngày 01 tháng liền kề sau tháng đủ tuổi nghỉ hưu; người có ngày sinh chỉ ghi "
            "tháng, năm hoặc chỉ ghi năm được tính từ ngày 01 của tháng hoặc ngày 01/01 của năm đó.")
    return [basis, text] if basis else [text]


FORM = ListForm[RetirementList](title, spec, _notes, lambda _d: "Nghỉ hưu")
build_retirement_pdf = FORM.pdf
build_retirement_xlsx = FORM.xlsx


def export_retirement_list(ctx: ServiceContext, target: str | os.PathLike[str], data: RetirementList, *,
                           day: date | None = None, progress: ProgressCallback | None = None,
                           cancel: CancelCallback | None = None) -> None:
    """The catalogue's "retirement" document for a list already gathered (the one on screen)."""
    export(ctx, "retirement", {"year": data.year}, target, progress, cancel, printed_on=day, data=data)
