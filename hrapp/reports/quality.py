"""Báo cáo số lượng, chất lượng (Biểu BM01/BNV, TT 11/2012/TT-BNV) on a date: landscape PDF with the NĐ 30
letterhead, the same table as Excel, and the statistics as JSON."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from datetime import date
from typing import IO

from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, Table, TableStyle

from hrapp import catalogs
from hrapp.context import ServiceContext
from hrapp.errors import ValidationError
from hrapp.queries.quality import QualityCounts, QualityStats, quality_stats
from hrapp.reports.catalogue import export
from hrapp.reports.document import (
    FONT,
    FONT_BOLD,
    FONT_ITALIC,
    CancelCallback,
    Column,
    HeaderCell,
    Letterhead,
    Margins,
    OfficialDocument,
    ProgressCallback,
    RowType,
    SubtotalRow,
    TableSpec,
    register_fonts,
    write_atomically,
)
from hrapp.reports.excel import build_xlsx
from hrapp.reports.format import day_month_year, fmt_int, vn_upper
from hrapp.reports.letterhead import table_signatures
from hrapp.security import READ, require

__all__ = ["export_quality", "quality_table", "write_quality_json", "write_quality_pdf",
           "write_quality_xlsx"]

FORM_CODE = "BM01/BNV"
LEGAL_BASIS = "Ban hành kèm theo Thông tư số 11/2012/TT-BNV ngày 17 tháng 12 năm 2012 của Bộ Nội vụ"
SCOPE_NOTE = "(Áp dụng đối với tỉnh, thành phố trực thuộc Trung ương, Bộ, Ban, ngành)"
RECIPIENT = "Sở Nội vụ"


def title_for(stats: QualityStats) -> str:
    """The BM01 title for công chức; for a report over every category the same title names them all."""
    if stats.categories == ("cong_chuc",):
        who = "CÔNG CHỨC TỪ CẤP HUYỆN TRỞ LÊN"
    else:
        who = "CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC VÀ NGƯỜI LAO ĐỘNG"
    return f"BÁO CÁO SỐ LƯỢNG, CHẤT LƯỢNG {who} NĂM {stats.as_of.year}"


def _n(width: float = 5.5) -> Column:
    return Column("", width, "center")


def _v(text: str, rowspan: int = 1) -> HeaderCell:
    return HeaderCell(text, rowspan=rowspan, vertical=True)


def _counts(c: QualityCounts) -> list[int]:
    """Columns 2–38 of BM01 in order."""
    e, p, q, r, it, lang = (c.by_education, c.by_political_theory, c.by_state_management, c.by_rank, c.by_it,
                            c.by_language)
    a = c.age_bands
    return [
        c.headcount, c.women, c.party_members, c.ethnic_minority, c.religious,
        r["CVCC"], r["CVC"], r["CV"], r["CS"], r["NV"],
        e["TS"], e["ThS"], e["DH"], e["CD"], e["TC"], e["SC"],
        p["cu_nhan"], p["cao_cap"], p["trung_cap"], p["so_cap"],
        it["trung_cap_tro_len"], it["chung_chi"],
        lang["english_degree"], lang["english_certificate"], lang["other_degree"], lang["other_certificate"],
        lang["ethnic_language"],
        q["CVCC"], q["CVC"], q["CV"],
        a["<=30"], a["31-40"], a["41-50"], a["51-60"], c.women_51_55, c.men_56_60, c.over_retirement_age,
    ]


def quality_table(stats: QualityStats) -> TableSpec:
    """The 40 columns of BM01/BNV (A, B, 1 … 38) with its four header rows, the total row first."""
    only_cc = stats.categories == ("cong_chuc",)
    existing = "Tổng số công chức hiện có" if only_cc else "Tổng số hiện có"
    columns = [Column("Số thứ tự", 7, "center"), Column("Tên đơn vị", 46, "left", wrap=True)] + \
        [_n() for _ in range(38)]
    header: list[Sequence[HeaderCell | str]] = [
        [HeaderCell("Số thứ tự", rowspan=4, vertical=True), HeaderCell("Tên đơn vị", rowspan=4),
         _v("Tổng số biên chế được giao", 4), _v(existing, 4),
         HeaderCell("Trong đó", colspan=4, rowspan=3), HeaderCell("Chia theo ngạch công chức", colspan=5, rowspan=3),
         HeaderCell("Chia theo trình độ đào tạo", colspan=20), HeaderCell("Chia theo độ tuổi", colspan=7)],
        [HeaderCell("Chuyên môn", colspan=6, rowspan=2), HeaderCell("Chính trị", colspan=4, rowspan=2),
         HeaderCell("Tin học", colspan=2, rowspan=2), HeaderCell("Ngoại ngữ", colspan=4),
         _v("Chứng chỉ tiếng dân tộc", 3), HeaderCell("Quản lý nhà nước", colspan=3, rowspan=2),
         _v("Từ 30 trở xuống", 3), _v("Từ 31 đến 40", 3), _v("Từ 41 đến 50", 3),
         HeaderCell("Từ 51 đến 60", colspan=3, rowspan=2), _v("Trên tuổi nghỉ hưu", 3)],
        [HeaderCell("Tiếng Anh", colspan=2), HeaderCell("Ngoại ngữ khác", colspan=2)],
        [_v("Nữ"), _v("Đảng viên"), _v("Dân tộc thiểu số"), _v("Tôn giáo"),
         _v("Chuyên viên cao cấp & TĐ"), _v("Chuyên viên chính & TĐ"), _v("Chuyên viên & TĐ"), _v("Cán sự & TĐ"),
         _v("Nhân viên"),
         _v("Tiến sĩ"), _v("Thạc sĩ"), _v("Đại học"), _v("Cao đẳng"), _v("Trung cấp"), _v("Sơ cấp"),
         _v("Cử nhân"), _v("Cao cấp"), _v("Trung cấp"), _v("Sơ cấp"),
         _v("Trung cấp trở lên"), _v("Chứng chỉ"),
         _v("Đại học trở lên"), _v("Chứng chỉ (A,B,C)"), _v("Đại học trở lên"), _v("Chứng chỉ (A,B,C)"),
         _v("Chuyên viên cao cấp & TĐ"), _v("Chuyên viên chính & TĐ"), _v("Chuyên viên & TĐ"),
         _v("Tổng số"), _v("Nữ từ 51 đến 55"), _v("Nam từ 56 đến 60")],
    ]
    rows: list[RowType] = [SubtotalRow(["", "Tổng số", stats.quota_total, *_counts(stats.total)])]
    for i, unit in enumerate(stats.units, start=1):
        rows.append([i, unit.name, unit.quota, *_counts(unit.counts)])
    return TableSpec(columns=columns, rows=rows, header=header,
                     numbering=["A", "B", *(str(n) for n in range(1, 39))], font_size=7, header_font_size=6.5)


# ---------------------------------------------------------------------------------------------- PDF


def _style(name: str, size: float, font: str, align: int) -> ParagraphStyle:
    register_fonts()
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * 1.25, alignment=align)


def _form_block(stats: QualityStats, reporter: str, recipient: str, width: float) -> Table:
    """The 3x3 borderless block of the form (code and legal basis, title and date, reporting units) and a
    note on how people are counted; the table follows, so its last rows stay with the signatures."""
    left = _style("bm-left", 9, FONT, TA_LEFT)
    centre = _style("bm-centre", 9.5, FONT, TA_CENTER)
    right = _style("bm-right", 9, FONT, TA_RIGHT)
    data = [
        [Paragraph(f"<b>{FORM_CODE}</b>", left),
         Paragraph(f"<b>{title_for(stats)}</b>", _style("bm-title", 12, FONT_BOLD, TA_CENTER)),
         Paragraph(f"Đơn vị báo cáo: {vn_upper(reporter)}", right)],
        [Paragraph(f"<i>{LEGAL_BASIS}</i>", _style("bm-legal", 8.5, FONT_ITALIC, TA_LEFT)),
         Paragraph(SCOPE_NOTE, centre), Paragraph(f"Đơn vị nhận báo cáo: {recipient}", right)],
        [Paragraph("Thời hạn nhận báo cáo: ngày 30 tháng 6", left),
         Paragraph(f"<i>Tính đến {day_month_year(stats.as_of)}</i>", centre),
         Paragraph("Đơn vị tính: người", right)],
        [Paragraph(_notes(stats), _style("bm-note", 8.5, FONT_ITALIC, TA_LEFT)), "", ""],
    ]
    widths = [0.27 * width, 0.46 * width, 0.27 * width]
    style = TableStyle([("FONT", (0, 0), (-1, -1), FONT, 9), ("SPAN", (0, 3), (2, 3)),
                        ("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                        ("RIGHTPADDING", (0, 0), (-1, -1), 0), ("TOPPADDING", (0, 0), (-1, -1), 1),
                        ("BOTTOMPADDING", (0, 0), (-1, -1), 2)])
    return Table(data, colWidths=widths, style=style)


def _notes(stats: QualityStats) -> str:
    t = stats.total
    return (f"Ghi chú: {fmt_int(t.college_or_higher)}/{fmt_int(t.headcount)} người có trình độ cao đẳng trở lên "
            f"(tiến sĩ {t.by_education['TS']:02d}, thạc sĩ {t.by_education['ThS']:02d}); "
            f"{t.doctoral_candidates:02d} người đang là nghiên cứu sinh. Mỗi người tính một lần, theo văn bằng cao "
            "nhất đã được cấp đến ngày báo cáo.")


def write_quality_pdf(target: str | os.PathLike[str] | IO[bytes], stats: QualityStats, letterhead: Letterhead,
                      *, printed_on: date | None = None, recipient: str = RECIPIENT,
                      progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> int:
    """Landscape A4: letterhead, the BM01 block, the table, a note, then the date line and signatures."""
    doc = OfficialDocument(letterhead, "", day=printed_on, landscape=True, margins=Margins(),
                           signatures=table_signatures(letterhead), date_in_header=False)
    doc.flowable(_form_block(stats, letterhead.issuing_unit, recipient, doc.text_width))
    doc.table(quality_table(stats))
    return doc.build(target, progress=progress, cancel=cancel)


def write_quality_xlsx(target: str | os.PathLike[str] | IO[bytes], stats: QualityStats, letterhead: Letterhead,
                       *, printed_on: date | None = None, recipient: str = RECIPIENT,
                       progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> None:
    subtitles = [SCOPE_NOTE, f"Tính đến {day_month_year(stats.as_of)}"]
    intro = [f"{FORM_CODE} – {LEGAL_BASIS}. Đơn vị báo cáo: {vn_upper(letterhead.issuing_unit)}. "
             f"Đơn vị nhận báo cáo: {recipient}. Đơn vị tính: người."]
    build_xlsx(target, letterhead, title_for(stats), quality_table(stats), subtitles=subtitles, day=printed_on,
               intro=intro, outro=[_notes(stats)], signatures=table_signatures(letterhead), landscape=True,
               date_in_header=False, sheet_title="BM01", progress=progress, cancel=cancel)


def write_quality_json(target: str | os.PathLike[str] | IO[bytes], stats: QualityStats) -> None:
    data = json.dumps(stats.to_json(), ensure_ascii=False, indent=2).encode("utf-8")
    write_atomically(target, lambda fh: fh.write(data))


def quality_data(ctx: ServiceContext, as_of: date, categories: Sequence[str] | None = None) -> QualityStats:
    """The statistics on `as_of` of the units the account may see (of `categories` only, when given)."""
    require(ctx, READ)
    unknown = [c for c in categories or () if c not in catalogs.CATEGORIES]
    if unknown:
        raise ValidationError([("categories", f"Loại cán bộ không có: {', '.join(unknown)} (dùng "
                                              f"{', '.join(catalogs.CATEGORIES)}).")])
    return quality_stats(ctx, as_of, categories=categories)


def export_quality(ctx: ServiceContext, target: str | os.PathLike[str], as_of: date, *,
                   categories: Sequence[str] | None = None, printed_on: date | None = None,
                   progress: ProgressCallback | None = None, cancel: CancelCallback | None = None) -> QualityStats:
    """The catalogue's "quality" document (hrapp.reports.catalogue.export)."""
    return export(ctx, "quality", {"as_of": as_of, "categories": categories}, target, progress, cancel,
                  printed_on=printed_on).data
